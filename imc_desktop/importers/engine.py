"""The import in three steps: find the table (read_header), parse and check every row
(prepare), write the rows in one transaction (run)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from imc_desktop.importers.header import (
    GRID_ROWS,
    SEARCH_ROWS,
    find_header,
    reference_date,
    samples,
    text_grid,
)
from imc_desktop.importers.mapping import missing_required
from imc_desktop.importers.model import (
    CancelledFn,
    ImportCancelled,
    ImportFileError,
    ImportKind,
    ImportOptions,
    ImportPreview,
    ImportRow,
    ImportSummary,
    MappingIncomplete,
    ProgressFn,
    SheetHeader,
)
from imc_desktop.importers.reading import OpenWorkbook, opened
from imc_desktop.importers.rows import RowParser
from imc_desktop.importers.scan import SheetScan
from imc_desktop.importers.values import is_empty

TICK = 500
"""Rows between progress reports and cancel checks."""
MAX_ROWS = 100_000
"""Rows of a table one import reads; a larger table is to be split into several files."""
MAX_LISTED = 1_000
"""Rows not written that a summary lists; the rest are counted."""


def read_header(path: Path | str, sheet: str, kind: ImportKind) -> SheetHeader:
    """The header of the table on the sheet; ImportFileError if the sheet is empty or no row
    looks like a header of this kind."""
    with opened(path) as book:
        return _header(book, sheet, kind, book.scan(sheet))


def find_sheet(path: Path | str, kind: ImportKind) -> SheetHeader:
    """The header on the first sheet that has one (for a caller that names no sheet)."""
    with opened(path) as book:
        first_error: ImportFileError | None = None
        for sheet in book.book.sheetnames:
            try:
                return _header(book, sheet, kind, book.scan(sheet))
            except ImportFileError as exc:
                first_error = first_error or exc
    assert first_error is not None
    raise first_error


def _header(book: OpenWorkbook, sheet: str, kind: ImportKind, scan: SheetScan) -> SheetHeader:
    top = list(book.rows(sheet, 1, GRID_ROWS))
    name = book.path.name
    if not any(not is_empty(v) for row in top for v in row):
        raise ImportFileError(f"Лист «{sheet}» файла «{name}» пуст: в нём нет данных.")
    found = find_header(text_grid(top, scan.merged), kind)
    if found is None:
        examples = ", ".join(f"«{f.title}»" for f in kind.fields[:3])
        raise ImportFileError(
            f"В файле «{name}» на листе «{sheet}» не найдена строка заголовков таблицы "
            f"«{kind.title}»: в первых {SEARCH_ROWS} строках нет столбцов вроде {examples}.")
    total = scan.last_row or book.declared_rows(sheet)
    return SheetHeader(sheet, found.start + 1, found.end + 1, found.headers,
                       tuple(samples(top, found.end)), total, reference_date(top[:found.start]))


def _references(kind: ImportKind, mapping: Mapping[int, str]) -> dict[str, dict[str, str]]:
    names = {n for n in mapping.values() if n in {f.name for f in kind.fields
                                                  if f.kind == "reference"}}
    if names and kind.references is None:
        raise ImportFileError(f"У «{kind.title}» нет справочника для полей-ссылок.")
    return {n: kind.references(n) for n in sorted(names)} if kind.references else {}


def prepare(path: Path | str, sheet: str, kind: ImportKind, mapping: Mapping[int, str],
            value_map: Mapping[str, str | None] | None = None,
            progress: ProgressFn | None = None,
            cancelled: CancelledFn | None = None) -> ImportPreview:
    """Read and check every row; nothing is written. ``value_map`` resolves reference texts
    that are not in the directory: {text: id, or None to skip the rows that have it}."""
    missing = missing_required(mapping, kind)
    if missing:
        raise MappingIncomplete("Не выбраны столбцы для обязательных полей: "
                                + ", ".join(f"«{t}»" for t in missing) + ".")
    references = _references(kind, mapping)
    with opened(path) as book:
        scan = book.scan(sheet)
        header = _header(book, sheet, kind, scan)
        defaults = {kind.sheet_date_field: header.as_of} \
            if kind.sheet_date_field and header.as_of else {}
        parser = RowParser(kind, mapping, references, value_map or {}, scan.uncalculated,
                           defaults)
        total = max(header.total_rows - header.header_row, 1)
        if total > MAX_ROWS:
            raise _too_many(book, sheet)
        rows = list(_parsed(book, header, parser, _Ticker(total, progress, cancelled)))
    return ImportPreview(book.path, sheet, kind.name, header.header_row, header.headers,
                         dict(mapping), rows, parser.unknown_references())


class _Ticker:
    def __init__(self, total: int, progress: ProgressFn | None,
                 cancelled: CancelledFn | None) -> None:
        self.total, self.progress, self.cancelled = total, progress, cancelled

    def __call__(self, done: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)


def _parsed(book: OpenWorkbook, header: SheetHeader, parser: RowParser,
            tick: _Ticker) -> Iterator[ImportRow]:
    first = header.header_row + 1
    tick(0)
    for done, cells in enumerate(book.rows(header.sheet, first)):
        if done % TICK == 0 and done:
            tick(done)
        if done >= MAX_ROWS:  # the sheet declared fewer rows than it has
            raise _too_many(book, header.sheet)
        row = first + done
        if parser.is_empty(row, cells) or (done == 0 and _numbering(cells)) or _totals(cells):
            continue
        yield parser.parse(row, cells)
    tick(tick.total)


def _too_many(book: OpenWorkbook, sheet: str) -> ImportFileError:
    return ImportFileError(
        f"В файле «{book.path.name}» на листе «{sheet}» больше {MAX_ROWS:,} строк".replace(
            ",", " ") + ": разделите таблицу на несколько файлов и загрузите их по очереди.")


def _numbering(cells: tuple[Any, ...]) -> bool:
    """The row «1 2 3 4 …» that numbers the columns under many Russian forms' headers."""
    filled = [(i, v) for i, v in enumerate(cells) if not is_empty(v)]
    numbers = [str(v).strip().rstrip(".") for _i, v in filled]
    return len(filled) >= 3 and numbers == [str(n) for n in range(1, len(filled) + 1)]


def _totals(cells: tuple[Any, ...]) -> bool:
    first = next((v for v in cells if not is_empty(v)), None)
    return isinstance(first, str) and first.strip().lower().startswith(("итого", "всего:"))


def _reason(row: ImportRow) -> str:
    return "; ".join(f"{p.field}: {p.message}" for p in row.problems)


def run(preview: ImportPreview, kind: ImportKind,
        options: ImportOptions | None = None) -> ImportSummary:
    """Write the rows through the kind's ``apply`` in one transaction. Without
    ``options.valid_only`` a single row with a problem means nothing is written
    (the summary is ``aborted``); ``options.dry_run`` reports without committing."""
    options = options or ImportOptions()
    if kind.name != preview.kind:
        raise ValueError(f"preview of {preview.kind!r} run as {kind.name!r}")
    rejected = [(r.row, _reason(r)) for r in preview.rows if r.problems]
    skipped = [(r.row, r.skip_reason) for r in preview.rows
               if r.skip_reason is not None and not r.problems]
    if rejected and not options.valid_only:
        every = sorted(rejected + skipped)
        return ImportSummary(0, 0, tuple(every[:MAX_LISTED]), options.dry_run, aborted=True,
                             more_skipped=max(len(every) - MAX_LISTED, 0))
    good = [r for r in preview.rows if r.ok]
    result = kind.apply(good, options) if good else ImportSummary(0, 0)
    every = sorted(rejected + skipped + list(result.skipped))
    return replace(result, skipped=tuple(every[:MAX_LISTED]), dry_run=options.dry_run,
                   more_skipped=max(len(every) - MAX_LISTED, 0))
