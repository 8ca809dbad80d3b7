"""The optional native bar chart of a table in .xlsx (docx and pdf ignore it)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from exports import Report, ReportColumn, ReportTable, write_report
from exports.model import ReportChart

COLUMNS = (ReportColumn("ОО", 3.0), ReportColumn("Высшая, %", 1.0, kind="percent"),
           ReportColumn("Первая, %", 1.0, kind="percent"))
ROWS = [["Школа № 1", 40.0, 30.5], ["Школа № 2", 10.0, 50.0]]


def _report(chart: ReportChart | None) -> Report:
    return Report(title="Доли", tables=(ReportTable(COLUMNS, ROWS, chart=chart),))


def test_chart_is_written_over_the_table_cells(tmp_path: Path) -> None:
    path = tmp_path / "chart.xlsx"
    write_report(_report(ReportChart("Доли категорий", 0, (1, 2), "%")), path, "xlsx")
    ws = load_workbook(path).worksheets[0]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert len(chart.series) == 2
    refs = [s.val.numRef.f for s in chart.series]
    assert "$B$" in refs[0] and "$C$" in refs[1]
    values = [row[1] for row in ws.iter_rows(values_only=True) if row[0] == "Школа № 1"]
    assert values == [40.0]


def test_no_chart_by_default_and_other_formats_ignore_it(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    write_report(_report(None), path, "xlsx")
    assert load_workbook(path).worksheets[0]._charts == []
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"chart.{fmt}"
        write_report(_report(ReportChart("Доли", 0, (1,))), out, fmt)
        assert out.stat().st_size > 0


def test_empty_table_gets_no_chart(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    report = Report(title="Пусто", tables=(ReportTable(COLUMNS, [], chart=ReportChart(
        "Доли", 0, (1, 2))),))
    write_report(report, path, "xlsx")
    assert load_workbook(path).worksheets[0]._charts == []


def test_the_chart_leaves_out_the_total_row(tmp_path: Path) -> None:
    path = tmp_path / "chart.xlsx"
    table = ReportTable(COLUMNS, [*ROWS, ["Всего", 25.0, 40.2]],
                        chart=ReportChart("Доли категорий", 0, (1, 2), "%"))
    write_report(Report(title="Доли", tables=(table,)), path, "xlsx")
    ws = load_workbook(path).worksheets[0]
    total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Всего")
    for series in ws._charts[0].series:
        last = int(series.val.numRef.f.rsplit("$", 1)[1])
        assert last == total_row - 1
