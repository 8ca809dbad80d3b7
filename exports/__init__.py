"""Report engine: one plain :class:`Report` description, rendered to docx, xlsx or pdf.

No Qt and no database here. Typical use::

    from exports import Report, ReportTable, ReportColumn, write_report
    write_report(report, "отчёт.docx", "docx", progress=on_progress, cancelled=is_cancelled)

Every writer is atomic: it writes a temporary file beside the target and renames it at the
end, so a failed or cancelled export (:class:`ReportCancelled`) never leaves a half file.
All errors derive from :class:`ExportError` and carry a Russian message for the user.
"""

from __future__ import annotations

import os
from typing import Literal

from exports._io import CancelledFn, ProgressFn
from exports.errors import ExportError, FileWriteError, FontNotFoundError, ReportCancelled
from exports.model import (
    DEFAULT_STYLE,
    Align,
    ApprovalBlock,
    CellValue,
    ColumnKind,
    Margins,
    Report,
    ReportColumn,
    ReportStyle,
    ReportTable,
    Signature,
    format_date,
    format_money,
    format_number,
    initials_name,
)

ReportFormat = Literal["docx", "xlsx", "pdf"]
FORMATS: tuple[ReportFormat, ...] = ("docx", "xlsx", "pdf")


def write_report(
    report: Report,
    path: str | os.PathLike[str],
    fmt: str,
    style: ReportStyle = DEFAULT_STYLE,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> None:
    """Render ``report`` to ``path`` in format ``fmt`` (one of :data:`FORMATS`).

    ``progress(done, total)`` is called from time to time; when ``cancelled()`` returns
    true the export stops with :class:`ReportCancelled` and no file is left behind.
    """
    kind = fmt.lower().lstrip(".")
    if report.form is not None and kind in FORMATS:
        from exports.forms import write_form

        write_form(report.form, path, kind, style)
    elif kind == "docx":
        from exports.docx_writer import write_docx

        write_docx(report, path, style, progress, cancelled)
    elif kind == "xlsx":
        from exports.xlsx_writer import write_xlsx

        write_xlsx(report, path, style, progress, cancelled)
    elif kind == "pdf":
        from exports.pdf_writer import write_pdf

        write_pdf(report, path, style, progress, cancelled)
    else:
        raise ExportError(f"Неизвестный формат отчёта «{fmt}»: допустимы docx, xlsx, pdf.")


__all__ = [
    "DEFAULT_STYLE",
    "FORMATS",
    "Align",
    "ApprovalBlock",
    "CancelledFn",
    "CellValue",
    "ColumnKind",
    "ExportError",
    "FileWriteError",
    "FontNotFoundError",
    "Margins",
    "ProgressFn",
    "Report",
    "ReportCancelled",
    "ReportColumn",
    "ReportFormat",
    "ReportStyle",
    "ReportTable",
    "Signature",
    "format_date",
    "format_money",
    "format_number",
    "initials_name",
    "write_report",
]
