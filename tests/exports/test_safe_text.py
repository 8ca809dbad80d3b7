"""Hostile text in every part of a report: no live formula, no broken file, nothing lost."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from exports import (
    ApprovalBlock,
    Report,
    ReportColumn,
    ReportTable,
    Signature,
    write_report,
)
from exports.safe_text import clean, clean_report

NASTY = "=HYPERLINK(\"http://x\",\"клик\")\x01\x0b<b>&\rконец"


def _hostile() -> Report:
    table = ReportTable(
        (ReportColumn("ОО" + NASTY, 2.0), ReportColumn("ФИО", 2.0)),
        [(f"СОШ {NASTY}", "=1+1"), ("Лицей", "@SUM(A1)\x00")], title="Таблица" + NASTY,
        group_by=0)
    return Report(
        title="Отчёт" + NASTY, department="Управление" + NASTY, organization="ИМЦ" + NASTY,
        heading="о" + NASTY, params_line="Период" + NASTY, number="1" + NASTY,
        approval=ApprovalBlock("Начальник" + NASTY, "И.И. Петров" + NASTY),
        paragraphs=("Абзац" + NASTY,), tables=(table,),
        signatures=(Signature("Директор" + NASTY, "А.Б. Сидорова" + NASTY),),
        executor_name="Смирнова" + NASTY, executor_phone="2-12-34",
        closing_paragraphs=("Итог" + NASTY,))


def test_clean() -> None:
    assert clean("а\x01б\x0bв\r\nг\rд\tе\nж\ud800") == "абв\nг\nд\tе\nж"
    report = Report(title="чистый")
    assert clean_report(report) == report


def test_xlsx_has_no_formula_from_the_data_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(_hostile(), path, "xlsx")
    wb = load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [str(c.value) for c in cells]
    assert any(t.startswith("Отчёт=HYPERLINK") for t in texts)
    assert "=1+1" in texts
    assert not any("\x01" in t or "\r" in t for t in texts)


def test_docx_opens_with_every_text_in_it(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_report(_hostile(), path, "docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for part in ("Отчёт=HYPERLINK", "Директор=HYPERLINK", "Смирнова=HYPERLINK", "<b>&",
                 "Таблица=HYPERLINK"):
        assert part in text


@pytest.mark.usefixtures("pdf_font")
def test_pdf_shows_markup_as_text(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_report(_hostile(), path, "pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "<b>&" in text and "Директор" in text
