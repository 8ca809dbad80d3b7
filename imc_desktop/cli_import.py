"""`imc-desktop import KIND FILE.xlsx --db PATH`: rows of a workbook into the database.

By default all or nothing: one row with a problem and nothing is written. Every problem
goes to stderr as «Файл X, строка N, поле «F»: сообщение»; the exit code is 1 when any row
was rejected or the file could not be read, 0 otherwise. The one-line summary on stdout is
followed by the kind's lines on what changed (e.g. titles excluded from ФПУ), if any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the importer (and openpyxl) is imported by `import` alone
    from imc_desktop.importers import ImportPreview, ImportSummary, SheetHeader


def add_import_parser(sub: Any) -> None:
    p = sub.add_parser("import", help="импорт из книги Excel (.xlsx): всё или ничего")
    p.add_argument("kind", metavar="ВИД", help="что импортировать, например organizations")
    p.add_argument("file", type=Path, metavar="ФАЙЛ", help="книга Excel (.xlsx)")
    p.add_argument("--db", type=Path, required=True, help="файл базы данных")
    p.add_argument("--sheet", metavar="ЛИСТ",
                   help="лист книги (по умолчанию первый, на котором найдена таблица)")
    p.add_argument("--dry-run", action="store_true",
                   help="проверить файл и показать итог, ничего не записывая")
    p.add_argument("--valid-only", action="store_true",
                   help="записать правильные строки, пропустив строки с ошибками")


def cmd_import(args: argparse.Namespace) -> int:
    from imc_desktop.db import DatabaseError
    from imc_desktop.importers import ImportFailed
    from imc_desktop.services.common.errors import ServiceError

    try:
        return _import(args)
    except (ImportFailed, ServiceError, DatabaseError, FileNotFoundError) as exc:
        print(str(exc), file=sys.stderr)
        return 1


def _header(args: argparse.Namespace, kind: Any) -> SheetHeader:
    from imc_desktop import importers

    if args.sheet:
        return importers.read_header(args.file, args.sheet, kind)
    return importers.find_sheet(args.file, kind)


def _mapping(header: SheetHeader, kind: Any) -> dict[int, str]:
    """The mapping remembered for files of this shape (set in the wizard), else a guess."""
    from imc_desktop import config, importers
    from imc_desktop.services.common import importing

    store = importing.mapping_store(config.Settings().data_dir())
    signature = importers.mapping_signature(header.headers)
    remembered = importers.load_mapping(store, kind, signature)
    return remembered or importers.guess_mapping(header.headers, kind)


def _import(args: argparse.Namespace) -> int:
    from imc_desktop import importers
    from imc_desktop.cli import open_database
    from imc_desktop.services.common import importing

    kind = importing.get_kind(args.kind)
    header = _header(args, kind)
    open_database(args.db)
    mapping = _mapping(header, kind)
    print(f"Лист «{header.sheet}», строка заголовков {header.header_row}, "
          f"столбцов сопоставлено: {len(mapping)} из {len(header.headers)}.")
    preview = importers.prepare(args.file, header.sheet, kind, mapping)
    _print_problems(args.file, preview)
    options = importers.ImportOptions(dry_run=args.dry_run, valid_only=args.valid_only)
    summary = importers.run(preview, kind, options)
    print(summary_line(summary))
    for line in summary.details:
        print(line)
    if summary.aborted:
        print(f"Ничего не записано: строк с ошибками — {preview.counts.invalid}. Исправьте "
              "их или запустите с --valid-only, чтобы записать только правильные строки.",
              file=sys.stderr)
    return 1 if preview.counts.invalid else 0


def _print_problems(path: Path, preview: ImportPreview) -> None:
    from imc_desktop.importers.engine import MAX_LISTED

    problems = preview.problems()
    for problem in problems[:MAX_LISTED]:
        print(f"Файл {path}, строка {problem.row}, поле «{problem.field}»: {problem.message}",
              file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"…и ещё ошибок: {len(problems) - MAX_LISTED} (показаны первые {MAX_LISTED}).",
              file=sys.stderr)


def summary_line(summary: ImportSummary) -> str:
    line = (f"Создано: {summary.created}, обновлено: {summary.updated}, "
            f"пропущено: {summary.skipped_count}")
    if summary.unchanged:
        line += f", без изменений: {summary.unchanged}"
    if summary.dry_run:
        line += " (пробный запуск, ничего не записано)"
    return line
