"""Certificates and diplomas of events: one A4 page per recipient, from plain data.

The layout is a framed page: the issuing bodies at the top, the big title («СЕРТИФИКАТ»,
«ДИПЛОМ»), the recipient's name, the text, the signature and the register number.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from exports._io import CancelledFn, ProgressFn, Ticker, atomic_target
from exports.fonts import RegisteredFont, find_cyrillic_font, register_font
from exports.typography import NBSP, tie

FRAME = HexColor("#1f4e79")
ACCENT = HexColor("#8b1a1a")


@dataclass(frozen=True, slots=True)
class CertificatePage:
    title: str            # «СЕРТИФИКАТ» or «ДИПЛОМ»
    recipient: str        # Фамилия Имя Отчество
    lines: tuple[str, ...]  # the text under the name, paragraph by paragraph
    number: str           # the register number, e.g. «2026/15»
    date_text: str        # «13.02.2026»
    signer_position: str
    signer_name: str      # «И.О. Фамилия»
    department: str = ""
    organization: str = ""
    subtitle: str = ""    # e.g. «победителя» or «I степени»


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(canvas: Canvas, text: str, style: ParagraphStyle, y: float) -> float:
    """Draw a centred paragraph whose top is at `y`; the y under it."""
    width = A4[0] - 50 * mm
    para = Paragraph(_escape(tie(text)), style)
    _w, height = para.wrap(width, A4[1])
    para.drawOn(canvas, 25 * mm, y - height)
    return float(y - height)


def _style(font: str, size: float, leading: float | None = None, color: object = None
           ) -> ParagraphStyle:
    return ParagraphStyle("c", fontName=font, fontSize=size, leading=leading or size * 1.25,
                          alignment=TA_CENTER, textColor=color or HexColor("#000000"))


def _frame(canvas: Canvas) -> None:
    w, h = A4
    canvas.setStrokeColor(FRAME)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, w - 30 * mm, h - 30 * mm)


def _page(canvas: Canvas, page: CertificatePage, font: RegisteredFont) -> None:
    w, h = A4
    _frame(canvas)
    y = h - 28 * mm
    for text in (page.department, page.organization):
        if text:
            y = _paragraph(canvas, text, _style(font.regular, 13), y) - 2 * mm
    y = _paragraph(canvas, page.title, _style(font.bold, 40, 48, FRAME), y - 22 * mm)
    if page.subtitle:
        y = _paragraph(canvas, page.subtitle, _style(font.bold, 18, 22, ACCENT), y - 2 * mm)
    y = _paragraph(canvas, page.recipient, _style(font.bold, 24, 30), y - 18 * mm)
    y -= 8 * mm
    for line in page.lines:
        y = _paragraph(canvas, line, _style(font.regular, 15, 20), y) - 4 * mm
    base = 48 * mm
    canvas.setFont(font.regular, 13)
    canvas.drawString(25 * mm, base, page.signer_position)
    canvas.drawRightString(w - 25 * mm, base, page.signer_name)
    canvas.setFont(font.regular, 11)
    canvas.drawString(25 * mm, 30 * mm, f"Регистрационный №{NBSP}{page.number}")
    canvas.drawRightString(w - 25 * mm, 30 * mm, page.date_text)


def write_certificates(pages: Sequence[CertificatePage], path: str | os.PathLike[str],
                       font_path: Path | None = None, font_family: str | None = None,
                       progress: ProgressFn | None = None,
                       cancelled: CancelledFn | None = None) -> None:
    """One page per certificate; the file appears only when all pages are written."""
    font = register_font(find_cyrillic_font(font_path, family=font_family))
    ticker = Ticker(len(pages), progress, cancelled, every=20)
    ticker.start()
    with atomic_target(path) as tmp:
        canvas = Canvas(str(tmp), pagesize=A4)
        canvas.setTitle(pages[0].title if pages else "Сертификаты")
        for page in pages:
            _page(canvas, page, font)
            canvas.showPage()
            ticker.step()
        canvas.save()
    ticker.finish()
