"""Comparing what people type: case, ё/е, spaces and punctuation do not matter."""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9a-zа-я]+")
_BRACKETS = re.compile(r"\([^)]*\)")
_STOP_WORDS = frozenset({"и", "в", "во", "на", "по", "для", "с", "со", "от", "до", "из", "к",
                         "при", "за", "п", "пп", "no"})
_STEM = 5


def normalise(text: str) -> str:
    """«Ф.И.О.» → «фио», «МАОУ «Покровская СОШ»» → «маоупокровскаясош»."""
    return "".join(_WORD.findall(text.lower().replace("ё", "е")))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("ё", "е"))


def stems(text: str) -> frozenset[str]:
    """Word beginnings, so that «ФИО руководителя» and «Руководитель, ФИО» compare equal."""
    return frozenset(w[:_STEM] for w in words(text) if w not in _STOP_WORDS)


def without_brackets(text: str) -> str:
    """«Количество обучающихся (чел.)» → «Количество обучающихся»."""
    return _BRACKETS.sub(" ", text)


def display(value: object) -> str:
    """A cell as one line of text: runs of spaces and line breaks become one space."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def match_score(heading: str, candidate: str) -> int:
    """3: the same words; 2: the same word stems in any order; 1: the heading says more
    (all the candidate's stems are in it); 0: no match."""
    if not heading or not candidate:
        return 0
    best = 0
    for text in {heading, without_brackets(heading)}:
        if normalise(text) == normalise(candidate):
            return 3
        mine, theirs = stems(text), stems(candidate)
        if mine and mine == theirs:
            best = max(best, 2)
        elif theirs and theirs < mine:
            best = max(best, 1)
    return best
