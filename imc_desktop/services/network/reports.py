"""The network's documents: the order on the year's network with its appendix, an РМО's
plan for the year, a meeting's protocol, an РМО's report for the year, the summary report on
the whole network, and the mentoring list with the monitoring of young specialists."""

from __future__ import annotations

from collections import Counter
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, Signature, format_date
from imc_desktop import clock, db
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    register,
    short_name,
)
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import records as net
from imc_desktop.services.network.rules import academic_year_of, year_text

ORDER, PLAN, PROTOCOL, ANNUAL, SUMMARY, MENTORING = (
    "network-order", "network-plan", "network-protocol", "network-annual", "network-summary",
    "mentoring")
NUMBER = ReportColumn("№", 0.4, kind="int")
FIRST = ("", "первое по списку")


def _year_param() -> ReportParam:
    return ReportParam("year", "Учебный год (год начала)", "int",
                       lambda: str(academic_year_of(clock.today())))


def _association_choices() -> list[tuple[str, str]]:
    if db.current_or_none() is None:
        return [FIRST]
    return [FIRST, *((r.id, f"{r.data.name} ({r.year_text})") for r in net.list_associations())]


def _association_param() -> ReportParam:
    return ReportParam("association", "Объединение", "choice", lambda: "",
                       _association_choices)


def _association(value: str) -> net.AssociationRow | None:
    rows = net.list_associations()
    return next((r for r in rows if r.id == value), rows[0] if rows and not value else None)


def _in_year(year: int) -> list[net.AssociationRow]:
    return sorted((r for r in net.list_associations() if r.data.year == year),
                  key=lambda r: (r.data.kind, r.data.name))


# ---------------------------------------------------------------- приказ

ORDER_COLUMNS = (NUMBER, ReportColumn("Объединение", 2.6),
                 ReportColumn("Предмет, направление", 1.6),
                 ReportColumn("Руководитель", 2.0), ReportColumn("Куратор от ИМЦ", 1.8),
                 ReportColumn("Тема на учебный год", 3.0))


def _order(params: dict[str, Any], ctx: ReportContext) -> Report:
    year = params["year"]
    rows = _in_year(year)
    cells: list[list[CellValue]] = [
        [i, r.data.name if r.data.kind in r.data.name else f"{r.data.name} ({r.data.kind})",
         r.data.subject, r.head, r.curator, r.data.theme]
        for i, r in enumerate(rows, 1)]
    return Report(
        title="Приказ", number="____",
        heading=f"Об организации методической сети на {year_text(year)} учебный год",
        paragraphs=(
            "В целях координации деятельности профессиональных объединений педагогических "
            "работников, повышения их профессионального мастерства и методического "
            "сопровождения образовательных организаций района",
            "ПРИКАЗЫВАЮ:",
            f"1. Утвердить состав методической сети на {year_text(year)} учебный год: "
            f"объединения, их руководителей, кураторов и темы (приложение; объединений: "
            f"{len(rows)}).",
            "2. Руководителям объединений в срок до 30 сентября представить в ИМЦ планы "
            "работы на учебный год; протоколы заседаний — в течение 5 рабочих дней после "
            "заседания.",
            "3. Кураторам от ИМЦ обеспечить методическое сопровождение объединений, к 10 июня "
            "представить отчёты о работе за учебный год.",
            "4. Контроль за исполнением приказа оставляю за собой."),
        tables=(ReportTable(ORDER_COLUMNS, cells,
                            title=f"Приложение к приказу. Состав методической сети на "
                                  f"{year_text(year)} учебный год"),),
        landscape=False)


register(ReportDefinition(name=ORDER,
                          title="Приказ об организации методической сети на учебный год",
                          params=(_year_param(),), build=_order))


# ---------------------------------------------------------------- план работы

PLAN_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("Тема", 3.2),
                ReportColumn("Форма", 1.4), ReportColumn("Выступающие", 2.2),
                ReportColumn("Ответственный", 1.8))


def _plan(params: dict[str, Any], ctx: ReportContext) -> Report:
    found = _association(params["association"])
    if found is None:
        return Report(title="План работы объединения", paragraphs=("Объединений нет.",))
    meetings = [m for m in nm.list_meetings(found.id, ctx.today) if m.status != "отменено"]
    cells: list[list[CellValue]] = [
        [i, m.day, m.data.theme, m.data.form, m.data.speakers, m.responsible]
        for i, m in enumerate(meetings, 1)]
    return Report(
        title=f"План работы: {found.data.name}",
        heading=f"на {year_text(found.data.year)} учебный год",
        params_line=f"Тема года: {found.data.theme or '—'}. Руководитель: "
                    f"{found.head or '—'}. Куратор: {found.curator or '—'}.",
        approval=ctx.approval(), tables=(ReportTable(PLAN_COLUMNS, cells),),
        closing_paragraphs=() if cells else ("Заседания не запланированы.",),
        signatures=(Signature("Руководитель объединения", short_name(found.head)),)
        if found.head else (), landscape=False)


register(ReportDefinition(name=PLAN, title="План работы РМО (объединения) на год",
                          params=(_association_param(),), build=_plan))


# ---------------------------------------------------------------- протокол

def _meeting_choices() -> list[tuple[str, str]]:
    if db.current_or_none() is None:
        return [("", "последнее проведённое")]
    rows = nm.list_all_meetings()
    return [("", "последнее проведённое"), *(
        (m.id, f"{format_date(m.day)} — {m.association}: {m.data.theme}") for m in rows)]


DECISION_COLUMNS = (NUMBER, ReportColumn("Решение", 4.0), ReportColumn("Ответственный", 2.0),
                    ReportColumn("Срок", 1.1, kind="date"))


def _protocol(params: dict[str, Any], ctx: ReportContext) -> Report:
    rows = nm.list_all_meetings(ctx.today)
    meeting = next((m for m in rows if m.id == params["meeting"]), None) if params["meeting"] \
        else next((m for m in reversed(rows) if m.held and m.data.has_protocol),
                  next((m for m in reversed(rows) if m.held), None))
    if meeting is None:
        return Report(title="Протокол заседания", paragraphs=("Проведённых заседаний нет.",))
    data = meeting.data
    present = [a for a in nm.attendance(meeting.id) if a.attended]
    by_org = Counter(a.organization or "без ОО" for a in present)
    decisions = [d for d in nd.list_decisions(data.association_id, ctx.today)
                 if d.data.meeting_id == meeting.id]
    head = next((r.head for r in net.list_associations() if r.id == data.association_id), "")
    cells: list[list[CellValue]] = [[i, d.data.text, d.responsible, d.data.deadline]
                                    for i, d in enumerate(decisions, 1)]
    return Report(
        title=f"Протокол № {data.protocol_number or '___'}",
        heading=f"заседания: {meeting.association}",
        params_line=f"Дата: {format_date(meeting.day)}. Место: {meeting.place or '—'}.",
        paragraphs=(
            f"Присутствовали: {len(present)} чел. ("
            + "; ".join(f"{org} — {n}" for org, n in sorted(by_org.items())) + ").",
            f"Тема: {data.theme}.",
            "ПОВЕСТКА ДНЯ:", data.agenda or "—",
            "СЛУШАЛИ:", data.heard or "—",
            "ВЫСТУПИЛИ:", data.spoke or "—",
            "РЕШИЛИ:", data.decided or "—"),
        tables=(ReportTable(DECISION_COLUMNS, cells, title="Решения с ответственными и сроками"),)
        if cells else (),
        signatures=(Signature("Руководитель объединения", short_name(head) if head else ""),
                    Signature("Секретарь", "")), landscape=False)


register(ReportDefinition(
    name=PROTOCOL, title="Протокол заседания РМО (объединения)",
    params=(ReportParam("meeting", "Заседание", "choice", lambda: "", _meeting_choices),),
    build=_protocol))


# ---------------------------------------------------------------- отчёт РМО за год

HELD_COLUMNS = (NUMBER, ReportColumn("Дата", 1.0, kind="date"), ReportColumn("Тема", 3.0),
                ReportColumn("Выступающие", 2.2), ReportColumn("Присутствовало", 1.4, kind="int",
                                                               total=True),
                ReportColumn("Протокол", 1.0))
ORG_COLUMNS = (ReportColumn("ОО", 3.6), ReportColumn("Посещений заседаний", 1.8, kind="int",
                                                     total=True))


def _annual(params: dict[str, Any], ctx: ReportContext) -> Report:
    found = _association(params["association"])
    if found is None:
        return Report(title="Отчёт о работе объединения", paragraphs=("Объединений нет.",))
    meetings = nm.list_meetings(found.id, ctx.today)
    held = [m for m in meetings if m.held]
    by_org: Counter[str] = Counter()
    for m in held:
        by_org.update(a.organization or "без ОО" for a in nm.attendance(m.id) if a.attended)
    decisions = nd.list_decisions(found.id, ctx.today)
    done = sum(d.done for d in decisions)
    late = sum(d.overdue for d in decisions)
    return Report(
        title=f"Отчёт о работе: {found.data.name}",
        heading=f"за {year_text(found.data.year)} учебный год",
        paragraphs=(
            f"Тема года: {found.data.theme or '—'}. Участников: {found.members}.",
            f"Запланировано заседаний: {found.planned}; проведено: {len(held)}; "
            f"без протокола: {found.without_protocol}.",
            f"Принято решений: {len(decisions)}; выполнено: {done}; просрочено: {late}."),
        tables=(ReportTable(HELD_COLUMNS, [
            [i, m.day, m.data.theme, m.data.speakers, m.attended,
             m.data.protocol_number or ("есть" if m.data.has_protocol else "нет")]
            for i, m in enumerate(held, 1)], title="Проведённые заседания", totals=True),
            ReportTable(ORG_COLUMNS, sorted(by_org.items()),
                        title="Посещаемость по образовательным организациям", totals=True)),
        signatures=(Signature("Руководитель объединения", short_name(found.head)),)
        if found.head else (), landscape=False)


register(ReportDefinition(name=ANNUAL, title="Отчёт РМО (объединения) за учебный год",
                          params=(_association_param(),), build=_annual))


# ---------------------------------------------------------------- сводный отчёт

NETWORK_COLUMNS = (NUMBER, ReportColumn("Объединение", 3.0), ReportColumn("Вид", 1.5),
                   ReportColumn("Участников", 1.2, kind="int", total=True),
                   ReportColumn("Заседаний по плану", 1.3, kind="int", total=True),
                   ReportColumn("Проведено", 1.2, kind="int", total=True),
                   ReportColumn("Без протокола", 1.2, kind="int", total=True))
COVERAGE_COLUMNS = (ReportColumn("Предмет", 2.4),
                    ReportColumn("Педагогов района", 1.5, kind="int", total=True),
                    ReportColumn("Из них в объединениях", 1.8, kind="int", total=True),
                    ReportColumn("Охват, %", 1.2, kind="percent"))


def _coverage(rows: list[net.AssociationRow]) -> list[list[CellValue]]:
    people = net.person_options()
    cells: list[list[CellValue]] = []
    for subject in sorted({r.data.subject for r in rows if r.data.subject}):
        teaching = {o.id for o in net.matching(people, subject)}
        members = {m.person_id for r in rows if r.data.subject == subject
                   for m in net.list_members(r.id) if m.left_on is None}
        covered = len(teaching & members)
        cells.append([subject, len(teaching), covered,
                      100.0 * covered / len(teaching) if teaching else None])
    return cells


def _summary(params: dict[str, Any], ctx: ReportContext) -> Report:
    year = params["year"]
    rows = _in_year(year)
    return Report(
        title="Сводный отчёт по методической сети",
        heading=f"за {year_text(year)} учебный год",
        params_line=f"Объединений: {len(rows)}.",
        tables=(ReportTable(NETWORK_COLUMNS, [
            [i, r.data.name, r.data.kind, r.members, r.planned, r.held, r.without_protocol]
            for i, r in enumerate(rows, 1)], title="Объединения", totals=True),
            ReportTable(COVERAGE_COLUMNS, _coverage(rows),
                        title="Охват педагогов района объединениями по предметам")),
        landscape=False)


register(ReportDefinition(name=SUMMARY, title="Сводный отчёт по методической сети",
                          params=(_year_param(),), build=_summary))


# ---------------------------------------------------------------- наставничество

PAIR_COLUMNS = (ReportColumn("ОО", 1.6), ReportColumn("Наставляемый", 2.4),
                ReportColumn("Должность", 1.4),
                ReportColumn("Наставник", 2.4), ReportColumn("Форма", 1.6),
                ReportColumn("С", 1.0, kind="date"), ReportColumn("По", 1.0, kind="date"),
                ReportColumn("План выполнен", 1.1))
MONITORING_COLUMNS = (
    ReportColumn("ОО", 2.6), ReportColumn("Молодых специалистов", 1.3, kind="int", total=True),
    ReportColumn("Из них с наставником", 1.3, kind="int", total=True),
    ReportColumn("Пришли 1 год назад и ранее", 1.4, kind="int", total=True),
    ReportColumn("Остались через 1 год", 1.3, kind="int", total=True),
    ReportColumn("Пришли 3 года назад и ранее", 1.4, kind="int", total=True),
    ReportColumn("Остались через 3 года", 1.3, kind="int", total=True))


def _mentoring(params: dict[str, Any], ctx: ReportContext) -> Report:
    pairs = sorted((p for p in mt.list_pairs(ctx.today) if p.active),
                   key=lambda p: (p.mentee_organization, p.mentee))
    monitoring = mt.monitoring(ctx.rules.staff, ctx.today)
    one = sum(r.after_one.counted for r in monitoring), sum(r.after_one.retained
                                                               for r in monitoring)
    three = sum(r.after_three.counted for r in monitoring), sum(r.after_three.retained
                                                                   for r in monitoring)
    return Report(
        title="Наставничество: пары и мониторинг молодых специалистов",
        params_line=f"На {format_date(ctx.today)}. Действующих пар: {len(pairs)}.",
        paragraphs=(f"Закрепляемость молодых специалистов: через 1 год — {_share(one)}, "
                    f"через 3 года — {_share(three)}.",),
        tables=(ReportTable(PAIR_COLUMNS, [
            [p.mentee_organization, p.mentee, p.mentee_position, p.mentor, p.data.form,
             p.data.starts_on, p.data.ends_on, f"{p.plan_done} из {p.plan_items}"]
            for p in pairs], title="Пары наставничества"),
            ReportTable(MONITORING_COLUMNS, [
                [r.organization, r.young, r.mentored, r.after_one.counted, r.after_one.retained,
                 r.after_three.counted, r.after_three.retained] for r in monitoring],
                title="Мониторинг молодых специалистов по ОО", totals=True)),
        landscape=True)


def _share(pair: tuple[int, int]) -> str:
    counted, kept = pair
    return f"{kept} из {counted} ({100 * kept / counted:.0f} %)".replace(".", ",") \
        if counted else "нет данных"


register(ReportDefinition(name=MENTORING,
                          title="Наставничество: список пар и мониторинг молодых специалистов",
                          params=(), build=_mentoring))
