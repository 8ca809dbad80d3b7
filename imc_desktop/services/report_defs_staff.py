"""The staff reports: кадровый состав ОО, курсовая подготовка, КПК по году, статистика кадров.

The data comes from :mod:`imc_desktop.services.staff` (the list rows, computed with the rules
from the settings) and :mod:`imc_desktop.services.staff_report_data` (jobs, courses, groupings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, format_date
from imc_desktop import config
from imc_desktop.services import staff
from imc_desktop.services import staff_report_data as data
from imc_desktop.services.errors import ServiceError
from imc_desktop.services.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    register,
)
from imc_desktop.services.staff import PersonRow
from imc_desktop.services.staff_report_data import Job
from imc_desktop.services.staff_rules import KPK_NOT_YET, KPK_OVERDUE, StaffRules

ALL_ORGS = ("", "все ОО")
ORG_TITLE = "Образовательная организация"
Row = list[CellValue]


def staff_rules() -> StaffRules:
    """The КПК period and the young-specialist rule from the user's settings file: the one the
    application and the command line read (a ReportContext does not carry the settings)."""
    return StaffRules.from_settings(config.Settings())


def _org_choices() -> list[tuple[str, str]]:
    return [ALL_ORGS, *data.organization_choices()]


def _org_param() -> ReportParam:
    return ReportParam("org", ORG_TITLE, "choice", lambda: "", _org_choices)


def _org_text(org_id: str) -> str:
    if not org_id:
        return "все ОО"
    return dict(data.organization_choices()).get(org_id, org_id)


def _this_year() -> str:
    return str(date.today().year)


def _where(report: str, param: str, title: str) -> str:
    return f"Параметр «{param}» ({title}) отчёта «{report}»"


def _numbered(groups: Iterable[tuple[str, Row]]) -> list[Row]:
    """[ОО, № within the ОО, *cells] from (ОО, cells) pairs already sorted by ОО."""
    out: list[Row] = []
    previous, n = None, 0
    for group, cells in groups:
        n = n + 1 if group == previous else 1
        previous = group
        out.append([group, n, *cells])
    return out


def _group_column(width: float = 2.0) -> tuple[ReportColumn, ReportColumn]:
    return ReportColumn("ОО", width), ReportColumn("№", 0.5, kind="int")


def years_text(n: int) -> str:
    """«1 год», «3 года», «5 лет»."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


# ---------------------------------------------------------------- кадровый состав ОО

@dataclass(frozen=True)
class _Line:
    """One pedagogue in one ОО: the jobs there and, when asked, the personal numbers."""

    person: PersonRow
    organization: str
    jobs: tuple[Job, ...]
    is_main: bool
    numbers: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class _Field:
    key: str
    column: ReportColumn
    value: Callable[[_Line], CellValue]


def _subjects(line: _Line) -> str:
    found: list[str] = []
    for job in line.jobs:
        found += [s for s in staff.split_subjects(job.subjects) if s not in found]
    return ", ".join(found) if line.jobs else line.person.subjects_text


FIELDS = (
    _Field("фио", ReportColumn("ФИО", 2.5), lambda x: x.person.full_name),
    _Field("должность", ReportColumn("Должность", 2.0),
           lambda x: "; ".join(j.position_text for j in x.jobs)),
    _Field("предметы", ReportColumn("Предметы", 2.0), _subjects),
    _Field("категория", ReportColumn("Категория", 1.25), lambda x: x.person.category),
    _Field("стаж", ReportColumn("Пед. стаж", 1.25), lambda x: x.person.ped_experience),
    _Field("образование", ReportColumn("Образование", 2.1), lambda x: x.person.education),
    _Field("рождение", ReportColumn("Дата рождения", 1.3, kind="date"),
           lambda x: x.person.birth_date),
    _Field("возраст", ReportColumn("Возраст", 0.95, kind="int"), lambda x: x.person.age),
    _Field("кпк", ReportColumn("Последние КПК", 1.3, kind="date"),
           lambda x: x.person.last_course_end),
    _Field("кпк_до", ReportColumn("КПК до", 1.3, kind="date"), lambda x: x.person.kpk_due),
    _Field("молодой", ReportColumn("Молодой специалист", 1.3, align="center"),
           lambda x: "да" if x.person.is_young else ""),
    _Field("снилс", ReportColumn("СНИЛС", 1.75), lambda x: x.numbers[0]),
    _Field("инн", ReportColumn("ИНН", 1.7), lambda x: x.numbers[1]),
)
PERSONAL_KEYS = ("снилс", "инн")
DEFAULT_COLUMNS = "фио,должность,предметы,категория,стаж,образование,возраст,кпк"
STAFF = "staff-by-organization"


def chosen_fields(text: str, personal: bool) -> tuple[_Field, ...]:
    """The fields named in `text` (keys or titles, any case), ФИО always first."""
    by_name = {f.key: f for f in FIELDS} | {f.column.title.casefold(): f for f in FIELDS}
    names = [n.strip().casefold() for n in (text or DEFAULT_COLUMNS).split(",") if n.strip()]
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ServiceError(
            f"{_where(STAFF, 'columns', 'Столбцы')}: нет столбцов "
            f"{', '.join(f'«{n}»' for n in unknown)}. Допустимые: "
            f"{', '.join(f.key for f in FIELDS)}.")
    chosen = list(dict.fromkeys(by_name[n] for n in ["фио", *names]))
    asked = [f.column.title for f in chosen if f.key in PERSONAL_KEYS]
    if asked and not personal:
        raise ServiceError(
            f"Столбцы {', '.join(asked)} содержат персональные данные (152-ФЗ) и выводятся "
            "только по явному разрешению: укажите параметр personal=да "
            "(«Разрешить СНИЛС и ИНН»).")
    return tuple(chosen)


def _staff_lines(people: Sequence[PersonRow], org_id: str,
                 numbers: dict[str, tuple[str, str]]) -> list[_Line]:
    jobs = data.current_jobs()
    lines: list[_Line] = []
    for person in people:
        mine = jobs.get(person.id, [])
        if not mine and not org_id:
            lines.append(_Line(person, data.NO_ORG, (), True, numbers.get(person.id, ("", ""))))
        for oid in dict.fromkeys(j.organization_id for j in mine):
            if org_id and oid != org_id:
                continue
            here = tuple(j for j in mine if j.organization_id == oid)
            lines.append(_Line(person, here[0].organization, here,
                               oid == person.organization_id,
                               numbers.get(person.id, ("", ""))))
    lines.sort(key=lambda x: (data.org_key(x.organization), data.name_key(x.person.full_name)))
    return lines


def _staff_by_organization(params: dict[str, Any], ctx: ReportContext) -> Report:
    fields = chosen_fields(params["columns"], params["personal"])
    people = staff.list_staff(ctx.today, staff_rules())
    wanted = any(f.key in PERSONAL_KEYS for f in fields)
    numbers = staff.personal_numbers(p.id for p in people) if wanted else {}
    lines = _staff_lines(people, params["org"], numbers)
    columns = (*_group_column(), *(f.column for f in fields),
               ReportColumn("Педагогов", 1.25, kind="int", total=True))
    rows = _numbered((x.organization, [*(f.value(x) for f in fields), 1 if x.is_main else None])
                     for x in lines)
    counted = sum(1 for x in lines if x.is_main)
    notes = ["Совместители показаны в каждой ОО, где работают; в счёт педагогов они входят "
             "только по основному месту работы."] if counted < len(lines) else []
    personal = " Содержит персональные данные (СНИЛС, ИНН)." if wanted else ""
    return Report(
        title="Кадровый состав образовательных организаций",
        params_line=f"ОО: {_org_text(params['org'])}; на {format_date(ctx.today)}. "
                    f"Педагогов: {counted}.{personal}",
        tables=(ReportTable(columns, rows, group_by=0, totals=True),),
        closing_paragraphs=tuple(notes))


register(ReportDefinition(
    name=STAFF, title="Кадровый состав ОО",
    params=(
        _org_param(),
        ReportParam("columns", "Столбцы (через запятую: " + ", ".join(f.key for f in FIELDS)
                    + ")", "str", lambda: DEFAULT_COLUMNS),
        ReportParam("personal", "Разрешить СНИЛС и ИНН (персональные данные)", "bool",
                    lambda: "нет"),
    ),
    build=_staff_by_organization,
))


# ---------------------------------------------------------------- курсовая подготовка

COURSE_COLUMNS = (
    *_group_column(1.9),
    ReportColumn("ФИО", 2.1), ReportColumn("Должность", 1.6), ReportColumn("Программа", 3.0),
    ReportColumn("Организация", 2.2), ReportColumn("Вид", 0.75, align="center"),
    ReportColumn("Форма", 1.45), ReportColumn("Начало", 1.25, kind="date"),
    ReportColumn("Окончание", 1.3, kind="date"),
    ReportColumn("Часов", 0.95, kind="int", total=True), ReportColumn("Документ", 2.0),
)


def _courses(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{_where('courses', 'from', 'Начало периода')}: "
                           f"{format_date(first)} позже конца периода {format_date(last)}.")
    found = data.courses_in_period(first, last, params["org"])
    rows = _numbered((c.organization, [
        c.full_name, c.position, c.program, c.provider, c.kind, c.form, c.start_date,
        c.end_date, c.hours, c.document]) for c in found)
    people = len({(c.full_name, c.organization_id) for c in found})
    return Report(
        title="Сведения о курсовой подготовке педагогических работников",
        params_line=f"Период: с {format_date(first)} по {format_date(last)} (по дате "
                    f"окончания курсов); ОО: {_org_text(params['org'])}.",
        tables=(ReportTable(COURSE_COLUMNS, rows, group_by=0, totals=True),),
        closing_paragraphs=(f"Всего курсов: {len(found)}, педагогов: {people}, часов: "
                            f"{sum(c.hours for c in found)}. Вид: ПК — повышение "
                            "квалификации, ПП — профессиональная переподготовка.",),
        landscape=True)


def _january_first() -> str:
    return f"01.01.{date.today().year}"


def _december_last() -> str:
    return f"31.12.{date.today().year}"


register(ReportDefinition(
    name="courses", title="Сведения о курсовой подготовке",
    params=(
        ReportParam("from", "Начало периода", "date", _january_first),
        ReportParam("to", "Конец периода", "date", _december_last),
        _org_param(),
    ),
    build=_courses,
))


# ---------------------------------------------------------------- КПК в году N

KPK_COLUMNS = (
    *_group_column(2.4),
    ReportColumn("ФИО", 3.0), ReportColumn("Должность", 2.4),
    ReportColumn("Последние КПК", 1.45, kind="date"), ReportColumn("Срок", 1.35, kind="date"),
    ReportColumn("Статус", 1.7),
)


def kpk_status_text(person: PersonRow) -> str:
    """«просрочены» (the term has passed), «нет КПК» (none yet, not overdue), «в 2026 году»."""
    if person.kpk_status == KPK_OVERDUE or person.kpk_due is None:
        return KPK_OVERDUE
    if person.kpk_status == KPK_NOT_YET:
        return KPK_NOT_YET
    return f"в {person.kpk_due.year} году"


def kpk_due_people(people: Iterable[PersonRow], year: int, org_id: str) -> list[PersonRow]:
    """Who must take a course by the end of `year`: the term falls then or earlier, or is
    unknown (no courses and no date of hiring)."""
    end = date(year, 12, 31)
    found = [p for p in people if (p.kpk_due is None or p.kpk_due <= end)
             and (not org_id or p.organization_id == org_id)]
    found.sort(key=lambda p: (data.org_key(p.organization or data.NO_ORG),
                              data.name_key(p.full_name)))
    return found


def _kpk_due(params: dict[str, Any], ctx: ReportContext) -> Report:
    year = params["year"]
    if not 1990 <= year <= 2100:
        raise ServiceError(f"{_where('kpk-due', 'year', 'Год')}: {year} — не год "
                           "(нужно от 1990 до 2100).")
    rules = staff_rules()
    found = kpk_due_people(staff.list_staff(ctx.today, rules), year, params["org"])
    rows = _numbered((p.organization or data.NO_ORG, [
        p.full_name, p.position, p.last_course_end, p.kpk_due, kpk_status_text(p)])
        for p in found)
    statuses = [kpk_status_text(p) for p in found]
    summary = ", ".join(f"{s} — {statuses.count(s)}" for s in dict.fromkeys(sorted(statuses)))
    return Report(
        title=f"Педагоги, которым необходимо пройти КПК в {year} году",
        params_line=f"ОО: {_org_text(params['org'])}; КПК — не реже одного раза в "
                    f"{years_text(rules.kpk_period_years)}; состояние на "
                    f"{format_date(ctx.today)}.",
        tables=(ReportTable(KPK_COLUMNS, rows, group_by=0),),
        closing_paragraphs=(
            f"Всего педагогов: {len(found)}" + (f" ({summary})." if found else "."),
            "Срок — дата окончания последних КПК (если курсов нет — дата приёма на работу) "
            f"плюс {years_text(rules.kpk_period_years)}. В список вошли педагоги со сроком не "
            f"позднее 31.12.{year}; «нет КПК» — курсов ещё не было, срок не истёк."))


register(ReportDefinition(
    name="kpk-due", title="Педагоги, которым необходимо пройти КПК в году",
    params=(ReportParam("year", "Год", "int", _this_year), _org_param()),
    build=_kpk_due,
))


# ---------------------------------------------------------------- статистика кадров

def _count_columns(titles: Sequence[str]) -> tuple[ReportColumn, ...]:
    return tuple(ReportColumn(t, 1.0, kind="int", total=True) for t in titles)


def _stats_table(title: str, titles: Sequence[str], rows: list[Row]) -> ReportTable:
    columns = (ReportColumn("ОО", 3.2), ReportColumn("Всего", 1.0, kind="int", total=True),
               *_count_columns(titles))
    return ReportTable(columns, rows, title=title, totals=True)


def _stats_rows(people: list[PersonRow], edges: Sequence[int]
                ) -> list[tuple[str, data.StaffCounts]]:
    counts = data.count_by_organization(people, edges, data.best_educations())
    names = dict(data.active_organizations())
    names |= {p.organization_id: p.organization or data.NO_ORG for p in people}
    ordered = sorted(names.items(), key=lambda item: data.org_key(item[1]))
    return [(name, counts.get(oid) or data.StaffCounts.for_bands(edges))
            for oid, name in ordered]


def _staff_stats(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    edges = data.parse_age_bands(params["age_bands"], _where(
        "staff-stats", "age_bands", "Границы возрастных групп"))
    people = staff.list_staff(on, staff_rules())
    rows = _stats_rows(people, edges)
    return Report(
        title="Статистика педагогических кадров",
        params_line=f"По состоянию на {format_date(on)}. Педагогов: {len(people)}.",
        tables=(
            _stats_table("Педагогический стаж, лет", data.EXPERIENCE_TITLES,
                         [[n, c.total, *c.experience] for n, c in rows]),
            _stats_table("Возраст, лет", data.age_band_titles(edges),
                         [[n, c.total, *c.age] for n, c in rows]),
            _stats_table("Образование, квалификационные категории", (
                *data.EDUCATION_TITLES, *data.CATEGORY_TITLES, "Молодые специалисты"),
                [[n, c.total, *c.education, *c.category, c.young] for n, c in rows]),
        ),
        closing_paragraphs=_stats_notes(edges, on),
        landscape=True)


def _stats_notes(edges: Sequence[int], on: date) -> tuple[str, ...]:
    return (
        f"Стаж и возраст — полных лет на {format_date(on)}; педагог учтён в ОО основного места "
        "работы. Стаж «до 3» — менее 3 лет, «3–5» — от 3 до 5 лет (5 не включая) и так далее, "
        "«20 и более» — 20 лет и больше; «не указан» — стаж не внесён. Возраст «до "
        f"{edges[0]}» — моложе {edges[0]} лет, «{edges[-1]} и старше» — {edges[-1]} лет и "
        "больше.",
        "Образование — по высшему уровню; «из них пед.» — педагогическое. СПО — среднее "
        "профессиональное. Каждая группа в строке (кроме «из них» и молодых специалистов) "
        "в сумме даёт «Всего».",
    )


register(ReportDefinition(
    name="staff-stats", title="Статистика кадров",
    params=(
        ReportParam("date", "Дата, на которую считать", "date",
                    lambda: format_date(date.today())),
        ReportParam("age_bands", "Границы возрастных групп (лет, через запятую)", "str",
                    lambda: data.DEFAULT_AGE_BANDS),
    ),
    build=_staff_stats,
))
