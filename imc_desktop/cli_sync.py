"""`imc-desktop sync --db PATH --store DIR`: one sync, for scheduled runs and tests.

A PATH that does not exist is a new workstation: its database is created, migrated and
filled from the store. An empty DIR becomes a new store. Exit code 0 when done, 1 when the
sync failed, a bad file was found or files are missing, 3 when it stopped with a question
(confirm with --new-store), 5 when it went well but this PC waits for admission (a line
names its verification code).
`--check` changes nothing and lists what is waiting for what: exit 0 when nothing is, 1 when
something is. `--waiting` lists the workstations waiting for admission with their codes;
`--admit NAME CODE` / `--refuse NAME CODE` decide on one of them (exit 0 done, 1 when the
name or the code does not match, or this PC is not admitted itself). `--change-key` seals
the whole folder with a new key, taken from IMC_SYNC_NEW_PASSPHRASE or made and printed to
be written down (exit 0 done, 1 when it could not begin or was interrupted: run it again
with the same new words to finish).

The district sync key comes from the environment variable IMC_SYNC_PASSPHRASE or from the
key this PC remembers (entered once in the program); without one the command refuses with a
line saying what to do (exit 1), before anything of the folder is read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from imc_desktop.sync.progress import SyncProgress
    from imc_desktop.sync.report import SyncResult

EXIT_QUESTION = 3
EXIT_AWAITING = 5
NEW_KEY_ENV = "IMC_SYNC_NEW_PASSPHRASE"


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
    admit = p.add_mutually_exclusive_group()
    admit.add_argument("--waiting", action="store_true",
                       help="показать рабочие места, ожидающие допуска, и их коды")
    admit.add_argument("--admit", nargs=2, metavar=("ИМЯ", "КОД"),
                       help="допустить рабочее место ИМЯ, если его код проверки КОД")
    admit.add_argument("--refuse", nargs=2, metavar=("ИМЯ", "КОД"),
                       help="отклонить рабочее место ИМЯ с кодом проверки КОД")
    admit.add_argument("--change-key", action="store_true",
                       help="сменить ключ синхронизации папки: все её файлы шифруются новым "
                            f"ключом — из переменной окружения {NEW_KEY_ENV} или новым, "
                            "который будет показан, чтобы его записать")


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
    try:
        lines = waiting(args.db, Share(args.store))
    except sqlite3.DatabaseError:
        why = ("её папка только для чтения, а базе в режиме WAL нужны рядом файлы журнала "
               "(-wal, -shm)" if not os.access(args.db.parent, os.W_OK)
               else "файл не читается как база данных программы (повреждён или не тот файл)")
        print(f"Проверка не выполнена: база данных {args.db} не открывается — {why}.",
              file=sys.stderr)
        return 1
    for line in lines or ["Ничего не ждёт: всё получено и отправлено."]:
        print(line)
    return 1 if lines else 0


def cmd_admission(args: argparse.Namespace) -> int:
    """--waiting, --admit NAME CODE, --refuse NAME CODE."""
    from imc_desktop.services.sync import runner as sync

    if not args.db.exists():
        print(f"Файл базы данных {args.db} не найден.", file=sys.stderr)
        return 1
    try:
        if args.waiting:
            state = sync.admission_state(args.db, args.store)
            if not state.admitted:
                print(f"Этот компьютер ожидает допуска, код проверки {state.code}.")
            for waiting in state.waiting:
                print(f"Ожидает допуска: «{waiting.workstation}», код {waiting.code}")
            if not state.waiting:
                print("Рабочих мест, ожидающих допуска, нет.")
            return 0
        name, code = args.admit or args.refuse
        done = sync.decide_admission(args.db, args.store, name, code, bool(args.admit))
    except sync.SyncFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    verb = "допущено" if args.admit else "отклонено"
    print(f"Рабочее место «{done.workstation}» (код {done.code}) {verb}; другие компьютеры "
          "узнают об этом при следующей синхронизации.")
    return 0


def cmd_change_key(args: argparse.Namespace) -> int:
    """--change-key: the folder sealed with a new key; the words shown when made here."""
    import os
    import socket

    from imc_desktop.services.sync import runner as sync
    from imc_desktop.sync.progress import SyncProgress

    if not args.db.exists():
        print(f"Файл базы данных {args.db} не найден.", file=sys.stderr)
        return 1
    phrase = os.environ.get(NEW_KEY_ENV, "").strip()
    if not phrase:
        phrase = sync.new_passphrase()
        print(f"Новый ключ синхронизации (запишите эти слова, их нужно будет ввести на каждом "
              f"компьютере):\n    {phrase}")
    problem = sync.passphrase_problem(phrase)
    if problem:
        print(f"Новый ключ ({NEW_KEY_ENV}) не подходит: {problem}", file=sys.stderr)
        return 1
    steps = _steps()

    def show(done: int, total: int, _rel: str) -> None:
        if steps is not None:
            steps(SyncProgress("Шифрование файлов папки новым ключом", done, total))

    try:
        done = sync.change_key(args.db, args.store, phrase, args.name or socket.gethostname(),
                               progress=show)
    except sync.SyncFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        if steps is not None:
            steps.close()
    print(f"Ключ синхронизации сменён: новым ключом зашифровано файлов — {done.resealed}"
          + (f", уже были зашифрованы им — {done.already}" if done.already else "") + ". "
          "Другие компьютеры попросят новый ключ при следующей синхронизации; в заданиях "
          "планировщика замените IMC_SYNC_PASSPHRASE.")
    for bad in done.left:
        print(f"Файл не открылся ни старым, ни новым ключом и оставлен как есть: {bad}",
              file=sys.stderr)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    if args.check:
        return cmd_check(args)
    if args.change_key:
        return cmd_change_key(args)
    if args.waiting or args.admit or args.refuse:
        return cmd_admission(args)
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
    if result.awaiting:
        print(f"Компьютер ожидает допуска: код проверки {result.awaiting}. Сравните его на "
              "допущенном компьютере (imc-desktop sync --waiting, затем --admit ИМЯ КОД).",
              file=sys.stderr)
    if not result.ok:
        return 1
    return EXIT_AWAITING if result.awaiting else 0
