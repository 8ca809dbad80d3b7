"""The .xlsx renderer: the workbook is opened again with openpyxl and checked."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from exports import Report, ReportColumn, ReportTable
from exports.xlsx_writer import sheet_names, write_xlsx

from .conftest import course_rows, expected_sums, make_report


def _open(tmp_path: Path, report: Report) -> Worksheet:
    path = tmp_path / "отчёт.xlsx"
    write_xlsx(report, path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert isinstance(ws, Worksheet)
    return ws


def _find_row(ws: Worksheet, first_value: object) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_value:
            return int(row[0].row)
    raise AssertionError(f"no row starting with {first_value!r}")


def test_header_rows_and_table_header(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    firsts = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert report.department in firsts and report.organization in firsts
    assert "ОТЧЁТ" in firsts and "Период: 01.01.2025 – 31.12.2025" in firsts
    assert ws.cell(_find_row(ws, "ОТЧЁТ"), 1).font.b
    header = _find_row(ws, "Образовательная организация")
    assert [ws.cell(header, c).value for c in range(1, 6)] == [
        "Образовательная организация", "ФИО педагога", "Дата", "Часов", "Стоимость, руб."
    ]
    cell = ws.cell(header, 2)
    assert cell.font.b and cell.alignment.wrap_text and cell.border.left.style == "thin"
    dep_row = _find_row(ws, report.department)
    assert f"A{dep_row}:E{dep_row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.title == "Сведения о курсах"


def test_freeze_filter_and_print_setup(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    header = _find_row(ws, "Образовательная организация")
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith(f"A{header}:E")
    assert ws.print_title_rows == f"${header}:${header}"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "portrait"
    assert ws.page_margins.left == pytest.approx(30 / 25.4)
    assert ws.HeaderFooter.differentFirst and ws.oddHeader.center.text == "&P"


def test_real_dates_and_numbers(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    row = _find_row(ws, "МБОУ СОШ № 1") + 1  # the group heading comes first
    assert ws.cell(row, 2).value == "Иванова Анна Сергеевна"
    day = ws.cell(row, 3)
    assert isinstance(day.value, datetime) and day.value.date() == date(2025, 1, 1)
    assert day.number_format == "DD.MM.YYYY"
    money = ws.cell(row, 5)
    assert isinstance(money.value, (int, float)) and money.value == pytest.approx(1234.5)
    assert money.number_format == "#,##0.00"
    assert ws.cell(row, 4).value == 36


def _evaluate(ws: Any, formula: str) -> float:
    """The value of a ``=SUM(…)`` formula of ranges, cells and nested sums."""
    from openpyxl.utils.cell import range_boundaries

    assert formula.startswith("=SUM(") and formula.endswith(")"), formula
    inner = formula[5:-1]
    total = 0.0
    for arg in re.findall(r"SUM\([^()]*\)|[A-Z]+\d+(?::[A-Z]+\d+)?", inner):
        if arg.startswith("SUM("):
            total += _evaluate(ws, "=" + arg)
            continue
        c1, r1, c2, r2 = range_boundaries(arg if ":" in arg else f"{arg}:{arg}")
        for row in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                value = ws.cell(row, col).value
                total += _evaluate(ws, value) if isinstance(value, str) else (value or 0)
    return total


def test_subtotals_and_totals_are_sum_formulas(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    rows = course_rows()
    sub = _find_row(ws, "Итого по группе")
    hours, cost = expected_sums([r for r in rows if r[0] == "МБОУ СОШ № 1"])
    assert ws.cell(sub, 4).value == f"=SUM(D{sub - 10}:D{sub - 1})"
    assert _evaluate(ws, ws.cell(sub, 4).value) == hours
    assert _evaluate(ws, ws.cell(sub, 5).value) == pytest.approx(float(cost))
    assert ws.cell(sub, 1).font.b and ws.cell(sub, 5).font.b
    total = _find_row(ws, "Всего")
    hours, cost = expected_sums(rows)
    assert _evaluate(ws, ws.cell(total, 4).value) == hours  # the subtotals, not twice
    assert _evaluate(ws, ws.cell(total, 5).value) == pytest.approx(float(cost))
    assert ws.cell(total, 5).number_format == "#,##0.00"
    assert ws.cell(total, 4).number_format == "#,##0"  # «1 456»: a count with a total
    assert ws.cell(sub - 1, 4).number_format == "#,##0"


def test_signatures_and_executor_below(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    total = _find_row(ws, "Всего")
    sig = _find_row(ws, "Директор ИМЦ")
    assert sig > total and ws.cell(sig, 5).value == "А.Б. Сидорова"
    assert ws.cell(sig, 5).alignment.horizontal == "right"
    assert _find_row(ws, "Исполнитель: Смирнова Вера Геннадьевна") > sig
    assert _find_row(ws, "тел. 8 (38340) 2-12-34") > sig


def test_widths_fit_content(tmp_path: Path) -> None:
    long_text = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»"
    rows = [(long_text, "Иванов", date(2025, 1, 1), 1, Decimal(1))]
    ws = _open(tmp_path, make_report(rows, group_by=None))
    assert ws.column_dimensions["A"].width > 40
    assert ws.column_dimensions["A"].width <= 60
    assert ws.column_dimensions["C"].width >= 10
    assert ws.column_dimensions["B"].width < ws.column_dimensions["A"].width


def test_wide_table_is_landscape(tmp_path: Path) -> None:
    cols = tuple(ReportColumn(f"Столбец {i}") for i in range(9))
    ws = _open(tmp_path, make_report([tuple(str(i) for i in range(9))], columns=cols))
    assert ws.page_setup.orientation == "landscape"


def test_formula_like_and_control_characters_stay_text(tmp_path: Path) -> None:
    rows = [("=1+2", "плохой\x01символ", None, None, None)]
    ws = _open(tmp_path, make_report(rows, group_by=None, totals=False))
    row = _find_row(ws, "=1+2")
    assert ws.cell(row, 1).data_type == "s"
    assert ws.cell(row, 2).value == "плохойсимвол"


def test_one_sheet_per_table(tmp_path: Path) -> None:
    cols = (ReportColumn("А"),)
    tables = (
        ReportTable(cols, [("1",)], title="Свод: итоги [2025]"),
        ReportTable(cols, [("2",)]),
        ReportTable(cols, [("3",)], title="Свод: итоги [2025]"),
    )
    report = Report("Отчёт", tables=tables, signatures=())
    path = tmp_path / "t.xlsx"
    write_xlsx(report, path)
    assert openpyxl.load_workbook(path).sheetnames == [
        "Свод итоги 2025", "Лист2", "Свод итоги 2025 (2)"
    ]


def test_sheet_names_are_short() -> None:
    cols = (ReportColumn("А"),)
    report = Report("t", tables=(ReportTable(cols, [], title="Я" * 40),))
    assert sheet_names(report) == ["Я" * 31]
    assert sheet_names(Report("t")) == ["Лист1"]


def test_report_without_tables(tmp_path: Path) -> None:
    report = Report("Справка", paragraphs=("Текст справки.",))
    path = tmp_path / "t.xlsx"
    write_xlsx(report, path)
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Лист1"
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Справка" in values and "Текст справки." in values


# ------------------------------------------------------------------ the table as it prints


def _framed(cell: Any) -> bool:
    """Thin lines on all four sides (a merged cell: its range is framed as a whole)."""
    if isinstance(cell, MergedCell):
        rng = next(r for r in cell.parent.merged_cells.ranges if cell.coordinate in r)
        cell = cell.parent.cell(rng.min_row, rng.min_col)
        return _framed(cell) and cell.border.right.style == "thin"
    b = cell.border
    return all(side is not None and side.style == "thin"
               for side in (b.left, b.right, b.top, b.bottom))


def test_every_cell_of_the_table_is_framed_and_nothing_outside(tmp_path: Path,
                                                              report: Report) -> None:
    rows = course_rows()
    rows[3] = (rows[3][0], rows[3][1], None, rows[3][3], None)  # empty cells keep the grid
    ws = _open(tmp_path, make_report(rows))
    header = _find_row(ws, "Образовательная организация")
    total = _find_row(ws, "Всего")
    for r in range(header, total + 1):
        for c in range(1, 6):
            assert _framed(ws.cell(r, c)), ws.cell(r, c).coordinate
    for r in (header - 1, total + 1, _find_row(ws, "Директор ИМЦ")):
        assert not any(_framed(ws.cell(r, c)) for c in range(1, 6))


def test_group_heading_spans_the_table(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    group = _find_row(ws, "МБОУ СОШ № 2")
    assert f"A{group}:E{group}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(group, 1).font.b


def test_text_cells_wrap_and_numbers_do_not(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    row = _find_row(ws, "МБОУ СОШ № 1") + 1
    name, day, hours = ws.cell(row, 2), ws.cell(row, 3), ws.cell(row, 4)
    assert name.alignment.wrap_text and name.alignment.vertical == "top"
    assert not hours.alignment.wrap_text and hours.alignment.horizontal == "right"
    assert day.alignment.horizontal == "center"
    header = _find_row(ws, "Образовательная организация")
    assert all(ws.cell(header, c).alignment.wrap_text for c in range(1, 6))


def test_the_date_of_the_report_is_a_date(tmp_path: Path, report: Report) -> None:
    ws = _open(tmp_path, report)
    cell = next(c for row in ws.iter_rows() for c in row
                if isinstance(c.value, datetime) and c.value.date() == date(2025, 11, 5))
    assert cell.number_format == "DD.MM.YYYY"
    assert not any(c.value == "05.11.2025" for row in ws.iter_rows() for c in row)


def test_a_date_in_a_narrow_first_column_gets_room(tmp_path: Path) -> None:
    cols = (ReportColumn("№", kind="int"), ReportColumn("ФИО", 3.0), ReportColumn("Год"))
    ws = _open(tmp_path, make_report([(1, "Иванов И. И.", "2025")], columns=cols,
                                     group_by=None, totals=False))
    row = next(c.row for r in ws.iter_rows() for c in r if isinstance(c.value, datetime))
    merged = next(r for r in ws.merged_cells.ranges if r.min_row == row and r.min_col == 1)
    width = sum(ws.column_dimensions[chr(64 + c)].width for c in range(1, merged.max_col + 1))
    assert width >= 12


def test_one_number_format_per_column(tmp_path: Path) -> None:
    cols = (ReportColumn("ФИО", 2.0), ReportColumn("Балл", kind="number"),
            ReportColumn("Место", kind="int"), ReportColumn("Доля", kind="percent"),
            ReportColumn("Часов", kind="int", total=True),
            ReportColumn("Сумма", kind="money"))
    rows = [("А", 90, 1, 50.0, 1200, Decimal("10")), ("Б", 91.8, 2, 33.3, 36, Decimal("1.5")),
            ("В", None, 3, 0.0, 72, Decimal("100000"))]
    ws = _open(tmp_path, make_report(rows, columns=cols, group_by=None))
    first = _find_row(ws, "А")
    for r in range(first, first + 3):
        formats = [ws.cell(r, c).number_format for c in range(2, 7)]
        assert formats == ["0.0", "0", "0.0", "#,##0", "#,##0.00"], r
    assert ws.cell(first, 2).value == 90 and ws.cell(first + 1, 2).value == pytest.approx(91.8)


def test_a_two_line_cell_gets_the_height_of_two_lines(tmp_path: Path) -> None:
    cols = (ReportColumn("ФИО", 2.0), ReportColumn("Даты"), ReportColumn("Часов", kind="int"))
    long_text = "Школа современного учителя: развитие функциональной грамотности " * 2
    rows = [("Иванова", "08.03.2026–\n10.03.2026", 16), ("Петрова", "01.02.2026", 36),
            (long_text.strip(), "", 72)]
    ws = _open(tmp_path, make_report(rows, columns=cols, group_by=None, totals=False))
    two, one, long_row = (_find_row(ws, name) for name in ("Иванова", "Петрова",
                                                            long_text.strip()))
    line = 12 * 1.3
    assert ws.row_dimensions[two].height >= 2 * line
    assert ws.row_dimensions[one].height in (None, 15)  # the default: one line
    width = ws.column_dimensions["A"].width
    assert ws.row_dimensions[long_row].height >= line * len(long_text) / width


def test_the_totals_label_spans_the_columns_before_the_sums(tmp_path: Path,
                                                            report: Report) -> None:
    ws = _open(tmp_path, report)
    total = _find_row(ws, "Всего")
    assert f"A{total}:C{total}" in {str(r) for r in ws.merged_cells.ranges}


def test_a_date_in_a_text_column_is_still_a_date(tmp_path: Path) -> None:
    cols = (ReportColumn("ФИО", 2.0), ReportColumn("Срок"))
    rows = [("Иванова", date(2027, 5, 1)), ("Петрова", "бессрочно"), ("Сидорова", None)]
    ws = _open(tmp_path, make_report(rows, columns=cols, group_by=None, totals=False))
    cell = ws.cell(_find_row(ws, "Иванова"), 2)
    assert isinstance(cell.value, datetime) and cell.number_format == "DD.MM.YYYY"
    assert ws.cell(_find_row(ws, "Петрова"), 2).value == "бессрочно"


def test_a_reused_cell_follows_a_style_its_value_changed() -> None:
    from openpyxl import Workbook

    from exports.xlsx_rows import ColumnCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Лист")
    cell = ColumnCell(ws)
    cell.value = 1
    frozen = cell.freeze().style_id
    cell.value = date(2026, 1, 5)  # openpyxl gives a date a date format of its own
    assert cell.number_format != "General" and cell.style_id != frozen
