"""Framed data rows at the speed of plain values in openpyxl's write-only sheets.

Every data cell of a report table carries the grid, an alignment and a number format. Built
the ordinary way (a styled :class:`WriteOnlyCell` per value) that costs about half again the
time of writing bare values: openpyxl hashes the style of each cell, builds a fresh cell after
each styled one and takes a detour through an exception for every cell object it is given.
Here each column has one :class:`ColumnCell` whose style number is looked up once; a data row
is a :class:`CellRow` of those cells, which the sheet writes as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet


class ColumnCell(Cell):  # type: ignore[misc]
    """A reusable cell whose style no longer changes once :meth:`freeze` is called."""

    __slots__ = ("_frozen_id", "_frozen_style")

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        super().__init__(ws, row=1, column=1)
        self._frozen_id: int | None = None
        self._frozen_style: Any = None

    def freeze(self) -> ColumnCell:
        """Register the style with the workbook now; later writes reuse its number."""
        self._frozen_id = int(Cell.style_id.fget(self))
        self._frozen_style = type(self._style)(self._style)
        return self

    @property
    def style_id(self) -> int:
        # a value may change the style (openpyxl gives a date a date format): look it up
        if self._frozen_id is None or self._style != self._frozen_style:
            return int(Cell.style_id.fget(self))
        return self._frozen_id

    @property
    def has_style(self) -> bool:
        return True


class CellRow(list[Any]):
    """A row of cells, each written before the next row reuses them."""


def install(ws: WriteOnlyWorksheet) -> None:
    """Let ``ws.append`` take a :class:`CellRow` without converting its cells again."""
    original = getattr(ws, "_values_to_row", None)
    if original is None:  # pragma: no cover - openpyxl internals changed: the slow path
        return

    def values_to_row(values: Any, row_idx: int) -> Iterator[Cell]:
        if type(values) is not CellRow:
            yield from original(values, row_idx)
            return
        for col_idx, cell in enumerate(values, 1):
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = values_to_row
