"""One sync, step by step (shared/SYNC.md): check the store, pull and verify, seal and apply in
one local transaction, publish under new names, read back."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from imc_desktop import __version__
from imc_desktop.sync import (
    admission,
    compact,
    held,
    local,
    merge,
    rekey,
    repair,
    snapshot,
    upkeep,
)
from imc_desktop.sync.clock import MS_PER_DAY, make_key, now_ms, physical_ms
from imc_desktop.sync.keys import KeySource
from imc_desktop.sync.progress import Reporter, StepProgress, TextProgress
from imc_desktop.sync.report import SyncResult, clock_note, duplicates
from imc_desktop.sync.sealing import SyncKey, segment_ad
from imc_desktop.sync.segment import (
    BadSegment,
    Change,
    Header,
    Segment,
    decode,
    encode,
    segment_name,
    verify,
)
from imc_desktop.sync.share import NameTaken, Share, read_only_error
from imc_desktop.sync.signing import open_signed, seal_signed, signer_for
from imc_desktop.sync.site import take_new_site
from imc_desktop.sync.store import (
    SCHEMA_EPOCH,
    StoreInfo,
    SyncStopped,
    describe,
    is_site_id,
    open_store,
    read_store,
    workstation_name,
    write_site,
)
from imc_desktop.sync.tables import present_tables, synced_tables

CLOCK_LIMIT_MS = 5 * 60 * 1000
Progress = TextProgress  # the text-only callback, as before
Row = tuple[str, str]
#: changes recorded at once, sealed or applied (and reported between)
STORE_CHUNK = 2000
#: records sealed or brought to their merged state between two reports
RECORDS_EVERY = 500


def _quiet(_text: str) -> None:
    pass


@dataclass
class _Tally:
    pulled: int = 0
    applied: int = 0
    pushed: int = 0
    held: int = 0
    bad: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _Run:
    def __init__(self, path: Path, share: Share, workstation: str, report: Reporter,
                 keys: KeySource, policy: snapshot.Policy) -> None:
        self.path, self.share, self.workstation = path, share, workstation
        self.report, self.keys, self.policy = report, keys, policy
        self.snapshot: snapshot.Snapshot | None = None  # started from, or filling gaps
        self.fresh = False  # nothing of this store applied here yet
        self.restored = False  # this sync made the database a snapshot's
        self.key: SyncKey | None = None
        self.con = local.connect(path)
        local.back_to_wal(self.con)
        self.tables = present_tables(self.con)
        self.schema = snapshot.schema_of(self.con)
        self.site = local.site_id(self.con)
        self.tally = _Tally()
        self.store: StoreInfo | None = None
        self.server_ms = 0
        self.skew_ms = 0  # the PC clock minus the server's, when too far apart to publish
        self.read_only_share = False  # the share refuses writing: receive only
        self.gone: list[int] = []  # own published segments missing from the share
        self.gaps: dict[str, list[int]] = {}  # others' segments missing: site -> numbers
        self.signer = signer_for(local.home_of(path))  # this database's own signing key
        self.roster: admission.Roster | None = None
        self.unadmitted: dict[str, tuple[str, list[int]]] = {}  # held: site -> signer, seqs
        #: files signed by a key refused for their folder, or never declared there: named,
        #: never applied, not waited for
        self.stray: dict[str, tuple[str, list[int]]] = {}
        self.roster_reread = False

    # ------------------------------------------------------------ the steps

    def check(self, accept_new: bool) -> None:
        remembered = local.get(self.con, "store")
        # the folder this PC writes into from now on: a new one with a new store or in a new
        # place — a store made now names it with this PC's key
        planned = str(uuid.uuid4()) if remembered or self._moved() else self.site
        self.store = open_store(self.share, remembered, accept_new, self.keys.new_store,
                                self.signer.public, planned)
        self.key = self.keys.key_for(self.store)  # a wrong key stops here: nothing read yet
        rekey.stop_if_changing(self.share)  # nothing is written under the old key meanwhile
        if self.store.store_id != remembered:
            with local.applying(self.con):
                self._adopt_store(self.store.store_id, bool(remembered), planned)
                local.put(self.con, admission.PINNED, self.store.maker)
        admission.pin(self.con, self.store.maker, self.share.root)
        replaces = self._check_home(planned)
        try:
            write_site(self.share, self.key, self.signer, self.site, self.workstation,
                       replaces)
            admission.declare(self.share, self.key, self.site, self.signer, self.workstation)
            self.server_ms = int(self.share.server_time(f"sites/{self.site}") * 1000)
        except OSError as exc:
            if not read_only_error(exc):
                raise
            self.read_only_share = True  # read what there is, publish nothing
            self.server_ms = now_ms()
            return
        self.share.remove_stale(f"sites/{self.site}")
        self.share.remove_stale("")
        skew = now_ms() - self.server_ms
        if abs(skew) > CLOCK_LIMIT_MS:
            self.skew_ms = skew  # pull and apply, but publish nothing (SYNC.md)

    def _moved(self) -> bool:
        """This database synced before somewhere else than where it is now."""
        home = local.get(self.con, local.HOME)
        return bool(home) and home != local.home_of(self.path)

    def _check_home(self, planned: str) -> str:
        """A database that is not where it synced last (copied to another folder or
        computer, or put back from a backup) takes a new site id at once: the original may
        still be working under the old one, and a copy must never publish under it — even
        when the segments that would show the copy on the share are lost. The old id, if
        replaced (`planned`: the new id, unless a new store gave one already)."""
        here, home = local.home_of(self.path), local.get(self.con, local.HOME)
        if home == here:
            return ""
        old = self.site
        with local.applying(self.con):
            if home and old != planned:  # synced before, elsewhere (none: first sync)
                self.site = take_new_site(self.con, old, self._store_id(), planned)
                self.tally.notes.append(
                    "База этого компьютера скопирована с другого или восстановлена из копии: "
                    "ему присвоен новый номер рабочего места.")
            local.put(self.con, local.HOME, here)
        return old if self.site != old else ""

    def _adopt_store(self, store_id: str, replaced: bool, planned: str) -> None:
        """First sync with this store: remember it; with a new store, send everything again
        under the new id `planned`."""
        if replaced:
            self.con.execute("DELETE FROM sync_applied")
            self.con.execute("DELETE FROM sync_published")
            self.site = planned
            local.put(self.con, "site", self.site)
            self.tally.notes.append("Новая папка синхронизации: данные отправлены заново. "
                                    + describe(self.share, self.key))
        local.seed(self.con, self.tables, everything=replaced)
        local.put(self.con, "store", store_id)

    def reconcile_own(self) -> None:
        """Segments of this site found on the share: confirm them, or detect a clone."""
        while True:
            seq = self._published_upto() + 1
            data = self.share.read(f"sites/{self.site}/{segment_name(seq)}")
            if data is None:
                if seq <= upkeep.covered(self.con, self.site):
                    # archived under a snapshot that holds it: the database this one is a
                    # copy of (or an earlier state of it) had published it
                    self._clone_detected()
                return
            sealed = self.con.execute("SELECT sha256 FROM sync_published WHERE site=? AND "
                                      "seq=?", (self.site, seq)).fetchone()
            digest = self._digest(data, self.site, seq)
            if not digest and self._forged(seq, data):
                return  # set aside: this PC publishes under its number as planned
            if sealed is None or digest != sealed[0]:
                self._clone_detected()
                return
            self._mark_published(seq, len(data))

    def _forged(self, seq: int, data: bytes) -> bool:
        """A file under this PC's next number that does not open with the key: not a copy
        of this database (a copy seals with the key) but damage or a forgery — quarantined,
        set aside and named; False when it could not be set aside (read-only share)."""
        rel = f"sites/{self.site}/{segment_name(seq)}"
        where = str(self.share.path(rel))
        try:
            self._opened(data, self.site, seq, where)
        except BadSegment as exc:
            self._key_unchanged()
            self._quarantine(self.site, seq, data)
            self.share.set_aside(rel)
            self.tally.bad.append(str(exc))
            return not self.share.exists(rel)
        return False  # it opens, signed by an admitted key: another content, a clone's

    def check_own(self) -> None:
        """Own published segments that are not on the share any more (deleted, lost with a
        share restored from a backup, set aside as damaged): to be sent again."""
        if self._may_publish():
            repair.answer_replacements(self.con, self.share, self.site, self._key())
            self.gone = upkeep.lost_own(self.con, self.share, self.site)
            for seq in self.gone:  # a damaged one is set aside, so that nobody reads it
                self.share.set_aside(f"sites/{self.site}/{segment_name(seq)}")

    def _clone_detected(self) -> None:
        old = self.site
        with local.applying(self.con):
            self.site = take_new_site(self.con, self.site, self._store_id())
        write_site(self.share, self._key(), self.signer, self.site, self.workstation,
                   replaces=old)
        admission.declare(self.share, self._key(), self.site, self.signer, self.workstation)
        self.tally.notes.append("База этого компьютера скопирована с другого или восстановлена "
                                "из копии: ему присвоен новый номер рабочего места.")

    def learn(self) -> None:
        """The newest sound snapshot on the share, before what it holds is relied on (what
        its authors may have archived; this PC's own files it holds). A new workstation
        reads it whole once, in `pull`."""
        self.fresh = self.con.execute("SELECT 1 FROM sync_applied UNION ALL SELECT 1 FROM "
                                      "sync_published LIMIT 1").fetchone() is None
        if not self.fresh:
            upkeep.learn(self._place())

    def pull(self) -> list[Segment]:
        if self.fresh:  # a new workstation starts from the newest snapshot, if any
            self.snapshot = upkeep.newest(self._place(), self._usable)
            if self.snapshot is not None:
                self._restore(self.snapshot)
        found: list[Segment] = []
        for site in self.share.list_dir("sites"):
            if site == self.site or not is_site_id(site) or not self.share.is_dir(
                    f"sites/{site}"):
                continue  # Thumbs.db, desktop.ini and other names that are not a PC's
            found += self._pull_site(site, len(found))
        if self.gaps:
            found += self._fill_gaps()
        self.tally.pulled = len(found)
        return found

    def _fill_gaps(self) -> list[Segment]:
        """Missing segments read from their authors' archives, or, when gone from there
        too, taken from the newest snapshot that holds them."""
        found: list[Segment] = []
        for site, seqs in self.gaps.items():
            folder = f"sites/{site}/{snapshot.ARCHIVE}"
            there = set(self.share.list_dir(folder))
            for seq in seqs:
                if segment_name(seq) in there:
                    got = self._fetch(site, seq, f"{folder}/{segment_name(seq)}")
                    found += [got] if got is not None else []
        fetched = {(s.header.site, n) for s in found for n in (s.header.seq,
                                                                 *s.header.replaces)}
        self.gaps = {site: [n for n in seqs if (site, n) not in fetched]
                     for site, seqs in self.gaps.items()}
        if any(self.gaps.values()) and self.snapshot is None:
            self.snapshot = upkeep.newest(self._place(), self._usable)
        if self.snapshot is not None:
            snap = self.snapshot
            self.gaps = {site: [n for n in seqs if n not in snap.applied(site)]
                         for site, seqs in self.gaps.items()}
        self.gaps = {site: seqs for site, seqs in self.gaps.items() if seqs}
        return found

    def _pull_site(self, site: str, before: int) -> list[Segment]:
        """The site's segments not applied yet: the gaps, the next ones by their expected
        names, then the later ones a listing shows; the numbers still missing are noted."""
        done = repair.applied(self.con, site)
        if self.snapshot is not None:
            done |= self.snapshot.applied(site)
        top = max(done, default=0)
        got: list[Segment] = []

        def take(seq: int, rel: str = "") -> bool:
            segment = self._fetch(site, seq, rel)
            if segment is not None:
                got.append(segment)
                self.report.say(f"Получено файлов изменений: {before + len(got)}",
                                before + len(got))
            return segment is not None

        listed, hint = upkeep.listing(self.share, site)
        archived = upkeep.covered(self.con, site)  # held by the snapshot known
        for seq in range(1, top):
            if seq not in done:
                take(seq)
        seq = top + 1
        while take(seq):
            seq += 1
        if max(archived, hint) >= seq:  # its author may have archived what this PC lacks
            self._from_archive(site, seq, done, take)
        for later in listed:
            if later > seq and later not in done:
                take(later)
        if site in self.unadmitted:
            return got  # its signer is not admitted (yet): nothing of it is missing
        fetched = {s.header.seq for s in got} | {r for s in got for r in s.header.replaces}
        fetched |= set(self.stray.get(site, ("", []))[1])  # never to be applied: not missing
        highest = max({s.header.seq for s in got} | done | {archived + 1}, default=0)
        gaps = [n for n in range(1, highest) if n not in done and n not in fetched]
        if gaps:
            self.gaps[site] = gaps
        return got

    def _from_archive(self, site: str, first: int, done: set[int],
                      take: Callable[[int, str], bool]) -> None:
        """The site's archived segments from `first` on that this PC lacks (as many as
        there are files: an archive marker's number is not believed)."""
        folder = f"sites/{site}/{snapshot.ARCHIVE}"
        for number in repair.listed_seqs(self.share, f"{site}/{snapshot.ARCHIVE}"):
            if number >= first and number not in done:
                take(number, f"{folder}/{segment_name(number)}")

    def _fetch(self, site: str, seq: int, rel: str = "") -> Segment | None:
        rel = rel or f"sites/{site}/{segment_name(seq)}"
        data = self.share.read(rel)
        if data is None:
            return None
        try:
            where = str(self.share.path(rel))
            signer, plain = open_signed(self._key(), data, segment_ad(self._store_id(), site,
                                                                       seq), where)
            if self._roster().admitted_elsewhere(signer, site) and (
                    not self._read_roster_again()
                    or self._roster().admitted_elsewhere(signer, site)):
                raise BadSegment(f"{where}: файл подписан ключом другого рабочего места — "
                                 "ключ допущен только для его собственной папки; файл "
                                 "подделан")
            if not self._roster().admits(signer, site):  # held on the share until admitted
                waiting = self.unadmitted if self._waits(signer, site) else self.stray
                waiting.setdefault(site, (signer, []))[1].append(seq)
                return None
            segment = decode(plain, where)
            verify(segment, self._store_id(), site, seq, str(self.share.path(rel)))
        except BadSegment as exc:
            self._key_unchanged()
            self._quarantine(site, seq, data)
            self.share.set_aside(rel)  # its author sees it missing and sends it again
            self.tally.bad.append(str(exc))
            return None
        return segment

    def _waits(self, signer: str, site: str) -> bool:
        """The key is declared for the site's folder and not refused: its files wait for its
        admission. The folder is read again once when it is not declared (a workstation
        that joined while this sync ran)."""
        roster = self._roster()
        if (site, signer) in roster.refused:
            return False
        if any(request.key == signer for request in roster.declared.get(site, [])):
            return True
        return self._read_roster_again() and self._waits(signer, site)

    def _read_roster_again(self) -> bool:
        """Read who is admitted once more in this sync (a workstation joined, or moved to a
        new folder, while it ran); False when that was done already."""
        if self.roster_reread:
            return False
        self.roster_reread = True
        self.read_roster()
        return True

    def _key_unchanged(self) -> None:
        """Before a file that does not open is set aside: SyncStopped when the folder's key
        is being changed or was changed since this sync began — the file is then sealed with
        the new key, not damaged, and must stay where it is."""
        message = rekey.changing(self.share)
        found = read_store(self.share)
        assert self.store is not None
        if message or found is None or found.key != self.store.key:
            raise SyncStopped(message or "Ключ синхронизации папки сменён во время этой "
                              "синхронизации: она прервана, ничего не отложено. Повторите "
                              "синхронизацию с новым ключом.")

    def _quarantine(self, site: str, seq: int, data: bytes) -> None:
        folder = self.path.parent / "sync-quarantine"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{site}-{segment_name(seq)}").write_bytes(data)

    def merge(self, segments: list[Segment]) -> None:
        """Seal local changes and apply the pulled ones in one transaction."""
        with local.applying(self.con):
            touched: set[Row] = set()
            if self._may_publish():
                touched |= self._seal()
                self._seal_again()
            if self.snapshot is not None:
                touched |= self._load_snapshot(self.snapshot)
            touched |= self._apply_all(segments)
            touched |= held.retry(self.con, self.tables, self.server_ms)
            self._settle(touched)
            local.put(self.con, "last_sync", str(int(time.time())))
            local.put(self.con, "workstation", self.workstation)
            self.report.say("Сохранение базы данных")

    def _seal(self) -> set[Row]:
        counter = self.report.counter("Подготовка изменений к отправке", 0, RECORDS_EVERY)
        sealed = local.collect(self.con, self.tables, counter.reach)
        self.con.execute("DELETE FROM sync_pending WHERE seq<=?", (sealed.last_seq,))
        if not sealed.changes:
            return set()
        clock, key = local.new_key(self.con, self.site, now_ms())
        seq = self._next_seq()
        header = Header(self._store_id(), self.site, seq, clock, __version__, SCHEMA_EPOCH,
                        self.workstation, local.get_user())
        data, digest = encode(header, sealed.changes)
        self.con.execute("INSERT INTO sync_published (site, seq, sha256, data, published) "
                         "VALUES (?,?,?,?,0)", (self.site, seq, digest, data))
        counter = self.report.counter("Запись в журнал изменений", len(sealed.changes))
        for chunk in _chunks(sealed.changes):
            merge.store(self.con, chunk, key, self.site, seq, self.tables)
            counter.add(len(chunk))
        return {(c["t"], c["r"]) for c in sealed.changes}

    def _seal_again(self) -> None:
        """The missing own segments, sealed again under new numbers with the same changes."""
        for gone in self.gone:
            seq = self._next_seq()
            header = Header(self._store_id(), self.site, seq, 0, __version__, SCHEMA_EPOCH,
                            self.workstation, local.get_user())
            repair.seal_again(self.con, header, gone)
            self.tally.notes.append(
                f"Файл изменений {repair.numbers([gone])} этого компьютера пропал из папки "
                f"синхронизации или испорчен: его изменения отправлены заново (№ {seq}).")

    def _load_snapshot(self, snap: snapshot.Snapshot) -> set[Row]:
        self.report.say("Загрузка снимка папки синхронизации")
        touched = snapshot.load(self.con, snap, self.site, self.fresh)
        local.save_clock(self.con, local.clock(self.con).receive(int(snap.head["clock"])))
        if snap.name > upkeep.known(self.con).get("name", ""):
            upkeep.remember(self.con, snap)
        self.tally.applied += len(touched)
        return touched

    def _restore(self, snap: snapshot.Snapshot) -> None:
        """A new workstation's database becomes the snapshot's, with its own records (then
        reads only the later segments); when they clash, the snapshot is merged instead."""
        self.report.say("Загрузка снимка папки синхронизации")
        records = snapshot.restore(self.con, snap, [t for t in synced_tables()
                                                    if t in self.tables])
        if records is None:
            return
        self.tally.applied += records
        with local.applying(self.con):
            local.save_clock(self.con, local.clock(self.con).receive(int(snap.head["clock"])))
            upkeep.remember(self.con, snap)
        self.fresh, self.snapshot, self.restored = False, None, True

    def _usable(self, snap: snapshot.Snapshot) -> bool:
        return snapshot.usable(snap, self.schema, self.tables)

    def _place(self) -> upkeep.Place:
        return upkeep.Place(self.con, self.share, self._key(), self.site, self.workstation,
                            self.policy, self._bad_file, self.signer, self._trusts,
                            self._member)

    def _member(self, site: str) -> bool:
        """The site's folder declares a key that is admitted."""
        return any(self._roster().admits(w.key, site)
                   for w in self._roster().declared.get(site, []))

    def _trusts(self, key: str, site: str) -> bool:
        """A file of the site's folder signed by `key` may be taken as that site's."""
        return self._roster().admits(key, site)

    def _bad_file(self, rel: str, data: bytes, message: str) -> None:
        """A damaged snapshot: quarantined here, set aside on the share, reported."""
        self._key_unchanged()
        folder = self.path.parent / "sync-quarantine"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / rel.replace("/", "-")).write_bytes(data)
        self.share.set_aside(rel)
        self.tally.bad.append(message)

    def upkeep(self) -> None:
        """Progress, snapshots and the archive of this PC's own segments."""
        upkeep.run(self._place(), self._may_publish(), not self.tally.bad and not self.gaps)

    def _next_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), 0) FROM sync_published WHERE "
                                    "site=?", (self.site,)).fetchone()[0]) + 1

    def _apply_all(self, segments: list[Segment]) -> set[Row]:
        """Apply the pulled segments in order, saying how many of their changes are done."""
        counter = self.report.counter("Применение изменений",
                                      sum(len(s.changes) for s in segments))
        touched: set[Row] = set()
        for number, segment in enumerate(segments, 1):
            note = f"файл {number} из {len(segments)}" if len(segments) > 1 else ""
            touched |= self._apply(segment, partial(counter.add, note=note))
        return touched

    def _apply(self, segment: Segment, advance: Callable[[int], None]) -> set[Row]:
        h = segment.header
        if compact.already_applied(self.con, h.site, h.replaces):
            self.con.execute("INSERT OR IGNORE INTO sync_applied (site, seq, sha256, "
                             "workstation, user_name) VALUES (?,?,?,?,?)",
                             (h.site, h.seq, segment.sha256, h.workstation, h.user))
            advance(len(segment.changes))
            return set()
        self.con.execute("INSERT OR IGNORE INTO sync_applied (site, seq, sha256, workstation, "
                         "user_name) VALUES (?,?,?,?,?)",
                         (h.site, h.seq, segment.sha256, h.workstation, h.user))
        self.con.executemany("INSERT OR IGNORE INTO sync_applied (site, seq, sha256, "
                             "workstation, user_name) VALUES (?,?,'replaced',?,?)",
                             [(h.site, n, h.workstation, h.user) for n in h.replaces])
        key = make_key(h.clock, h.site)
        if physical_ms(h.clock) > self.server_ms + MS_PER_DAY:
            for change in segment.changes:
                held.hold(self.con, h.site, h.seq, key, change, "future")
            advance(len(segment.changes))
            return set()
        touched = {(c["t"], c["r"]) for c in segment.changes}
        for chunk in _chunks(segment.changes):
            held.store(self.con, self.tables, chunk, key, h.site, h.seq)
            advance(len(chunk))
        self.tally.applied += len(segment.changes)
        local.save_clock(self.con, local.clock(self.con).receive(h.clock))
        return touched

    def _settle(self, touched: set[Row]) -> None:
        order = list(synced_tables())
        pending = local.pending_columns(self.con)
        tick: Callable[[], None] | None = self.report.counter(
            "Обновление записей", len(touched), RECORDS_EVERY).add
        rows = touched
        for _round in range(20):
            removed = merge.settle(self.con, rows, order, pending, tick)
            tick = None  # the parents rechecked afterwards are few and not counted
            rows = merge.parents_to_recheck(self.con, removed)
            if not rows:
                break
        merge.sweep_kept(self.con, pending)
        held.hold_orphans(self.con, self.tables)

    def publish(self) -> None:
        """Upload sealed segments under new names, read each back, mark it published."""
        if not self._may_publish():
            return
        rows = self.con.execute("SELECT seq, sha256, data FROM sync_published WHERE site=? "
                                "AND published=0 ORDER BY seq", (self.site,)).fetchall()
        sizes = [len(decode(data, segment_name(seq)).changes) for seq, _d, data in rows]
        counter = self.report.counter("Отправка изменений", sum(sizes))
        for (seq, digest, data), size in zip(rows, sizes, strict=True):
            rel = f"sites/{self.site}/{segment_name(seq)}"
            ad = segment_ad(self._store_id(), self.site, seq)
            sealed = seal_signed(self._key(), self.signer, data, ad)
            try:
                self.share.write_new(rel, sealed)
            except NameTaken:
                pass
            back = self.share.read(rel)
            if back is None or self._digest(back, self.site, seq) != digest:
                self._clone_detected()
                self.publish()
                return
            self._mark_published(seq, len(sealed))
            self.tally.pushed += size
            counter.add(size)

    def compact(self) -> None:
        """Prune and compact the local history; give the space back when it is worth it.
        Not in the sync that took a snapshot's database: its writer has just done it (what
        came after is compacted by the next sync)."""
        if self.restored:
            return
        if self.tally.applied or self.tally.pushed:  # else there is little or nothing to do
            self.report.say("Сжатие истории изменений")
        with local.applying(self.con):
            compact.forget_deleted_people(self.con, self.site, now_ms())
            done = compact.compact(self.con, self.site, not self.tally.bad and not self.gaps
                                   and not self.unadmitted)
        compact.vacuum_if_worth(self.con, done)

    # ------------------------------------------------------------ helpers

    def _may_publish(self) -> bool:
        """Not with a store of a newer version, nor with a PC clock far from the server's."""
        return (self.store is not None and not self.store.read_only and not self.skew_ms
                and not self.read_only_share)

    def _store_id(self) -> str:
        assert self.store is not None
        return self.store.store_id

    def _key(self) -> SyncKey:
        assert self.key is not None
        return self.key

    def _digest(self, sealed: bytes, site: str, seq: int) -> str:
        """The content hash of a sealed segment of `site` numbered `seq` ("" when it does not
        open with the key there, is not signed by this PC or an admitted one, or is not a
        sound segment)."""
        try:
            return decode(self._opened(sealed, site, seq, ""), "").sha256
        except BadSegment:
            return ""

    def _opened(self, data: bytes, site: str, seq: int, where: str) -> bytes:
        """The content of a signed and sealed file; BadSegment when it does not open with the
        key there or its signer is neither this PC nor an admitted one."""
        ad = segment_ad(self._store_id(), site, seq)
        signer, plain = open_signed(self._key(), data, ad, where)
        if signer != self.signer.public and not self._roster().admits(signer, site):
            raise BadSegment(f"{where}: файл подписан рабочим местом, которое не допущено к "
                             "папке синхронизации")
        return plain

    def read_roster(self) -> None:
        """Who is admitted to write into the folder, and who waits (admission.py)."""
        assert self.store is not None
        self.roster = admission.read_roster(self.share, self._key(), self.store,
                                            admission.remembered(self.con))
        admission.remember(self.con, self.roster)

    def _roster(self) -> admission.Roster:
        assert self.roster is not None
        return self.roster

    def _published_upto(self) -> int:
        row = self.con.execute("SELECT coalesce(max(seq), 0) FROM sync_published WHERE site=? "
                               "AND published=1", (self.site,)).fetchone()
        return int(row[0])

    def _mark_published(self, seq: int, size: int) -> None:
        """Published: the size is the sealed file's, as the share shows it."""
        self.con.execute("UPDATE sync_published SET published=1, size=?, data=NULL "
                         "WHERE site=? AND seq=?", (size, self.site, seq))

    def result(self) -> SyncResult:
        conflicts = int(self.con.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])
        self.tally.held = int(self.con.execute("SELECT count(*) FROM sync_held").fetchone()[0])
        notes = [clock_note(self.skew_ms)] if self.skew_ms else []
        notes += self.tally.notes + self._admission_notes()
        notes += [repair.gap_note(workstation_name(self.share, site, self._key()), seqs,
                                  repair.replaced_by(self.share, site, self._key()), site)
                  for site, seqs in sorted(self.gaps.items())]
        if self.store is not None and self.store.read_only:
            notes.append("Папка синхронизации создана более новой версией программы: "
                         "изменения этого компьютера не отправлены. Обновите программу.")
        if self.read_only_share:
            notes.append(f"Папка синхронизации {self.share.root} доступна только для чтения: "
                         "изменения других рабочих мест получены, а изменения этого "
                         "компьютера не отправлены. Проверьте права доступа к папке.")
        return SyncResult(self.tally.pulled, self.tally.applied, self.tally.pushed, conflicts,
                          self.tally.held, tuple(self.tally.bad), duplicates(self.con),
                          tuple(notes), local.pending_count(self.con), self.skew_ms,
                          self.read_only_share or (self.store is not None
                                                   and self.store.read_only),
                          sum(len(g) for g in self.gaps.values()), self._awaiting())

    def _awaiting(self) -> str:
        """This PC's verification code while it waits for admission; "" once admitted, and
        while the share refuses writing (its request for admission is not there to compare:
        the note on the read-only folder says what to do)."""
        if (self.roster is None or self.roster.admits(self.signer.public, self.site)
                or self.read_only_share):
            return ""
        return self.signer.code

    def _admission_notes(self) -> list[str]:
        notes = []
        if self._awaiting():
            notes.append(admission.awaiting_note(self.signer.code))
        for site, (signer, seqs) in sorted(self.unadmitted.items()):
            name = (self._roster().name_of(site, signer)
                    or workstation_name(self.share, site, self._key()) or site)
            notes.append(admission.held_note(name, signer, repair.numbers(seqs), False))
        for site, (signer, seqs) in sorted(self.stray.items()):
            name = workstation_name(self.share, site, self._key()) or site
            refused = (site, signer) in self._roster().refused
            notes.append(admission.held_note(name, signer, repair.numbers(seqs),
                                             True if refused else None))
        return notes


def _chunks(changes: list[Change]) -> Iterator[list[Change]]:
    for start in range(0, len(changes), STORE_CHUNK):
        yield changes[start:start + STORE_CHUNK]


def synchronise(path: Path, share: Share, workstation: str, *, accept_new_store: bool = False,
                progress: Progress = _quiet, steps: StepProgress | None = None,
                passphrase: str | None = None, remember_key: bool = False,
                snapshots: snapshot.Policy | None = None) -> SyncResult:
    """Run one sync of the database file `path` through `share`. Each step is told to
    `progress` as a Russian line and to `steps` with its numbers (SyncProgress). The key:
    `passphrase` (typed; remembered on this PC with `remember_key`), else
    IMC_SYNC_PASSPHRASE, else the key remembered here (keys.KeySource). `snapshots`: when
    snapshots are written and how long archived files are kept (the settings')."""
    report = Reporter(progress, steps)
    run = _Run(path, share, workstation, report, KeySource(passphrase, remember_key),
               snapshots or snapshot.Policy())
    try:
        report.say("Проверка папки синхронизации")
        run.check(accept_new_store)
        run.read_roster()
        run.learn()
        run.reconcile_own()
        run.check_own()
        report.say("Получение изменений")
        segments = run.pull()
        run.merge(segments)
        report.say("Отправка изменений")
        run.publish()
        run.compact()
        run.upkeep()
        return run.result()
    except sqlite3.DatabaseError:
        raise
    finally:
        run.con.close()
