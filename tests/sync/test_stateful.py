"""3–5 workstations on real SQLite files and a share that fails: edits, inserts, deletes,
syncs, crashes at the k-th file operation, clock skew, late folders, foreign and truncated
files, a PC restored from an old backup, a cloned PC; pedagogue cards opened at one step and
saved at a later one (after syncs and other edits) through the staff service, writing only
what the user changed and answering the «changed meanwhile» question yes or no.

Invariants (shared/SYNC.md): every database passes the integrity and foreign-key checks after
every step; after fault-free rounds all PCs hold the same records and the same conflicts;
no edit is lost silently — each is the current value, was seen and overwritten (by an edit
or a deletion made where it was the current value), or is in the conflict list.
"""

from __future__ import annotations

import gzip
import itertools
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)

from imc_desktop import db
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.errors import ChangedMeanwhile, InUse, NotFound
from imc_desktop.services.staff import card as staff_card
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.card import CardData
from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync import engine
from imc_desktop.sync.snapshot import Policy
from imc_desktop.sync.store import SyncStopped
from tests.rules import RULES
from tests.sync.conftest import LONG
from tests.sync.faulty_share import FaultyShare
from tests.sync.helpers import Workstation

FIELDS = ("phone", "email")
_template: list[Path] = []
_counter = itertools.count()


def _fresh_db(folder: Path) -> Path:
    if not _template:
        home = Path(tempfile.mkdtemp(prefix="imc-sync-sm-"))
        db.prepare_database(home / "template.sqlite", home / "backups")
        _template.append(home / "template.sqlite")
    folder.mkdir(parents=True)
    shutil.copy(_template[0], folder / "imc.sqlite")
    return folder / "imc.sqlite"


def _unique(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


def _name() -> str:
    """A unique surname the card accepts (letters only)."""
    return "Фамилия-" + "".join("абвгдежзик"[int(d)] for d in str(next(_counter)))


def _value(field: str) -> str:
    """A unique phone or e-mail the card accepts."""
    n = next(_counter)
    return f"8 9{n:09d}" if field == "phone" else f"u{n}@school.ru"


STAMP = "2026-01-01 00:00:00.000000"


@dataclass(frozen=True)
class Edit:
    person: str
    field: str
    value: str
    before: Any  # the value the editing PC had: what it saw and overwrote


class SyncMachine(RuleBasedStateMachine):
    people = Bundle("people")

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="imc-sync-sm-"))
        (self.root / "share").mkdir()
        self.share = FaultyShare(self.root / "share")
        self.pcs: list[Workstation] = []
        self.skew: dict[int, int] = {}
        self.edits: list[Edit] = []
        self.deleted_values: set[tuple[str, str, Any]] = set()
        self.gone: list[str] = []  # deleted people, to be re-inserted with their old ids
        self.backups: dict[int, Path] = {}
        self.read_only: set[int] = set()  # PCs that may read the share but not write to it
        self.share_copy: Path | None = None  # yesterday's backup of the share
        self.copies: set[int] = set()  # cloned or restored PCs that have not synced since
        self.cards: list[tuple[int, CardData]] = []  # cards open on a PC, saved later
        self.school = ""  # the ОО everyone works at: a card needs a place of work

    @initialize(count=st.integers(3, 4))
    def start(self, count: int) -> None:
        for _ in range(count):
            self._add_pc(_fresh_db(self.root / _unique("pc")))
        self.school = self.pcs[0].insert("organizations", short_name="Школа")
        for pc in self.pcs:
            pc.sync()

    def _add_pc(self, path: Path) -> Workstation:
        pc = Workstation(path, self.share, f"ПК {len(self.pcs) + 1}")
        self.pcs.append(pc)
        return pc

    # ------------------------------------------------------------ edits
    def _person(self, pc: Workstation, **values: Any) -> str:
        """A pedagogue as a card can save her: born 1980, working at the school — when this
        PC has the school (a new PC whose first sync missed a lost file has not received it
        yet, and its card does not offer it)."""
        person = pc.insert("persons", birth_date="1980-01-01", **values)
        if pc.value("organizations", self.school, "id") is not None:
            pc.insert("employments", person_id=person, organization_id=self.school,
                      position="учитель", job_type="основное место работы", load=None,
                      subjects="", hired_on=None, appointed_on=None, left_on=None,
                      created_at=STAMP, updated_at=STAMP)
        return person

    @rule(target=people, at=st.integers(0, 4))
    def insert_person(self, at: int) -> str:
        pc = self.pcs[at % len(self.pcs)]
        name = _name()
        person = self._person(pc, last_name=name)
        self.edits.append(Edit(person, "last_name", name, None))
        return person

    @rule(person=people, at=st.integers(0, 4), field=st.sampled_from(FIELDS))
    def edit(self, person: str, at: int, field: str) -> None:
        pc = self.pcs[at % len(self.pcs)]
        if pc.value("persons", person, "id") is None:
            return
        value = _value(field)
        self.edits.append(Edit(person, field, value, pc.value("persons", person, field)))
        pc.update("persons", person, **{field: value})

    @rule(person=people, field=st.sampled_from(FIELDS))
    def edit_on_every_pc(self, person: str, field: str) -> None:
        """The same field changed on every PC that has the record, before any sync: the
        conflicts that the restore rule works on."""
        for index in range(len(self.pcs)):
            self.edit(person, index, field)

    @rule(person=people, at=st.integers(0, 4))
    def add_award(self, person: str, at: int) -> None:
        pc = self.pcs[at % len(self.pcs)]
        if pc.value("persons", person, "id") is not None:
            pc.insert("awards", person_id=person, level="муниципальная", name=_unique("Грамота"),
                      document="", created_at=STAMP, updated_at=STAMP)

    @contextmanager
    def _services(self, pc: Workstation) -> Iterator[None]:
        """The PC's file as the one the services work on, as its program has it open."""
        maintenance.connect_current(pc.path, pc.path.parent / "backups")
        try:
            yield
        finally:
            maintenance.close_current()

    @rule(person=people, at=st.integers(0, 4), save=st.booleans(), data=st.data(),
          fields=st.sets(st.sampled_from(FIELDS), min_size=1), answer=st.booleans())
    def card(self, person: str, at: int, save: bool, data: st.DataObject, fields: set[str],
             answer: bool) -> None:
        """A methodist opens a pedagogue's card, or saves one opened some steps ago (after
        syncs and other edits) with one or two fields changed: only they are written; to
        «changed meanwhile elsewhere» she answers yes or no. (One rule, so that a run that
        opens cards also saves them.)"""
        if save and self.cards:
            self._save_card(data, fields, answer)
            return
        index = at % len(self.pcs)
        if self.pcs[index].value("persons", person, "id") is None:
            return
        with self._services(self.pcs[index]):
            self.cards.append((index, staff_card.open_card(person, RULES)))

    def _save_card(self, data: st.DataObject, fields: set[str], answer: bool) -> None:
        index, card = self.cards.pop(data.draw(st.integers(0, len(self.cards) - 1)))
        pc, loaded = self.pcs[index], card.person
        assert loaded.id is not None
        edited = replace(loaded, **{f: _value(f) for f in fields})
        before = {f: pc.value("persons", loaded.id, f) for f in fields}
        others = {f: pc.value("persons", loaded.id, f) for f in ("last_name", *FIELDS)
                  if f not in fields}
        awards = pc.sql("SELECT id FROM awards WHERE person_id=? ORDER BY id", loaded.id)
        with self._services(pc):
            try:
                staff_write.save_person(edited, RULES, card.today, loaded)
            except ChangedMeanwhile:
                if not answer:
                    return  # the other values kept; nothing saved
                staff_write.save_person(edited, RULES, card.today, loaded, overwrite=True)
            except NotFound:
                return  # deleted meanwhile: said to the user, nothing saved
        self.edits += [Edit(loaded.id, f, getattr(edited, f), before[f]) for f in fields]
        assert others == {f: pc.value("persons", loaded.id, f) for f in others}, \
            "a stale card wrote a field the user did not change"
        assert awards == pc.sql("SELECT id FROM awards WHERE person_id=? ORDER BY id",
                                loaded.id), "a stale card removed rows added meanwhile"

    @rule(person=consumes(people), at=st.integers(0, 4))
    def delete(self, person: str, at: int) -> None:
        pc = self.pcs[at % len(self.pcs)]
        for field in ("last_name", *FIELDS):
            self.deleted_values.add((person, field, pc.value("persons", person, field)))
        pc.delete("persons", person)
        self.gone.append(person)

    @precondition(lambda self: bool(self.gone))
    @rule(target=people, data=st.data(), at=st.integers(0, 4))
    def re_insert(self, data: st.DataObject, at: int) -> str:
        """A deleted record inserted again with its old id by raw SQL: a resurrection."""
        person = data.draw(st.sampled_from(self.gone))
        pc = self.pcs[at % len(self.pcs)]
        if pc.value("persons", person, "id") is None:
            name = _name()
            self._person(pc, id=person, last_name=name)
            self.edits.append(Edit(person, "last_name", name, None))
            self.edits += [Edit(person, field, "", None) for field in FIELDS]
        return person

    @rule(data=st.data(), at=st.integers(0, 4))
    def restore_a_conflict(self, data: st.DataObject, at: int) -> None:
        """The user restores one conflict listed on a PC: a new edit of the restored value
        (or the deletion of a kept record)."""
        listing = [pc for pc in self.pcs if pc.sql("SELECT 1 FROM sync_conflicts LIMIT 1")]
        if not listing:
            return
        pc = listing[at % len(listing)]
        self._restore(pc, data.draw(st.sampled_from(self._listed(pc))))

    @staticmethod
    def _listed(pc: Workstation) -> list[tuple[Any, ...]]:
        return pc.sql("SELECT id, table_name, row_id, column_name, kind, loser_value "
                      "FROM sync_conflicts ORDER BY id")

    def _restore(self, pc: Workstation, conflict: tuple[Any, ...]) -> None:
        ident, table, row, column, kind, value = conflict
        before = {f: pc.value(table, row, f) for f in ("last_name", *FIELDS)
                  } if table == "persons" else {}
        try:
            sync_views.restore(pc.path, ident)
        except (InUse, NotFound):
            return  # said to the user in Russian; nothing changed
        if table == "persons" and kind == "kept":
            self.deleted_values.update((row, f, v) for f, v in before.items())
            self.gone.append(row)
        elif table == "persons" and column in before:
            self.edits.append(Edit(row, column, json.loads(value), before[column]))

    # ------------------------------------------------------------ syncs and faults
    @rule(at=st.integers(0, 4), crash=st.none() | st.integers(1, 8))
    def sync(self, at: int, crash: int | None) -> None:
        index = at % len(self.pcs)
        self.share.crash_in = crash
        self.share.deny_writes = index in self.read_only
        skew = self.skew.get(index, 0)
        with mock.patch.object(engine, "now_ms", lambda: int(time.time() * 1000) + skew):
            try:
                result = self.pcs[index].sync()
            except SyncStopped:
                assert index in self.read_only, "a new sync location is made only by writing"
            except OSError:
                assert crash is not None, "only an injected fault may break a sync"
            else:
                self.copies.discard(index)
                off = abs(skew) > engine.CLOCK_LIMIT_MS and index not in self.read_only
                assert bool(result.clock_skew_ms) == off, "refuses to publish only when off"
                assert not off or (result.pushed == 0 and not result.ok)
                assert index not in self.read_only or result.pushed == 0
        self.share.crash_in, self.share.deny_writes = None, False

    @rule(at=st.integers(0, 4), refused=st.booleans())
    def writing_refused(self, at: int, refused: bool) -> None:
        """A PC that cannot publish (no right to write) still receives."""
        (self.read_only.add if refused else self.read_only.discard)(at % len(self.pcs))

    def _site(self, index: int) -> str:
        found = self.pcs[index].sql("SELECT value FROM sync_state WHERE name='site'")
        return str(found[0][0]) if found else ""

    def _live_sites(self) -> set[str]:
        """The ids the PCs write under now: not the ids a restored or cloned PC leaves at
        its next sync, nor the id a copy shares with its original until then."""
        copies = {self._site(i) for i in self.copies}
        return {self._site(i) for i in range(len(self.pcs))} - copies - {""}

    def _segments(self) -> list[Path]:
        """Published segments whose author can send them again: a segment of an id that a
        restored or cloned PC left has no author any more (see the README)."""
        live = self._live_sites()
        return sorted(p for p in (self.root / "share" / "sites").glob("*/*.seg")
                      if p.parent.name in live)

    @precondition(lambda self: (self.root / "share" / "sites").is_dir())
    @rule(data=st.data(), kind=st.sampled_from(["deleted", "damaged"]))
    def lose_segment(self, data: st.DataObject, kind: str) -> None:
        """A published segment deleted by someone, or damaged on the disk."""
        found = self._segments()
        if not found:
            return
        seg = data.draw(st.sampled_from(found))
        if kind == "deleted":
            seg.unlink()
        else:
            seg.write_bytes(gzip.compress(b"garbage\n") if data.draw(st.booleans())
                            else seg.read_bytes()[:20])

    @precondition(lambda self: (self.root / "share" / "store.json").exists())
    @rule()
    def back_up_share(self) -> None:
        copy = self.root / _unique("share-copy")
        shutil.copytree(self.root / "share", copy)
        self.share_copy = copy

    @precondition(lambda self: self.share_copy is not None)
    @rule()
    def roll_back_share(self) -> None:
        """The share restored from yesterday's backup: the later segments of every PC are
        gone (those of ids a restored or cloned PC left are kept: nobody could resend them)."""
        assert self.share_copy is not None
        for site in self._live_sites():
            now, then = (f / "sites" / site for f in (self.root / "share", self.share_copy))
            shutil.rmtree(now, ignore_errors=True)
            if then.is_dir():
                shutil.copytree(then, now)
        self.share_copy = None

    @rule(at=st.integers(0, 4), minutes=st.sampled_from([-4, 0, 3, 11]))
    def skew_clock(self, at: int, minutes: int) -> None:
        self.skew[at % len(self.pcs)] = minutes * 60_000

    @rule(hide=st.booleans())
    def late_folders(self, hide: bool) -> None:
        self.share.hide_new_sites = hide
        if not hide:
            self.share.hidden.clear()

    @precondition(lambda self: (self.root / "share" / "store.json").exists())
    @rule(kind=st.sampled_from(["truncated", "foreign", "garbage", "temp"]))
    def bad_file(self, kind: str) -> None:
        site = self.root / "share" / "sites" / str(uuid.uuid4())
        site.mkdir(parents=True)
        body = json.dumps({"magic": "IMC-SYNC-SEGMENT", "store": "чужая", "site": site.name,
                           "seq": 1}).encode() + b"\n"
        data = {"truncated": gzip.compress(body * 50)[:40], "foreign": gzip.compress(body),
                "garbage": b"\x00" * 64, "temp": b"half"}[kind]
        name = ".tmp-000000000001-x" if kind == "temp" else "000000000001.seg"
        (site / name).write_bytes(data)

    @precondition(lambda self: len(self.pcs) < 5)
    @rule(at=st.integers(0, 4))
    def clone(self, at: int) -> None:
        source = self.pcs[at % len(self.pcs)]
        folder = self.root / _unique("clone")
        folder.mkdir()
        db.backup_to(source.path, folder / "imc.sqlite")
        self._add_pc(folder / "imc.sqlite")
        self.copies.add(len(self.pcs) - 1)

    @precondition(lambda self: len(self.pcs) < 5)
    @rule(at=st.integers(0, 4))
    def snapshot_then_new_pc(self, at: int) -> None:
        """A PC writes a snapshot of what every PC has applied (when nothing is missing
        there); a new workstation starts from the newest snapshot and the later segments
        (and converges with the others at the end). The PCs archive their covered
        segments at their next syncs."""
        index = at % len(self.pcs)
        self.share.crash_in, self.share.deny_writes = None, False
        eager = Policy(every_segments=1, every_days=0, min_hours=0)
        with mock.patch.object(engine, "now_ms", lambda: int(time.time() * 1000)):
            try:
                self.pcs[index].sync(snapshots=eager)
            except SyncStopped:
                return  # no store yet
            new = self._add_pc(_fresh_db(self.root / _unique("new")))
            new.sync()

    @rule(at=st.integers(0, 4))
    def backup(self, at: int) -> None:
        index = at % len(self.pcs)
        self.backups[index] = db.backup_to(self.pcs[index].path,
                                           self.root / _unique("backup") / "b.sqlite")

    @precondition(lambda self: bool(self.backups))
    @rule(data=st.data())
    def restore_old_backup(self, data: st.DataObject) -> None:
        """Restored after a successful sync: what it had made is on the share."""
        index = data.draw(st.sampled_from(sorted(self.backups)))
        pc = self.pcs[index]
        self.share.heal()
        with mock.patch.object(engine, "now_ms", lambda: int(time.time() * 1000)):
            pc.sync()
        db.restore_backup(self.backups.pop(index), pc.path, self.root / "restored")
        self.copies.add(index)

    # ------------------------------------------------------------ invariants
    @invariant()
    def every_database_is_sound(self) -> None:
        for pc in self.pcs:
            assert db.full_check(pc.path) == [], pc.name

    def teardown(self) -> None:
        try:
            if self.pcs:
                self._converge_and_check()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _converge_and_check(self) -> None:
        """Every PC syncs with no fault: once to repair what is missing, then two rounds
        after which all PCs hold the same records and the same conflicts. Then, if
        conflicts are listed, one is restored on the last PC and the same holds again."""
        self.share.heal()
        self.read_only.clear()
        self._converged()
        listed = self._listed(self.pcs[-1])
        if listed:
            self._restore(self.pcs[-1], listed[len(listed) // 2])
            self._converged()

    def _converged(self) -> None:
        for _round in range(2):
            for pc in self.pcs:
                pc.sync()
        first = self.pcs[0]
        for pc in self.pcs[1:]:
            assert pc.content() == first.content(), f"{pc.name} differs from {first.name}"
            assert pc.conflicts() == first.conflicts(), f"{pc.name}: other conflicts"
        self._nothing_lost(first)

    def _nothing_lost(self, pc: Workstation) -> None:
        losers = {(c[1], c[2], json.loads(c[5]) if c[5] else None) for c in pc.conflicts()}
        overwritten = {(e.person, e.field, e.before) for e in self.edits}
        for edit in self.edits:
            ref = (edit.person, edit.field, edit.value)
            current = pc.value("persons", edit.person, edit.field)
            assert (current == edit.value or ref in losers or ref in overwritten
                    or ref in self.deleted_values), f"lost silently: {edit}"


SyncMachine.TestCase.settings = settings(
    max_examples=100 if LONG else 8, stateful_step_count=60 if LONG else 25, deadline=None)
TestSyncBetweenWorkstations = SyncMachine.TestCase
