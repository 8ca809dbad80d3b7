"""The events' documents: план мероприятий на месяц или квартал (with «УТВЕРЖДАЮ»),
явочный лист, протокол итогов конкурса, отчёт о проведённых мероприятиях за период with the
participants counted by ОО, and the register of issued certificates and diplomas."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, Signature, format_date
from imc_desktop import clock
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
    short_name,
)
from imc_desktop.services.events import documents as docs
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events import report_data as ed
from imc_desktop.services.events.rules import add_months

PLAN, ATTENDANCE, PROTOCOL, SUMMARY, REGISTER = (
    "events-plan", "events-attendance", "events-protocol", "events-summary",
    "events-register")
NUMBER = ReportColumn("№", 0.4, kind="int")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")
ROMAN = ("I", "II", "III", "IV")


def _next_month() -> str:
    return format_date(add_months(clock.today().replace(day=1), 1))


# ---------------------------------------------------------------- план

PLAN_COLUMNS = (NUMBER, ReportColumn("Дата, время", 1.3), ReportColumn("Мероприятие", 3.6),
                ReportColumn("Место проведения", 2.0), ReportColumn("Участники", 1.8),
                ReportColumn("Ответственный", 1.7))


def _plan_period(start: date, period: str) -> tuple[date, date, str]:
    if period == "quarter":
        first = date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
        name = f"{ROMAN[(first.month - 1) // 3]} квартал {first.year} года"
        return first, add_months(first, 3) - timedelta(days=1), name
    first = start.replace(day=1)
    return first, add_months(first, 1) - timedelta(days=1), \
        f"{MONTHS[first.month - 1]} {first.year} года"


def _plan(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last, name = _plan_period(params["from"], params["period"])
    rows = [r for r in events.list_events(first, last, ctx.today)
            if r.status != "отменено" and first <= r.start_date <= last]
    cells: list[list[CellValue]] = [
        [i, f"{format_date(r.starts_at)}\n{r.time_text}", f"{r.title} ({r.kind})", r.place,
         r.audience, r.organizer] for i, r in enumerate(rows, 1)]
    return Report(
        title=f"План мероприятий на {name}",
        approval=ctx.approval(),
        tables=(ReportTable(PLAN_COLUMNS, cells),),
        closing_paragraphs=() if rows else ("Мероприятий в периоде не запланировано.",),
        landscape=True)


register(ReportDefinition(
    name=PLAN, title="План мероприятий на месяц или квартал",
    params=(ReportParam("from", "Месяц (любая его дата)", "date", _next_month),
            ReportParam("period", "Период", "choice", lambda: "month",
                        lambda: [("month", "месяц"), ("quarter", "квартал")])),
    build=_plan))


# ---------------------------------------------------------------- явочный лист

def _event_param() -> ReportParam:
    return ReportParam("event", "Мероприятие (название или id; пусто — ближайшее)", "str",
                       lambda: "")


ATTENDANCE_COLUMNS = (NUMBER, ReportColumn("Фамилия, имя, отчество", 2.8),
                      ReportColumn("ОО", 2.2), ReportColumn("Должность", 1.6),
                      ReportColumn("Подпись", 1.4))


def _attendance(params: dict[str, Any], ctx: ReportContext) -> Report:
    row = ed.find_event(params["event"], param_place(ATTENDANCE, "event", "Мероприятие"),
                        ctx.today)
    if row is None:
        return Report(title="Явочный лист", paragraphs=("Нет мероприятий с участниками.",))
    people = sorted((p for p in ep.list_participants(row.id)
                     if p.data.role in ("участник", "докладчик")),
                    key=lambda p: p.data.full_name.casefold())
    cells: list[list[CellValue]] = [[i, p.data.full_name, p.organization, p.data.position, ""]
             for i, p in enumerate(people, 1)]
    return Report(title="Явочный лист", heading=f"«{row.title}»",
                  params_line=ed.when_and_where(row),
                  tables=(ReportTable(ATTENDANCE_COLUMNS, cells),), landscape=False,
                  signatures=(Signature("Ответственный", short_name(row.organizer)),)
                  if row.organizer else ())


register(ReportDefinition(name=ATTENDANCE, title="Явочный лист мероприятия",
                          params=(_event_param(),), build=_attendance))


# ---------------------------------------------------------------- протокол

PROTOCOL_COLUMNS = (NUMBER, ReportColumn("Фамилия, имя, отчество", 2.2),
                    ReportColumn("ОО", 1.8), ReportColumn("Номинация", 2.1),
                    ReportColumn("Балл", 0.7, kind="number"),
                    ReportColumn("Место", 0.7, kind="int"), ReportColumn("Результат", 1.2))


def _protocol(params: dict[str, Any], ctx: ReportContext) -> Report:
    row = ed.find_event(params["event"], param_place(PROTOCOL, "event", "Мероприятие"), ctx.today,
                        contest=True)
    if row is None:
        return Report(title="Протокол подведения итогов конкурса",
                      paragraphs=("Нет конкурсов с участниками.",))
    people = ep.list_participants(row.id)
    contestants = ed.by_place_and_name([p for p in people if p.data.role == "участник"])
    jury = [p for p in people if p.data.role == "член жюри"]
    cells = [[i, p.data.full_name, p.organization, p.data.nomination, p.data.score,
              p.data.place, p.data.result] for i, p in enumerate(contestants, 1)]
    awarded = sum(p.data.result in ed.AWARDED for p in contestants)
    signatures = tuple(Signature("Председатель жюри" if i == 0 else "Член жюри",
                                 short_name(p.data.full_name)) for i, p in enumerate(jury))
    return Report(
        title="Протокол подведения итогов конкурса", heading=f"«{row.title}»",
        params_line=ed.when_and_where(row),
        paragraphs=(f"Участников: {len(contestants)}; победителей, призёров и лауреатов: "
                    f"{awarded}. Жюри: {len(jury)} чел.",
                    "Жюри рассмотрело конкурсные материалы и решило признать:"),
        tables=(ReportTable(PROTOCOL_COLUMNS, cells),),
        signatures=signatures, landscape=False)


register(ReportDefinition(name=PROTOCOL, title="Протокол итогов конкурса",
                          params=(_event_param(),), build=_protocol))


# ---------------------------------------------------------------- отчёт за период

HELD_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("Вид", 1.5),
                ReportColumn("Мероприятие", 3.6), ReportColumn("Уровень", 1.8),
                ReportColumn("Участников", 1.1, kind="int", total=True),
                ReportColumn("Присутствовало", 1.8, kind="int", total=True),
                ReportColumn("Победители, призёры, лауреаты", 1.5, kind="int", total=True))
ORG_COLUMNS = (ReportColumn("ОО", 3.6), ReportColumn("Мероприятий", 1.2, kind="int"),
               ReportColumn("Участий", 1.1, kind="int", total=True),
               ReportColumn("Присутствовало", 1.8, kind="int", total=True),
               ReportColumn("Победители, призёры, лауреаты", 1.5, kind="int", total=True))


def _summary(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{param_place(SUMMARY, 'from', 'Начало периода')}: "
                           f"{format_date(first)} позже конца периода {format_date(last)}.")
    held, orgs = ed.held_events(first, last, ctx.today)
    events_table = ReportTable(HELD_COLUMNS, [
        [i, h.row.starts_at.date(), h.row.kind, h.row.title, h.row.level, h.participants,
         h.attended, h.awarded] for i, h in enumerate(held, 1)],
        title="Проведённые мероприятия", totals=True)
    org_table = ReportTable(ORG_COLUMNS, [
        [o.organization, o.events, o.participations, o.attended, o.awarded] for o in orgs],
        title="Участники по образовательным организациям", totals=True)
    return Report(
        title="Отчёт о проведённых мероприятиях",
        params_line=f"Период: с {format_date(first)} по {format_date(last)}. "
                    f"Проведено мероприятий: {len(held)}.",
        tables=(events_table, org_table), landscape=True)


register(ReportDefinition(
    name=SUMMARY, title="Отчёт о проведённых мероприятиях за период",
    params=(ReportParam("from", "Начало периода", "date",
                        lambda: format_date(date(clock.today().year, 1, 1))),
            ReportParam("to", "Конец периода", "date", lambda: format_date(clock.today()))),
    build=_summary))


# ---------------------------------------------------------------- реестр документов

REGISTER_COLUMNS = (ReportColumn("Рег. №", 0.9), ReportColumn("Документ", 1.1),
                    ReportColumn("Кому выдан", 2.4), ReportColumn("Мероприятие", 3.2),
                    ReportColumn("Результат", 1.2), ReportColumn("Дата выдачи", 1.1,
                                                                 kind="date"),
                    ReportColumn("Печатей", 0.8, kind="int"))


def _register(params: dict[str, Any], ctx: ReportContext) -> Report:
    rows = docs.issued(params["year"])
    cells: list[list[CellValue]] = [
        [r.number_text, r.kind, r.full_name, r.event_title, r.result, r.issued_on,
         r.printed_times] for r in rows]
    twice = docs.duplicate_numbers(rows)
    return Report(title="Реестр выданных сертификатов и дипломов",
                  params_line=f"{params['year']} год. Выдано документов: {len(rows)}.",
                  tables=(ReportTable(REGISTER_COLUMNS, cells),), landscape=True,
                  closing_paragraphs=(("Номера, выданные дважды (после синхронизации "
                                       "рабочих мест): " + "; ".join(twice) + ".",)
                                      if twice else ()))


register(ReportDefinition(
    name=REGISTER, title="Реестр выданных сертификатов и дипломов",
    params=(ReportParam("year", "Год", "int", lambda: str(clock.today().year)),),
    build=_register))
