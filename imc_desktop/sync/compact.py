"""Keeping the local history small (SYNC.md, «It stays small»).

Merging needs, for every field of every record, its winning version (key, value, and the key
it overwrote); every version that is or may yet become a conflict; the record's existence
events and its tombstones. After a sync, each record changed since the last compaction is
rewritten with only that:

- a version that lost is pruned once it can never be listed as a conflict: another version
  overwrote it having seen it, a deletion had it, or a user settled it (the bookkeeping
  column `updated_at` is never a conflict) — and what it had seen itself is pruned with it or
  is not known here while nothing is missing (no gap, nothing held back, no damaged file);
- the versions that share the record's most common key (its creation, on the first sync)
  are kept in one row of `sync_base` instead of a row per field.

Left whole: records with unsent local changes, with changes of this PC not yet published,
with a conflict not settled, or kept aside. A segment that replaces one applied here already
brings nothing new (its changes were applied, and may have been pruned since): it is recorded
as applied and not applied again (`already_applied`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from imc_desktop.sync import merge
from imc_desktop.sync.clock import COUNTER_BITS, MS_PER_DAY, make_key
from imc_desktop.sync.tables import parents_of, present_tables

Row = tuple[str, str]
#: (column, kind, key, value, seen, site, segment): a row of sync_versions
Version = tuple[str, str, str, str | None, str | None, str, int]
#: the file is compacted (VACUUM) when at least this much of it is free, and this share
VACUUM_BYTES = 8 * 1024 * 1024
VACUUM_SHARE = 0.25
#: a deletion is taken as seen by every PC after this many days (the time segments are kept
#: on the share; the share does not tell what each PC has applied)
SEEN_BY_ALL_DAYS = 90
#: where the site id starts in a key ("<clock:020d>.<site id>")
SITE = 21
#: an item of `sync_base.vals` for a column not in the row (no value is a JSON array)
ABSENT = "[]"


@dataclass
class Compaction:
    """What one compaction did."""

    records: int = 0  # records rewritten
    pruned: int = 0  # versions pruned
    folded: int = 0  # versions moved into sync_base
    vacuumed: bool = False
    size_before: int = 0  # the file's size before VACUUM (bytes)
    size_after: int = 0
    left: set[Row] = field(default_factory=set)  # records left whole


def already_applied(con: sqlite3.Connection, site: str, replaces: tuple[int, ...]) -> bool:
    """A segment sent again in place of `replaces` whose changes were applied here with one
    of them (each carries the same changes)."""
    if not replaces:
        return False
    marks = ",".join("?" for _ in replaces)
    return con.execute(f"SELECT 1 FROM sync_applied WHERE site=? AND seq IN ({marks}) AND "
                       "sha256 <> 'replaced' LIMIT 1", (site, *replaces)).fetchone() is not None


def nothing_missing(con: sqlite3.Connection) -> bool:
    """No gap in any other PC's applied segments, and no change held back for being dated
    ahead or naming what this version does not know."""
    gaps = con.execute("SELECT 1 FROM (SELECT site, count(*) AS n, max(seq) AS top FROM "
                       "sync_applied GROUP BY site) WHERE n < top LIMIT 1").fetchone()
    held = con.execute("SELECT 1 FROM sync_held WHERE reason IN ('future', 'unknown') "
                       "LIMIT 1").fetchone()
    return gaps is None and held is None


def _blocked(con: sqlite3.Connection, site: str) -> set[Row]:
    """Records whose history is kept whole for now."""
    found: set[Row] = set(con.execute("SELECT table_name, row_id FROM sync_pending"))
    found.update(con.execute("SELECT table_name, row_id FROM sync_conflicts"))
    for (line,) in con.execute("SELECT line FROM sync_held"):
        change = json.loads(line)
        found.add((change.get("t", ""), change.get("r", "")))
    found.update(con.execute(
        "SELECT DISTINCT c.table_name, c.row_id FROM sync_changes c JOIN sync_published p "
        "ON p.site=c.site AND p.seq=c.segment WHERE c.site=? AND p.published=0", (site,)))
    return found


def compact(con: sqlite3.Connection, site: str, complete: bool = True) -> Compaction:
    """Inside the caller's write transaction: prune and compact the history of the records
    that have rows in `sync_changes`. `complete`: no file was found damaged in this sync."""
    done = Compaction()
    blocked = _blocked(con, site)
    complete = complete and nothing_missing(con)
    tables = set(present_tables(con))
    numbers = Numbers(con)
    for table, row in con.execute("SELECT DISTINCT table_name, row_id FROM sync_changes"
                                  ).fetchall():
        if (table, row) in blocked or table not in tables:
            done.left.add((table, row))
            continue
        _record(con, table, row, complete, numbers, done)
    return done


class Numbers:
    """The column numbers of `sync_base.vals`, per table, and the numbers of the sites of its
    keys; a new column or site gets the next one."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.pos: dict[str, dict[str, int]] = {}
        for table, pos, column in con.execute(
                "SELECT table_name, pos, column_name FROM sync_columns"):
            self.pos.setdefault(table, {})[column] = pos
        self.sites: dict[str, int] = dict(con.execute("SELECT site, n FROM sync_sites"))

    def site(self, site: str) -> int:
        if site not in self.sites:
            self.sites[site] = max(self.sites.values(), default=0) + 1
            self.con.execute("INSERT INTO sync_sites (n, site) VALUES (?,?)",
                             (self.sites[site], site))
        return self.sites[site]

    def of(self, table: str, column: str) -> int:
        mine = self.pos.setdefault(table, {})
        if column not in mine:
            mine[column] = len(mine)
            self.con.execute("INSERT INTO sync_columns (table_name, pos, column_name) "
                             "VALUES (?,?,?)", (table, mine[column], column))
        return mine[column]


def _record(con: sqlite3.Connection, table: str, row: str, complete: bool, numbers: Numbers,
            done: Compaction) -> None:
    versions: list[Version] = con.execute(
        "SELECT column_name, kind, key, value, seen, site, segment FROM sync_versions "
        "WHERE table_name=? AND row_id=?", (table, row)).fetchall()
    versions = list(dict.fromkeys(versions))  # a version stored twice counts once
    pruned = prunable(con, table, row, versions, complete)
    kept = [v for v in versions if (v[0], v[1], v[2]) not in pruned]
    base, rows = _fold(kept, table, numbers)
    if not pruned and not _differs(con, table, row, base, rows):
        return
    con.execute("DELETE FROM sync_changes WHERE table_name=? AND row_id=?", (table, row))
    con.execute("DELETE FROM sync_base WHERE table_name=? AND row_id=?", (table, row))
    con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                    "kind, key, value, seen, site, segment) VALUES (?,?,?,?,?,?,?,?,?)",
                    [(table, row, *v) for v in rows])
    if base is not None:
        con.execute("INSERT INTO sync_base (table_name, row_id, clock, site, segment, e, vals, "
                    "seens) VALUES (?,?,?,?,?,?,?,?)", (table, row, *base))
    done.records += 1
    done.pruned += len(pruned)
    done.folded += len(kept) - len(rows)


def prunable(con: sqlite3.Connection, table: str, row: str, versions: list[Version],
             complete: bool) -> set[tuple[str, str, str]]:
    """(column, kind, key) of the versions merging will never need again: lost, seen (or
    bookkeeping), and what each had seen pruned with it or, with nothing missing, not here;
    with the settling markers of the pruned ones."""
    counts = Counter(v[0] for v in versions if v[1] == "v")
    if all(n == 1 for n in counts.values()):
        return set()  # one version of each field: nothing lost
    types = merge.column_types(con, table)
    seen = {(c, s) for c, _k, _key, _v, s, _site, _seg in versions if s is not None}
    if any(kind == "e" and value == "0" for _c, kind, _k, value, *_r in versions):
        for (text,) in con.execute("SELECT versions FROM sync_tombstones WHERE "
                                   "table_name=? AND row_id=?", (table, row)):
            seen.update(json.loads(text).items())
    fields: dict[str, list[Version]] = {}
    for v in versions:
        if v[1] == "v":
            fields.setdefault(v[0], []).append(v)
    found: set[tuple[str, str, str]] = set()
    for column, mine in fields.items():
        if len(mine) > 1:
            found |= _losers(column, mine, seen, types.get(column, ""), complete)
    found |= {(c, kind, key) for c, kind, key, _v, s, *_r in versions
              if kind == "s" and (c, "v", s) in found}
    return found


def _losers(column: str, mine: list[Version], seen: set[tuple[str, Any]], decl: str,
            complete: bool) -> set[tuple[str, str, str]]:
    fine = [v for v in mine if not merge.refusal(decl, v[3])]
    if not fine:
        return set()
    winner = max(v[2] for v in fine)
    keys = {v[2] for v in mine}
    chosen = {v[2]: v for v in fine if v[2] != winner and (
        (column, v[2]) in seen or column in merge.BOOKKEEPING)}
    while True:
        stuck = [k for k, v in chosen.items() if v[4] is not None and (
            v[4] in keys and v[4] not in chosen or v[4] not in keys and not complete)]
        if not stuck:
            return {(column, "v", k) for k in chosen}
        for key in stuck:
            del chosen[key]


def _fold(kept: list[Version], table: str, numbers: Numbers
          ) -> tuple[tuple[Any, ...] | None, list[Version]]:
    """The base row (clock, site number, segment, e, vals, seens) of the versions sharing the
    record's most common winning key, and the rows left in sync_changes. A key not of the
    usual form (`clock.make_key`) stays in sync_changes."""
    winners: dict[str, str] = {}
    for column, kind, key, *_rest in kept:
        if kind == "v" and key > winners.get(column, ""):
            winners[column] = key
    counts = Counter(winners.values())
    if not counts:
        return None, kept
    key = max(counts, key=lambda k: (counts[k], k))
    clock = _clock_of(key)
    if clock is None:
        return None, kept
    segment = min(v[6] for v in kept if v[2] == key)
    inside = [v for v in kept if v[2] == key and v[6] == segment and v[5] == key[SITE:] and (
        v[1] == "e" or v[1] == "v" and winners.get(v[0]) == key and v[3] is not None)]
    if not any(v[1] == "v" for v in inside):
        return None, kept
    vals: list[str] = []
    for v in inside:
        if v[1] == "v":
            pos = numbers.of(table, v[0])
            vals.extend([ABSENT] * (pos + 1 - len(vals)))
            vals[pos] = str(v[3])  # the value's JSON as it is: the view shows it unchanged
    seens = {v[0]: v[4] for v in inside if v[1] == "v" and v[4] is not None}
    exists = next((v[3] for v in inside if v[1] == "e"), None)
    base = (clock, numbers.site(key[SITE:]), segment, exists, "[" + ",".join(vals) + "]",
            json.dumps(seens, separators=(",", ":")) if seens else None)
    return base, [v for v in kept if v not in inside]


def _clock_of(key: str) -> int | None:
    """The clock of a key of the usual form, which the view writes back the same."""
    head, dot, site = key.partition(".")
    if not dot or not site or len(head) != 20 or not head.isascii() or not head.isdigit():
        return None
    return int(head)


def _differs(con: sqlite3.Connection, table: str, row: str, base: tuple[Any, ...] | None,
             rows: list[Version]) -> bool:
    now = con.execute("SELECT clock, site, segment, e, vals, seens FROM sync_base WHERE "
                      "table_name=? AND row_id=?", (table, row)).fetchone()
    if (now is None) != (base is None) or now is not None and tuple(now) != base:
        return True
    stored = set(con.execute("SELECT column_name, kind, key, value, seen, site, segment "
                             "FROM sync_changes WHERE table_name=? AND row_id=?",
                             (table, row)))
    return stored != set(rows)


def forget_deleted_people(con: sqlite3.Connection, site: str, now_ms: int) -> int:
    """Inside the caller's write transaction: records of a person (a pedagogue, or a record
    of hers) deleted more than SEEN_BY_ALL_DAYS ago and still deleted keep only their id, the
    deletion and its links: their field versions go and the tombstone's content keeps only
    the ids it refers to. The share does not tell what each PC has applied, so a deletion
    that old is taken as seen by every PC. The number of records forgotten."""
    blocked = _blocked(con, site)
    horizon = make_key((now_ms - SEEN_BY_ALL_DAYS * MS_PER_DAY) << COUNTER_BITS, "")
    forgotten = 0
    for table, row, content in con.execute(
            "SELECT table_name, row_id, content FROM sync_tombstones WHERE key < ? AND "
            "content <> '{}' AND (table_name = 'persons' OR json_extract(content, "
            "'$.person_id') IS NOT NULL)", (horizon,)).fetchall():
        links = {c for c, _parent in parents_of(table)}
        if set(json.loads(content)) <= links or (table, row) in blocked or merge.row_state(
                con, table, row).exists is not False:
            continue  # forgotten already, or not to be forgotten now
        kept = {c: v for c, v in json.loads(content).items() if c in links}
        con.execute("UPDATE sync_tombstones SET content=? WHERE table_name=? AND row_id=?",
                    (json.dumps(kept), table, row))
        base = con.execute("SELECT printf('%020d.%s', b.clock, s.site), b.segment, b.e FROM "
                           "sync_base AS b JOIN sync_sites AS s ON s.n = b.site WHERE "
                           "b.table_name=? AND b.row_id=?", (table, row)).fetchone()
        if base is not None and base[2] is not None:
            con.execute("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                        "kind, key, value, seen, site, segment) VALUES (?,?,'','e',?,?,NULL,"
                        "?,?)", (table, row, base[0], base[2], base[0][SITE:], base[1]))
        con.execute("DELETE FROM sync_base WHERE table_name=? AND row_id=?", (table, row))
        con.execute("DELETE FROM sync_changes WHERE table_name=? AND row_id=? AND kind='v'",
                    (table, row))
        forgotten += 1
    return forgotten


def file_size(con: sqlite3.Connection) -> tuple[int, int]:
    """The database's size and its free part, in bytes."""
    size = int(con.execute("PRAGMA page_size").fetchone()[0])
    pages = int(con.execute("PRAGMA page_count").fetchone()[0])
    free = int(con.execute("PRAGMA freelist_count").fetchone()[0])
    return pages * size, free * size


def vacuum_if_worth(con: sqlite3.Connection, done: Compaction) -> None:
    """Outside a transaction: give the free space back when it is a good part of the file
    (the sync runs off the window's thread). A busy database is left for the next time."""
    total, free = file_size(con)
    done.size_before = done.size_after = total
    if free < VACUUM_BYTES or free < total * VACUUM_SHARE:
        return
    try:
        con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        return  # another connection was writing: next time
    done.vacuumed = True
    done.size_after = file_size(con)[0]
