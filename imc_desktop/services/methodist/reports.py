"""The methodist's journal reports: журнал консультаций за период (by methodist or by the
question), справка по итогам посещения (a Word draft), отчёт методиста за месяц и за год.

The summaries (`consultation_summary`, `visit_summary`, `methodist_work`) are the one place
their figures are counted: the annual analysis of the ИМЦ prints the same functions' rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from exports import CellValue, Report, ReportColumn, ReportTable, Signature, format_date
from imc_desktop import clock, db
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
    short_name,
)
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import rules
from imc_desktop.services.methodist.records import ConsultationRow, VisitRow
from models import Event

CONSULTATIONS, VISIT, MONTH, YEAR = ("methodist-consultations", "methodist-visit",
                                     "methodist-month", "methodist-year")
NUMBER = ReportColumn("№", 0.4, kind="int")
ALL = ("", "все методисты")
GROUPS = (("methodist", "по методистам"), ("category", "по вопросам"))


def _methodists() -> list[tuple[str, str]]:
    """All, then each methodist; all alone when no database is open (the report list)."""
    return [ALL, *(journal.methodist_choices() if db.current_or_none() is not None else [])]


def methodist_param() -> ReportParam:
    return ReportParam("methodist", "Методист", "choice", lambda: "", _methodists)


def _period(params: dict[str, Any], name: str) -> tuple[date, date]:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{param_place(name, 'from', 'Начало периода')}: "
                           f"{format_date(first)} позже конца периода {format_date(last)}.")
    return first, last


def _methodist_name(methodist_id: str) -> str:
    return dict(journal.methodist_choices()).get(methodist_id, "") if methodist_id else ""


# ---------------------------------------------------------------- the summaries

@dataclass(frozen=True)
class CountRow:
    """A line of a summary: what is counted, how many records, people reached, hours."""

    name: str
    count: int
    people: int
    minutes: int


def consultation_summary(rows: Sequence[ConsultationRow], by: str) -> list[CountRow]:
    """Consultations counted by `by` ("category", "methodist", "form", "mode"), the most
    numerous first; `people` is the participants, `minutes` the time given."""
    count: Counter[str] = Counter()
    people: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for row in rows:
        key = getattr(row, by) or "не указано"
        count[key] += 1
        people[key] += row.participants
        minutes[key] += row.minutes or 0
    return [CountRow(k, n, people[k], minutes[k])
            for k, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def visit_summary(rows: Sequence[VisitRow]) -> list[CountRow]:
    """Visits by ОО: visits, lessons observed (in `people`), and 0 minutes."""
    visits: Counter[str] = Counter()
    lessons: Counter[str] = Counter()
    for row in rows:
        visits[row.organization] += 1
        lessons[row.organization] += int(row.is_lesson)
    return [CountRow(k, n, lessons[k], 0)
            for k, n in sorted(visits.items(), key=lambda kv: (-kv[1], kv[0]))]


def lesson_levels(rows: Sequence[VisitRow]) -> list[tuple[str, int]]:
    """The observed lessons by level (высокий … низкий, then not marked)."""
    counted = Counter(r.level or "без оценок" for r in rows if r.is_lesson)
    order = ("высокий", "достаточный", "средний", "низкий", "без оценок")
    return [(level, counted[level]) for level in order if counted[level]]


SUMMARY_COLUMNS = (ReportColumn("Вид / вопрос", 3.0), ReportColumn("Консультаций", 1.2,
                                                                   kind="int", total=True),
                   ReportColumn("Участников", 1.2, kind="int", total=True),
                   ReportColumn("Часов", 0.9, kind="number", decimals=1, total=True))
VISIT_SUMMARY_COLUMNS = (ReportColumn("Образовательная организация", 3.2),
                         ReportColumn("Посещений", 1.1, kind="int", total=True),
                         ReportColumn("Из них уроков", 1.1, kind="int", total=True))


def summary_table(rows: Sequence[CountRow], title: str, first: str = "Вид / вопрос"
                  ) -> ReportTable:
    columns = (ReportColumn(first, 3.0), *SUMMARY_COLUMNS[1:])
    return ReportTable(columns, [[r.name, r.count, r.people, round(r.minutes / 60, 1)]
                                 for r in rows], title=title, totals=True)


def visit_table(rows: Sequence[CountRow], title: str) -> ReportTable:
    return ReportTable(VISIT_SUMMARY_COLUMNS, [[r.name, r.count, r.people] for r in rows],
                       title=title, totals=True)


# ---------------------------------------------------------------- журнал консультаций

JOURNAL_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"),
                   ReportColumn("Методист", 1.8), ReportColumn("Кому", 2.0),
                   ReportColumn("ОО", 1.8), ReportColumn("Форма", 1.5),
                   ReportColumn("Вопрос", 1.3), ReportColumn("Тема", 2.6),
                   ReportColumn("Мин.", 0.6, kind="int", total=True),
                   ReportColumn("Результат", 2.0))


def _journal(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = _period(params, CONSULTATIONS)
    by = params["group"]
    rows = sorted(journal.consultations(first, last, params["methodist"] or None),
                  key=lambda r: (getattr(r, by).casefold(), r.held_on or first))
    group = 2 if by == "methodist" else 6
    cells: list[list[CellValue]] = [
        [i, r.held_on, r.methodist, r.whom, r.organization, f"{r.form}, {r.mode}", r.category,
         r.topic, r.minutes, r.result] for i, r in enumerate(rows, 1)]
    who = _methodist_name(params["methodist"]) or "все методисты"
    return Report(
        title="Журнал консультаций",
        params_line=f"Период: с {format_date(first)} по {format_date(last)}; {who}. "
                    f"Консультаций: {len(rows)}.",
        tables=(ReportTable(JOURNAL_COLUMNS, cells, group_by=group, totals=True),
                summary_table(consultation_summary(rows, "category"),
                              "Консультации по вопросам", "Вопрос"),
                summary_table(consultation_summary(rows, "methodist"),
                              "Консультации по методистам", "Методист")),
        landscape=True)


def _school_year_start() -> str:
    return format_date(rules.school_year(clock.today())[0])


register(ReportDefinition(
    name=CONSULTATIONS, title="Журнал консультаций за период",
    params=(ReportParam("from", "Начало периода", "date", _school_year_start),
            ReportParam("to", "Конец периода", "date", lambda: format_date(clock.today())),
            methodist_param(),
            ReportParam("group", "Группировать", "choice", lambda: "methodist",
                        lambda: list(GROUPS))),
    build=_journal))


# ---------------------------------------------------------------- справка по итогам посещения

MARK_COLUMNS = (NUMBER, ReportColumn("Критерий", 5.0), ReportColumn("Балл", 0.8, kind="int"),
                ReportColumn("Проявление", 2.2))


def _visit(params: dict[str, Any], ctx: ReportContext) -> Report:
    text = str(params["visit"]).strip()
    if not text:
        latest = journal.visits()[:1]
        if not latest:
            return Report(title="Справка по итогам посещения",
                          paragraphs=("Посещений ещё нет: внесите их на вкладке «Журнал "
                                      "методиста → Посещения».",))
        text = latest[0].id or ""
    row = journal.get_visit(text)
    if row is None:
        raise ServiceError(f"{param_place(VISIT, 'visit', 'Посещение')}: посещение «{text}» "
                           "не найдено — выберите его в списке посещений.")
    lines = [f"Дата посещения: {format_date(row.visited_on)}.",
             f"Образовательная организация: {row.organization}."]
    if row.purpose:
        lines.append(f"Цель посещения: {row.purpose}.")
    tables: tuple[ReportTable, ...] = ()
    closing: list[str] = []
    if row.is_lesson:
        lines += [f"Педагог: {row.person}.", f"Класс: {row.class_name}. "
                  f"Предмет: {row.subject}.", f"Тема урока: {row.lesson_topic}."]
        marks = rules.parse_marks(row.marks)
        tables = (ReportTable(MARK_COLUMNS, [[i, m.criterion, m.mark, rules.MARK_TEXT.get(
            m.mark, "")] for i, m in enumerate(marks, 1)], title="Анализ урока по критериям"),)
        if row.percent is not None:
            closing.append(f"Выводы: урок набрал {sum(m.mark for m in marks)} из "
                           f"{rules.MARK_MAX * len(marks)} баллов ({row.percent:.1f} %".replace(
                               ".", ",") + f"), уровень урока — {row.level}.")
    closing.append(f"Рекомендации: {row.recommendations or '_' * 40}")
    if row.person:
        closing.append(f"Со справкой ознакомлен(а): ______________ {short_name(row.person)}")
    title = "Справка по итогам посещения урока" if row.is_lesson \
        else "Справка по итогам посещения образовательной организации"
    return Report(title=title, paragraphs=tuple(lines), tables=tables,
                  closing_paragraphs=tuple(closing), landscape=False,
                  signatures=(Signature("Методист", short_name(row.methodist)),)
                  if row.methodist else ())


register(ReportDefinition(
    name=VISIT, title="Справка по итогам посещения",
    params=(ReportParam("visit", "Посещение (id из списка; пусто — последнее)", "str",
                        lambda: ""),),
    build=_visit))


# ---------------------------------------------------------------- отчёт методиста

@dataclass(frozen=True)
class MethodistWork:
    """What one methodist (or all: "") did in a period."""

    plan: list[journal.PlanItemRow]
    consultations: list[ConsultationRow]
    visits: list[VisitRow]
    events: list[tuple[date, str, str, str]]  # date, kind, title, status


def methodist_work(first: date, last: date, methodist_id: str) -> MethodistWork:
    with session_scope() as s:
        query = select(Event.starts_at, Event.kind, Event.title, Event.status).where(
            Event.starts_at >= datetime.combine(first, time()),
            Event.starts_at < datetime.combine(last + timedelta(days=1), time()),
            Event.status != "отменено").order_by(Event.starts_at)
        if methodist_id:
            query = query.where(Event.organizer_id == methodist_id)
        held = [(when.date(), str(kind), str(title), str(status))
                for when, kind, title, status in s.execute(query)]
        who = methodist_id or None
        return MethodistWork(journal.plan_in(s, first, last, who),
                             journal.consultations_in(s, first, last, who),
                             journal.visits_in(s, first, last, who), held)


PLAN_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("Вид", 1.3),
                ReportColumn("Содержание работы", 4.0), ReportColumn("Выполнено", 1.1),
                ReportColumn("Отметка о выполнении", 2.4))
EVENT_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("Вид", 1.6),
                 ReportColumn("Мероприятие", 4.2), ReportColumn("Состояние", 1.3))
VISIT_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("ОО", 2.4),
                 ReportColumn("Цель / урок", 3.4), ReportColumn("Уровень", 1.3))


def work_report(first: date, last: date, methodist_id: str, period: str) -> Report:
    work = methodist_work(first, last, methodist_id)
    done = sum(1 for p in work.plan if p.done)
    plan_cells: list[list[CellValue]] = [
        [i, p.planned_on, p.kind, p.title, "да" if p.done else "нет", p.link or p.note]
        for i, p in enumerate(work.plan, 1)]
    visits: list[list[CellValue]] = [
        [i, v.visited_on, v.organization,
         (f"{v.subject}, {v.class_name}: {v.person}" if v.is_lesson else v.purpose), v.level]
        for i, v in enumerate(sorted(work.visits, key=lambda v: v.visited_on or first), 1)]
    events: list[list[CellValue]] = [[i, *e] for i, e in enumerate(work.events, 1)]
    who = _methodist_name(methodist_id) or "все методисты"
    return Report(
        title=f"Отчёт методиста о работе за {period}",
        heading=who,
        params_line=f"Период: с {format_date(first)} по {format_date(last)}. Запланировано: "
                    f"{len(work.plan)}, выполнено: {done}; консультаций: "
                    f"{len(work.consultations)}; посещений: {len(work.visits)}; "
                    f"мероприятий: {len(work.events)}.",
        tables=(ReportTable(PLAN_COLUMNS, plan_cells, title="Выполнение плана"),
                summary_table(consultation_summary(work.consultations, "category"),
                              "Консультации по вопросам", "Вопрос"),
                ReportTable(VISIT_COLUMNS, visits, title="Посещения ОО и уроков"),
                ReportTable(EVENT_COLUMNS, events, title="Мероприятия, проведённые методистом")),
        landscape=False,
        signatures=(Signature("Методист", short_name(who)),) if methodist_id else ())


def _month(params: dict[str, Any], ctx: ReportContext) -> Report:
    first = rules.month_start(params["month"])
    return work_report(first, rules.month_end(first), params["methodist"],
                       rules.month_title(first) + " г.")


def _year(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = rules.school_year(params["year"])
    return work_report(first, last, params["methodist"], rules.school_year_title(first))


register(ReportDefinition(
    name=MONTH, title="Отчёт методиста за месяц",
    params=(methodist_param(),
            ReportParam("month", "Любой день месяца", "date",
                        lambda: format_date(clock.today()))),
    build=_month))
register(ReportDefinition(
    name=YEAR, title="Отчёт методиста за учебный год",
    params=(methodist_param(),
            ReportParam("year", "Любой день учебного года", "date",
                        lambda: format_date(clock.today()))),
    build=_year))
