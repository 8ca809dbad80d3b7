"""Column widths from the content: a column is made wide enough to put its texts on one
line, or on two, where that saves the most printed lines (the перспективный график)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from exports import Report, ReportColumn, ReportTable, write_report
from exports.errors import FontNotFoundError
from exports.fonts import find_cyrillic_font, register_font
from exports.pdf_table import wrap_text
from exports.widths import _two_lines, content_widths

POSITION = "педагог дополнительного образования"


@pytest.fixture(scope="module")
def font() -> str:
    try:
        return register_font(find_cyrillic_font()).regular
    except FontNotFoundError:
        pytest.skip("no Cyrillic TrueType font on this machine")


def test_the_two_line_width_is_the_best_break(font: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def measure(t: str) -> float:
        return float(stringWidth(t, font, 9))

    one = measure(POSITION)
    two = _two_lines(POSITION, one, measure)
    assert two == measure("педагог дополнительного")
    assert len(wrap_text(POSITION, font, 9, two)) == 2
    assert len(wrap_text(POSITION, font, 9, two - 1)) == 3
    assert _two_lines("воспитатель", measure("воспитатель"), measure) == measure("воспитатель")


def test_a_column_gets_the_room_that_puts_its_texts_on_two_lines(font: str) -> None:
    """Room for every position on two lines but not on one: the positions must not take
    three lines, whatever the other columns would like."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def measure(t: str) -> float:
        return float(stringWidth(t, font, 9))

    cols = (ReportColumn("ФИО", 2.2), ReportColumn("Должность", 1.7),
            ReportColumn("Примечание", 2.0))
    rows = [(f"Константинопольская Александра Владимировна {i}", POSITION,
             "очень длинное примечание " * 3) for i in range(60)]
    table = ReportTable(cols, rows)
    total = measure(rows[0][0]) + measure(POSITION) * 0.75 + measure(rows[0][2]) / 2.5
    widths = content_widths(table, total, measure, measure, 5.0)
    assert len(wrap_text(POSITION, font, 9, widths[1] - 5.0)) == 2


def test_a_long_list_is_set_smaller_in_word_too(tmp_path: Path) -> None:
    cols = (ReportColumn("ФИО", 2.0), ReportColumn("Должность", 1.5))
    for rows, size in ((10, 12), (31, 10), (401, 9)):
        report = Report("Список", tables=(ReportTable(cols, [("Иванов", "учитель")] * rows),))
        path = tmp_path / f"{rows}.docx"
        write_report(report, path, "docx")
        document = docx.Document(str(path))
        cell = document.tables[0].rows[1].cells[0].paragraphs[0]
        assert cell.style.font.size.pt == size, rows
