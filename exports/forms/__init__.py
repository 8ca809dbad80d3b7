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


def write_form(form: FormDocument, path: str | os.PathLike[str], fmt: str,
               style: ReportStyle = DEFAULT_STYLE) -> None:
    form = clean_form(form)
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


def clean_form(form: FormDocument) -> FormDocument:
    """Control characters out of every text (they break docx and xlsx)."""
    from dataclasses import replace

    def cell(v: object) -> object:
        return clean_text(v) if isinstance(v, str) else v

    blocks: list[str | FormTable | SignGroup] = []
    for b in form.blocks:
        if isinstance(b, str):
            blocks.append(clean_text(b))
        elif isinstance(b, FormTable):
            blocks.append(replace(b, rows=[[cell(v) for v in r] for r in b.rows]))  # type: ignore[misc]
        else:
            blocks.append(replace(b, lines=tuple(
                SignLine(clean_text(x.role), clean_text(x.position), clean_text(x.name))
                for x in b.lines)))
    header = tuple(replace(h, label=clean_text(h.label), value=clean_text(h.value))
                   for h in form.header)
    return replace(form, blocks=tuple(blocks), header=header)


__all__ = ["Approval", "FormColumn", "FormDocument", "FormTable", "HeaderRow", "SignGroup",
           "SignLine", "write_form"]
