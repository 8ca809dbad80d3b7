"""The .docx renderer: the file is opened again with python-docx and checked."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from exports import ReportColumn, ReportStyle
from exports.docx_headers import has_page_field
from exports.docx_writer import write_docx
from exports.model import Report

from .conftest import course_rows, expected_sums, make_report

NBSP = "\u00a0"


def _texts(doc: docx.document.Document) -> list[str]:
    """The paragraphs as read, non-breaking spaces as plain ones."""
    return [p.text.replace(NBSP, " ") for p in doc.paragraphs]


def _cell_text(cell: docx.table._Cell) -> str:
    return cell.text.replace(NBSP, " ")


@pytest.fixture
def rendered(tmp_path: Path, report: Report) -> docx.document.Document:
    path = tmp_path / "отчёт.docx"
    write_docx(report, path)
    return docx.Document(str(path))


def test_russian_text_and_header_block(rendered: docx.document.Document) -> None:
    texts = _texts(rendered)
    assert "Управление образования администрации Тогучинского муниципального округа" in texts
    assert "Информационно-методический центр" in texts
    assert "ОТЧЁТ" in texts and "о прохождении курсов повышения квалификации" in texts
    assert "05.11.2025\t№ 01-12/345" in texts
    assert "05.11.2025\t№\u00a001-12/345" in [p.text for p in rendered.paragraphs]
    assert "Период: 01.01.2025 – 31.12.2025" in texts
    assert "УТВЕРЖДАЮ" in texts and "_______________ И.И. Петров" in texts
    title = next(p for p in rendered.paragraphs if p.text == "ОТЧЁТ")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in title.runs)
    body = next(p for p in rendered.paragraphs if p.text.startswith("Сведения о прохождении"))
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(body.paragraph_format.first_line_indent - Mm(12.5)) < Mm(0.1)


def test_page_setup_and_fonts(rendered: docx.document.Document) -> None:
    section = rendered.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    for margin, mm in ((section.left_margin, 30), (section.right_margin, 10),
                       (section.top_margin, 20), (section.bottom_margin, 20)):
        assert abs(margin - Mm(mm)) < Mm(0.5)
    text_style = rendered.styles["IMC Text"]
    assert text_style.font.name == "Times New Roman"
    assert text_style.font.size.pt == 14
    assert rendered.styles["IMC Table"].font.size.pt == 12
    first = next(p for p in rendered.paragraphs if p.text == "ОТЧЁТ")
    assert first.style.name == "IMC Text"


def test_table_header_repeats_and_cells(rendered: docx.document.Document) -> None:
    table = rendered.tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == [
        "Образовательная организация", "ФИО педагога", "Дата", "Часов", "Стоимость, руб."
    ]
    assert all(r.bold for c in header.cells for p in c.paragraphs for r in p.runs)
    group = table.rows[1]
    assert group.cells[0].text == "МБОУ СОШ №\u00a01"
    assert group.cells[0].paragraphs[0].runs[0].bold
    first = [_cell_text(c) for c in table.rows[2].cells]
    assert first == ["МБОУ СОШ № 1", "Иванова Анна Сергеевна", "01.01.2025", "36", "1 234,50"]
    assert table.rows[2].cells[4].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and borders.find(qn("w:insideH")).get(qn("w:val")) == "single"


def test_group_subtotals_and_total(rendered: docx.document.Document) -> None:
    rows = course_rows()
    table = rendered.tables[0]
    lines = [[_cell_text(c) for c in r.cells] for r in table.rows]
    subtotals = [line for line in lines if line[0] == "Итого по группе"]
    assert len(subtotals) == 3
    group1 = [r for r in rows if r[0] == "МБОУ СОШ № 1"]
    hours, cost = expected_sums(group1)
    assert subtotals[0][3:] == [str(hours), f"{cost:,.2f}".replace(",", " ").replace(".", ",")]
    total = lines[-1]
    hours, cost = expected_sums(rows)
    assert total[0] == "Всего"
    assert total[3] == str(hours)
    assert total[4] == f"{cost:,.2f}".replace(",", " ").replace(".", ",")
    last_row = table.rows[-1]
    assert all(r.bold for c in last_row.cells for p in c.paragraphs for r in p.runs)


def test_signatures_and_executor(rendered: docx.document.Document) -> None:
    sig = rendered.tables[-1]
    cells = [[_cell_text(c) for c in r.cells] for r in sig.rows]
    assert ["Директор ИМЦ", "А.Б. Сидорова"] in cells
    assert ["Методист", "Ж.Ю. Щукина"] in cells
    name_row = next(r for r in sig.rows if r.cells[1].text == "А.Б.\u00a0Сидорова")
    assert name_row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    borders = sig._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:val")) == "nil"
    texts = _texts(rendered)
    assert texts[-2:] == ["Исполнитель: Смирнова Вера Геннадьевна", "тел. 8 (38340) 2-12-34"]
    executor = rendered.paragraphs[-1]
    assert executor.style.font.size.pt == 10
    assert executor.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_page_numbers_from_second_page(rendered: docx.document.Document) -> None:
    section = rendered.sections[0]
    assert section.different_first_page_header_footer  # w:titlePg
    assert has_page_field(section.header._element)
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not has_page_field(section.first_page_header._element)


def test_wide_table_gives_landscape(tmp_path: Path) -> None:
    cols = tuple(ReportColumn(f"Столбец {i}") for i in range(9))
    report = make_report([tuple(f"з{i}" for i in range(9))], columns=cols, group_by=None)
    write_docx(report, tmp_path / "w.docx")
    section = docx.Document(str(tmp_path / "w.docx")).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height


def test_special_characters_survive(tmp_path: Path) -> None:
    rows = [("A & B <школа>", "строка 1\nстрока 2", None, 1, None)]
    report = make_report(rows, group_by=None)
    write_docx(report, tmp_path / "s.docx")
    cells = docx.Document(str(tmp_path / "s.docx")).tables[0].rows[1].cells
    assert cells[0].text == "A & B <школа>"
    assert cells[1].text == "строка 1\nстрока 2"


def _make_letterhead(path: Path, *, first_page: bool) -> None:
    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "БЛАНК ИМЦ: 633456, г. Тогучин, ул. Мира, 1"
    section.footer.paragraphs[0].text = "Подвал бланка"
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "ПЕРВАЯ СТРАНИЦА БЛАНКА"
    doc.add_paragraph("Текст в теле бланка")
    doc.save(str(path))


def test_letterhead_keeps_headers_and_skips_department(tmp_path: Path, report: Report) -> None:
    blank = tmp_path / "бланк.docx"
    _make_letterhead(blank, first_page=False)
    out = tmp_path / "на бланке.docx"
    write_docx(report, out, ReportStyle(letterhead_docx=blank))
    doc = docx.Document(str(out))
    section = doc.sections[0]
    header_text = "\n".join(p.text for p in section.header.paragraphs)
    assert "БЛАНК ИМЦ: 633456, г. Тогучин, ул. Мира, 1" in header_text
    assert has_page_field(section.header._element)
    assert section.different_first_page_header_footer
    first = "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert "БЛАНК ИМЦ" in first and not has_page_field(section.first_page_header._element)
    assert section.first_page_footer.paragraphs[0].text == "Подвал бланка"
    texts = _texts(doc)
    assert texts[0] == "Текст в теле бланка"
    assert report.department not in texts and report.organization not in texts
    assert "ОТЧЁТ" in texts


def test_letterhead_with_own_first_page(tmp_path: Path, report: Report) -> None:
    blank = tmp_path / "бланк.docx"
    _make_letterhead(blank, first_page=True)
    write_docx(report, tmp_path / "r.docx", ReportStyle(letterhead_docx=blank))
    section = docx.Document(str(tmp_path / "r.docx")).sections[0]
    assert section.first_page_header.paragraphs[0].text == "ПЕРВАЯ СТРАНИЦА БЛАНКА"
    assert has_page_field(section.header._element)


def test_big_table_is_fast(tmp_path: Path) -> None:
    import time

    cols = tuple(ReportColumn(f"К{i}", kind="int" if i % 2 else "text") for i in range(8))
    rows = [tuple(i if c % 2 else f"текст {i}" for c in range(8)) for i in range(1000)]
    report = make_report(rows, columns=cols, group_by=None, totals=False)
    start = time.perf_counter()
    write_docx(report, tmp_path / "big.docx")
    assert time.perf_counter() - start < 3.0
    assert len(docx.Document(str(tmp_path / "big.docx")).tables[0].rows) == 1001
