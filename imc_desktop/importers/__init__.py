"""Excel import, generic over kinds: each module describes its fields (ImportKind) and how a
checked row is written; this package reads the workbook, finds the table, maps columns to
fields, converts and checks every row, and hands the valid rows to the kind's ``apply``.

No Qt and no database session here. Typical use::

    header = read_header(path, sheet, kind)
    mapping = load_mapping(store, kind, mapping_signature(header.headers)) \\
        or guess_mapping(header.headers, kind)
    preview = prepare(path, sheet, kind, mapping, value_map, progress, cancelled)
    summary = run(preview, kind, ImportOptions(dry_run=False, valid_only=True))

All errors derive from :class:`ImportFailed` and carry a Russian message for the user.
"""

from __future__ import annotations

from imc_desktop.importers.engine import find_sheet, prepare, read_header, run
from imc_desktop.importers.mapping import (
    guess_mapping,
    load_mapping,
    mapping_signature,
    missing_required,
    save_mapping,
)
from imc_desktop.importers.model import (
    FIO_FIELD,
    FIO_PARTS,
    ImportCancelled,
    ImportFailed,
    ImportField,
    ImportFileError,
    ImportKind,
    ImportOptions,
    ImportPreview,
    ImportRow,
    ImportSummary,
    MappingIncomplete,
    PreviewCounts,
    RowProblem,
    SheetHeader,
    WorkbookInfo,
)
from imc_desktop.importers.reading import open_workbook
from imc_desktop.importers.text import cell_text, column_letter, normalise

__all__ = [
    "FIO_FIELD",
    "FIO_PARTS",
    "ImportCancelled",
    "ImportFailed",
    "ImportField",
    "ImportFileError",
    "ImportKind",
    "ImportOptions",
    "ImportPreview",
    "ImportRow",
    "ImportSummary",
    "MappingIncomplete",
    "PreviewCounts",
    "RowProblem",
    "SheetHeader",
    "WorkbookInfo",
    "cell_text",
    "column_letter",
    "find_sheet",
    "guess_mapping",
    "load_mapping",
    "mapping_signature",
    "missing_required",
    "normalise",
    "open_workbook",
    "prepare",
    "read_header",
    "run",
    "save_mapping",
]
