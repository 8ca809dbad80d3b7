"""The official forms' engine: sums in words, page totals, the last rows kept with the
signatures whatever the number of rows, «ПРОЕКТ» only on drafts, in pdf, docx and xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest

from exports.forms import (
    FormColumn,
    FormDocument,
    FormTable,
    HeaderRow,
    SignGroup,
    SignLine,
    write_form,
)
from exports.forms.model import header_cells
from exports.forms.words import count_in_words, plural, rubles_in_words

COLUMNS = (FormColumn("№", 0.5, "int"), FormColumn("наименование", 3.0, groups=("Активы",)),
           FormColumn("номер", 1.2, groups=("Активы",)),
           FormColumn("кол-во", 0.8, "int", True, ("Учёт", "недостача")),
           FormColumn("сумма", 1.2, "money", True, ("Учёт", "недостача")))


def form(rows: int, draft: bool = False, signers: int = 6) -> FormDocument:
    data = [[i, f"Объект номер {i}", f"РЯД-{i:03d}", 1, Decimal("100.50")]
            for i in range(1, rows + 1)]
    return FormDocument(
        okud="0504087", title="ОПИСЬ № 1", draft=draft,
        header=(HeaderRow(value="ОПИСЬ № 1", title=True, code_label="Форма по ОКУД",
                          code="0504087"),
                HeaderRow("Учреждение", "МБОУ СОШ № 1", "по ОКПО", "12345678"),
                HeaderRow("", "", "ИНН", "1234567894"),
                HeaderRow("Единица измерения: руб.", "", "по ОКЕИ", "383")),
        blocks=(FormTable(COLUMNS, data, page_totals=True), "Итого: сумма прописью.",
                SignGroup(tuple(SignLine("Член комиссии", "учитель", f"А.А. Член{i}")
                                for i in range(signers)), "Комиссия:", dated=True)))


def test_sums_and_counts_in_words() -> None:
    assert rubles_in_words(Decimal("1234.50")) == (
        "Одна тысяча двести тридцать четыре рубля 50 копеек")
    assert rubles_in_words(21.01) == "Двадцать один рубль 01 копейка"
    assert rubles_in_words(11) == "Одиннадцать рублей 00 копеек"
    assert rubles_in_words(3.02) == "Три рубля 02 копейки"
    assert count_in_words(12) == "12 (двенадцать)"
    assert [plural(n, "рубль", "рубля", "рублей") for n in (1, 2, 5, 11, 14, 22, 111)] == [
        "рубль", "рубля", "рублей", "рублей", "рублей", "рубля", "рублей"]


def test_the_headings_are_merged_over_their_columns() -> None:
    cells = header_cells(COLUMNS)
    assert (0, 0, 3, 1, "№") in cells and (0, 1, 1, 2, "Активы") in cells
    assert (1, 1, 2, 1, "наименование") in cells
    assert (0, 3, 1, 2, "Учёт") in cells and (1, 3, 1, 2, "недостача") in cells
    assert (2, 4, 1, 1, "сумма") in cells


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(str(path)).pages]


@pytest.mark.parametrize("rows", [1, 2, 3, 14, 17, 20, 23, 26, 29, 45, 60])
def test_the_signatures_never_stand_alone(tmp_path: Path, rows: int) -> None:
    """Whatever the number of rows, the last page has table rows with the signatures, and
    every page ends with its own totals that add up to the whole."""
    path = tmp_path / "f.pdf"
    write_form(form(rows), path, "pdf")
    texts = pages(path)
    last = texts[-1]
    assert "(расшифровка подписи)" in last and "Итого" in last
    assert sum(f"РЯД-{i:03d}" in last for i in range(1, rows + 1)) >= min(rows, 2)
    assert all("Итого по странице" in t for t in texts)
    per_page = [sum(f"РЯД-{i:03d}" in t for i in range(1, rows + 1)) for t in texts]
    assert sum(per_page) == rows
    assert "(расшифровка подписи)" not in texts[0] or len(texts) == 1


def test_the_draft_mark_is_in_the_margin_only_of_drafts(tmp_path: Path) -> None:
    draft, final = tmp_path / "d.pdf", tmp_path / "f.pdf"
    write_form(form(3, draft=True), draft, "pdf")
    write_form(form(3), final, "pdf")
    assert "П Р О Е К Т" in pages(draft)[0]
    assert "П Р О Е К Т" not in pages(final)[0]
    for name, is_draft in (("d.docx", True), ("f.docx", False)):
        write_form(form(3, draft=is_draft), tmp_path / name, "docx")
        document = docx.Document(str(tmp_path / name))
        header = document.sections[0].header.paragraphs[0].text
        assert ("П Р О Е К Т" in header) is is_draft
        assert all("ПРОЕКТ" not in p.text for p in document.paragraphs)


def test_the_docx_form(tmp_path: Path) -> None:
    path = tmp_path / "f.docx"
    write_form(form(30), path, "docx")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "ОПИСЬ №\u00a01"  # «№» never ends a line
    head, grid = document.tables[0], document.tables[1]
    codes = [c.text for r in head.rows for c in r.cells]
    assert {"КОДЫ", "0504087", "по ОКПО", "12345678", "ИНН", "по ОКЕИ", "383"} <= set(codes)
    numbers = [c.text for c in grid.rows[3].cells]
    assert numbers == ["1", "2", "3", "4", "5"]
    total = [c.text for c in grid.rows[-1].cells]
    assert total[0] == "Итого" and total[-2:] == ["30", "3 015,00"]
    kept = [r.cells[1].paragraphs[0].paragraph_format.keep_with_next for r in grid.rows[4:]]
    assert kept[-3:] == [True, True, True] and not any(kept[:-3])
    captions = [c.text for t in document.tables[2:] for r in t.rows for c in r.cells]
    assert {"(должность)", "(подпись)", "(расшифровка подписи)"} <= set(captions)


def test_the_xlsx_form_sums_by_formulas(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_form(form(5), path, "xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    values = [[c.value for c in r] for r in ws.iter_rows()]
    flat = [v for r in values for v in r if v is not None]
    assert "ОПИСЬ № 1" in flat and "0504087" in flat and "383" in flat
    numbering = next(r for r in values if r[:5] == [1, 2, 3, 4, 5])
    assert numbering
    totals = next(r for r in values if r[0] == "Итого")
    assert totals[3] is not None and str(totals[3]).startswith("=SUM(")
    assert "(расшифровка подписи)" in flat and ws.oddHeader.left.text in (None, "")


def test_the_date_in_the_codes_block_of_the_xlsx_form_is_a_date(tmp_path: Path) -> None:
    from datetime import date, datetime

    dated = form(2)
    dated = FormDocument(okud=dated.okud, title=dated.title, blocks=dated.blocks,
                         header=(*dated.header, HeaderRow("", "", "Дата", "05.12.2026")))
    path = tmp_path / "f.xlsx"
    write_form(dated, path, "xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    cell = next(c for r in ws.iter_rows() for c in r if isinstance(c.value, datetime))
    assert cell.value.date() == date(2026, 12, 5) and cell.number_format == "DD.MM.YYYY"
    assert ws.column_dimensions[cell.column_letter].width >= 11
    assert cell.border.left.style == "thin"


def test_the_xlsx_signature_lines_give_the_role_and_the_position_room(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_form(form(2), path, "xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    merged = {str(r) for r in ws.merged_cells.ranges}
    row = next(c.row for r in ws.iter_rows() for c in r if c.value == "Член комиссии")
    assert f"A{row}:B{row}" in merged  # the role is not cut by the position beside it
    position = next(c for c in ws[row] if c.value == "учитель")
    assert any(r.min_row == row and r.min_col == position.column and r.max_col > r.min_col
               for r in ws.merged_cells.ranges) or len(COLUMNS) < 6
    caption = ws.cell(row + 1, position.column)
    assert caption.value == "(должность)"
