"""The reports of requests and monitorings: a collection's summary (every ОО, totals, the ОО
that have not answered) and the journal of incoming and outgoing requests for a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from exports import Report, ReportColumn, ReportTable, format_date
from imc_desktop import clock
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    register,
)
from imc_desktop.services.requests import records, rules
from imc_desktop.services.requests.records import AnswerRow, CollectionData
from imc_desktop.services.requests.rules import TemplateColumn

_REPORT_KINDS = {"number": "number", "date": "date"}


@dataclass(frozen=True)
class Summary:
    """A collection's answers gathered into one table."""

    collection: CollectionData
    columns: tuple[TemplateColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    """Row per ОО: (ОО, values…, state); table per ОО: (ОО, values…) per row received."""
    totals: tuple[Any, ...]
    """The sum of each number column over every row (None for other columns)."""
    missing: tuple[AnswerRow, ...]
    answered: int


def _value(column: TemplateColumn, value: Any) -> Any:
    if value is None or value == "":
        return None
    if column.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if column.kind == "bool":
        return "да" if value else "нет"
    return value


def summary(collection_id: str) -> Summary:
    collection = records.get_collection(collection_id)
    columns = collection.columns
    answers = records.answers(collection_id, with_rows=True)
    rows: list[tuple[Any, ...]] = []
    for answer in answers:
        got = answer.rows if answer.answered else ()
        if collection.mode == "row":
            first = got[0] if got else {}
            rows.append((answer.organization,
                         *(_value(c, first.get(c.title)) for c in columns), answer.status))
        else:
            rows.extend((answer.organization, *(_value(c, r.get(c.title)) for c in columns))
                        for r in got)
    totals = tuple(rules.number_total([r[n + 1] for r in rows]) if c.kind == "number" else None
                   for n, c in enumerate(columns))
    missing = tuple(a for a in answers if not a.answered)
    return Summary(collection, columns, tuple(rows), totals, missing,
                   sum(1 for a in answers if a.answered))


def _bool_counts(s: Summary) -> list[str]:
    lines = []
    for n, column in enumerate(s.columns):
        if column.kind == "bool":
            yes = sum(1 for r in s.rows if r[n + 1] == "да")
            no = sum(1 for r in s.rows if r[n + 1] == "нет")
            lines.append(f"«{column.title}»: да — {yes}, нет — {no}.")
    return lines


def summary_report(s: Summary) -> Report:
    c = s.collection
    value_columns = tuple(ReportColumn(col.title, 1.4, kind=_REPORT_KINDS.get(  # type: ignore[arg-type]
        col.kind, "text"), total=col.kind == "number") for col in s.columns)
    lead = ReportColumn("Образовательная организация", 3.0)
    if c.mode == "row":
        columns = (lead, *value_columns, ReportColumn("Состояние ответа", 1.6))
        table = ReportTable(columns, s.rows, totals=True)
    else:
        table = ReportTable((lead, *value_columns), s.rows, group_by=0, totals=True)
    total = len(s.missing) + s.answered
    paragraphs = [f"Ответили {s.answered} ОО из {total}."]
    if s.missing:
        paragraphs.append(f"Не представили информацию ({len(s.missing)}): "
                          + ", ".join(a.organization for a in s.missing) + ".")
    paragraphs += _bool_counts(s)
    deadline = rules.deadline_text(c.deadline_at)
    return Report(title=f"Сводная информация: {c.title}",
                  params_line=(f"Срок представления {deadline}. " if deadline else "")
                  + f"По состоянию на {format_date(clock.today())}.",
                  tables=(table,), closing_paragraphs=tuple(paragraphs))


# --------------------------------------------------------------------------- journal

def _in_period(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _deadline_cell(deadline: datetime | None) -> str:
    return rules.deadline_text(deadline).removeprefix("до ")


def journal_tables(start: date, end: date) -> tuple[ReportTable, ReportTable]:
    """The incoming requests registered in the period and the outgoing letters of it: the
    answers to requests and the collections sent to the ОО."""
    incoming = [r for r in records.list_requests() if _in_period(r.received_on, start, end)]
    incoming.sort(key=lambda r: (r.received_on or date.min, r.number))
    rows_in = [(n, r.received_on, r.number, r.sender, r.subject, _deadline_cell(r.deadline_at),
                r.responsible, _answer_mark(r.answer_number, r.answer_date))
               for n, r in enumerate(incoming, 1)]
    outgoing: list[tuple[date, str, str, str, str]] = []
    for r in records.list_requests():
        if _in_period(r.answer_date, start, end):
            outgoing.append((r.answer_date, r.answer_number, r.sender,  # type: ignore[arg-type]
                             f"Ответ на запрос {records.request_label(r)}", ""))
    for c in records.list_collections():
        if _in_period(c.created_on, start, end):
            done = f"{_deadline_cell(c.deadline_at)}; получено {c.answered} из {c.total}"
            outgoing.append((c.created_on, "", f"ОО: {c.total}",  # type: ignore[arg-type]
                             f"Сбор данных «{c.title}»", done))
    outgoing.sort(key=lambda o: o[0])
    rows_out = [(n, *o) for n, o in enumerate(outgoing, 1)]
    return (
        ReportTable((ReportColumn("№", 0.5, kind="int"), ReportColumn("Дата", 1.1, kind="date"),
                     ReportColumn("Номер", 1.1), ReportColumn("От кого", 2.0),
                     ReportColumn("Содержание", 3.0), ReportColumn("Срок", 1.4),
                     ReportColumn("Исполнитель", 1.6),
                     ReportColumn("Отметка об исполнении", 1.7)),
                    rows_in, title="Входящие запросы"),
        ReportTable((ReportColumn("№", 0.5, kind="int"), ReportColumn("Дата", 1.1, kind="date"),
                     ReportColumn("Номер", 1.1), ReportColumn("Кому", 2.0),
                     ReportColumn("Содержание", 3.6), ReportColumn("Срок; исполнение", 2.4)),
                    rows_out, title="Исходящие: ответы на запросы и сборы данных от ОО"),
    )


def _answer_mark(number: str, day: date | None) -> str:
    if day is None:
        return ""
    return f"Ответ {('№ ' + number + ' ') if number else ''}от {format_date(day)}"


def _journal(params: dict[str, Any], _ctx: ReportContext) -> Report:
    start, end = params["from"], params["to"]
    if end < start:
        raise ServiceError("Конец периода раньше его начала.")
    return Report(title="Журнал регистрации входящих и исходящих запросов",
                  params_line=f"За период с {format_date(start)} по {format_date(end)}.",
                  tables=journal_tables(start, end), landscape=True)


def _year_start() -> str:
    return format_date(date(clock.today().year, 1, 1))


register(ReportDefinition(
    name="requests-journal",
    title="Журнал регистрации входящих и исходящих запросов",
    params=(ReportParam("from", "Начало периода", "date", _year_start),
            ReportParam("to", "Конец периода", "date", lambda: format_date(clock.today()))),
    build=_journal,
))


LATEST = ("", "последний по сроку")


def _collection_choices() -> list[tuple[str, str]]:
    from imc_desktop import db

    if db.current_or_none() is None:
        return [LATEST]
    return [LATEST, *((c.id or "", c.title) for c in records.list_collections())]


def _summary(params: dict[str, Any], _ctx: ReportContext) -> Report:
    chosen = params["collection"] or next(
        (c.id for c in records.list_collections() if c.id), "")
    if not chosen:  # none made yet: the report says so
        return Report(title="Сводная информация по сбору данных от ОО",
                      paragraphs=("Сборов данных ещё нет: создайте сбор на вкладке "
                                  "«Запросы и мониторинги».",))
    return summary_report(summary(chosen))


register(ReportDefinition(
    name="collection-summary",
    title="Сводная информация по сбору данных от ОО",
    params=(ReportParam("collection", "Сбор данных", "choice", lambda: "",
                        _collection_choices),),
    build=_summary,
))

