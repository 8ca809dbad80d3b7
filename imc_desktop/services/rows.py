"""Building many frozen row objects quickly."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def fast_row(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of a frozen dataclass (with __dict__) from all its field values, without
    the per-field cost of the generated __init__: lists of 100,000 rows stay fast."""
    row = object.__new__(cls)
    row.__dict__.update(values)
    return row
