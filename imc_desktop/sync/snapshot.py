"""Snapshots: the merged state of the whole store in one sealed file, so that a new
workstation starts from it instead of opening every segment (SYNC.md, «It stays small»).

A snapshot is a header line (JSON) and, compressed with zlib, an SQLite database: the
writer's synchronised tables and what merging needs (the field versions, kept compacted; the
tombstones; the segments applied; the conflicts to review, which follow from them) — nothing
of the writer's own (its settings, its sync state, its staff cards' local history). It is
sealed and signed like a segment; its associated data name the store and the snapshot's own
name (the time it was written and its writer), so it cannot be renamed, moved or replayed. It
lies in `snapshots/<time>-<site>.snap`; two PCs writing at once write two names, and a reader takes
the newest one that opens and was written by this version of the database schema.

The header says what it `contains` (for every workstation, its segments 1..N applied by the
writer) and what it `covers`: those of them that every active workstation has applied (each
says how far it got in a small sealed `progress-*` file of its own folder), or that are
older than `Policy.age_days`. A new workstation unpacks the database while the file arrives
(`Unpacking`; used once the whole file has passed the check), takes it whole (SQLite's
backup, page by page, into the file once when nothing else has it open: `written_once`),
with the records it made itself before its first sync put in, and reads only the later
segments; if one of its own records clashes with the snapshot's, it merges the snapshot's
field versions record by record instead. A workstation that lacks covered segments gone from
the archive takes their field versions, tombstones and applied segments from it, as if it
had applied those segments.

Each workstation then moves its own covered segments into its `archive/` folder (one writer
per folder, as everywhere on the share), removes them from there after
`Policy.archive_days`, and removes its own superseded snapshots after as long. A PC that was
away reads what it misses from the archive, or, when it is gone, from the snapshot.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from imc_desktop.sync.segment import BadSegment, number

MAGIC = "IMC-SYNC-SNAPSHOT"
FORMAT = 2
FOLDER = "snapshots"
SUFFIX = ".snap"
ARCHIVE = "archive"
PROGRESS = "progress-"
#: sync_state: the newest sound snapshot this PC knows: {"name", "covers"}
KNOWN = "snapshot"
#: sync_state: own segments up to this number are covered by a snapshot (and archived)
ARCHIVED = "archived_upto"
#: sync_state: the applied tops told in this PC's last progress file
TOLD = "progress_told"
DAY_S = 86400.0
#: decompressed size a snapshot may have (a bomb is refused, not unpacked)
MAX_PLAIN = 1024 ** 3
SQLITE_MAGIC = b"SQLite format 3\x00"
#: a header line longer than this is not looked for while the file is read
HEAD_MAX = 1024 * 1024
#: ahead of the check of its file, a snapshot is unpacked to no more than this many times
#: the bytes unpacked, and this many bytes more (a bomb is unpacked only once its file has
#: passed the check)
AHEAD_RATIO, AHEAD_BYTES = 32, 32 * 1024 * 1024
#: besides the synchronised tables, what a snapshot's database holds: what merging needs, and
#: the conflicts to review (they follow from the field versions: every PC lists the same)
SHARED = ("alembic_version", "sync_columns", "sync_sites", "sync_base", "sync_changes",
          "sync_tombstones", "sync_applied", "sync_conflicts")

Row = tuple[str, str]
Version = tuple[str, str, str, str | None, str | None, str, int]  # col, kind, key, value..


@dataclass(frozen=True)
class Policy:
    """When snapshots are written and what is kept (config: SYNC_SNAPSHOT_AGE_DAYS,
    SYNC_ARCHIVE_DAYS). `clock`: seconds since the epoch (time.time)."""

    age_days: float = 90  # older segments are covered even if an active PC lacks them
    archive_days: float = 2  # archived segments and superseded snapshots kept so long
    every_segments: int = 40  # a new snapshot when it would cover this many more segments
    every_days: float = 1  # ... or any more, when the newest is this old
    min_hours: float = 2  # never sooner after the newest snapshot
    clock: Callable[[], float] = time.time


def snapshot_name(stamp_ms: int, site: str) -> str:
    return f"{stamp_ms:013d}-{site}{SUFFIX}"


def parse_name(name: str) -> tuple[int, str] | None:
    """(time in ms, writer's site) of a snapshot's file name; None for other names."""
    stem, _dot, rest = name.partition("-")
    if not name.endswith(SUFFIX) or not number(stem) or len(stem) != 13:
        return None
    return int(stem), rest[:-len(SUFFIX)]


def snapshot_ad(store: str, name: str) -> bytes:
    """What a snapshot is bound to: its store and its name (time and writer)."""
    return f"imc-sync-snapshot\n{store}\n{name}".encode()


def progress_ad(store: str, site: str, name: str) -> bytes:
    return f"imc-sync-progress\n{store}\n{site}\n{name}".encode()


def progress_name(stamp_ms: int) -> str:
    return f"{PROGRESS}{stamp_ms:013d}.sealed"


def progress_stamp(name: str) -> int | None:
    stem = name[len(PROGRESS):-len(".sealed")]
    if name.startswith(PROGRESS) and name.endswith(".sealed") and number(stem):
        return int(stem)
    return None


# ---------------------------------------------------------------- the file


class OtherFormat(BadSegment):
    """A snapshot written by another version of the program, in a format this one does not
    read: not damaged, only not for this PC (it is left on the share)."""


def encode(head: dict[str, Any], image: bytes) -> bytes:
    """The header line and the database `image` compressed (zlib, level 6)."""
    line = json.dumps({"magic": MAGIC, "format": FORMAT, **head}, ensure_ascii=False,
                      separators=(",", ":")).encode()
    return line + b"\n" + zlib.compress(image, 6)


class Unpacking:
    """A snapshot's database unpacked while its file is read, ahead of the check of the
    whole file (over the network, during the copy): `feed` takes the file's parts in order,
    `decipher` deciphers them (not checked), the first `skip` bytes of what they decipher to
    are not the snapshot's (the signature), the last `TAG` bytes are the cipher's tag.
    `image(plain)` gives what it unpacked only when it was unpacked from exactly `plain`, the
    checked content (its SHA-256 is that of what was deciphered); else None, and `decode`
    unpacks `plain` itself and says what is wrong. Ahead of the check it unpacks no more than
    `AHEAD_RATIO` times what it was given and `AHEAD_BYTES` more (real snapshots compress 3–13
    to 1): a file made to unpack to a great deal is unpacked only if it passes the check."""

    TAG = 16

    def __init__(self, decipher: Callable[[bytes], bytes], skip: int) -> None:
        self._decipher, self._skip = decipher, skip
        self._head = bytearray()  # the text up to the header's line end, while looked for
        self._packed = -1  # where the compressed database starts in the text (-1: not yet)
        self._digest = hashlib.sha256()  # of the text but its last TAG bytes
        self._hashed = 0
        self._held = b""  # the text's last TAG bytes so far
        self._unpack = zlib.decompressobj()
        self._fed = 0  # bytes given to `_unpack`
        self._image = bytearray()  # grown during the copy, not joined after it
        self._broken = False

    def feed(self, part: bytes) -> None:
        text = self._decipher(part)
        if self._skip:
            cut = min(self._skip, len(text))
            text, self._skip = text[cut:], self._skip - cut
        if not text:
            return
        held = self._held + text
        self._digest.update(held[:-self.TAG])
        self._hashed += max(len(held) - self.TAG, 0)
        self._held = held[-self.TAG:]
        if self._broken or self._unpack.eof:
            return
        if self._packed < 0:
            self._head += text
            newline = self._head.find(b"\n")
            if newline < 0:
                self._broken = len(self._head) > HEAD_MAX  # no header line: left to `decode`
                return
            self._packed = newline + 1
            text = bytes(self._head[self._packed:])
            self._head = bytearray()
        self._fed += len(text)
        room = min(MAX_PLAIN, AHEAD_RATIO * self._fed + AHEAD_BYTES) - len(self._image)
        try:
            image = self._unpack.decompress(text, room) if room > 0 else b""
        except (zlib.error, ValueError):
            self._broken = True
            return
        if room <= 0 or self._unpack.unconsumed_tail:
            self._broken = True  # larger than it may be: `decode` unpacks it, or refuses it
            return
        self._image += image

    def image(self, plain: bytes) -> bytearray | None:
        if self._broken or not self._unpack.eof or self._packed < 0:
            return None
        end = self._packed + self._fed - len(self._unpack.unused_data)
        if (end > len(plain) or self._hashed != len(plain)
                or hashlib.sha256(plain).digest() != self._digest.digest()):
            return None
        return self._image


def decode(data: bytes, where: str, head_only: bool = False, unpacked: bytes | bytearray |
           None = None) -> tuple[dict[str, Any], bytes | bytearray]:
    """The header and the database image (b"" with `head_only`); BadSegment naming `where`
    and what is wrong. `unpacked`: the image, unpacked from `data` already (`Unpacking`)."""
    line, newline, packed = data.partition(b"\n")
    try:
        head = json.loads(line)
    except ValueError as exc:
        raise BadSegment(f"{where}: заголовок снимка не читается") from exc
    if not isinstance(head, dict) or head.get("magic") != MAGIC:
        raise BadSegment(f"{where}: это не снимок папки синхронизации IMC Desktop")
    if head.get("format") != FORMAT:
        raise OtherFormat(f"{where}: снимок записан в другом формате ({head.get('format')}) — "
                         "другой версией программы")
    if not newline:
        raise BadSegment(f"{where}: снимок оборван (нет базы данных)")
    if head_only:
        return head, b""
    if unpacked is not None:
        if not unpacked.startswith(SQLITE_MAGIC):
            raise BadSegment(f"{where}: снимок оборван или слишком велик")
        return head, unpacked
    try:
        unpack = zlib.decompressobj()
        image = unpack.decompress(packed, MAX_PLAIN)
    except zlib.error as exc:
        raise BadSegment(f"{where}: снимок повреждён или оборван (не распаковывается)") from exc
    if not unpack.eof or unpack.unconsumed_tail or not image.startswith(SQLITE_MAGIC):
        raise BadSegment(f"{where}: снимок оборван или слишком велик")
    return head, image


@dataclass
class Snapshot:
    """A snapshot read from the share and checked (`image`: b"" when only its header was
    read)."""

    name: str
    head: dict[str, Any]
    image: bytes | bytearray = b""
    _lines: list[dict[str, Any]] | None = None
    _applied: dict[str, set[int]] | None = None
    _open: sqlite3.Connection | None = None  # opened by the check, for the next use

    def database(self) -> sqlite3.Connection:
        """The snapshot's database, in memory (the caller closes it)."""
        if self._open is not None:
            con, self._open = self._open, None
            return con
        con = sqlite3.connect(":memory:")
        con.deserialize(self.image)
        return con

    def check_holdings(self, where: str) -> None:
        """BadSegment when the snapshot says it covers segments its database does not hold:
        for every workstation, its segments 1..covered must all be among those applied
        there (the writer's own among them). A false claim would make their authors archive
        them and the others give way to versions that are not there."""
        con = self.database()
        try:
            held: dict[str, set[int]] = {}
            for site, seq in con.execute("SELECT site, seq FROM sync_applied"):
                held.setdefault(str(site), set()).add(int(seq))
        except sqlite3.DatabaseError as exc:
            con.close()
            raise BadSegment(f"{where}: база данных снимка не читается ({exc})") from exc
        self._open = con
        for site, upto in self.covers.items():
            have = held.get(site, set())  # (a number beyond its count is surely lacking)
            first = next((n for n in range(1, min(upto, len(have) + 1) + 1)
                          if n not in have), None)
            if first is not None:
                raise BadSegment(f"{where}: снимок не содержит файлов изменений, которые "
                                 f"указывает как включённые (рабочее место {site}, "
                                 f"№ {first}–{upto}); он не применяется")

    @property
    def lines(self) -> list[dict[str, Any]]:
        """What it covers, a line per record, per tombstone, and the segments applied (the
        form `load` takes)."""
        if self._lines is None:
            con = self.database()
            try:
                deletions: set[tuple[str, str, str]] = set()
                self._lines = [*_records(con, self.covers, deletions),
                               *_tombs(con, deletions), *_applied(con, self.covers)]
            finally:
                con.close()
        return self._lines

    @property
    def covers(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in (self.head.get("covers") or {}).items()}

    @property
    def contains(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in (self.head.get("contains") or {}).items()}

    @property
    def stamp(self) -> int:
        return int(self.head["stamp"])

    def applied(self, site: str) -> set[int]:
        """The numbers of `site`'s segments the snapshot holds (and those they replaced)."""
        if self._applied is None:
            self._applied = {}
            for line in self.lines:
                for a in line["a"] if line["op"] == "a" else ():
                    self._applied.setdefault(str(a[0]), set()).add(int(a[1]))
        return self._applied.get(site, set())


def check_head(head: dict[str, Any], store: str, name: str, where: str) -> None:
    parsed = parse_name(name)
    if (head.get("store") != store or parsed is None or head.get("stamp") != parsed[0]
            or head.get("site") != parsed[1] or not isinstance(head.get("covers"), dict)
            or not isinstance(head.get("contains"), dict)):
        raise BadSegment(f"{where}: снимок не этой папки синхронизации или не под своим "
                         "именем")
    covers, contains = head["covers"], head["contains"]
    if (not all(_count(n) for n in (*covers.values(), *contains.values()))
            or any(n > contains.get(site, 0) for site, n in covers.items())
            or not _count(head.get("clock", 0))):
        raise BadSegment(f"{where}: заголовок снимка неверен (номера файлов изменений или "
                         "время); он не применяется")


def _count(value: Any) -> bool:
    """A whole number ≥ 0 as JSON gives it (not true/false, not a fraction)."""
    return type(value) is int and value >= 0


# ---------------------------------------------------------------- writing


def contiguous_tops(con: sqlite3.Connection, own: str, schema: str = "main"
                    ) -> dict[str, int]:
    """For every site, the highest N such that its segments 1..N are all applied here (own
    ones: published)."""
    found: dict[str, set[int]] = {}
    for site, seq in con.execute(f"SELECT site, seq FROM {schema}.sync_applied"):
        found.setdefault(site, set()).add(int(seq))
    found[own] = {int(s) for (s,) in con.execute(
        f"SELECT seq FROM {schema}.sync_published WHERE site=? AND published=1", (own,))}
    tops: dict[str, int] = {}
    for site, seqs in found.items():
        top = 0
        while top + 1 in seqs:
            top += 1
        tops[site] = top
    return tops


def schema_of(con: sqlite3.Connection) -> str:
    """The database schema's revision (Alembic's), "" when unknown."""
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else ""


def image_of(path: str, own: str, workstation: str,
             shared: Iterable[str]) -> tuple[bytes, dict[str, int]] | None:
    """The snapshot's database made from the database file `path` (this PC's, `own`) in one
    read transaction, and what it contains (the contiguous tops); None when this PC has
    changes not sealed yet (its data would run ahead of its field versions). Only the
    tables `shared` get rows: nothing of this PC's own leaves it."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        mem.execute("ATTACH DATABASE ? AS src", (path,))
        page = int(mem.execute("PRAGMA src.page_size").fetchone()[0])
        mem.execute(f"PRAGMA main.page_size={page}")  # as the readers' files: a backup copies pages
        for mark in ("application_id", "user_version"):  # the file stays the program's own
            value = int(mem.execute(f"PRAGMA src.{mark}").fetchone()[0])
            mem.execute(f"PRAGMA main.{mark}={value}")
        mem.execute("BEGIN")
        if mem.execute("SELECT 1 FROM src.sync_pending LIMIT 1").fetchone() is not None:
            return None
        objects = mem.execute("SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT "
                              "NULL AND name NOT LIKE 'sqlite_%'").fetchall()
        for kind, _name, sql in objects:
            if kind == "table":
                mem.execute(sql)
        tables = {name for kind, name, _sql in objects if kind == "table"}
        for table in sorted(tables & set(shared)):
            mem.execute(f'INSERT INTO main."{table}" SELECT * FROM src."{table}"')
        tops = contiguous_tops(mem, own, schema="src")
        mem.execute("INSERT OR IGNORE INTO main.sync_applied (site, seq, sha256, workstation, "
                    "user_name) SELECT site, seq, sha256, ?, '' FROM src.sync_published "
                    "WHERE site=? AND published=1", (workstation, own))
        mem.execute("COMMIT")
        mem.execute("DETACH DATABASE src")
        for kind, _name, sql in objects:
            if kind != "table":  # indexes, views, triggers: after the rows
                mem.execute(sql)
        return mem.serialize(), tops
    finally:
        mem.close()


def _records(con: sqlite3.Connection, covers: dict[str, int],
             deletions: set[tuple[str, str, str]]) -> Iterator[dict[str, Any]]:
    """A line per record: its field versions of covered segments (the deletions noted)."""
    current: Row | None = None
    rows: list[list[Any]] = []
    for t, r, *v in con.execute(
            "SELECT table_name, row_id, column_name, kind, key, value, seen, site, segment "
            "FROM sync_versions ORDER BY table_name, row_id"):
        if int(v[6]) > covers.get(v[5], 0):
            continue
        if (t, r) != current:
            if current is not None:
                yield {"op": "x", "t": current[0], "r": current[1], "x": rows}
            current, rows = (t, r), []
        rows.append(v)
        if v[1] == "e" and v[3] == "0":
            deletions.add((t, r, v[2]))
    if current is not None:
        yield {"op": "x", "t": current[0], "r": current[1], "x": rows}


def _tombs(con: sqlite3.Connection, deletions: set[tuple[str, str, str]]
           ) -> Iterator[dict[str, Any]]:
    for t, r, key, content, versions in con.execute(
            "SELECT table_name, row_id, key, content, versions FROM sync_tombstones"):
        if (t, r, key) in deletions:
            yield {"op": "d", "t": t, "r": r, "k": key, "v": content, "s": versions}


def _applied(con: sqlite3.Connection, covers: dict[str, int]) -> Iterator[dict[str, Any]]:
    rows = [[s, n, h, w, u] for s, n, h, w, u in con.execute(
        "SELECT site, seq, sha256, workstation, user_name FROM sync_applied")
        if int(n) <= covers.get(s, 0)]
    yield {"op": "a", "a": rows}


# ---------------------------------------------------------------- loading


def usable(snap: Snapshot, schema: str, known: dict[str, list[str]]) -> bool:
    """The snapshot's database has this database's schema (`schema`: its revision), or at
    least every table and column its field versions name is one this database has (a
    snapshot of an older version: merged record by record)."""
    if schema and snap.head.get("schema") == schema:
        return True
    try:
        con = snap.database()
        try:
            named = con.execute("SELECT table_name, column_name FROM sync_changes UNION "
                                "SELECT table_name, column_name FROM sync_columns").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return all(t in known and (not c or c in known[t]) for t, c in named)


def restore(con: sqlite3.Connection, snap: Snapshot, synced: Iterable[str]) -> int | None:
    """Make the database of `con` (a new workstation's: nothing of the store applied yet)
    the snapshot's database, keeping what is this PC's own: every table neither `synced`
    (parents first) nor SHARED — its settings, sync state, journals, its changes not sent —
    and the records it made itself, which are all among those not sent yet. The records it
    holds now; None (nothing changed) when one of its own records clashes with the
    snapshot's (the same id or natural key), or the snapshot's schema is not exactly this
    database's (a trigger or view of its own would come with it): it is then merged record by
    record. `con` must not be inside a transaction."""
    order = list(synced)
    mem = snap.database()
    mem.isolation_level = None
    try:
        path = con.execute("PRAGMA database_list").fetchone()[2]
        mem.execute("ATTACH DATABASE ? AS here", (path,))
        if _schema(mem, "main") != _schema(mem, "here"):
            return None  # tables, indexes, views and triggers must be this program's own
        mine = [t for t in tables_of(mem, "here") if t not in order and t not in SHARED]
        mem.execute("BEGIN")
        try:
            for table in mine:  # not synchronised: no triggers record these
                mem.execute(f'DELETE FROM main."{table}"')
                mem.execute(f'INSERT INTO main."{table}" SELECT * FROM here."{table}"')
            mem.execute("INSERT INTO main.sync_applying (flag) VALUES (1)")  # triggers silent
            for table in order:  # its own records, still to be sent from sync_pending
                mem.execute(f'INSERT INTO main."{table}" SELECT * FROM here."{table}"')
            mem.execute("DELETE FROM main.sync_applying")
        except sqlite3.IntegrityError:
            mem.execute("ROLLBACK")
            return None
        mem.execute("COMMIT")
        mem.execute("DETACH DATABASE here")
        records = sum(int(mem.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                      for t in order)
        try:
            with written_once(con):
                mem.backup(con)  # one write transaction: all of it, or nothing on an error
        except sqlite3.OperationalError:
            return None
    finally:
        mem.close()
    return records


@contextmanager
def written_once(con: sqlite3.Connection) -> Iterator[None]:
    """While no other connection has the file open (a first sync from the command line, or
    from the window, which lets its idle connections go first), the database leaves WAL mode
    for what is written inside: its pages go once into the file (the rollback journal keeps
    the few it replaces), not into the WAL and then again into the file. With another
    connection open SQLite refuses at once, and the database stays in WAL mode."""
    left = False
    if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        with suppress(sqlite3.OperationalError):  # "database is locked": another is open
            left = str(con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]) == "delete"
    try:
        yield
    finally:
        if left:
            with suppress(sqlite3.OperationalError):  # else the next connection sets WAL
                con.execute("PRAGMA journal_mode=WAL")


def _schema(con: sqlite3.Connection, schema: str) -> list[tuple[str, ...]]:
    return sorted(con.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master "
                              "WHERE name NOT LIKE 'sqlite_%'"))


def tables_of(con: sqlite3.Connection, schema: str) -> list[str]:
    return [n for (n,) in con.execute(f"SELECT name FROM {schema}.sqlite_master WHERE "
                                      "type='table' AND name NOT LIKE 'sqlite_%'")]


def load(con: sqlite3.Connection, snap: Snapshot, own: str, fresh: bool) -> set[Row]:
    """Inside the caller's write transaction: store the snapshot's versions, tombstones and
    applied segments (not this PC's own); the records touched. `fresh`: nothing is known
    here yet; else this PC's versions of the covered segments give way to the snapshot's
    (which has pruned those that can never be a conflict, with what had seen them)."""
    touched: set[Row] = set()
    rows: list[tuple[Any, ...]] = []
    covers = snap.covers
    for line in snap.lines:
        if line["op"] == "a":
            con.executemany("INSERT OR IGNORE INTO sync_applied (site, seq, sha256, "
                            "workstation, user_name) VALUES (?,?,?,?,?)",
                            [tuple(a) for a in line["a"] if a[0] != own])
        elif line["op"] == "d":
            con.execute("INSERT OR IGNORE INTO sync_tombstones (table_name, row_id, key, "
                        "content, versions) VALUES (?,?,?,?,?)",
                        (line["t"], line["r"], line["k"], line["v"], line["s"]))
        else:
            table, row = line["t"], line["r"]
            if not fresh:
                _give_way(con, table, row, covers, {(v[0], v[1]) for v in line["x"]})
            rows.extend((table, row, *v) for v in line["x"])
            touched.add((table, row))
    con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                    "kind, key, value, seen, site, segment) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    return touched


def _give_way(con: sqlite3.Connection, table: str, row: str, covers: dict[str, int],
              given: set[tuple[str, str]]) -> None:
    """Remove this PC's versions of the record that come from covered segments, of the
    fields (column, kind) the snapshot `given` versions of: a field the snapshot has none of
    (its writer pruned them for a later version, of a segment it does not cover) keeps this
    PC's, never none at all."""
    doomed = [(table, row, c, kind, key) for c, kind, key, site, seq in con.execute(
        "SELECT column_name, kind, key, site, segment FROM sync_changes WHERE table_name=? "
        "AND row_id=?", (table, row)) if int(seq) <= covers.get(site, 0)
        and (c, kind) in given]
    con.executemany("DELETE FROM sync_changes WHERE table_name=? AND row_id=? AND "
                    "column_name=? AND kind=? AND key=?", doomed)
    base = con.execute("SELECT s.site, b.segment, printf('%020d.%s', b.clock, s.site) FROM "
                       "sync_base AS b JOIN sync_sites AS s ON s.n = b.site WHERE "
                       "b.table_name=? AND b.row_id=?", (table, row)).fetchone()
    if base is None or int(base[1]) > covers.get(str(base[0]), 0):
        return
    held = con.execute("SELECT column_name, kind FROM sync_versions WHERE table_name=? AND "
                       "row_id=? AND key=?", (table, row, base[2])).fetchall()
    if all((c, kind) in given for c, kind in held):
        con.execute("DELETE FROM sync_base WHERE table_name=? AND row_id=?", (table, row))
