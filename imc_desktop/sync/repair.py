"""Missing and damaged segments (SYNC.md, second round).

Every PC checks its own published sequence on the share at each sync and publishes again,
under the next number, what is missing (deleted, lost with a share restored from a backup, or
set aside as damaged by a reader): the same changes with the same clock, and a header naming
the numbers they replace. Readers go on past a gap, apply what they can, and report the gap by
the name of the PC that will repair it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import replace
from typing import Any

from imc_desktop.sync import local
from imc_desktop.sync.clock import key_clock
from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.segment import Change, Header, encode, segment_name, segment_number
from imc_desktop.sync.share import NameTaken, Share
from imc_desktop.sync.store import is_site_id, site_info

REPLACED = "replaced"  # sync_state: {"site": id, "map": {seq: the seq that replaces it}}


def replacements(con: sqlite3.Connection, site: str) -> dict[int, int]:
    """This site's published segments that were published again: seq -> replacement."""
    found = json.loads(local.get(con, REPLACED, "{}") or "{}")
    if found.get("site") != site:
        return {}
    return {int(k): int(v) for k, v in found.get("map", {}).items()}


def _save(con: sqlite3.Connection, site: str, mapping: dict[int, int]) -> None:
    local.put(con, REPLACED, json.dumps({"site": site, "map": mapping}))


def missing_own(con: sqlite3.Connection, share: Share, site: str) -> list[int]:
    """This site's published segments that are not on the share any more, or are there with
    another size than was published (damaged)."""
    mapping = replacements(con, site)
    published = con.execute("SELECT seq, size FROM sync_published WHERE site=? AND "
                            "published=1 ORDER BY seq", (site,)).fetchall()
    if not published:
        return []
    listed = share.sizes(f"sites/{site}")
    return [seq for seq, size in published if seq not in mapping and (
        size is not None and listed[segment_name(seq)] != size if segment_name(seq) in listed
        else not share.exists(f"sites/{site}/{segment_name(seq)}"))]


def plan(con: sqlite3.Connection, site: str, gone: int) -> tuple[int, list[int]]:
    """The segment whose changes replace `gone` (the original) and the numbers replaced."""
    mapping = replacements(con, site)
    covered = sorted(k for k, v in mapping.items() if v == gone)
    return (covered[0] if covered else gone), sorted({gone, *covered})


def record(con: sqlite3.Connection, site: str, replaced: list[int], new: int) -> None:
    mapping = replacements(con, site)
    mapping.update({seq: new for seq in replaced})
    _save(con, site, mapping)


def seal_again(con: sqlite3.Connection, header: Header, gone: int) -> None:
    """Seal the changes of the missing segment `gone` again as the segment of `header` (its
    clock is taken from the changes), to be published."""
    origin, replaced = plan(con, header.site, gone)
    clock, changes = rebuild(con, header.site, origin)
    header = replace(header, clock=clock or local.clock(con).last, replaces=tuple(replaced))
    data, digest = encode(header, changes)
    con.execute("INSERT INTO sync_published (site, seq, sha256, data, published) "
                "VALUES (?,?,?,?,0)", (header.site, header.seq, digest, data))
    record(con, header.site, replaced, header.seq)


def rebuild(con: sqlite3.Connection, site: str, seq: int) -> tuple[int, list[Change]]:
    """The clock and the change lines of segment `seq` of `site`, from the field versions."""
    grouped: dict[tuple[str, str], list[tuple[Any, ...]]] = defaultdict(list)
    clock = 0
    for table, row, column, kind, key, value, seen in con.execute(
            "SELECT table_name, row_id, column_name, kind, key, value, seen FROM sync_versions "
            "WHERE site=? AND segment=? ORDER BY key, table_name, row_id", (site, seq)):
        grouped[(table, row)].append((column, kind, key, value, seen))
        clock = max(clock, key_clock(key.split("/", 1)[0]))
    changes: list[Change] = []
    for (table, row), rows in grouped.items():
        for key in dict.fromkeys(r[2].split("/", 1)[0] for r in rows):
            mine = [r for r in rows if r[2].split("/", 1)[0] == key]
            changes.extend({**line, "c": key_clock(key)}
                           for line in _lines(con, table, row, mine))
    return clock, changes


def _lines(con: sqlite3.Connection, table: str, row: str,
           rows: list[tuple[Any, ...]]) -> list[Change]:
    lines: list[Change] = []
    exists = [(value, key) for _c, kind, key, value, _s in rows if kind == "e"]
    values = {c: json.loads(v) for c, kind, _k, v, _s in rows if kind == "v"}
    seen = {c: s for c, kind, _k, _v, s in rows if kind == "v" and s is not None}
    if exists and exists[0][0] == "0":
        content, versions = con.execute(
            "SELECT content, versions FROM sync_tombstones WHERE table_name=? AND row_id=? "
            "AND key=?", (table, row, exists[0][1])).fetchone() or ("{}", "{}")
        lines.append({"t": table, "r": row, "op": "d", "v": json.loads(content),
                      "s": json.loads(versions)})
    elif exists or values:
        lines.append({"t": table, "r": row, "op": "i" if exists else "u", "v": values,
                      "s": seen})
    markers: dict[str, list[str]] = defaultdict(list)
    for column, kind, _k, _v, loser in rows:
        if kind == "s":
            markers[column].append(loser)
    if markers:
        lines.append({"t": table, "r": row, "op": "s", "s": dict(markers)})
    return lines


def listed_seqs(share: Share, site: str) -> list[int]:
    """The segment numbers a listing of the site's folder shows (it may lag)."""
    return sorted(n for n in map(segment_number, share.list_dir(f"sites/{site}")) if n)


def applied(con: sqlite3.Connection, site: str) -> set[int]:
    return {int(r[0]) for r in con.execute("SELECT seq FROM sync_applied WHERE site=?",
                                           (site,))}


def numbers(seqs: list[int]) -> str:
    """1, 2, 3, 7 -> "№ 1–3, 7"."""
    runs: list[list[int]] = []
    for seq in sorted(seqs):
        if runs and seq == runs[-1][-1] + 1:
            runs[-1].append(seq)
        else:
            runs.append([seq])
    return "№ " + ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def gap_note(name: str, seqs: list[int], successor: str | None = None, site: str = "") -> str:
    """The gap in a workstation's files, and who can repair it: the workstation itself, or
    nobody when its number was left (`successor`: the name now used by its database)."""
    who = f"«{name}»" if name else "неизвестного рабочего места"
    if successor is None:
        return (f"В папке синхронизации нет файлов изменений {numbers(seqs)} рабочего места "
                f"{who}: его остальные изменения получены, а недостающие отправит заново само "
                f"рабочее место {who} при своей следующей синхронизации.")
    now = ("теперь оно работает под новым номером" if successor == name
           else f"теперь его изменения отправляет «{successor}» под новым номером")
    return (f"В папке синхронизации нет файлов изменений {numbers(seqs)} рабочего места {who} "
            "под его прежним номером. Этот номер больше не используется: база рабочего места "
            f"была восстановлена из копии или скопирована, и {now}. Поэтому недостающие файлы "
            "заново не отправит никто; остальные изменения получены. Верните эти файлы из "
            f"резервной копии папки синхронизации (в папку sites/{site}) или перенесите на этот "
            "компьютер базу с компьютера, где эти изменения есть (см. руководство, раздел о "
            "синхронизации: «Пропавший файл прежнего номера»).")


CONTINUES = "continues-{}.json"  # in a site's folder: it goes on after a copy left its number
LOOKED = "sites_looked"  # sync_state: the sites whose site file this database has read


def replaced_by(share: Share, site: str, key: SyncKey) -> str | None:
    """The workstation name under which the database that published as `site` now works,
    when it left that number (restored from a backup, or a clone) and no other copy goes on
    publishing under it; None while `site` is in use."""
    for other in share.list_dir("sites"):
        if other == site or not is_site_id(other):
            continue
        info = site_info(share, other, key)
        if info.get("replaces") == site and not share.exists(
                f"sites/{site}/{CONTINUES.format(other)}"):
            return info.get("workstation") or other
    return None


def answer_replacements(con: sqlite3.Connection, share: Share, site: str,
                        key: SyncKey) -> None:
    """A copy of this database that left this number (a clone) says so in its site file;
    this PC goes on publishing under it and says that in its own folder, so that a gap in
    its files is still reported as its to repair. Each site file is read once."""
    looked = set(json.loads(local.get(con, LOOKED, "[]") or "[]"))
    fresh = [s for s in share.list_dir("sites")
             if s != site and s not in looked and is_site_id(s)]
    for other in fresh:
        info = site_info(share, other, key)
        if not info:
            continue  # its site file is not there (or not readable) yet: looked at next time
        looked.add(other)
        if info.get("replaces") == site:
            try:
                share.write_new(f"sites/{site}/{CONTINUES.format(other)}",
                                json.dumps({"site": site, "after": other}).encode())
            except NameTaken:
                pass
    if fresh:
        local.put(con, LOOKED, json.dumps(sorted(looked)))
