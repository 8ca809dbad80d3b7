"""Plain description of a report (no Qt, no database) and value formatting helpers.

A :class:`Report` is rendered by :mod:`exports.docx_writer`, :mod:`exports.xlsx_writer` and
:mod:`exports.pdf_writer` following ГОСТ Р 7.0.97-2025 habits: A4, Times New Roman 14 in the
text and 12 in tables, page numbers centred at the top from the second page, signatures with
«И.О. Фамилия» at the right margin and the preparer at the bottom left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from exports.forms.model import FormDocument

Align = Literal["left", "center", "right"]
ColumnKind = Literal["text", "int", "number", "money", "date", "percent"]
CellValue: TypeAlias = str | int | float | Decimal | date | datetime | None

NUMERIC_KINDS: frozenset[str] = frozenset({"int", "number", "money", "percent"})

#: A table wider than this many columns makes the report landscape (automatic mode).
LANDSCAPE_MAX_PORTRAIT_COLUMNS = 7
#: Sum of column width weights above which the report is landscape (automatic mode).
#: A weight of 1.0 is a short column of about 2 cm; a portrait A4 page holds about 8.5.
LANDSCAPE_WEIGHT_LIMIT = 9.0

DEFAULT_DATE_TEXT = "«___» __________ 20__ г."


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """One table column. ``width`` is a relative weight (1.0 ≈ a short column of 2 cm)."""

    title: str
    width: float = 1.0
    align: Align | None = None
    kind: ColumnKind = "text"
    decimals: int | None = None
    total: bool = False

    @property
    def effective_align(self) -> Align:
        """The explicit alignment or the default by kind (numbers right, dates centred)."""
        if self.align is not None:
            return self.align
        if self.kind in NUMERIC_KINDS:
            return "right"
        if self.kind == "date":
            return "center"
        return "left"

    @property
    def effective_decimals(self) -> int | None:
        """Decimals used to print numbers: money 2, percent 1 unless set explicitly."""
        if self.decimals is not None:
            return self.decimals
        if self.kind == "money":
            return 2
        if self.kind == "percent":
            return 1
        if self.kind == "int":
            return 0
        return None


@dataclass(frozen=True, slots=True)
class ReportChart:
    """A native clustered bar chart of a table (xlsx only; docx and pdf ignore it).

    ``category`` is the index of the column with the bar labels, ``values`` the indexes of
    the columns plotted as series (their titles name the series).
    """

    title: str
    category: int
    values: tuple[int, ...]
    y_title: str = ""


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A table. With ``group_by`` the rows must already be sorted by that column.

    A group heading row precedes each group and, when some column has ``total=True``, a
    «Итого по группе» row follows it; ``totals`` adds a final «Всего» row.
    Percent values are given in percent units (45.5 means 45,5 %).
    """

    columns: tuple[ReportColumn, ...]
    rows: Sequence[Sequence[CellValue]]
    title: str = ""
    group_by: int | None = None
    totals: bool = False
    chart: ReportChart | None = None
    #: Titled tables of the same columns printed as one, their titles as group headings
    #: (made by :func:`exports.layout.merge_sections`; ``rows`` are theirs in order).
    parts: tuple[ReportTable, ...] = ()

    @property
    def has_totals_columns(self) -> bool:
        return any(c.total for c in self.columns)

    @property
    def width_weight(self) -> float:
        return sum(max(c.width, 0.0) for c in self.columns)


@dataclass(frozen=True, slots=True)
class ApprovalBlock:
    """«УТВЕРЖДАЮ» block printed at the top right of the first page."""

    position: str
    name: str
    date_text: str = DEFAULT_DATE_TEXT


@dataclass(frozen=True, slots=True)
class Signature:
    """Position on the left, ``name`` («И.О. Фамилия») at the right margin."""

    position: str
    name: str


@dataclass(frozen=True, slots=True)
class Report:
    """The whole document. ``landscape=None`` chooses the orientation automatically."""

    title: str
    department: str = ""
    organization: str = ""
    heading: str = ""
    params_line: str = ""
    date: date | None = None
    number: str = ""
    approval: ApprovalBlock | None = None
    paragraphs: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    signatures: tuple[Signature, ...] = ()
    executor_name: str = ""
    executor_phone: str = ""
    landscape: bool | None = None
    closing_paragraphs: tuple[str, ...] = ()
    #: An official form (:mod:`exports.forms`) drawn in its own layout instead of the above.
    form: FormDocument | None = None

    @property
    def is_landscape(self) -> bool:
        """Explicit orientation, or landscape when the widest table does not fit portrait."""
        if self.landscape is not None:
            return self.landscape
        return any(
            len(t.columns) > LANDSCAPE_MAX_PORTRAIT_COLUMNS
            or t.width_weight > LANDSCAPE_WEIGHT_LIMIT
            for t in self.tables
        )

    @property
    def total_rows(self) -> int:
        """Number of data rows in all tables (the unit of progress reports)."""
        return sum(len(t.rows) for t in self.tables)


class Margins(NamedTuple):
    """Page margins in millimetres (a plain 4-tuple left, right, top, bottom also works)."""

    left: float = 30.0
    right: float = 10.0
    top: float = 20.0
    bottom: float = 20.0


@dataclass(frozen=True, slots=True)
class ReportStyle:
    """Fonts, sizes and margins; optional letterhead (.docx) and PDF font file."""

    font_name: str = "Times New Roman"
    text_size: float = 14
    table_size: float = 12
    margins_mm: Margins | tuple[float, float, float, float] = Margins()
    letterhead_docx: Path | None = None
    pdf_font_path: Path | None = None

    @property
    def margins(self) -> Margins:
        return Margins(*self.margins_mm)


#: The default style (immutable, safe as a default argument).
DEFAULT_STYLE = ReportStyle()


# --------------------------------------------------------------------------- helpers


def format_date(d: date | datetime | None) -> str:
    """``05.11.2025``; a ``datetime`` gives its date only; ``None`` gives ``""``."""
    if d is None:
        return ""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def format_datetime(d: datetime) -> str:
    """``05.11.2025 14:30`` (the time is left out when it is midnight)."""
    if d.hour == 0 and d.minute == 0 and d.second == 0:
        return format_date(d)
    return f"{format_date(d)} {d.hour:02d}:{d.minute:02d}"


def _group_thousands(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(
    x: int | float | Decimal,
    decimals: int | None = None,
    *,
    group_min_digits: int = 5,
    sep: str = " ",
) -> str:
    """Russian number: comma decimals, thousands separated by ``sep``.

    ``decimals=None`` prints as many decimals as needed (up to 6). Integer parts shorter
    than ``group_min_digits`` digits are not grouped (``2025``, ``12 345``).
    """
    dec = x if isinstance(x, Decimal) else Decimal(str(x))
    if decimals is None:
        text = f"{dec.quantize(Decimal('0.000001'), ROUND_HALF_UP):f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{dec.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP):f}"
    negative = text.startswith("-")
    int_part, _, frac = text.lstrip("-").partition(".")
    if len(int_part) >= group_min_digits:
        int_part = _group_thousands(int_part, sep)
    if negative and (int_part.strip("0 ") or frac.strip("0")):
        int_part = "-" + int_part
    return int_part + ("," + frac if frac else "")


def format_money(x: int | float | Decimal | None, decimals: int = 2) -> str:
    """``1 234,50``: space thousands, comma decimals, two decimals; ``None`` gives ``""``."""
    if x is None:
        return ""
    return format_number(x, decimals, group_min_digits=4)


def initials_name(last: str, first: str = "", middle: str | None = "") -> str:
    """``И.О. Фамилия`` from separate parts (missing parts are skipped)."""
    parts = (p.strip() for p in (first, middle or ""))
    initials = "".join(f"{p[0].upper()}." for p in parts if p)
    last = last.strip()
    if initials and last:
        return f"{initials} {last}"
    return initials or last
