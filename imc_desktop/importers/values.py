"""A cell's value as the field wants it, or a Russian message saying what is wrong with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from imc_desktop import clock
from imc_desktop import validation as v
from imc_desktop.importers.model import ImportField
from imc_desktop.importers.text import display, normalise, shown

EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                          "#GETTING_DATA", "#SPILL!", "#CALC!"})
_EXCEL_DAY0 = date(1899, 12, 30)
_SERIAL_RANGE = (7306, 73050)  # 01.01.1920 … 31.12.2099: a number in a date column
_SHORT_YEAR = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$")
_YEAR_MARK = re.compile(r"\s*г(ода?)?\.?$")
_TRUE = frozenset({"да", "д", "истина", "true", "yes", "y", "1", "+", "v", "х", "x"})
_FALSE = frozenset({"нет", "н", "ложь", "false", "no", "n", "0", "-", "—"})


class BadValue(ValueError):
    """The message says what is wrong, in Russian."""


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def empty_value(field: ImportField) -> Any:
    return "" if field.kind in ("text", "choice", "snils", "inn") else None


def _plain_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_text(value: Any, field: ImportField) -> str:
    if isinstance(value, datetime | date):
        text = v.format_date(value if isinstance(value, date) else value.date())
    elif isinstance(value, bool):
        text = "да" if value else "нет"
    else:
        text = display(_plain_number(value))
    if field.max_length is not None and len(text) > field.max_length:
        raise BadValue(f"не длиннее {field.max_length} знаков, а здесь {len(text)}")
    return text


def to_int(value: Any, _field: ImportField) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = re.sub(r"\s", "", str(value))
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    raise BadValue(f"ожидается целое число, а записано «{shown(value)}»")


def to_number(value: Any, _field: ImportField) -> Decimal:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    text = re.sub(r"\s", "", str(value)).replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise BadValue(f"ожидается число, а записано «{shown(value)}»") from None


def _text_date(text: str) -> date | None:
    text = _YEAR_MARK.sub("", text.strip())
    short = _SHORT_YEAR.match(text)
    if short:
        day, month, year = (int(g) for g in short.groups())
        year += 2000 if 2000 + year <= clock.today().year + 20 else 1900
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return v.parse_date(text)


def to_date(value: Any, _field: ImportField) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_DAY0 + timedelta(days=int(value))
        raise BadValue(f"ожидается дата дд.мм.гггг, а записано число {_plain_number(value)}")
    parsed = _text_date(str(value))
    if parsed is None:
        raise BadValue(f"дата записана неверно: «{shown(value)}» (нужно дд.мм.гггг)")
    return parsed


def to_bool(value: Any, _field: ImportField) -> bool:
    if isinstance(value, bool):
        return value
    text = display(_plain_number(value)).lower().rstrip(".")
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValue(f"ожидается «да» или «нет», а записано «{shown(value)}»")


def _digits(value: Any, length: int) -> str:
    """Digits of a code; a number cell loses leading zeros, so they are put back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _plain_number(value).zfill(length)
    return v.digits(str(value))


def to_snils(value: Any, _field: ImportField) -> str:
    """СНИЛС as its 11 digits."""
    d = _digits(value, 11)
    if len(d) != 11 or (isinstance(value, str) and re.search(r"[^\d\s\-]", value.strip())):
        raise BadValue(f"нужно 11 цифр (ХХХ-ХХХ-ХХХ ХХ), а записано «{shown(value)}»")
    if not v.snils_is_valid(d):
        raise BadValue(f"{v.format_snils(d)} — неверный номер: не сходится контрольное число")
    return d


def to_inn(value: Any, _field: ImportField) -> str:
    """ИНН as its 10 (organisation) or 12 (person) digits."""
    d = v.digits(value if isinstance(value, str) else _plain_number(value))
    if not isinstance(value, str) and len(d) in (9, 11):
        d = "0" + d
    if len(d) not in (10, 12) or (isinstance(value, str) and re.search(r"[^\d\s]", value.strip())):
        raise BadValue(f"нужно 10 или 12 цифр, а записано «{shown(value)}»")
    if not v.inn_is_valid(d):
        raise BadValue(f"{d} — неверный ИНН: не сходится контрольная цифра")
    return d


def to_choice(value: Any, field: ImportField) -> str:
    wanted = normalise(to_text(value, field))
    for choice in field.choices:
        if normalise(choice) == wanted:
            return choice
    allowed = ", ".join(f"«{c}»" for c in field.choices)
    raise BadValue(f"значение «{shown(value)}» не из списка: {allowed}")


Converter = Callable[[Any, ImportField], Any]
CONVERTERS: dict[str, Converter] = {
    "text": to_text, "int": to_int, "number": to_number, "date": to_date, "bool": to_bool,
    "snils": to_snils, "inn": to_inn, "choice": to_choice, "reference": to_text,
}


def convert(value: Any, field: ImportField) -> Any:
    """The value for the field; BadValue with a message when it cannot be one."""
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        raise BadValue(f"в ячейке ошибка Excel {value.strip()} — исправьте формулу")
    return CONVERTERS[field.kind](value, field)


def split_full_name(value: Any) -> tuple[str, str, str]:
    """«Иванова  Анна Сергеевна» → (Иванова, Анна, Сергеевна); the patronymic may be absent,
    a compound one («Гусейн оглы») is kept whole."""
    parts = display(value).split(" ")
    if len(parts) < 2 or not parts[0]:
        raise BadValue(f"нужны хотя бы фамилия и имя, а записано «{shown(value)}»")
    if any("." in p for p in parts[1:]):
        raise BadValue(f"«{shown(value)}»: нужны полные имя и отчество, а не инициалы")
    return parts[0], parts[1], " ".join(parts[2:])
