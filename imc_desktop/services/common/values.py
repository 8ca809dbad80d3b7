"""One set of checks by column type for every value a unit of work writes: from a card, an
import or any other service. The last net under the forms' own validation: a value that no
column can hold is refused with the field's name, never a traceback or a broken row.

- text: control characters other than tab and line break are dropped; no longer than its
  column (a column without a length: :data:`TEXT_LIMIT` characters);
- numbers: finite, within :data:`NUMBER_LIMIT` (integers within SQLite's 64 bits);
- dates: within 1900–2100.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from imc_desktop.services.common.errors import ValidationFailed

TEXT_LIMIT = 20_000
NUMBER_LIMIT = 1e15
FIRST_YEAR, LAST_YEAR = 1900, 2100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TitleFn = Callable[[str, str], str]


def check_value(column_type: Any, value: object) -> tuple[object, str]:
    """(the value to write, a Russian problem or "")."""
    if isinstance(value, str):
        return _text(column_type, value)
    if isinstance(value, bool) or value is None:
        return value, ""
    if isinstance(value, int):
        return value, "" if abs(value) < 2 ** 63 else "слишком большое число"
    if isinstance(value, float | Decimal):
        if not math.isfinite(value):
            return value, "не число"
        return value, "" if abs(float(value)) <= NUMBER_LIMIT else "слишком большое число"
    if isinstance(value, date):  # a datetime too
        ok = FIRST_YEAR <= value.year <= LAST_YEAR
        return value, "" if ok else f"дата {value:%d.%m.%Y} вне {FIRST_YEAR}–{LAST_YEAR} годов"
    return value, ""


def _text(column_type: Any, value: str) -> tuple[object, str]:
    cleaned = _CONTROL.sub("", value) if _CONTROL.search(value) else value
    limit = getattr(column_type, "length", None) if isinstance(column_type, String) else None
    limit = limit or TEXT_LIMIT
    if len(cleaned) > limit:
        return cleaned, f"не длиннее {limit} знаков (сейчас {len(cleaned)})"
    return cleaned, ""


def install(sessions: sessionmaker[Session], title: TitleFn) -> None:
    """Check every new and changed value of these sessions before it is flushed."""
    event.listen(sessions, "before_flush", partial(_before_flush, title=title))


def _before_flush(session: Session, _context: Any, _instances: Any, title: TitleFn) -> None:
    problems: dict[str, str] = {}
    for obj in session.new:  # (session.new is built anew at each call: read it once)
        problems.update(_check_object(obj, True, title))
    for obj in session.dirty:
        problems.update(_check_object(obj, False, title))
    if problems:
        raise ValidationFailed(problems)


_COLUMNS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _columns(cls: type) -> tuple[tuple[str, Any], ...]:
    """(attribute, column type) of a mapped class, worked out once."""
    if cls not in _COLUMNS:
        attrs: Any = inspect(cls).column_attrs
        _COLUMNS[cls] = tuple((a.key, a.columns[0].type) for a in attrs)
    return _COLUMNS[cls]


def _check_object(obj: object, new: bool, title: TitleFn) -> dict[str, str]:
    state = inspect(obj)
    table = str(getattr(obj, "__tablename__", ""))
    values = state.dict
    problems: dict[str, str] = {}
    for key, column_type in _columns(type(obj)):
        if key not in values or (not new and not state.attrs[key].history.has_changes()):
            continue  # never set (a default will fill it), or not changed
        value = values[key]
        cleaned, problem = check_value(column_type, value)
        if cleaned is not value:
            setattr(obj, key, cleaned)
        if problem:
            problems[key] = f"«{title(key, table)}»: {problem}."
    return problems


def _title(column: str, table: str) -> str:
    from imc_desktop.services.sync.titles import field_title

    return field_title(column, table)


default_title: TitleFn = _title
