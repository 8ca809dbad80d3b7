"""`imc-desktop sync --check`: what is waiting for what, read from the database and the share
without changing either."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

from imc_desktop.sync import admission, local, merge, repair, upkeep
from imc_desktop.sync.clock import key_site
from imc_desktop.sync.keys import KeySource
from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import kept_signer
from imc_desktop.sync.store import (
    StoreInfo,
    SyncStopped,
    is_site_id,
    read_store,
    workstation_name,
)
from imc_desktop.sync.tables import parents_of


def waiting(path: Path, share: Share) -> list[str]:
    """One Russian line per thing that waits; empty when nothing does."""
    con = local.connect(path)
    try:
        try:
            store = read_store(share) if share.reachable() else None
            if store is None or store.store_id != local.get(con, "store"):
                return [f"Папка синхронизации {share.root} недоступна или не та, с которой "
                        "синхронизировался этот компьютер."]
            key = KeySource().key_for(store)  # without the key nothing of it is trusted
            admission.check_pinned(local.get(con, admission.PINNED), store.maker, share.root)
        except SyncStopped as exc:
            return [str(exc)]
        return (_admission(path, share, key, store, local.get(con, "site")) + _own(con, share)
                + _others(con, share, key) + _quarantined(path) + _held(con, share, key))
    finally:
        con.close()


def _admission(path: Path, share: Share, key: SyncKey, store: StoreInfo,
               site: str) -> list[str]:
    """This PC waiting for admission (for its folder `site`), and the workstations waiting
    for it."""
    roster = admission.read_roster(share, key, store)
    own = kept_signer(local.home_of(path))  # none made here: nothing is written by a check
    lines = [] if own is None or roster.admits(own.public, site) else [
        f"Этот компьютер ожидает допуска к синхронизации (код проверки {own.code})."]
    return lines + [f"Рабочее место «{w.workstation}» ожидает допуска (код {w.code}): его "
                    "изменения не применяются." for w in roster.waiting
                    if own is None or w.key != own.public]


def _own(con: sqlite3.Connection, share: Share) -> list[str]:
    site = local.get(con, "site")
    lines = []
    gone = upkeep.lost_own(con, share, site)  # (archived, or held by a snapshot: not lost)
    if gone:
        lines.append(f"Файлы изменений {repair.numbers(gone)} этого компьютера пропали из "
                     "папки синхронизации: они будут отправлены заново при синхронизации.")
    unsent = local.pending_count(con) + int(con.execute(
        "SELECT count(*) FROM sync_published WHERE published=0").fetchone()[0])
    if unsent:
        lines.append(f"Не отправлено изменений этого компьютера: {unsent}.")
    return lines


def _others(con: sqlite3.Connection, share: Share, key: SyncKey) -> list[str]:
    lines = []
    own = local.get(con, "site")
    for site in share.list_dir("sites"):
        if site == own or not is_site_id(site) or not share.is_dir(f"sites/{site}"):
            continue
        done = repair.applied(con, site)
        seqs = repair.listed_seqs(share, site)
        listed = set(seqs) | set(range(1, upkeep.covered(con, site) + 1))  # or a snapshot
        gaps = [n for n in range(1, max(listed | done, default=0))
                if n not in done and n not in listed]
        name = workstation_name(share, site, key)
        if gaps:
            lines.append(repair.gap_note(name, gaps, repair.replaced_by(share, site, key),
                                         site))
        new = sorted(listed - done)
        if new:
            lines.append(f"Не получены файлы изменений {repair.numbers(new)} рабочего места "
                         f"«{name or site}»: они будут получены при синхронизации.")
    return lines


def _quarantined(path: Path) -> list[str]:
    folder = path.parent / "sync-quarantine"
    return [f"Испорченный файл отложен: {f} (его автор отправит изменения заново)."
            for f in sorted(folder.iterdir())] if folder.is_dir() else []


def _held(con: sqlite3.Connection, share: Share, sync_key: SyncKey) -> list[str]:
    lines = []
    reasons: Counter[tuple[str, str]] = Counter()
    for key, line, reason in con.execute("SELECT key, line, reason FROM sync_held ORDER BY id"):
        change = json.loads(line)
        if reason == "orphan":
            lines.append(_orphan(con, change["t"], change["r"]))
        else:
            reasons[(reason, key_site(key) if "." in key else "")] += 1
    for (reason, site), count in sorted(reasons.items()):
        who = workstation_name(share, site, sync_key) or site
        lines.append(f"Отложено изменений рабочего места «{who}»: {count} — "
                     + ("датированы более чем на сутки вперёд относительно сервера."
                        if reason == "future" else "нужна более новая версия программы."))
    return lines


def _orphan(con: sqlite3.Connection, table: str, row: str) -> str:
    values = merge.row_state(con, table, row).values
    waits = [f"{parent} {json.loads(values[column])}" for column, parent in parents_of(table)
             if values.get(column) and json.loads(values[column]) and con.execute(
                 f'SELECT 1 FROM "{parent}" WHERE id=?',
                 (json.loads(values[column]),)).fetchone() is None]
    return (f"Запись {table} {row} ждёт запись, на которую ссылается: "
            f"{', '.join(waits) or 'неизвестна'}.")
