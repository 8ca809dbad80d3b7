"""Big tables for reportlab: cells prepared once, pages cut in O(rows per page).

reportlab's ``Table.split`` rebuilds the whole remainder of a table on every page, which is
quadratic for thousands of rows. :class:`PagedTable` keeps all prepared rows with their
heights and, on each page, builds an ordinary :class:`Table` only for the rows that fit
(with the header row repeated).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from exports.fonts import RegisteredFont
from exports.hyphenation import Measure, break_points, split_word
from exports.typography import NBSP

PADDING = 3.0

Cell = str
RowCommands = Callable[[int], list[tuple[Any, ...]]]


def markup(text: str) -> str:
    """Paragraph mini-markup for plain text (escaped, line breaks kept)."""
    return escape(text).replace("\n", "<br/>")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines not wider than ``width`` points.

    Lines break at spaces; a word wider than the line breaks after its own hyphen or at a
    Russian hyphenation point (:mod:`exports.hyphenation`), never just anywhere.
    """
    def measure(t: str) -> float:
        return float(stringWidth(t, font, size))

    space = measure(" ")
    lines: list[str] = []
    for part in text.split("\n"):
        line, line_w = "", 0.0
        for word in _words(part, measure, width):
            word_w = measure(word)
            if line and line_w + space + word_w <= width:
                line, line_w = f"{line} {word}", line_w + space + word_w
                continue
            if word_w > width and line:
                head, rest = _fill_line(line, line_w + space, word, measure, width)
                if head:
                    lines.append(f"{line} {head}")
                    line, word = "", rest
                    word_w = measure(word)
            if line:
                lines.append(line)
            if word_w > width:
                *full, word = split_word(word, measure, width)
                lines += full
                word_w = measure(word)
            line, line_w = word, word_w
        lines.append(line)
    return lines


def _words(text: str, measure: Measure, width: float) -> list[str]:
    """The words of a line; words tied by a non-breaking space («И.И. Иванов», «№ 27») are
    one, unless together they are wider than the column: then the tie gives way first,
    before any word is hyphenated."""
    words: list[str] = []
    for word in text.split(" "):
        if NBSP in word and measure(word) > width:
            words += word.split(NBSP)
        else:
            words.append(word)
    return words


def _fill_line(line: str, used: float, word: str, measure: Measure, width: float
               ) -> tuple[str, str]:
    """The part of a long ``word`` that still fits on the line, broken at a legal point."""
    for point in reversed(break_points(word)):
        head = word[:point] + ("" if word[point - 1] == "-" else "-")
        if used + measure(head) <= width:
            return head, word[point:]
    return "", word


class CellStyles:
    """Table cell fonts; texts wider than their column are wrapped into plain lines.

    Plain (pre-wrapped) strings are drawn by reportlab much faster than Paragraphs, which
    matters for tables of thousands of rows.
    """

    def __init__(self, font: RegisteredFont, size: float, padding: float = PADDING,
                 leading: float = 1.2) -> None:
        self.font = font
        self.size = size
        self.padding = padding
        self.leading = round(size * leading, 2)

    def measure(self, bold: bool = False) -> Measure:
        font = self.font.bold if bold else self.font.regular
        size = self.size

        def width(text: str) -> float:
            return float(stringWidth(text, font, size))

        return width

    def cell(self, text: str, width: float, bold: bool = False) -> tuple[str, float]:
        """The cell text (lines joined by "\\n") and its height without padding."""
        inner = width - 2 * self.padding
        if not text:
            return "", self.leading
        font = self.font.bold if bold else self.font.regular
        if "\n" not in text and stringWidth(text, font, self.size) <= inner:
            return text, self.leading
        lines = wrap_text(text, font, self.size, inner)
        return "\n".join(lines), self.leading * len(lines)


@dataclass
class PreparedRows:
    """Body rows ready for reportlab with heights and per-row style commands."""

    cells: list[list[Cell]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    #: ends[i]: total height of rows 0..i (bisected to cut pages)
    ends: list[float] = field(default_factory=list)
    #: row index → maker of that row's style commands (bold / spanned rows)
    special: dict[int, RowCommands] = field(default_factory=dict)
    #: rows never left alone at the bottom of a page (group headings)
    keep_with_next: set[int] = field(default_factory=set)
    #: padding above and below each row's text
    padding: float = PADDING

    def add(
        self,
        cells: list[Cell],
        height: float,
        make: RowCommands | None = None,
        *,
        keep_with_next: bool = False,
    ) -> None:
        if make is not None:
            self.special[len(self.cells)] = make
        if keep_with_next:
            self.keep_with_next.add(len(self.cells))
        self.cells.append(cells)
        height += 2 * self.padding
        self.heights.append(height)
        self.ends.append((self.ends[-1] if self.ends else 0.0) + height)

    def height_before(self, row: int) -> float:
        return self.ends[row - 1] if row > 0 else 0.0


def row_commands(bold_font: str, n: int, span: int) -> RowCommands:
    """Commands for a bold row whose first ``span`` cells hold a left-aligned label."""

    def make(r: int) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = [("FONTNAME", (0, r), (n - 1, r), bold_font)]
        if span > 1:
            out.append(("SPAN", (0, r), (span - 1, r)))
        if span > 0:
            out.append(("ALIGN", (0, r), (0, r), "LEFT"))
        return out

    return make


class PagedTable(Flowable):  # type: ignore[misc]
    """A long table cut into page-sized :class:`Table` pieces, header repeated.

    ``trailer`` (closing text, signatures) is drawn right under the table and never goes to
    a page of its own: its last ``keep_last`` rows move with it; ``bottom`` (the executor)
    stands at the foot of that same page.
    """

    def __init__(
        self,
        header: list[Cell],
        header_height: float,
        body: PreparedRows,
        widths: Sequence[float],
        base_style: Sequence[tuple[Any, ...]],
        on_rows: Callable[[int], None] | None = None,
        start: int = 0,
        trailer: Sequence[Flowable] = (),
        bottom: Flowable | None = None,
        keep_last: int = 2,
    ) -> None:
        super().__init__()
        self.header = header
        self.header_height = header_height
        self.body = body
        self.widths = list(widths)
        self.base_style = list(base_style)
        self.on_rows = on_rows
        self.start = start
        self.trailer = list(trailer)
        self.bottom = bottom
        self.keep_last = keep_last
        self.hAlign = "LEFT"

    def _rows_height(self) -> float:
        body = self.body
        return body.height_before(len(body.cells)) - body.height_before(self.start)

    def _trailer_height(self, aW: float) -> float:
        self._trailer_sizes = [float(f.wrap(aW, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter())
                               for f in self.trailer]
        extra = 0.0
        if self.bottom is not None:
            extra = float(self.bottom.wrap(aW, 1e6)[1] + self.bottom.getSpaceBefore())
        return sum(self._trailer_sizes) + extra

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.avail_width = aW
        self.table_height = self.header_height + self._rows_height()
        self.height = self.table_height + self._trailer_height(aW)
        if self.bottom is not None and self.height <= aH:
            self.height = aH  # the executor stands at the foot of the page
        return self.width, self.height

    def _piece(self, stop: int) -> Table:
        rows = [self.header, *self.body.cells[self.start : stop]]
        heights = [self.header_height, *self.body.heights[self.start : stop]]
        style = list(self.base_style)
        for i in range(self.start, stop):
            make = self.body.special.get(i)
            if make is not None:
                style += make(i - self.start + 1)
        table = Table(rows, colWidths=self.widths, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle(style))
        table.hAlign = "LEFT"
        if self.on_rows is not None:
            self.on_rows(stop - self.start)
        return table

    def split(self, aW: float, aH: float) -> list[Flowable]:
        trailer_h = self._trailer_height(aW) if self.trailer or self.bottom else 0.0
        limit = self.body.height_before(self.start) + aH - self.header_height
        fit = bisect.bisect_right(self.body.ends, limit, lo=self.start) - self.start
        postponed = getattr(self, "_postponed", False)
        if fit == 0 and postponed:
            fit = 1  # a single row taller than a page: let reportlab report it
        rows = len(self.body.cells) - self.start
        if trailer_h:
            # the last rows go with the trailer: never all rows here and the trailer alone
            # (the writer attaches a trailer only when it fits a page with those rows)
            fit = min(fit, rows - self.keep_last)
            if fit <= 0 and postponed:
                fit = 1
        while fit > 1 and self.start + fit - 1 in self.body.keep_with_next:
            fit -= 1
        if fit <= 0:
            return []
        stop = self.start + fit
        if stop >= len(self.body.cells):
            return [self._piece(stop), *self.trailer, *self._bottom()]
        rest = PagedTable(self.header, self.header_height, self.body, self.widths,
                          self.base_style, self.on_rows, stop, self.trailer, self.bottom,
                          self.keep_last)
        return [self._piece(stop), rest]

    def _bottom(self) -> list[Flowable]:
        from reportlab.platypus.flowables import TopPadder

        return [TopPadder(self.bottom)] if self.bottom is not None else []

    def draw(self) -> None:
        table = self._piece(len(self.body.cells))
        table.wrapOn(self.canv, self.width, self.table_height)
        y = self.height - self.table_height
        table.drawOn(self.canv, 0, y)
        for flowable, size in zip(self.trailer, getattr(self, "_trailer_sizes", []),
                                  strict=False):
            y -= size
            flowable.wrapOn(self.canv, self.avail_width, size)
            flowable.drawOn(self.canv, 0, y + flowable.getSpaceAfter())
        if self.bottom is not None:
            _w, h = self.bottom.wrapOn(self.canv, self.avail_width, self.height)
            self.bottom.drawOn(self.canv, 0, 0)
