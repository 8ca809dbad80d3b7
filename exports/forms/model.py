"""Plain description of an official accounting form (the 0504xxx forms of the Минфин orders):
a header with the codes block at the right, one or more numbered tables, texts and signature
lines. No Qt, no database; :mod:`exports.forms` renders it to pdf, docx and xlsx."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, TypeAlias

FormKind = Literal["text", "int", "money", "date"]
FormCell: TypeAlias = str | int | float | Decimal | date | None

#: The captions under a signature line.
SIGN_CAPTIONS = ("(должность)", "(подпись)", "(расшифровка подписи)")


@dataclass(frozen=True, slots=True)
class HeaderRow:
    """One line of the form's head. ``title`` lines are centred and bold; the others are
    «label ___value___». At the right, in the codes column, ``code_label`` beside a box
    holding ``code`` (``None``: no box on this line)."""

    label: str = ""
    value: str = ""
    code_label: str = ""
    code: str | None = None
    title: bool = False


@dataclass(frozen=True, slots=True)
class FormColumn:
    """A column of a form's table. ``groups`` are the headings above it (outer first);
    neighbouring columns with the same heading share one cell. Columns are numbered 1, 2…
    in a row under the headings, as the forms are."""

    title: str
    width: float = 1.0
    kind: FormKind = "text"
    total: bool = False
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FormTable:
    """``page_totals``: an «Итого по странице» row at the foot of each page (pdf);
    ``totals``: a final «Итого» row summing the ``total`` columns."""

    columns: tuple[FormColumn, ...]
    rows: Sequence[Sequence[FormCell]]
    title: str = ""
    totals: bool = True
    page_totals: bool = False
    totals_label: str = "Итого"

    def sums(self, rows: Sequence[Sequence[FormCell]] | None = None) -> list[Decimal | None]:
        """The totals of the ``total`` columns over ``rows`` (all rows by default)."""
        out: list[Decimal | None] = []
        for i, c in enumerate(self.columns):
            if not c.total:
                out.append(None)
                continue
            values = [r[i] for r in (self.rows if rows is None else rows)
                      if isinstance(r[i], int | float | Decimal)]
            total = sum((Decimal(str(v)) for v in values), Decimal(0))
            out.append(total)
        return out


@dataclass(frozen=True, slots=True)
class SignLine:
    """«role (должность) (подпись) (расшифровка подписи)»; empty parts stay blank lines."""

    role: str
    position: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class SignGroup:
    """Signature lines under an optional heading («Комиссия:», «Сдал:»), with a date line."""

    lines: tuple[SignLine, ...]
    heading: str = ""
    dated: bool = False


@dataclass(frozen=True, slots=True)
class Approval:
    """«УТВЕРЖДАЮ» at the top right: whose head approves («Руководитель учреждения»), the
    signature line with the position and the name, the date line."""

    heading: str
    title: str
    position: str
    name: str
    date_text: str = "«____» ____________ 20___ г."


Block: TypeAlias = "str | FormTable | SignGroup"


@dataclass(frozen=True, slots=True)
class FormDocument:
    """The whole form. ``draft``: not approved yet — «ПРОЕКТ» printed in the margin."""

    okud: str
    title: str
    header: tuple[HeaderRow, ...]
    blocks: tuple[Block, ...]
    approvals: tuple[Approval, ...] = ()
    draft: bool = False
    landscape: bool = True
    notes: tuple[str, ...] = field(default=())

    @property
    def tables(self) -> tuple[FormTable, ...]:
        return tuple(b for b in self.blocks if isinstance(b, FormTable))


def header_cells(columns: Sequence[FormColumn]) -> list[tuple[int, int, int, int, str]]:
    """The heading cells of a table as (row, column, rows spanned, columns spanned, text):
    groups merged across neighbours, a column without deeper groups spanning down."""
    depth = max((len(c.groups) for c in columns), default=0) + 1
    cells: list[tuple[int, int, int, int, str]] = []
    for level in range(depth):
        i = 0
        while i < len(columns):
            c = columns[i]
            if level < len(c.groups):
                j = i + 1
                while j < len(columns) and columns[j].groups[:level + 1] == c.groups[:level + 1]:
                    j += 1
                cells.append((level, i, 1, j - i, c.groups[level]))
                i = j
                continue
            if level == len(c.groups):
                cells.append((level, i, depth - level, 1, c.title))
            i += 1
    return cells


def header_depth(columns: Sequence[FormColumn]) -> int:
    return max((len(c.groups) for c in columns), default=0) + 1
