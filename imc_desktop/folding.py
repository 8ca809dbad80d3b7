"""Text folded for comparing and searching: case ignored, «ё» read as «е», spaces folded.

The one home of that rule: the search boxes of every list, the imports that recognise words
in cells, the sorting of Russian names and the keys that decide whether two texts are the same.
"""

from __future__ import annotations


def fold(text: str) -> str:
    """«Алёна» → «алена»: case ignored, «ё» as «е»."""
    return text.casefold().replace("ё", "е")


def fold_spaces(text: str) -> str:
    """As :func:`fold`, with runs of white space as one space and none at the ends."""
    return " ".join(fold(text).split())
