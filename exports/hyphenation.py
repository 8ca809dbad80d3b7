"""Where a Russian word may be broken at the end of a line (pyphen's hyph_ru_RU patterns).

A word breaks after a hyphen of its own first («педагог-|организатор»), then at a
hyphenation point, which is drawn with a hyphen («образо-|вательная»). Only a string with
no legal point at all (a long number, a code) is cut where it must be.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pyphen

SOFT_HYPHEN = "\u00ad"
#: Hyphenation keeps at least two letters on each side (the Russian rule).
_MIN_SIDE = 2

Measure = Callable[[str], float]


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="ru_RU", left=_MIN_SIDE, right=_MIN_SIDE)


@lru_cache(maxsize=8192)
def break_points(word: str) -> tuple[int, ...]:
    """Offsets where ``word`` may break: after its own hyphens and at syllable points.

    A break at a syllable point is printed with a hyphen; after a hyphen nothing is added.
    """
    points: list[int] = []
    start = 0
    for part in word.split("-"):
        end = start + len(part)
        if part.isalpha():
            points += [start + p for p in _dictionary().positions(part)]
        if end < len(word):
            points.append(end + 1)
        start = end + 1
    return tuple(p for p in points if 0 < p < len(word))


def is_legal_break(word: str, at: int) -> bool:
    """Whether a line may end after ``word[:at]`` (the test of printed lists)."""
    return at in break_points(word)


def split_word(word: str, measure: Measure, width: float) -> list[str]:
    """``word`` in pieces not wider than ``width``, broken at legal points where possible.

    Pieces broken at a syllable point end with «-»; a piece with no legal point that fits
    is cut between characters as a last resort.
    """
    points = break_points(word)
    pieces: list[str] = []
    start = 0
    while len(word) - start > 1 and measure(word[start:]) > width:
        cut = _best_cut(word, start, [p for p in points if p > start], measure, width)
        head = word[start:cut]
        pieces.append(head if head.endswith("-") or cut not in points else head + "-")
        start = cut
    return [*pieces, word[start:]]


def _best_cut(word: str, start: int, points: list[int], measure: Measure,
              width: float) -> int:
    legal = [p for p in points
             if measure(word[start:p] + ("" if word[p - 1] == "-" else "-")) <= width]
    if legal:
        return legal[-1]
    cut = len(word) - 1
    while cut > start + 1 and measure(word[start:cut]) > width:
        cut -= 1
    return cut


def soft_hyphens(text: str, longer_than: int = 12) -> str:
    """``text`` with soft hyphens in its words longer than ``longer_than`` letters (docx)."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) > longer_than and word.isalpha():
            points = break_points(word)
            words[i] = "".join(word[a:b] + (SOFT_HYPHEN if b < len(word) else "")
                               for a, b in zip((0, *points), (*points, len(word)), strict=True))
    return " ".join(words)
