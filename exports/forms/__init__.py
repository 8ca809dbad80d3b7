"""Official accounting forms (0504031, 0504087, 0504092, 0504101, 0504104) in their own
layout: :class:`FormDocument` rendered to pdf, docx or xlsx."""

from __future__ import annotations

import os

from exports.errors import ExportError
from exports.forms.model import (
    Approval,
    FormColumn,
    FormDocument,
    FormTable,
    HeaderRow,
    SignGroup,
    SignLine,
)
from exports.model import DEFAULT_STYLE, ReportStyle
from exports.safe_text import clean as clean_text
from exports.typography import tie


def write_form(form: FormDocument, path: str | os.PathLike[str], fmt: str,
               style: ReportStyle = DEFAULT_STYLE) -> None:
    form = clean_form(form, tied=fmt in ("pdf", "docx"))
    if fmt == "pdf":
        from exports.forms.pdf import write_form_pdf

        write_form_pdf(form, path, style)
    elif fmt == "docx":
        from exports.forms.docx import write_form_docx

        write_form_docx(form, path, style)
    elif fmt == "xlsx":
        from exports.forms.xlsx import write_form_xlsx

        write_form_xlsx(form, path)
    else:
        raise ExportError(f"Неизвестный формат «{fmt}»: допустимы docx, xlsx, pdf.")


def clean_form(form: FormDocument, *, tied: bool = False) -> FormDocument:
    """Control characters out of every text (they break docx and xlsx); ``tied``: also
    non-breaking spaces in names with initials and after «№» (paper, not a workbook)."""
    from dataclasses import replace

    def text(v: str) -> str:
        return tie(clean_text(v)) if tied else clean_text(v)

    def cell(v: object) -> object:
        return text(v) if isinstance(v, str) else v

    blocks: list[str | FormTable | SignGroup] = []
    for b in form.blocks:
        if isinstance(b, str):
            blocks.append(text(b))
        elif isinstance(b, FormTable):
            blocks.append(replace(b, title=text(b.title),
                                  rows=[[cell(v) for v in r] for r in b.rows]))  # type: ignore[misc]
        else:
            blocks.append(replace(b, heading=text(b.heading), lines=tuple(
                SignLine(text(x.role), text(x.position), text(x.name)) for x in b.lines)))
    header = tuple(replace(h, label=text(h.label), value=text(h.value))
                   for h in form.header)
    approvals = tuple(replace(a, heading=text(a.heading), title=text(a.title),
                              position=text(a.position), name=text(a.name))
                      for a in form.approvals)
    return replace(form, title=text(form.title), blocks=tuple(blocks), header=header,
                   approvals=approvals)


__all__ = ["Approval", "FormColumn", "FormDocument", "FormTable", "HeaderRow", "SignGroup",
           "SignLine", "write_form"]
