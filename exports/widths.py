"""Column widths: content size estimates and fitting relative weights to a page width."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import cast

from exports.hyphenation import break_points
from exports.layout import Number, format_cell, relative_widths
from exports.model import NUMERIC_KINDS, CellValue, ReportColumn, ReportTable

_NUMBER_SET: set[type] = {int, float, Decimal}
#: Average digit width in em (Times New Roman digits are 0.5 em; a little slack for bold).
DIGIT_EM = 0.56
#: Average width of a bold Cyrillic letter in em (header words).
LETTER_EM = 0.62
#: Header words longer than this may break inside a narrow column.
HEADER_WORD_CAP = 10


def column_values(rows: Sequence[Sequence[CellValue]], i: int) -> list[CellValue]:
    try:
        return [r[i] for r in rows]
    except IndexError:
        return [r[i] if i < len(r) else None for r in rows]


def _longest_line(strings: list[str]) -> int:
    best = 0
    for s in strings:
        if len(s) > best:
            best = max(map(len, s.split("\n"))) if "\n" in s else len(s)
    return best


def _numeric_chars(nums: list[Number], col: ReportColumn, summed: bool) -> int:
    if not nums:
        return 0
    magnitudes = [abs(float(v)) for v in nums]
    biggest = math.fsum(magnitudes) if summed else max(magnitudes)
    negative = any(v < 0 for v in nums)
    return len(format_cell(biggest, col, nbsp=False)) + int(negative)


def _date_chars(values: list[CellValue], types: set[type], col: ReportColumn) -> int:
    if datetime in types and col.kind != "date":
        stamps = [v for v in values if type(v) is datetime]
        return max(len(format_cell(v, col)) for v in stamps)
    return 10 if date in types or datetime in types else 0


def _column_chars(values: list[CellValue], col: ReportColumn, summed: bool) -> int:
    types = set(map(type, values))
    chars = _date_chars(values, types, col)
    if types & _NUMBER_SET:
        nums = cast(list[Number], [v for v in values if type(v) in _NUMBER_SET])
        chars = max(chars, _numeric_chars(nums, col, summed and col.kind in NUMERIC_KINDS))
    if str in types:
        chars = max(chars, _longest_line([v for v in values if type(v) is str]))
    return chars


def content_chars(table: ReportTable, *, include_text: bool = True) -> list[int]:
    """Length in characters of the widest content of each column (totals included).

    Text columns are measured only when ``include_text`` is true (they wrap in docx/pdf,
    so only numbers and dates need a minimum width there).
    """
    summed = table.totals or table.group_by is not None
    out: list[int] = []
    for i, col in enumerate(table.columns):
        if col.kind == "text" and not include_text:
            out.append(0)
            continue
        out.append(_column_chars(column_values(table.rows, i), col, summed and col.total))
    return out


def header_word_chars(column: ReportColumn) -> int:
    """Length of the longest word of a column title (titles wrap between words only)."""
    return min(max((len(w) for w in column.title.split()), default=0), HEADER_WORD_CAP)


def fit_widths(
    columns: Sequence[ReportColumn], total: float, minimums: Sequence[float]
) -> list[float]:
    """Widths by weight, raised to ``minimums`` where needed, always summing to ``total``."""
    mins = list(minimums)
    if sum(mins) >= total:
        scale = total / sum(mins) if sum(mins) else 0.0
        return [m * scale for m in mins]
    fixed: dict[int, float] = {}
    widths = relative_widths(columns, total)
    for _ in range(len(columns)):
        short = [i for i, w in enumerate(widths) if i not in fixed and w < mins[i]]
        if not short:
            break
        fixed.update({i: mins[i] for i in short})
        free = [c for i, c in enumerate(columns) if i not in fixed]
        spread = iter(relative_widths(free, total - sum(fixed.values())))
        widths = [fixed[i] if i in fixed else next(spread) for i in range(len(columns))]
    return widths


def minimum_widths(table: ReportTable, size_pt: float, padding_pt: float) -> list[float]:
    """Minimal column widths in points for a table font of ``size_pt``."""
    chars = content_chars(table, include_text=False)
    return [
        max(c * DIGIT_EM * size_pt, header_word_chars(col) * LETTER_EM * size_pt) + padding_pt
        for c, col in zip(chars, table.columns, strict=True)
    ]


# --------------------------------------------------------------------------- from content

Measure = Callable[[str], float]
#: Share of rows whose text a column is made wide enough to hold on one line.
LINE_QUANTILE = 0.9
#: Header words up to this length stay whole; longer ones may break once at a hyphen point.
HEADER_WHOLE_WORD = 9


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _header_min(title: str, bold: Measure, whole: bool = False) -> float:
    """The widest header word, a long word counted by its wider half at a hyphen point
    (unless ``whole``)."""
    best = 0.0
    for word in title.split():
        width = bold(word)
        if len(word) > HEADER_WHOLE_WORD and not whole:
            halves = [max(bold(word[:p] + ("" if word[p - 1] == "-" else "-")),
                          bold(word[p:])) for p in break_points(word)]
            width = min([width, *halves])
        best = max(best, width)
    return best


def _two_lines(part: str, one: float, measure: Measure,
               word_width: dict[str, float] | None = None) -> float:
    """The narrowest width at which ``part`` wraps into at most two lines (words whole):
    the best place to break it, where the longer of the two halves is shortest. A text's
    width is the sum of its words' and spaces' (the fonts' widths add up, no kerning)."""
    words = part.split(" ")
    if len(words) < 2:
        return one
    cache = {} if word_width is None else word_width
    widths = [cache[w] if w in cache else cache.setdefault(w, measure(w)) for w in words]
    space = cache[" "] if " " in cache else cache.setdefault(" ", measure(" "))
    best, at, left, right = one, 0, -space, sum(widths) + space * (len(words) - 1)
    for k in range(1, len(words)):
        left += widths[k - 1] + space
        right -= widths[k - 1] + space
        if left >= best:
            break
        if max(left, right) < best:
            best, at = max(left, right), k
    if at == 0:
        return one
    # the sums of the words' widths differ from the measured line in the last bits; the
    # column must hold the measured line, or the wrap would take a third line
    return max(measure(" ".join(words[:at])), measure(" ".join(words[at:])))


def _text_extent(texts: list[str], measure: Measure
                 ) -> tuple[float, list[float], list[float]]:
    """(widest word, the width of each text on one line sorted, the width each needs to
    take at most two lines sorted — a text of more than two given lines never does)."""
    words: set[str] = set()
    word_width: dict[str, float] = {}
    lines: list[float] = []
    twos: list[float] = []
    seen: dict[str, tuple[float, float]] = {}
    for text in texts:
        if text not in seen:
            parts = text.split("\n")
            one = max(map(measure, parts))
            two = (_two_lines(parts[0], one, measure, word_width) if len(parts) == 1
                   else one if len(parts) == 2 else math.inf)
            seen[text] = (one, two)
            for part in parts:
                words.update(part.split(" "))
        one, two = seen[text]
        lines.append(one)
        twos.append(two)
    widest_word = max((word_width[w] if w in word_width else measure(w) for w in words),
                      default=0.0)
    return widest_word, sorted(lines), sorted(twos)


def content_extents(table: ReportTable, regular: Measure, bold: Measure, whole: bool = False
                    ) -> tuple[list[float], list[list[float]], list[list[float]]]:
    """Per column, the narrowest width in points (every word and number whole, the
    header's words too), the widths of its lines on one line and on two, sorted (numbers
    and dates never wrap: their narrowest width is their widest)."""
    summed = table.totals or table.group_by is not None or bool(table.parts)
    floors: list[float] = []
    lines: list[list[float]] = []
    twos: list[list[float]] = []
    for i, col in enumerate(table.columns):
        values = [v for v in column_values(table.rows, i) if v is not None and v != ""]
        texts = [format_cell(v, col) for v in values]
        if col.kind in NUMERIC_KINDS and summed and col.total:
            nums = cast(list[Number], [v for v in values if type(v) in _NUMBER_SET])
            if nums:
                texts.append(format_cell(math.fsum(abs(float(v)) for v in nums), col))
        if col.kind == "text" or any(isinstance(v, str) for v in values):
            word, widths, pairs = _text_extent(texts, regular)
        else:
            word, widths, pairs = max(map(regular, texts), default=0.0), [], []
        floors.append(max(word, _header_min(col.title, bold, whole)))
        lines.append(widths)
        twos.append(pairs)
    return floors, lines, twos


#: Share of its designed width a text column keeps when its lines are longer than that.
FAIR_SHARE = 0.6
#: Steps in which a column may grow: the widths of its lines at every 1/STEPS of them.
STEPS = 40


def _steps(lines: list[float], floor: float) -> list[float]:
    if not lines:
        return []
    picks = {lines[min(len(lines) - 1, len(lines) * k // STEPS)] for k in range(STEPS + 1)}
    return sorted(w for w in picks if w > floor)


def _fewer_lines(lines: list[float], twos: list[float], now: float, then: float) -> int:
    """How many printed lines a column saves growing from ``now`` to ``then``: its texts
    that come to fit on one line, and those that come to fit on two."""
    saved = bisect.bisect_right(lines, then) - bisect.bisect_right(lines, now)
    return saved + bisect.bisect_right(twos, then) - bisect.bisect_right(twos, now)


def _grow(floors: list[float], lines: list[list[float]], twos: list[list[float]],
          room: float) -> tuple[list[float], float]:
    """Spend ``room`` step by step where it saves the most printed lines per point."""
    steps = [sorted(set(_steps(ls, f)) | set(_steps([w for w in ts if w < math.inf], f)))
             for ls, ts, f in zip(lines, twos, floors, strict=True)]
    current = list(floors)
    while room > 0:
        best: tuple[float, int, float] | None = None
        for i, col_steps in enumerate(steps):
            for target in col_steps:
                cost = target - current[i]
                if cost > room:
                    break
                gain = _fewer_lines(lines[i], twos[i], current[i], target)
                if gain and (best is None or gain / cost > best[0]):
                    best = (gain / cost, i, target)
        if best is None:
            break
        _, i, target = best
        room -= target - current[i]
        current[i] = target
        steps[i] = [w for w in steps[i] if w > target]
    return current, room


def content_widths(
    table: ReportTable, total: float, regular: Measure, bold: Measure, padding: float
) -> list[float]:
    """Column widths from the content, summing to ``total`` (the automatic table layout).

    Each column starts at its narrowest width; the room left goes, step by step, to the
    column where it puts the most lines back on one line per point; what remains when
    every line fits goes to the text columns. Only when even the narrowest widths do not
    fit are they scaled down.
    """
    if not table.columns:
        return []
    floors, lines, twos = content_extents(table, regular, bold, whole=True)
    if sum(floors) + padding * len(floors) > total:  # long header words break once
        floors, lines, twos = content_extents(table, regular, bold)
    designed = relative_widths(table.columns, total)
    fair = list(floors)
    for i, col in enumerate(table.columns):
        if col.kind == "text" and not lines[i]:  # blank to fill in by hand («Подпись»)
            floors[i] = max(floors[i], designed[i] - padding)
        elif col.kind == "text":  # long texts keep a fair part of their designed share
            fair[i] = max(floors[i], min(lines[i][-1], FAIR_SHARE * designed[i] - padding))
    if sum(fair) + padding * len(fair) < total:
        floors = fair
    halves = [max(f, min(_quantile(ts, LINE_QUANTILE), _quantile(ls, LINE_QUANTILE)))
              for f, ls, ts in zip(floors, lines, twos, strict=True)]
    if sum(halves) + padding * len(halves) < total:
        floors = halves  # no usual line on more than two lines
    widths = [f + padding for f in floors]
    if sum(widths) >= total:
        scale = total / sum(widths)
        return [w * scale for w in widths]
    room = total - sum(widths)
    current, room = _grow(floors, lines, twos, room)
    widths = [c + padding for c in current]
    text = [i for i, c in enumerate(table.columns) if c.kind == "text" and lines[i]]
    grow = text or list(range(len(widths)))
    weight = sum(widths[i] for i in grow) or 1.0
    return [w + (room * w / weight if i in grow else 0.0) for i, w in enumerate(widths)]
