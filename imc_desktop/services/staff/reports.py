"""The staff reports: кадровый состав ОО, курсовая подготовка, КПК по году, статистика кадров.

The data comes from :mod:`.records` (the list rows, computed with the rules
from the settings) and :mod:`.report_data` (jobs, courses, groupings).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from exports import (
    CellValue,
    ColumnKind,
    Report,
    ReportColumn,
    ReportTable,
    format_date,
    format_number,
)
from imc_desktop import clock
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
)
from imc_desktop.services.organizations.records import active_organization_choices
from imc_desktop.services.organizations.reports import org_param, org_text
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import report_data as data
from imc_desktop.services.staff.records import PersonRow
from imc_desktop.services.staff.report_data import Job
from imc_desktop.services.staff.rules import KPK_NOT_YET, KPK_OVERDUE

Row = list[CellValue]


def _this_year() -> str:
    return str(clock.today().year)


# ---------------------------------------------------------------- кадровый состав ОО

@dataclass(frozen=True)
class _Line:
    """One pedagogue in one ОО: the jobs there and, when asked, the personal numbers."""

    person: PersonRow
    organization: str
    jobs: tuple[Job, ...]
    is_main: bool
    numbers: tuple[str, str] = ("", "")
    education: str = ""


@dataclass(frozen=True)
class _Field:
    """A column to choose. Widths in pt at 12 pt type: `floor` the least it can take (the
    engine's own minimum for dates, numbers and header words), `need` the least that breaks
    no usual word, `ease` the width it reads well at."""

    key: str
    title: str
    widths: tuple[float, float, float]
    value: Callable[[_Line], CellValue]
    kind: ColumnKind = "text"


def _subjects(line: _Line) -> str:
    found: list[str] = []
    for job in line.jobs:
        found += [s for s in staff.split_subjects(job.subjects) if s not in found]
    return ", ".join(found) if line.jobs else line.person.subjects_text


FIELDS = (
    _Field("фио", "ФИО", (72, 86, 125), lambda x: x.person.full_name),
    _Field("должность", "Должность", (75, 112, 115),
           lambda x: "; ".join(j.position_text for j in x.jobs)),
    _Field("предметы", "Предметы", (67, 93, 105), _subjects),
    _Field("категория", "Категория", (75, 75, 75), lambda x: x.person.category),
    _Field("стаж", "Пед. стаж", (45, 71, 71), lambda x: x.person.ped_experience),
    _Field("образование", "Образование", (82, 82, 95), lambda x: x.education),
    _Field("рождение", "Дата рождения", (75, 75, 75), lambda x: x.person.birth_date, "date"),
    _Field("возраст", "Возраст", (60, 60, 60), lambda x: x.person.age, "int"),
    _Field("кпк", "Последние КПК", (75, 75, 75), lambda x: x.person.last_course_end, "date"),
    _Field("кпк_до", "КПК до", (75, 75, 75), lambda x: x.person.kpk_due, "date"),
    _Field("молодой", "Молодой специалист", (82, 82, 82),
           lambda x: "да" if x.person.is_young else ""),
    _Field("снилс", "СНИЛС", (85, 85, 85), lambda x: x.numbers[0]),
    _Field("инн", "ИНН", (79, 80, 80), lambda x: x.numbers[1]),
)
PERSONAL_KEYS = ("снилс", "инн")
DEFAULT_COLUMNS = "фио,должность,предметы,категория,стаж,образование,возраст,кпк"
STAFF = "staff-by-organization"


def chosen_fields(text: str, personal: bool) -> tuple[_Field, ...]:
    """The fields named in `text` (keys or titles, any case), ФИО always first."""
    by_name = {f.key: f for f in FIELDS} | {f.title.casefold(): f for f in FIELDS}
    names = [n.strip().casefold() for n in (text or DEFAULT_COLUMNS).split(",") if n.strip()]
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ServiceError(
            f"{param_place(STAFF, 'columns', 'Столбцы через запятую')}: нет столбцов "
            f"{', '.join(f'«{n}»' for n in unknown)}. Допустимые: "
            f"{', '.join(f.key for f in FIELDS)}.")
    chosen = list(dict.fromkeys(by_name[n] for n in ["фио", *names]))
    asked = [f.title for f in chosen if f.key in PERSONAL_KEYS]
    if asked and not personal:
        what = ("Столбцы {} содержат персональные данные (152-ФЗ) и выводятся" if len(asked) > 1
                else "Столбец {} содержит персональные данные (152-ФЗ) и выводится")
        raise ServiceError(what.format(" и ".join(asked)) + " только по явному разрешению: "
                           "укажите параметр personal=да («Разрешить СНИЛС и ИНН»).")
    return tuple(chosen)


def _staff_lines(people: Sequence[PersonRow], org_id: str,
                 numbers: dict[str, tuple[str, str]]) -> list[_Line]:
    jobs, educations = data.current_jobs(), data.best_educations()
    lines: list[_Line] = []
    for person in people:
        extra = (numbers.get(person.id, ("", "")),
                 data.education_short(educations.get(person.id)))
        mine = jobs.get(person.id, [])
        if not mine and not org_id:
            lines.append(_Line(person, data.NO_ORG, (), True, *extra))
        for oid in dict.fromkeys(j.organization_id for j in mine):
            here = tuple(j for j in mine if j.organization_id == oid)
            if not org_id or oid == org_id:
                lines.append(_Line(person, here[0].organization, here,
                                   oid == person.organization_id, *extra))
    lines.sort(key=lambda x: (data.org_key(x.organization), data.name_key(x.person.full_name)))
    return lines


def _staff_columns(fields: Sequence[_Field]) -> tuple[tuple[ReportColumn, ...], bool | None]:
    """The columns with widths that break no word if possible, and the orientation."""
    widths = [(data.NUMBER_PT,) * 3, *(f.widths for f in fields)]
    weights = data.fitted_weights(widths)
    if weights is None:
        raise ServiceError(
            f"{param_place(STAFF, 'columns', 'Столбцы через запятую')}: выбранные столбцы не "
            "помещаются на лист A4 даже в альбомной ориентации (нужно не меньше "
            f"{data.pt_to_cm(sum(w[0] for w in widths))} см, есть "
            f"{data.pt_to_cm(data.LANDSCAPE_PT)} см). Уберите часть столбцов.")
    columns = (replace(data.NUMBER_COLUMN, width=weights[0]), *(
        ReportColumn(f.title, w, kind=f.kind) for f, w in zip(fields, weights[1:], strict=True)))
    return columns, (True if sum(w[2] for w in widths) > data.PORTRAIT_PT else None)


def _staff_summary(lines: Sequence[_Line]) -> ReportTable:
    second = any(not x.is_main for x in lines)
    titles = ("Педагогов", "Совместителей") if second else ("Педагогов",)
    return data.summary_table(titles, data.sum_by_organization(
        (x.organization, (int(x.is_main), int(not x.is_main))[:len(titles)]) for x in lines))


def _staff_by_organization(params: dict[str, Any], ctx: ReportContext) -> Report:
    fields = chosen_fields(params["columns"], params["personal"])
    people = staff.list_staff(ctx.rules, ctx.today)
    wanted = any(f.key in PERSONAL_KEYS for f in fields)
    numbers = staff.personal_numbers((p.id for p in people), "отчёт «Кадровый состав ОО»"
                                     ) if wanted else {}
    lines = _staff_lines(people, params["org"], numbers)
    columns, landscape = _staff_columns(fields)
    tables = data.per_organization(columns, ((x.organization, [f.value(x) for f in fields])
                                        for x in lines), totals=False)
    counted = sum(1 for x in lines if x.is_main)
    notes = ["Совместители показаны в каждой ОО, где работают (в должности — «совм.»); в числе "
             "педагогов они учтены только по основному месту работы."
             ] if counted < len(lines) else []
    shown = ", ".join(f.title for f in fields if f.key in PERSONAL_KEYS)
    personal = f" Содержит персональные данные ({shown})." if shown else ""
    return Report(
        title="Кадровый состав образовательных организаций",
        params_line=f"ОО: {org_text(params['org'])}; на {format_date(ctx.today)}. "
                    f"Педагогов: {counted}.{personal}",
        tables=data.with_summary(tables, params["org"], lambda: _staff_summary(lines)),
        closing_paragraphs=tuple(notes), landscape=landscape)


register(ReportDefinition(
    name=STAFF, title="Кадровый состав ОО",
    params=(
        org_param(),
        ReportParam("columns", "Столбцы через запятую", "str", lambda: DEFAULT_COLUMNS),
        ReportParam("personal", "Разрешить СНИЛС и ИНН (персональные данные)", "bool",
                    lambda: "нет"),
    ),
    build=_staff_by_organization,
))


# ---------------------------------------------------------------- курсовая подготовка

COURSE_COLUMNS = (
    data.NUMBER_COLUMN,
    ReportColumn("ФИО", 1.35), ReportColumn("Должность", 1.75), ReportColumn("Программа", 1.95),
    ReportColumn("Организация", 2.05), ReportColumn("Вид", 0.55, align="center"),
    ReportColumn("Форма", 1.5), ReportColumn("Даты", 1.2, align="center"),
    ReportColumn("Часов", 0.75, kind="int", total=True), ReportColumn("Документ", 1.45),
)


def dates_text(start: date | None, end: date) -> str:
    """«26.07.2026–\n28.07.2026»; the end date alone when the start is unknown."""
    return f"{format_date(start)}–\n{format_date(end)}" if start else format_date(end)


def _courses_summary(found: Sequence[data.CourseRow]) -> ReportTable:
    rows: list[Row] = []
    for name, group in itertools.groupby(found, key=lambda c: c.organization):
        courses = list(group)
        rows.append([name, len(courses), len({c.person_id for c in courses}),
                     sum(c.hours for c in courses)])
    return data.summary_table(("Курсов", "Педагогов", "Часов"), rows)


def _courses(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{param_place('courses', 'from', 'Начало периода')}: "
                           f"{format_date(first)} позже конца периода {format_date(last)}.")
    found = data.courses_in_period(first, last, params["org"])
    tables = data.per_organization(COURSE_COLUMNS, ((c.organization, [
        c.full_name, c.position, c.program, c.provider, c.kind, c.form,
        dates_text(c.start_date, c.end_date), c.hours, c.document]) for c in found))
    people = len({c.person_id for c in found})
    return Report(
        title="Сведения о курсовой подготовке педагогических работников",
        params_line=f"Период: с {format_date(first)} по {format_date(last)} (по дате "
                    f"окончания курсов); ОО: {org_text(params['org'])}.",
        tables=data.with_summary(tables, params["org"], lambda: _courses_summary(found)),
        closing_paragraphs=(f"Всего курсов: {len(found)}, педагогов: {people}, часов: "
                            f"{format_number(sum(c.hours for c in found))}. Вид: ПК — повышение "
                            "квалификации, ПП — профессиональная переподготовка.",),
        landscape=True)


def _january_first() -> str:
    return f"01.01.{clock.today().year}"


def _december_last() -> str:
    return f"31.12.{clock.today().year}"


register(ReportDefinition(
    name="courses", title="Сведения о курсовой подготовке",
    params=(
        ReportParam("from", "Начало периода", "date", _january_first),
        ReportParam("to", "Конец периода", "date", _december_last),
        org_param(),
    ),
    build=_courses,
))


# ---------------------------------------------------------------- КПК в году N

KPK_COLUMNS = (
    data.NUMBER_COLUMN, ReportColumn("ФИО", 2.3), ReportColumn("Должность", 1.85),
    ReportColumn("Последние КПК", 1.3, kind="date"), ReportColumn("Срок", 1.3, kind="date"),
    ReportColumn("Статус", 1.35),
)


def _kpk_summary(found: Sequence[PersonRow], statuses: Sequence[str]) -> ReportTable:
    items = [(p.organization or data.NO_ORG,
              [1, *(int(data.kpk_status_text(p) == s) for s in statuses)]) for p in found]
    titles = (s[:1].upper() + s[1:] for s in statuses)
    return data.summary_table(("Всего", *titles), data.sum_by_organization(items))


def _kpk_due(params: dict[str, Any], ctx: ReportContext) -> Report:
    year = params["year"]
    if not 1990 <= year <= 2100:
        raise ServiceError(f"{param_place('kpk-due', 'year', 'Год')}: {year} — не год "
                           "(нужно от 1990 до 2100).")
    rules = ctx.rules.staff
    found = data.kpk_due_people(staff.list_staff(ctx.rules, ctx.today), year, params["org"])
    tables = data.per_organization(KPK_COLUMNS, ((p.organization or data.NO_ORG, [
        p.full_name, p.position, p.last_course_end, p.kpk_due, data.kpk_status_text(p)])
        for p in found), totals=False)
    statuses = sorted({data.kpk_status_text(p) for p in found}, key=_status_order)
    summary = ", ".join(f"{s} — {sum(data.kpk_status_text(p) == s for p in found)}"
                        for s in statuses)
    return Report(
        title=f"Педагоги, которым необходимо пройти КПК в {year} году",
        params_line=f"ОО: {org_text(params['org'])}; КПК — не реже одного раза в "
                    f"{data.years_text(rules.kpk_period_years)}; состояние на "
                    f"{format_date(ctx.today)}.",
        tables=data.with_summary(tables, params["org"], lambda: _kpk_summary(found, statuses)),
        closing_paragraphs=(
            f"Всего педагогов: {len(found)}" + (f" ({summary})." if found else "."),
            "Срок — дата окончания последних КПК (если курсов нет — дата приёма на работу) "
            f"плюс {data.years_text(rules.kpk_period_years)}. В список вошли педагоги со сроком не "
            f"позднее 31.12.{year} и те, чей срок не определить (нет ни курсов, ни даты приёма); "
            "«нет КПК» — курсов ещё не было, срок не истёк."))


def _status_order(status: str) -> tuple[int, str]:
    return {KPK_OVERDUE: 0, KPK_NOT_YET: 1}.get(status, 2), status


register(ReportDefinition(
    name="kpk-due", title="Педагоги, которым необходимо пройти КПК (по году)",
    params=(ReportParam("year", "Год", "int", _this_year), org_param()),
    build=_kpk_due,
))


# ---------------------------------------------------------------- статистика кадров

def _count_columns(titles: Sequence[str]) -> tuple[ReportColumn, ...]:
    return tuple(ReportColumn(t, 1.0, kind="int", total=True) for t in titles)


def _stats_table(title: str, titles: Sequence[str], rows: list[Row]) -> ReportTable:
    columns = (ReportColumn("ОО", 3.8), ReportColumn("Всего", 1.0, kind="int", total=True),
               *_count_columns(titles))
    return ReportTable(columns, rows, title=title, totals=True)


def _stats_rows(people: list[PersonRow], edges: Sequence[int]
                ) -> list[tuple[str, data.StaffCounts]]:
    counts = data.count_by_organization(people, edges, data.best_educations())
    names = dict(active_organization_choices())
    names |= {p.organization_id: p.organization or data.NO_ORG for p in people}
    ordered = sorted(names.items(), key=lambda item: data.org_key(item[1]))
    return [(name, counts.get(oid) or data.StaffCounts.for_bands(edges))
            for oid, name in ordered]


def _staff_stats(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    edges = data.parse_age_bands(params["age_bands"], param_place(
        "staff-stats", "age_bands", "Границы возрастных групп"))
    people = [p for p in staff.list_staff(ctx.rules, on)
              if p.hired_on is None or p.hired_on <= on]  # not yet hired on that date: out
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
        f"Стаж (педагогический) и возраст — полных лет на {format_date(on)}; учтены работающие "
        "сейчас педагоги, принятые не позже этой даты; педагог учтён в ОО основного места "
        "работы. Стаж «До 3» — менее 3 лет, «3–5» — от 3 до 5 лет "
        "(5 не включая) и так далее, «20 и более» — 20 лет и больше; «Не указан» — стаж не "
        f"внесён. Возраст «До {edges[0]}» — моложе {edges[0]} лет, «{edges[-1]} и старше» — "
        f"{edges[-1]} лет и больше.",
        "Образование — по высшему уровню; «из них пед.» — педагогическое. СПО — среднее "
        "профессиональное. Каждая группа в строке (кроме «из них» и молодых специалистов) "
        "в сумме даёт «Всего».",
    )


register(ReportDefinition(
    name="staff-stats", title="Статистика кадров",
    params=(
        ReportParam("date", "Дата, на которую считать", "date",
                    lambda: format_date(clock.today())),
        ReportParam("age_bands", "Границы возрастных групп (лет, через запятую)", "str",
                    lambda: data.DEFAULT_AGE_BANDS),
    ),
    build=_staff_stats,
))
