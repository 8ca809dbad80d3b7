"""`imc-desktop sync --db PATH --store DIR`: one sync, for scheduled runs and tests.

A PATH that does not exist is a new workstation: its database is created, migrated and
filled from the store. An empty DIR becomes a new store. Exit code 0 when done, 1 when the
sync failed, a bad file was found or files are missing, 3 when it stopped with a question
(confirm with --new-store). `--check` changes nothing and lists what is waiting for what:
exit 0 when nothing is, 1 when something is.

The district sync key comes from the environment variable IMC_SYNC_PASSPHRASE or from the
key this PC remembers (entered once in the program); without one the command refuses with a
line saying what to do (exit 1), before anything of the folder is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from imc_desktop.sync.progress import SyncProgress
    from imc_desktop.sync.report import SyncResult

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
    p.add_argument("--check", action="store_true",
                   help="только показать, что ждёт чего (недостающие и испорченные файлы, "
                        "отложенные изменения), ничего не меняя")


class TerminalSteps:
    """Steps on a terminal: a step that counts rewrites its own line (with a percentage
    when the total is known) until it is done or another step begins; the others get a
    line each."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.open = 0  # the width of the line being rewritten, 0 when none is
        self.total = 0  # the total of that line's step

    def __call__(self, step: SyncProgress) -> None:
        if not (step.done or step.total) or step.total != self.total:
            self.close()
        self.total = step.total
        if not (step.done or step.total):
            print(step.text, file=self.stream, flush=True)
            return
        text = step.text
        if step.total:
            text += f" — {min(step.done, step.total) * 100 // step.total} %"
        self.stream.write("\r" + text.ljust(self.open))
        self.open = max(self.open, len(text))
        if step.total and step.done >= step.total:
            self.close()
        self.stream.flush()

    def close(self) -> None:
        """End the line being rewritten, if any."""
        if self.open:
            self.stream.write("\n")
            self.open = 0


def _steps() -> TerminalSteps | None:
    """Progress on a terminal (a long first sync); nothing in scheduled runs."""
    return TerminalSteps(sys.stderr) if sys.stderr.isatty() else None


def _run(path: Path, args: argparse.Namespace, keeping: tuple[int, int]) -> SyncResult:
    """The sync itself, its steps shown on a terminal."""
    import socket

    from imc_desktop.services.sync import runner as sync

    steps = _steps()
    try:
        return sync.run(path, args.store, args.name or socket.gethostname(),
                        accept_new_store=args.new_store, steps=steps, keeping=keeping)
    finally:
        if steps is not None:
            steps.close()


def cmd_check(args: argparse.Namespace) -> int:
    """What is waiting for what; exit 0 when nothing is, 1 when something is."""
    from imc_desktop.sync.check import waiting
    from imc_desktop.sync.share import Share

    if not args.db.exists():
        print(f"Файл базы данных {args.db} не найден.", file=sys.stderr)
        return 1
    lines = waiting(args.db, Share(args.store))
    for line in lines or ["Ничего не ждёт: всё получено и отправлено."]:
        print(line)
    return 1 if lines else 0


def cmd_sync(args: argparse.Namespace) -> int:
    if args.check:
        return cmd_check(args)
    from imc_desktop import config, db
    from imc_desktop.services.sync import runner as sync

    settings = config.Settings()
    # the command line holds the database's lock (imc_desktop.cli): a second process making
    # the same workstation waits, the program's open window refuses it
    path = db.prepare_database(args.db, settings.data_dir() / "backups")
    try:
        result = _run(path, args, (settings.get(config.SYNC_SNAPSHOT_DAYS),
                                   settings.get(config.SYNC_ARCHIVE_DAYS)))
    except sync.SyncFailed as exc:
        if exc.key == "new":  # a key for the new folder, made here: ten words of the list
            print(f"{exc} Например: {exc.passphrase}", file=sys.stderr)
            return 1
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
