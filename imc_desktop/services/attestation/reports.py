"""The attestation reports: перспективный график, сроки категорий и СЗД, доля категорий,
представление на СЗД. The data comes from :mod:`attestation_report_data`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from exports import Report, ReportColumn, ReportTable, Signature, format_date
from exports.model import ReportChart
from imc_desktop import clock
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import report_data as ad
from imc_desktop.services.attestation.records import DueRow
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
)
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.organizations.reports import org_param, org_text
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import report_data as data

PLAN, DUE, SHARE, SZD_SUBMISSION = (
    "attestation-plan", "attestation-due", "category-share", "szd-submission")


def _default_years() -> str:
    year = clock.today().year
    return f"{year}-{year + 4}"


# ---------------------------------------------------------------- перспективный график

def _plan_columns(years: range) -> tuple[ReportColumn, ...]:
    return (data.NUMBER_COLUMN, ReportColumn("ФИО", 2.2), ReportColumn("Должность", 1.7),
            ReportColumn("Категория", 1.1), ReportColumn("Последняя аттестация", 1.2,
                                                          kind="date"),
            *(ReportColumn(str(y), 1.15, align="center") for y in years))


def _plan(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = ad.parse_years(params["years"], param_place(PLAN, "years", "Годы графика"))
    years = range(first, last + 1)
    people = ad.people_by_org(staff.list_staff(ctx.rules, ctx.today), params["org"])
    decisions = attestation.all_decisions()
    dues = ad.dues_by_person(date(last, 12, 31), ctx.today, ctx.rules)
    tables = data.per_organization(_plan_columns(years), (
        (p.organization or data.NO_ORG,
         ad.plan_cells(p, decisions.get(p.id, []), dues.get(p.id, []), years))
        for p in people), totals=False)
    return Report(
        title="Перспективный график аттестации педагогических работников",
        params_line=f"На {first}–{last} годы; ОО: {org_text(params['org'])}; состояние на "
                    f"{format_date(ctx.today)}.",
        tables=tuple(tables), landscape=True,
        closing_paragraphs=(
            "В столбце года — день и месяц срока: окончание категории (высшая, первая), "
            "установленной до 01.09.2023 (или с указанной датой окончания), либо срок "
            "аттестации на соответствие занимаемой должности (СЗД). Категории, установленные "
            f"с 01.09.2023, бессрочные. Просроченные сроки показаны в {first} году с полной "
            "датой.",))


register(ReportDefinition(
    name=PLAN, title="Перспективный график аттестации",
    params=(org_param(), ReportParam("years", "Годы графика", "str", _default_years)),
    build=_plan))


# ---------------------------------------------------------------- сроки

DUE_COLUMNS = (data.NUMBER_COLUMN, ReportColumn("ФИО", 2.0), ReportColumn("Должность", 1.7),
               ReportColumn("Что", 2.2), ReportColumn("Срок", 1.1, kind="date"),
               ReportColumn("Основание", 2.6))
OVERDUE_COLUMNS = (*DUE_COLUMNS[:2], ReportColumn("ОО", 1.8), *DUE_COLUMNS[2:])


def _due_cells(x: DueRow) -> list[Any]:
    return [x.person_name, x.position, x.what, x.due, x.reason]


def _overdue_table(rows: Sequence[DueRow], first: date) -> ReportTable:
    ordered = sorted(rows, key=lambda x: (x.due, data.name_key(x.person_name)))
    return ReportTable(OVERDUE_COLUMNS, [
        [i, x.person_name, x.organization, *_due_cells(x)[1:]] for i, x in enumerate(ordered, 1)],
        title=f"Просрочено (срок ранее {format_date(first)})")


def split_due(rows: Sequence[DueRow], first: date, org_id: str
              ) -> tuple[list[DueRow], list[DueRow]]:
    """(in the period, overdue before it) of one ОО or all."""
    mine = [x for x in rows if not org_id or x.organization_id == org_id]
    return [x for x in mine if x.due >= first], [x for x in mine if x.due < first]


def _due(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{param_place(DUE, 'from', 'Начало периода')}: {format_date(first)} "
                           f"позже конца периода {format_date(last)}.")
    upcoming, overdue = split_due(attestation.deadlines(last, ctx.rules, ctx.today),
                                  first, params["org"])
    upcoming.sort(key=lambda x: (data.org_key(x.organization), x.due,
                                 data.name_key(x.person_name)))
    tables = data.per_organization(DUE_COLUMNS, (
        (x.organization, _due_cells(x)) for x in upcoming), totals=False)
    extra = (_overdue_table(overdue, first),) if overdue else ()
    return Report(
        title="Список педагогов, у которых истекает квалификационная категория или наступает "
              "срок аттестации на соответствие занимаемой должности",
        params_line=f"Период: с {format_date(first)} по {format_date(last)}; ОО: "
                    f"{org_text(params['org'])}.",
        tables=(*tables, *extra), landscape=True,
        closing_paragraphs=(f"В периоде: {len(upcoming)}; просрочено: {len(overdue)}.",))


def _december_last() -> str:
    return f"31.12.{clock.today().year}"


register(ReportDefinition(
    name=DUE, title="Истекающие категории и сроки СЗД",
    params=(ReportParam("from", "Начало периода", "date", lambda: format_date(clock.today())),
            ReportParam("to", "Конец периода", "date", _december_last), org_param()),
    build=_due))


# ---------------------------------------------------------------- доля категорий

SHARE_COLUMNS = (
    ReportColumn("ОО", 3.6), ReportColumn("Всего педагогов", 1.1, kind="int"),
    ReportColumn("Высшая, чел.", 1.0, kind="int"), ReportColumn("Высшая, %", 1.0, kind="percent"),
    ReportColumn("Первая, чел.", 1.0, kind="int"), ReportColumn("Первая, %", 1.0, kind="percent"),
    ReportColumn("Без категории, чел.", 1.1, kind="int"),
    ReportColumn("Без категории, %", 1.1, kind="percent"),
    ReportColumn("Педагог-методист, -наставник, чел.", 1.1, kind="int"),
    ReportColumn("Педагог-методист, -наставник, %", 1.1, kind="percent"))
SHARE_CHART = ReportChart("Доля педагогов с высшей и первой категорией", 0, (3, 5), "%")


def _share(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    rows = ad.shares(staff.list_staff(ctx.rules, on))
    table = ReportTable(SHARE_COLUMNS, [s.cells() for s in rows], chart=SHARE_CHART)
    return Report(
        title="Доля педагогических работников с высшей и первой квалификационной категорией",
        params_line=f"По состоянию на {format_date(on)}. Педагогов: {rows[-1].total}.",
        tables=(table,), landscape=True,
        closing_paragraphs=("Педагог учтён в ОО основного места работы; категория — "
                            "действующая на дату по истории аттестации; педагог-методист и "
                            "педагог-наставник — отдельно. Проценты — от числа "
                            "педагогов ОО, с одним знаком после запятой.",))


register(ReportDefinition(
    name=SHARE, title="Доля педагогов с высшей и первой категорией",
    params=(ReportParam("date", "Дата, на которую считать", "date",
                        lambda: format_date(clock.today())),),
    build=_share))


# ---------------------------------------------------------------- представление на СЗД

def _submission(params: dict[str, Any], ctx: ReportContext) -> Report:
    where = param_place(SZD_SUBMISSION, "person", "Педагог")
    person_id = ad.find_person(params["person"], where, ctx.today, ctx.rules)
    if not person_id:
        return Report(title="Представление на аттестацию на соответствие занимаемой должности",
                      paragraphs=("В реестре нет педагогов.",))
    card = staff.get_person(person_id)
    job = ad.main_job(card)
    school = orgs.get_organization(job.organization_id) if job else None
    head = school.head_name if school else ""
    return Report(  # the school's document: its name at the top, its head signs
        title="Представление на аттестацию на соответствие занимаемой должности",
        organization=school.full_name if school else "",
        heading=card.full_name,
        paragraphs=ad.facts(card, job, ctx.today),
        tables=ad.tables(card, person_id, ctx.today),
        closing_paragraphs=ad.CHARACTERISTIC,
        signatures=(Signature(f"Руководитель {job.organization_name if job else 'ОО'}",
                              ad.short(head)),),
        landscape=False)


register(ReportDefinition(
    name=SZD_SUBMISSION, title="Представление на аттестацию (СЗД)",
    params=(ReportParam("person", "Педагог (ФИО или id; пусто — первый, у кого срок СЗД)",
                        "str", lambda: ""),),
    build=_submission))
