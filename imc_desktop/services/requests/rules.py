"""The rules of requests and monitorings, pure functions: the template and its columns, the
deadlines («due in 3 days», «overdue»), the statuses, the blank's file name, the reminder."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from models.requests import (
    ADDRESSEE_MODES,
    ANSWER_STATUSES,
    COLLECTION_MODES,
    PREFILL_SOURCES,
    REQUEST_STATUSES,
)

ColumnKind = Literal["text", "number", "date", "choice", "bool"]
COLUMN_KINDS: tuple[ColumnKind, ...] = ("text", "number", "date", "choice", "bool")
COLUMN_KIND_TITLES = {"text": "текст", "number": "число", "date": "дата",
                      "choice": "выбор из списка", "bool": "да/нет"}
MODE_TITLES = {"row": "строка на ОО", "table": "таблица на ОО"}
ADDRESSEE_TITLES = {"all": "все ОО", "kind": "ОО одного типа", "list": "выбранные ОО"}
PREFILL_TITLES = {"": "ничего", "staff": "педагоги ОО", "equipment": "оборудование ОО"}
SOON_DAYS = 3
"""A deadline this many days ahead or nearer is «скоро»."""
DEFAULT_HOUR = 15

NOT_SENT, SENT, RECEIVED, ACCEPTED, RETURNED = ANSWER_STATUSES
ANSWERED = frozenset({RECEIVED, ACCEPTED})
REQUEST_NEW, REQUEST_IN_WORK, REQUEST_ANSWERED = REQUEST_STATUSES
ORG_COLUMN = "Образовательная организация"
MAX_COLUMNS = 60
MAX_CHOICES_TEXT = 250  # Excel keeps a list validation's text under 255 characters

__all__ = ["ADDRESSEE_MODES", "ANSWER_STATUSES", "COLLECTION_MODES", "PREFILL_SOURCES",
           "REQUEST_STATUSES"]


@dataclass(frozen=True)
class TemplateColumn:
    """A column of a collection's template."""

    title: str
    kind: ColumnKind = "text"
    choices: tuple[str, ...] = ()


#: The columns a table per ОО starts with when it is pre-filled from a module.
PREFILL_COLUMNS: dict[str, tuple[TemplateColumn, ...]] = {
    "": (),
    "staff": (TemplateColumn("ФИО педагога"), TemplateColumn("Должность")),
    "equipment": (TemplateColumn("Инвентарный номер"), TemplateColumn("Наименование")),
}


def template_to_json(columns: Sequence[TemplateColumn]) -> str:
    return json.dumps([{"title": c.title, "kind": c.kind, "choices": list(c.choices)}
                       for c in columns], ensure_ascii=False)


def template_from_json(text: str) -> tuple[TemplateColumn, ...]:
    items = json.loads(text or "[]")
    return tuple(TemplateColumn(str(i["title"]), i.get("kind", "text"),
                                tuple(str(c) for c in i.get("choices", ())))
                 for i in items)


def sheet_columns(mode: str, prefill: str,
                  template: Sequence[TemplateColumn]) -> tuple[TemplateColumn, ...]:
    """The columns of the blank's table after the ОО's own: a table per ОО starts with the
    module's list columns; a row per ОО has only the template's."""
    lead = PREFILL_COLUMNS.get(prefill, ()) if mode == "table" else ()
    return (*lead, *template)


def template_problems(columns: Sequence[TemplateColumn], mode: str,
                      prefill: str) -> list[str]:
    """Russian messages for a template that cannot make a blank; empty when it can."""
    problems: list[str] = []
    if not columns:
        problems.append("В шаблоне нет ни одного столбца.")
    if len(columns) > MAX_COLUMNS:
        problems.append(f"В шаблоне больше {MAX_COLUMNS} столбцов.")
    seen: set[str] = {ORG_COLUMN.casefold()}
    seen |= {c.title.casefold() for c in PREFILL_COLUMNS.get(prefill, ())
             if mode == "table"}
    for n, column in enumerate(columns, 1):
        title = column.title.strip()
        if not title:
            problems.append(f"Столбец {n}: укажите заголовок.")
            continue
        if title.casefold() in seen:
            problems.append(f"Столбец {n}: заголовок «{title}» повторяется.")
        seen.add(title.casefold())
        if column.kind not in COLUMN_KINDS:
            problems.append(f"Столбец «{title}»: неизвестный тип «{column.kind}».")
        if column.kind == "choice":
            problems.extend(_choice_problems(title, column.choices))
    if mode not in COLLECTION_MODES:
        problems.append("Выберите вид таблицы: строка на ОО или таблица на ОО.")
    if prefill and mode != "table":
        problems.append("Список из модуля (педагоги, оборудование) заполняет только "
                        "таблицу на ОО.")
    return problems


def _choice_problems(title: str, choices: Sequence[str]) -> list[str]:
    values = [c.strip() for c in choices if c.strip()]
    if not values:
        return [f"Столбец «{title}»: перечислите значения для выбора."]
    if any("," in c or '"' in c for c in values):
        return [f"Столбец «{title}»: значения для выбора не могут содержать запятую и кавычки."]
    if len(",".join(values)) > MAX_CHOICES_TEXT:
        return [f"Столбец «{title}»: список значений длиннее {MAX_CHOICES_TEXT} знаков."]
    return []


# ------------------------------------------------------------------------- deadlines

DeadlineState = Literal["overdue", "soon", ""]


def deadline_state(deadline: datetime | None, now: datetime, done: bool = False) -> DeadlineState:
    """«overdue» once the deadline's hour has passed, «soon» when it falls within the next
    three days (counted in calendar days: due on the third day from today is soon)."""
    if deadline is None or done:
        return ""
    if deadline <= now:
        return "overdue"
    if deadline.date() <= now.date() + timedelta(days=SOON_DAYS):
        return "soon"
    return ""


def deadline_text(deadline: datetime | None) -> str:
    """«до 15:00 12.03.2026», as the letters say it."""
    if deadline is None:
        return ""
    if deadline.hour == 0 and deadline.minute == 0:
        return f"до {deadline:%d.%m.%Y}"
    return f"до {deadline:%H:%M} {deadline:%d.%m.%Y}"


def request_done(status: str) -> bool:
    return status == REQUEST_ANSWERED


def answered(status: str) -> bool:
    return status in ANSWERED


# --------------------------------------------------------------------------- files

_BAD_NAME_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_file_part(text: str) -> str:
    """A piece of a Windows file name: forbidden characters become spaces, ends trimmed."""
    cleaned = re.sub(r"\s+", " ", _BAD_NAME_CHARS.sub(" ", text)).strip(" .")
    return cleaned[:100] or "без названия"


def blank_name(title: str, organization: str) -> str:
    """«<monitoring> — <ОО>.xlsx»."""
    return f"{safe_file_part(title)} — {safe_file_part(organization)}.xlsx"


def organization_from_name(file_name: str, title: str) -> str | None:
    """The ОО part of a blank's name «<monitoring> — <ОО>…», or None if it is not one."""
    stem = re.sub(r"\.xlsx$", "", file_name, flags=re.IGNORECASE)
    prefix = f"{safe_file_part(title)} — "
    if not stem.casefold().startswith(prefix.casefold()):
        return None
    rest = stem[len(prefix):]
    return re.sub(r"\s*\(\d+\)$", "", rest).strip() or None  # «… (1)» of a second download


# ------------------------------------------------------------------------- reminder

@dataclass(frozen=True)
class Debtor:
    organization: str
    head_name: str
    phone: str
    email: str


def reminder_text(title: str, deadline: datetime | None, debtors: Sequence[Debtor],
                  now: datetime, sender: str = "") -> str:
    """A ready letter to the ОО that have not answered, to copy into the mail."""
    if not debtors:
        return ""
    when = deadline_text(deadline)
    late = deadline is not None and deadline <= now
    lines = ["Уважаемые руководители!", ""]
    if late:
        lines.append(f"Срок представления информации «{title}» ({when}) истёк, "
                     "а от вашей организации ответ не получен.")
    else:
        lines.append(f"Напоминаем: информацию «{title}» необходимо представить {when}.")
    lines += ["Просим заполнить направленную таблицу и прислать её в ответ на это письмо.", "",
              "Не представили информацию:"]
    lines += [f"{n}. {d.organization}" for n, d in enumerate(debtors, 1)]
    emails = [d.email for d in debtors if d.email]
    if sender:
        lines += ["", f"С уважением, {sender}"]
    if emails:
        lines += ["", "Адреса для рассылки: " + "; ".join(emails)]
    return "\n".join(lines)


# --------------------------------------------------------------------------- values

def json_value(value: Any) -> Any:
    """A parsed cell as JSON keeps it: numbers as int/float, dates as ISO text."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def number_total(values: Sequence[Any]) -> int | float | None:
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return None
    total = sum(numbers)
    return int(total) if float(total).is_integer() else round(total, 6)
