"""Finding the table on a sheet: the header row may sit below a title block, and may be two
rows where a merged parent cell («Руководитель») spans its sub-columns («ФИО», «Телефон»)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from imc_desktop.importers.mapping import assign
from imc_desktop.importers.model import ImportField, ImportKind
from imc_desktop.importers.scan import Box
from imc_desktop.importers.text import display, normalise
from imc_desktop.importers.values import BadValue, to_date

_DATE = ImportField("as_of", "Дата", "date")

GRID_ROWS = 40
"""Rows read to find the header and show the first values."""
SEARCH_ROWS = 30
"""The header must start within these rows."""


@dataclass(frozen=True)
class Found:
    start: int
    """0-based index of the header's first row in the grid."""
    end: int
    """0-based index of its last row; the data follow."""
    headers: tuple[str, ...]
    score: int
    matched: int


def text_grid(rows: Sequence[Sequence[Any]], merged: Sequence[Box]) -> list[list[str]]:
    """The first rows as text, each merged range's text copied into all of its cells."""
    width = max((len(r) for r in rows), default=0)
    for _r0, _c0, _r1, c1 in merged:
        width = max(width, c1)
    grid = [[display(v) if isinstance(v, str) else "" for v in row] + [""] * (width - len(row))
            for row in rows]
    for r0, c0, r1, c1 in merged:
        if r0 > len(grid):
            continue
        text = grid[r0 - 1][c0 - 1]
        for r in range(r0 - 1, min(r1, len(grid))):
            for c in range(c0 - 1, c1):
                grid[r][c] = text
    return grid


_NAME_PARTS = frozenset({"фамилия", "имя", "отчество"})


def _full_name_heading(text: str) -> bool:
    """«ФИО», «Ф.И.О.», «Фамилия, имя, отчество», «ФИО педагога»…"""
    return normalise(text).startswith(("фио", "фамилияимяотчество"))


def _part_under_full_name(top: str, bottom: str) -> bool:
    """«Фамилия» / «Имя» / «Отчество» under a merged «ФИО»: the part is the heading."""
    return normalise(bottom) in _NAME_PARTS and _full_name_heading(top)


def combine(parent: Sequence[str], child: Sequence[str]) -> tuple[str, ...]:
    """Headings of a two-row header: «Руководитель ФИО»; a cell merged down both rows once;
    «Фамилия», «Имя», «Отчество» under a merged «ФИО» stay as they are."""
    out = []
    for top, bottom in zip(parent, child, strict=True):
        if bottom and _part_under_full_name(top, bottom):
            out.append(bottom)
        elif not bottom or top == bottom:
            out.append(top)
        elif not top:
            out.append(bottom)
        else:
            out.append(f"{top} {bottom}")
    return tuple(out)


def _candidate(start: int, end: int, headers: tuple[str, ...], kind: ImportKind) -> Found:
    matches = assign(headers, kind)
    return Found(start, end, _trimmed(headers), sum(s for _f, s in matches.values()),
                 len(matches))


def _trimmed(headers: tuple[str, ...]) -> tuple[str, ...]:
    end = len(headers)
    while end and not headers[end - 1]:
        end -= 1
    return headers[:end]


def find_header(grid: list[list[str]], kind: ImportKind) -> Found | None:
    """The row (or pair of rows) whose cells best match the kind's field titles and aliases;
    None when no row matches at least two fields (one, for a kind with a single field)."""
    best: Found | None = None
    for start in range(min(SEARCH_ROWS, len(grid))):
        row = tuple(grid[start])
        if not any(row):
            continue
        options = [_candidate(start, start, row, kind)]
        if start + 1 < len(grid) and any(grid[start + 1]):
            options.append(_candidate(start, start + 1, combine(row, grid[start + 1]), kind))
        for found in options:
            if best is None or found.score > best.score:
                best = found
    needed = min(2, len(kind.fields))
    if best is None or best.matched < needed:
        return None
    return best


_AS_OF = re.compile(r"(?:по\s+состоянию\s+)?\bна\s+(\d{1,2}\.\d{1,2}\.\d{2,4})", re.I)
_AS_OF_LABEL = re.compile(r"(?:по\s+состоянию\s+)?\bна\s*:?\s*$", re.I)


def reference_date(rows: Sequence[Sequence[Any]]) -> date | None:
    """The date the title rows above a table name: «по состоянию на 01.09.2025», «Стаж на
    15.01.2024», or «по состоянию на» with the date in the next cell; None when none does."""
    for row in rows:
        cells = list(row)
        for i, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            found = _AS_OF.search(cell)
            if found:
                with suppress(BadValue):
                    return to_date(found.group(1), _DATE)
            if _AS_OF_LABEL.search(cell) and i + 1 < len(cells):
                with suppress(BadValue):
                    return to_date(cells[i + 1], _DATE)
    return None


def samples(rows: Sequence[Sequence[Any]], after: int, count: int = 3) -> list[tuple[Any, ...]]:
    """The first non-empty rows below the header, for showing beside the mapping."""
    found: list[tuple[Any, ...]] = []
    for row in rows[after + 1:]:
        if any(v is not None and display(v) for v in row):
            found.append(tuple(row))
        if len(found) == count:
            break
    return found
