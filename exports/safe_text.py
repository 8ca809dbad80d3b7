"""The one sanitiser of the text a report writes: every title, heading, group row, signature
and cell passes it before docx, xlsx or pdf sees it.

Characters that XML cannot hold (control characters, lone surrogates) would break the file or
stop the export; they are dropped, and a carriage return becomes a line break. That the text
is never a live formula in a workbook is the xlsx writer's part (:func:`is_formula_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from exports.model import ApprovalBlock, Report, ReportTable, Signature

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]|\r")


def clean(text: str) -> str:
    """Text a document can hold: «\\r\\n» and a lone «\\r» as «\\n», control characters out."""
    if _ILLEGAL.search(text) is None:
        return text
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_formula_text(text: str) -> bool:
    """Text a spreadsheet would take for a formula if written as it is."""
    return text.startswith("=")


def _value(value: Any) -> Any:
    return clean(value) if isinstance(value, str) else value


def _rows(rows: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
    dirty = any(isinstance(v, str) and _ILLEGAL.search(v) for row in rows for v in row)
    return [tuple(map(_value, row)) for row in rows] if dirty else rows


def _table(table: ReportTable) -> ReportTable:
    columns = tuple(replace(c, title=clean(c.title)) for c in table.columns)
    chart = table.chart and replace(table.chart, title=clean(table.chart.title),
                                    y_title=clean(table.chart.y_title))
    return replace(table, columns=columns, rows=_rows(table.rows), title=clean(table.title),
                   chart=chart)


def clean_report(report: Report) -> Report:
    """The report with every text it holds cleaned (the same object when nothing needs it)."""
    approval = report.approval and ApprovalBlock(
        clean(report.approval.position), clean(report.approval.name),
        clean(report.approval.date_text))
    return replace(
        report, title=clean(report.title), department=clean(report.department),
        organization=clean(report.organization), heading=clean(report.heading),
        params_line=clean(report.params_line), number=clean(report.number), approval=approval,
        paragraphs=tuple(map(clean, report.paragraphs)),
        tables=tuple(map(_table, report.tables)),
        signatures=tuple(Signature(clean(s.position), clean(s.name))
                         for s in report.signatures),
        executor_name=clean(report.executor_name), executor_phone=clean(report.executor_phone),
        closing_paragraphs=tuple(map(clean, report.closing_paragraphs)))
