"""`imc-desktop sync --db PATH --store DIR`: one sync, for scheduled runs and tests.

A PATH that does not exist is a new workstation: its database is created, migrated and
filled from the store. An empty DIR becomes a new store. Exit code 0 when done, 1 when the
sync failed or a bad file was found, 3 when it stopped with a question (confirm with
--new-store).
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path
from typing import Any

EXIT_QUESTION = 3


def add_sync_parser(sub: Any) -> None:
    p = sub.add_parser("sync", help="синхронизировать базу через папку на общем ресурсе")
    p.add_argument("--db", type=Path, required=True,
                   help="файл базы данных (если его нет, он создаётся и заполняется)")
    p.add_argument("--store", type=Path, required=True, help="папка синхронизации")
    p.add_argument("--name", default=None,
                   help="имя рабочего места в журнале (по умолчанию имя компьютера)")
    p.add_argument("--new-store", action="store_true",
                   help="подтвердить переход на новую или очищенную папку синхронизации")


def _progress() -> Any:
    """Progress lines on a terminal (a long first sync); nothing in scheduled runs."""
    if not sys.stderr.isatty():
        return None
    return lambda text: print(text, file=sys.stderr, flush=True)


def cmd_sync(args: argparse.Namespace) -> int:
    from imc_desktop import config, db
    from imc_desktop.services import sync

    settings = config.Settings()
    path = db.prepare_database(args.db, settings.data_dir() / "backups")
    try:
        result = sync.run(path, args.store, args.name or socket.gethostname(),
                          accept_new_store=args.new_store, progress=_progress())
    except sync.SyncFailed as exc:
        print(str(exc), file=sys.stderr)
        if exc.question:
            print("Чтобы продолжить, повторите команду с --new-store.", file=sys.stderr)
        return EXIT_QUESTION if exc.question else 1
    print(result.summary())
    for note in result.notes:
        print(note, file=sys.stderr)
    for bad in result.bad_files:
        print(f"Файл отложен как испорченный: {bad}", file=sys.stderr)
    for dup in result.duplicates:
        print(f"Дубликат: {dup.table}.{dup.column} = {dup.value} ({dup.count} записи)",
              file=sys.stderr)
    return 0 if result.ok else 1
