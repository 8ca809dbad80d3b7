"""Helpers, the landscape rule and the renderer-independent table layout."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from exports import (
    ReportColumn,
    ReportStyle,
    ReportTable,
    format_date,
    format_money,
    format_number,
    initials_name,
)
from exports.layout import (
    DataChunk,
    GroupHeading,
    TotalsRow,
    column_sum,
    format_cell,
    iter_blocks,
)
from exports.model import Margins, Report
from exports.widths import fit_widths

from .conftest import COLUMNS, course_rows, expected_sums, make_report


def test_format_date() -> None:
    assert format_date(date(2025, 11, 5)) == "05.11.2025"
    assert format_date(datetime(2025, 1, 2, 13, 45)) == "02.01.2025"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234.5, "1 234,50"),
        (Decimal("1234567.891"), "1 234 567,89"),
        (0, "0,00"),
        (999, "999,00"),
        (-1234.5, "-1 234,50"),
        (-0.001, "0,00"),
        (0.125, "0,13"),
    ],
)
def test_format_money(value: float, text: str) -> None:
    assert format_money(value) == text


def test_format_number_groups_five_digits_and_more() -> None:
    assert format_number(2025) == "2025"
    assert format_number(12345) == "12 345"
    assert format_number(3.5) == "3,5"
    assert format_number(45.25, 1) == "45,3"


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (("Иванова", "Анна", "Сергеевна"), "А.С. Иванова"),
        (("Петров", "пётр", ""), "П. Петров"),
        (("Щукин", "Юрий", None), "Ю. Щукин"),
        ((" Сидорова ", " елена ", " ивановна "), "Е.И. Сидорова"),
    ],
)
def test_initials_name(parts: tuple[str, str, str | None], text: str) -> None:
    assert initials_name(*parts) == text


def test_column_defaults_by_kind() -> None:
    assert ReportColumn("a", kind="money").effective_align == "right"
    assert ReportColumn("a", kind="date").effective_align == "center"
    assert ReportColumn("a").effective_align == "left"
    assert ReportColumn("a", kind="int", align="center").effective_align == "center"


def test_format_cell_by_kind() -> None:
    money = ReportColumn("x", kind="money")
    assert format_cell(Decimal("1234.5"), money) == "1\u00a0234,50"
    assert format_cell(1234.5, money, nbsp=False) == "1 234,50"
    assert format_cell(7, ReportColumn("x", kind="int")) == "7"
    assert format_cell(45.25, ReportColumn("x", kind="percent")) == "45,3"
    assert format_cell(date(2025, 3, 1), ReportColumn("x", kind="date")) == "01.03.2025"
    assert format_cell(None, money) == ""
    assert format_cell("—", money) == "—"


def test_landscape_rule() -> None:
    narrow = ReportTable(COLUMNS, [])
    wide = ReportTable(tuple(ReportColumn(f"К{i}") for i in range(8)), [])
    heavy = ReportTable((ReportColumn("a", 5), ReportColumn("b", 5)), [])
    assert not Report("t", tables=(narrow,)).is_landscape
    assert Report("t", tables=(narrow, wide)).is_landscape
    assert Report("t", tables=(heavy,)).is_landscape
    assert not Report("t", tables=(wide,), landscape=False).is_landscape
    assert Report("t", landscape=True).is_landscape


def test_style_margins_accept_plain_tuple() -> None:
    assert ReportStyle().margins == Margins(30, 10, 20, 20)
    assert ReportStyle(margins_mm=(25, 15, 20, 20)).margins.left == 25


def test_groups_and_totals() -> None:
    rows = course_rows(9)
    table = make_report(rows).tables[0]
    blocks = list(iter_blocks(table))
    headings = [b.text for b in blocks if isinstance(b, GroupHeading)]
    assert headings == ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МАОУ «Лицей № 3»"]
    subtotals = [b for b in blocks if isinstance(b, TotalsRow) and b.kind == "subtotal"]
    assert [s.values[3] for s in subtotals] == [sum(36 + i for i in range(k, k + 3))
                                                for k in (0, 3, 6)]
    total = blocks[-1]
    assert isinstance(total, TotalsRow) and total.kind == "total"
    assert total.values[0] == "Всего" and subtotals[0].values[0] == "Итого по группе"
    assert (total.values[3], total.values[4]) == expected_sums(rows)
    assert sum(len(b.rows) for b in blocks if isinstance(b, DataChunk)) == 9


def test_no_subtotals_without_total_columns() -> None:
    cols = (ReportColumn("a"), ReportColumn("b"))
    blocks = list(iter_blocks(ReportTable(cols, [("x", 1), ("y", 2)], group_by=0, totals=True)))
    assert [type(b).__name__ for b in blocks] == [
        "GroupHeading", "DataChunk", "GroupHeading", "DataChunk"
    ]


def test_column_sum_mixed_types() -> None:
    assert column_sum([1, 2, None, "—"]) == 3
    assert column_sum([0.1, 0.2]) == pytest.approx(0.3)
    assert column_sum([Decimal("0.10"), 0.2, 1]) == Decimal("1.30")
    assert column_sum([]) == 0


def test_fit_widths_respects_minimums_and_total() -> None:
    cols = (ReportColumn("a", 1), ReportColumn("b", 1), ReportColumn("c", 8))
    widths = fit_widths(cols, 100.0, [30.0, 0.0, 0.0])
    assert widths[0] == pytest.approx(30.0)
    assert sum(widths) == pytest.approx(100.0)
    assert widths[2] / widths[1] == pytest.approx(8.0)
