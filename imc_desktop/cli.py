"""The one command `imc-desktop` and its sub-commands (the contract of DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from imc_desktop import __version__

if TYPE_CHECKING:
    from imc_desktop import config

EXIT_USAGE = 2
#: the database is open in the program or held by another command; nothing was done
EXIT_BUSY = 4
#: sub-commands that write the database take its lock (the program's too) for their whole run
_WRITING = {"restore": 0.0, "import": 0.0, "demo-data": 0.0, "sync": 300.0}


_ARGPARSE_RUSSIAN = (
    ("the following arguments are required", "не хватает аргументов"),
    ("unrecognized arguments", "неизвестные аргументы"),
    ("invalid choice", "недопустимое значение"),
    ("choose from", "допустимые:"),
    ("expected one argument", "нужно значение"),
    ("invalid int value", "не целое число"),
    ("not allowed with argument", "нельзя вместе с аргументом"),
    ("argument", "аргумент"),
)


class RussianParser(argparse.ArgumentParser):
    """argparse that reports a user's mistake in Russian, without a traceback."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "аргументы"
        self._optionals.title = "параметры"
        self.add_argument("-h", "--help", action="help", help="показать эту справку и выйти")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Использование:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Использование:", 1)

    def error(self, message: str) -> NoReturn:
        for english, russian in _ARGPARSE_RUSSIAN:
            message = message.replace(english, russian)
        self.exit(EXIT_USAGE, f"{self.prog}: ошибка: {message}\n"
                  f"Справка: {self.prog} --help\n")


def _build_parser() -> RussianParser:
    parser = RussianParser(prog="imc-desktop", description="Рабочее место методиста ИМЦ.")
    parser.add_argument("--version", action="version", version=f"IMC Desktop {__version__}",
                        help="показать версию программы")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", type=Path, help="открыть другой файл базы данных")
    group.add_argument("--demo", action="store_true",
                       help="открыть демонстрационную базу (заполняется при первом запуске)")
    parser.add_argument("--read-only", action="store_true",
                        help="открыть базу только для чтения (архив): списки, карточки, "
                             "отчёты и резервная копия; файл не меняется")
    sub = parser.add_subparsers(dest="command", title="команды", metavar="КОМАНДА",
                                parser_class=RussianParser)
    sub.add_parser("self-check", help="проверить установку без окна (код 0 — всё в порядке)")
    p = sub.add_parser("demo-data", help="заполнить базу демонстрационными данными")
    p.add_argument("--db", type=Path, required=True, help="файл базы данных")
    p.add_argument("--staff", type=int, default=None, help="сколько педагогов создать")
    p = sub.add_parser("backup", help="сделать резервную копию базы (сжатую и зашифрованную)")
    p.add_argument("--db", type=Path, required=True, help="файл базы данных")
    p.add_argument("--out", type=Path, required=True,
                   help="файл резервной копии; вне папки данных программы копия шифруется "
                        "ключом синхронизации района (без синхронизации — ключом резервных "
                        "копий этого компьютера)")
    p.add_argument("--store", type=Path, default=None,
                   help="папка синхронизации, чей ключ шифрует копию (по умолчанию — из "
                        "настроек)")
    p = sub.add_parser("restore", help="восстановить базу из резервной копии")
    p.add_argument("--db", type=Path, required=True, help="файл базы данных")
    p.add_argument("--from", dest="source", type=Path, required=True,
                   help="файл резервной копии")
    p = sub.add_parser("check", help="проверить целостность базы")
    p.add_argument("--db", type=Path, required=True, help="файл базы данных")
    from imc_desktop.cli_import import add_import_parser
    from imc_desktop.cli_reports import add_report_parser
    from imc_desktop.cli_sync import add_sync_parser

    add_report_parser(sub)
    add_import_parser(sub)
    add_sync_parser(sub)
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _settings_and_backups() -> tuple[config.Settings, Path]:
    from imc_desktop import config

    settings = config.Settings()
    return settings, settings.data_dir() / "backups"


def open_database(db: Path, must_exist: bool = True) -> None:
    from imc_desktop.services.common import maintenance

    if must_exist and not db.exists():
        raise FileNotFoundError(f"Файл базы данных не найден: {db}")
    _settings, backups = _settings_and_backups()
    maintenance.open_current(db, backups)


def open_for_reading(db: Path) -> None:
    """A command that only reads (report, backup): the file opened as usual, so that an
    export is entered in the audit trail; a file the program may not write (an archive on
    read-only media) is read without writing anything, an old one from an updated copy."""
    from imc_desktop.db import can_write
    from imc_desktop.services.common import maintenance

    if db.exists() and can_write(db):
        open_database(db)
        return
    settings, backups = _settings_and_backups()
    journal = settings.data_dir() / "imc.sqlite"  # the workstation's own database
    maintenance.open_read_only(db, backups, journal)


def cmd_self_check(_args: argparse.Namespace) -> int:
    from imc_desktop.self_check import self_check

    lines: list[str] = []
    code = self_check(lines)
    for line in lines:
        print(line, file=sys.stderr if line.startswith("ОШИБКА") else sys.stdout)
    print("Проверка пройдена." if code == 0 else "Проверка не пройдена.")
    return code


def cmd_demo_data(args: argparse.Namespace) -> int:
    from imc_desktop.services import demo
    from imc_desktop.services.organizations import records as organizations
    from imc_desktop.services.organizations.demo import DEMO_STAFF

    if args.staff is not None and args.staff < 0:
        return _fail("Число педагогов (--staff) не может быть отрицательным.", 2)
    open_database(args.db, must_exist=False)
    if organizations.count_organizations():
        return _fail(f"В базе {args.db} уже есть данные; демонстрационные данные не добавлены.")
    staff = DEMO_STAFF if args.staff is None else args.staff
    count = demo.fill_demo(progress=print, staff=staff)
    print(f"Готово: {args.db} (организаций: {count}).")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from imc_desktop import config
    from imc_desktop.services.common import maintenance

    settings, _backups = _settings_and_backups()
    store = str(args.store) if args.store is not None else settings.get(config.SYNC_LOCATION)
    open_for_reading(args.db)
    try:
        dest = maintenance.backup_now(args.out, store)
    except maintenance.BackupKeyNeeded as exc:
        if exc.kind != "newbackup":
            raise
        return _fail("Синхронизация не настроена, а ключа резервных копий у этого компьютера "
                     "ещё нет: сделайте копию вне папки данных один раз в программе (она "
                     "покажет слова ключа) или задайте десять слов в переменной окружения "
                     f"IMC_SYNC_PASSPHRASE, например: {exc.passphrase}. Копия не сделана.")
    print(f"Резервная копия сохранена: {dest}")
    return 0


def _typed_passphrase() -> str | None:
    """The ten words of the sync key typed at a terminal (None when not run at one)."""
    import getpass

    if not sys.stdin.isatty():
        return None
    return getpass.getpass("Ключ синхронизации района (10 слов): ") or None


def cmd_restore(args: argparse.Namespace) -> int:
    from imc_desktop.services.common import audit, maintenance

    if not args.source.exists():
        return _fail(f"Файл резервной копии не найден: {args.source}")
    _settings, backups = _settings_and_backups()
    try:
        saved = maintenance.restore_file(args.source, args.db, backups)
    except maintenance.BackupKeyNeeded as exc:
        typed = _typed_passphrase() if exc.kind == "enter" else None
        if typed is None:
            raise
        saved = maintenance.restore_file(args.source, args.db, backups, typed)
    maintenance.open_current(args.db, backups)
    audit.record("восстановление", args.source.name, "база заменена резервной копией")
    print(f"База {args.db} восстановлена из {args.source}.")
    if saved:
        print(f"Прежнее содержимое сохранено: {saved}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from imc_desktop import db
    from imc_desktop.services.common import audit

    if not args.db.exists():
        return _fail(f"Файл базы данных не найден: {args.db}")
    problems = db.full_check(args.db)
    problems += [] if problems else audit.verify_file(args.db)
    if problems:
        print(f"База {args.db} повреждена:", file=sys.stderr)
        for problem in problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    db.check_compatible(args.db)
    drifts = db.unsynced_edits(args.db)
    if drifts:
        print(f"В базе {args.db} есть изменения, сделанные в обход синхронизации "
              f"({len(drifts)}{' и больше' if len(drifts) >= db.DRIFT_LIMIT else ''}):",
              file=sys.stderr)
        for line in drifts[:50]:
            print(f"  {line}", file=sys.stderr)
        print("Другие рабочие места их не получат. Исправьте эти поля в программе (правка "
              "будет отправлена) или восстановите копию.", file=sys.stderr)
        return 1
    db.mark_checked(args.db)  # the next opens today need no quick check
    print(f"База {args.db} в порядке.")
    return 0


def _explained(exc: Exception) -> bool:
    """Errors of the database, the report engine and the importer carry a Russian message
    for the user. Only what the command imported can have raised: nothing more is imported
    to find out."""
    explained = (("imc_desktop.db", "DatabaseError"), ("exports.errors", "ExportError"),
                 ("imc_desktop.importers", "ImportFailed"))
    for module_name, class_name in explained:
        module = sys.modules.get(module_name)
        kind = getattr(module, class_name, None)
        if isinstance(kind, type) and isinstance(exc, kind):
            return True
    return False


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from imc_desktop.cli_import import cmd_import
    from imc_desktop.cli_reports import cmd_report
    from imc_desktop.cli_sync import cmd_sync

    return {"self-check": cmd_self_check, "demo-data": cmd_demo_data, "backup": cmd_backup,
            "restore": cmd_restore, "check": cmd_check, "report": cmd_report,
            "import": cmd_import, "sync": cmd_sync}


def main(argv: Sequence[str] | None = None) -> int:
    from imc_desktop.private_files import restrict_new_files

    restrict_new_files()  # before any file is written: the owner alone reads them
    args = _build_parser().parse_args(argv)
    if args.command is None:
        from imc_desktop.qt_start import skip_feature_scan

        skip_feature_scan()  # before the modules of the window are imported
        from imc_desktop.app import run_gui

        return run_gui(args.db, args.demo, args.read_only)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    wait_s = _WRITING.get(args.command)
    if wait_s is None or getattr(args, "check", False):
        return _run_unlocked(args)
    from imc_desktop.db_lock import COMMAND, DatabaseBusy, DatabaseLock
    lock = DatabaseLock(args.db, COMMAND)
    try:
        lock.acquire(wait_s)  # a second sync making the same workstation waits its turn
    except DatabaseBusy as exc:
        return _fail(str(exc), EXIT_BUSY)
    except PermissionError:
        return _fail(f"Нет прав на запись в папку {args.db.parent}: рядом с базой нужен "
                     "файл блокировки. Ничего не изменено.")
    except OSError as exc:
        from imc_desktop.storage_errors import os_reason

        return _fail(f"Не удалось создать файл рядом с базой в папке {args.db.parent} "
                     f"({os_reason(exc)}). Ничего не изменено.")
    try:
        return _run_unlocked(args)
    finally:
        lock.release()


def _run_unlocked(args: argparse.Namespace) -> int:
    from imc_desktop.errors import ServiceError  # (every service error derives from it)

    try:
        return _commands()[args.command](args)
    except (ServiceError, FileNotFoundError) as exc:
        return _fail(str(exc))
    except PermissionError as exc:
        return _fail(f"Нет прав на доступ к файлу {exc.filename}.")
    except OSError as exc:
        from imc_desktop.storage_errors import os_reason

        return _fail(f"Не удалось прочитать или записать файл {exc.filename}: {os_reason(exc)}.")
    except Exception as exc:
        if _explained(exc):
            return _fail(str(exc))
        raise
    finally:
        maintenance = sys.modules.get("imc_desktop.services.common.maintenance")
        if maintenance is not None:  # a database was opened (a list or a check opens none)
            maintenance.close_current()
