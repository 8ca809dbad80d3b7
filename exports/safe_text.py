"""The one sanitiser of the text a report writes: every title, heading, group row, signature
and cell passes it before docx, xlsx or pdf sees it.

Characters that XML cannot hold (control characters, lone surrogates) would break the file or
stop the export; they are dropped, and a carriage return becomes a line break. That the text
is never a live formula in a workbook is the xlsx writer's part (:func:`is_formula_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from exports.model import ApprovalBlock, Report, ReportTable, Signature
from exports.typography import tie

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


def _needs_tie(v: Any) -> bool:
    return isinstance(v, str) and ("." in v or "№" in v or _ILLEGAL.search(v) is not None)


def _rows(rows: Sequence[Sequence[Any]], text: Callable[[str], str] | None
          ) -> Sequence[Sequence[Any]]:
    if text is not None:  # only the rows that change are rebuilt
        out: list[Sequence[Any]] | None = None
        for i, row in enumerate(rows):
            if any(map(_needs_tie, row)):
                out = list(rows) if out is None else out
                out[i] = tuple(text(v) if isinstance(v, str) else v for v in row)
        return rows if out is None else out
    dirty = any(isinstance(v, str) and _ILLEGAL.search(v) for row in rows for v in row)
    return [tuple(map(_value, row)) for row in rows] if dirty else rows


def _table(table: ReportTable, text: Callable[[str], str], tied: bool) -> ReportTable:
    columns = tuple(replace(c, title=text(c.title)) for c in table.columns)
    chart = table.chart and replace(table.chart, title=text(table.chart.title),
                                    y_title=text(table.chart.y_title))
    return replace(table, columns=columns, rows=_rows(table.rows, text if tied else None),
                   title=text(table.title), chart=chart)


def _clean_tied(value: str) -> str:
    return tie(clean(value))


def clean_report(report: Report, *, tied: bool = False) -> Report:
    """The report with every text it holds cleaned (the same object when nothing needs it).
    ``tied``: also non-breaking spaces in names with initials and after «№»
    (:func:`exports.typography.tie`) — for paper, not for a workbook."""
    text = _clean_tied if tied else clean
    approval = report.approval and ApprovalBlock(
        text(report.approval.position), text(report.approval.name),
        text(report.approval.date_text))
    return replace(
        report, title=text(report.title), department=text(report.department),
        organization=text(report.organization), heading=text(report.heading),
        params_line=text(report.params_line), number=text(report.number), approval=approval,
        paragraphs=tuple(map(text, report.paragraphs)),
        tables=tuple(_table(t, text, tied) for t in report.tables),
        signatures=tuple(Signature(text(s.position), text(s.name))
                         for s in report.signatures),
        executor_name=text(report.executor_name), executor_phone=text(report.executor_phone),
        closing_paragraphs=tuple(map(text, report.closing_paragraphs)))
