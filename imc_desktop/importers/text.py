"""Comparing what people type: case, ё/е, spaces and punctuation do not matter."""

from __future__ import annotations

import re
from datetime import date, datetime

from openpyxl.utils.cell import get_column_letter

from imc_desktop.folding import fold

_WORD = re.compile(r"[0-9a-zа-я]+")
_BRACKETS = re.compile(r"\([^)]*\)")
_STOP_WORDS = frozenset({"и", "в", "во", "на", "по", "для", "с", "со", "от", "до", "из", "к",
                         "при", "за", "п", "пп", "no"})
_STEM = 5


def normalise(text: str) -> str:
    """«Ф.И.О.» → «фио», «МАОУ «Покровская СОШ»» → «маоупокровскаясош»."""
    return "".join(_WORD.findall(fold(text)))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


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



MESSAGE_LIMIT = 80
"""How much of a cell a message quotes: a 100,000-character cell is not shown whole."""


def shown(value: object) -> str:
    """A cell quoted in a message: one line, at most 80 characters, cut with «…»."""
    text = display(value)
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT - 1] + "…"


def cell_text(value: object, limit: int | None = None) -> str:
    """A cell as a person reads it: dates dd.mm.yyyy, 5.0 as 5, one line, cut with «…»."""
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = display(value)
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def column_letter(index: int) -> str:
    """The Excel name of a 0-based column: 0 → A, 26 → AA."""
    return str(get_column_letter(index + 1))
