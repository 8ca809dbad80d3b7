"""Snapshots: the merged history of the whole store in one sealed file, so that a new
workstation starts from it instead of opening every segment (SYNC.md, «It stays small»).

A snapshot is written like a segment — gzip JSON Lines: a header, one line per record and
per tombstone, the applied segments, a footer with the count and the SHA-256 — and sealed with
the district key; its associated data name the store and the snapshot's own name (the time
it was written and its writer), so it cannot be renamed, moved or replayed. It lies in
`snapshots/<time>-<site>.snap`; two PCs writing at once write two names, and a reader takes
the newest one that opens.

It covers, for every workstation, its segments 1..N that every active workstation has
applied (each says how far it got in a small sealed `progress-*` file of its own folder), or
that are older than `Policy.age_days`. It holds every field version of those segments that
the writer still keeps (losers that can never be a conflict are pruned, as in compact.py),
the tombstones of their deletions, and which segments they are; a new workstation stores
them as if it had applied those segments and reads only the later ones.

Each workstation then moves its own covered segments into its `archive/` folder (one writer
per folder, as everywhere on the share), removes them from there after
`Policy.archive_days`, and removes its own superseded snapshots after as long. A PC that was
away reads what it misses from the archive, or, when it is gone, from the snapshot.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from imc_desktop.sync.segment import BadSegment

MAGIC = "IMC-SYNC-SNAPSHOT"
FORMAT = 1
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
#: where the site id starts in a key ("<clock:020d>.<site id>")
SITE = 21

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
    if not name.endswith(SUFFIX) or not stem.isdigit() or len(stem) != 13:
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
    if name.startswith(PROGRESS) and name.endswith(".sealed") and stem.isdigit():
        return int(stem)
    return None


# ---------------------------------------------------------------- the file


def _line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def encode(head: dict[str, Any], lines: Iterable[dict[str, Any]]) -> bytes:
    """gzip JSON Lines: `head`, the lines, a footer with their count and SHA-256."""
    out = io.BytesIO()
    digest = hashlib.sha256()
    count = 0
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6, mtime=0) as packed:
        for number, obj in enumerate(_with_head(head, lines)):
            raw = _line(obj)
            digest.update(raw)
            packed.write(raw)
            count = number
        packed.write(_line({"footer": True, "count": count, "sha256": digest.hexdigest()}))
    return out.getvalue()


def _with_head(head: dict[str, Any], lines: Iterable[dict[str, Any]]
               ) -> Iterator[dict[str, Any]]:
    yield {"magic": MAGIC, "format": FORMAT, **head}
    yield from lines


def decode(data: bytes, where: str, head_only: bool = False
           ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and the lines (none with `head_only`; the hash is checked all the same);
    BadSegment naming `where` and what is wrong."""
    try:
        text = zlib.decompressobj(wbits=31).decompress(data, MAX_PLAIN)
    except zlib.error as exc:
        raise BadSegment(f"{where}: снимок повреждён или оборван (не читается как gzip)") from exc
    lines = text.split(b"\n")
    if len(lines) < 3 or lines[-1] != b"":
        raise BadSegment(f"{where}: снимок оборван (нет заголовка или окончания)")
    body_end = len(text) - len(lines[-2]) - 1
    try:
        head, footer = json.loads(lines[0]), json.loads(lines[-2])
    except ValueError as exc:
        raise BadSegment(f"{where}: строка снимка не читается") from exc
    if not isinstance(head, dict) or head.get("magic") != MAGIC or head.get("format") != FORMAT:
        raise BadSegment(f"{where}: это не снимок папки синхронизации IMC Desktop")
    if (not isinstance(footer, dict) or footer.get("count") != len(lines) - 3
            or footer.get("sha256") != hashlib.sha256(text[:body_end]).hexdigest()):
        raise BadSegment(f"{where}: контрольная сумма снимка не совпадает — файл изменён "
                         "или повреждён")
    if head_only:
        return head, []
    try:
        body = [json.loads(raw) for raw in lines[1:-2]]
    except ValueError as exc:
        raise BadSegment(f"{where}: строка снимка не читается") from exc
    if not all(isinstance(b, dict) and b.get("op") in ("x", "d", "a") for b in body):
        raise BadSegment(f"{where}: в снимке строка неизвестного вида")
    return head, body


@dataclass
class Snapshot:
    """A snapshot read from the share and checked."""

    name: str
    head: dict[str, Any]
    lines: list[dict[str, Any]] = field(default_factory=list)
    _applied: dict[str, set[int]] | None = None

    @property
    def covers(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in (self.head.get("covers") or {}).items()}

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
            or head.get("site") != parsed[1] or not isinstance(head.get("covers"), dict)):
        raise BadSegment(f"{where}: снимок не этой папки синхронизации или не под своим "
                         "именем")


# ---------------------------------------------------------------- writing


def contiguous_tops(con: sqlite3.Connection, own: str) -> dict[str, int]:
    """For every site, the highest N such that its segments 1..N are all applied here (own
    ones: published)."""
    found: dict[str, set[int]] = {}
    for site, seq in con.execute("SELECT site, seq FROM sync_applied"):
        found.setdefault(site, set()).add(int(seq))
    found[own] = {int(s) for (s,) in con.execute(
        "SELECT seq FROM sync_published WHERE site=? AND published=1", (own,))}
    tops: dict[str, int] = {}
    for site, seqs in found.items():
        top = 0
        while top + 1 in seqs:
            top += 1
        tops[site] = top
    return tops


def build(con: sqlite3.Connection, head: dict[str, Any], own: str, workstation: str
          ) -> bytes:
    """The plain snapshot of what `head["covers"]` names, from this database's history."""
    covers: dict[str, int] = head["covers"]
    deletions: set[tuple[str, str, str]] = set()
    return encode(head, _chain(_records(con, covers, deletions), _tombs(con, deletions),
                               _applied(con, covers, own, workstation)))


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


def _applied(con: sqlite3.Connection, covers: dict[str, int], own: str, workstation: str
             ) -> Iterator[dict[str, Any]]:
    rows = [[s, n, h, w, u] for s, n, h, w, u in con.execute(
        "SELECT site, seq, sha256, workstation, user_name FROM sync_applied")
        if int(n) <= covers.get(s, 0)]
    rows += [[own, n, h, workstation, ""] for n, h in con.execute(
        "SELECT seq, sha256 FROM sync_published WHERE site=? AND published=1", (own,))
        if int(n) <= covers.get(own, 0)]
    yield {"op": "a", "a": rows}


def _chain(*parts: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for part in parts:
        yield from part


# ---------------------------------------------------------------- loading


def usable(snap: Snapshot, known: dict[str, list[str]]) -> bool:
    """Every table and column the snapshot names is one this database has."""
    for line in snap.lines:
        if line["op"] == "x":
            columns = known.get(line["t"])
            if columns is None or any(v[0] and v[0] not in columns for v in line["x"]):
                return False
    return True


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
                _give_way(con, table, row, covers)
            rows.extend((table, row, *v) for v in line["x"])
            touched.add((table, row))
    con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                    "kind, key, value, seen, site, segment) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    return touched


def _give_way(con: sqlite3.Connection, table: str, row: str, covers: dict[str, int]) -> None:
    """Remove this PC's versions of the record that come from covered segments."""
    doomed = [(table, row, c, kind, key) for c, kind, key, site, seq in con.execute(
        "SELECT column_name, kind, key, site, segment FROM sync_changes WHERE table_name=? "
        "AND row_id=?", (table, row)) if int(seq) <= covers.get(site, 0)]
    con.executemany("DELETE FROM sync_changes WHERE table_name=? AND row_id=? AND "
                    "column_name=? AND kind=? AND key=?", doomed)
    base = con.execute("SELECT key, segment FROM sync_base WHERE table_name=? AND row_id=?",
                       (table, row)).fetchone()
    if base is not None and int(base[1]) <= covers.get(str(base[0])[SITE:], 0):
        con.execute("DELETE FROM sync_base WHERE table_name=? AND row_id=?", (table, row))
