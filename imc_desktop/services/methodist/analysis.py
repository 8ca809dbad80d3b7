"""«Анализ работы ИМЦ за учебный год»: one Word document from the data of every module, the
previous year alongside.

Each table is built from the very functions the modules' own reports use — most by building
the module's registered report for the same period and taking its figures — so a figure of
the analysis equals the module's report by construction (tests/services/methodist compare
them on the demo year). The methodist writes the text around the tables in Word.

The «методическая сеть» section takes the network module's own summary of each year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, format_date
from imc_desktop import clock
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as attestation_rules
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    get,
    parse_params,
    register,
)
from imc_desktop.services.events import report_data as events_data
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import reports as journal_reports
from imc_desktop.services.methodist import rules
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import report_data as staff_data

ANALYSIS = "methodist-analysis"
CONTEST_KIND = "конкурс"
ESTABLISHED = (attestation_rules.ESTABLISHED, attestation_rules.CONFORMS)
REFUSED = (attestation_rules.REFUSED, attestation_rules.NOT_CONFORMS)


@dataclass(frozen=True)
class Year:
    """A school year as the analysis counts it: its days, and the day its state is taken
    on (its last day, or today while it goes on)."""

    first: date
    last: date
    on: date

    @property
    def title(self) -> str:
        return f"{self.first.year}/{self.first.year + 1}"

    @property
    def short(self) -> str:
        """«2025/26», for the heads of narrow columns."""
        return f"{self.first.year}/{(self.first.year + 1) % 100:02d}"

    @staticmethod
    def of(first: date, today: date) -> Year:
        last = date(first.year + 1, 8, 31)
        return Year(first, last, min(last, today))


def module_report(name: str, params: dict[str, str], ctx: ReportContext) -> Report:
    """A module's own registered report, built as the program builds it."""
    definition = get(name)
    return definition.build(parse_params(definition, params), ctx)


def _compare(title: str, years: tuple[Year, Year], rows: Sequence[Sequence[Any]],
             first: str = "Показатель") -> ReportTable:
    columns = (ReportColumn(first, 4.2),
               *(ReportColumn(y.title, 1.4, kind="number") for y in years))
    return ReportTable(columns, [list(r) for r in rows], title=title)


def _int(value: CellValue) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _sums(table: ReportTable) -> list[int]:
    """The column totals of a table of counts by ОО (the first column is the ОО)."""
    width = len(table.columns) - 1
    return [sum(_int(r[i + 1]) for r in table.rows) for i in range(width)]


def _share(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


# ---------------------------------------------------------------- 1. кадры

def staff_figures(year: Year, ctx: ReportContext) -> list[tuple[str, int]]:
    """(indicator, number) from the module's «Статистика кадров» on the year's date."""
    report = module_report("staff-stats", {"date": format_date(year.on)}, ctx)
    figures: list[tuple[str, int]] = []
    for n, table in enumerate(report.tables):
        titles = [c.title for c in table.columns[1:]]
        sums = _sums(table)
        if n == 0:
            figures.append(("Педагогических работников, всего", sums[0]))
        prefix = ("Стаж: ", "Возраст: ", "")[n]
        figures += [(prefix + t, v) for t, v in zip(titles[1:], sums[1:], strict=True)]
    return figures


def staff_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    before, now = (staff_figures(y, ctx) for y in years)
    rows = [(name, a, b) for (name, a), (_n, b) in zip(before, now, strict=True)]
    return [_compare("1. Кадровое обеспечение (на конец учебного года)", years, rows)]


# ---------------------------------------------------------------- 2. аттестация

def attestation_counts(history: Sequence[attestation.HistoryRow], year: Year, key: str
                       ) -> dict[str, Counter[str]]:
    """{kind or ОО: Counter(applied, established, refused)} of the year, from the module's
    history of attestation (applications by their date, decisions by theirs)."""
    found: dict[str, Counter[str]] = {}
    for row in history:
        name = getattr(row, key) or "не указано"
        if row.applied_on and year.first <= row.applied_on <= year.last:
            found.setdefault(name, Counter())["applied"] += 1
        if row.decided_on and year.first <= row.decided_on <= year.last:
            what = "established" if row.decision in ESTABLISHED else \
                "refused" if row.decision in REFUSED else ""
            if what:
                found.setdefault(name, Counter())[what] += 1
    return found


ATTESTATION_COLUMNS = ("Заявлений", "Установлено", "Отказано")


def attestation_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    history = attestation.history(ctx.rules)
    before, now = (attestation_counts(history, y, "kind") for y in years)
    keys = ("applied", "established", "refused")
    columns = (ReportColumn("Вид", 2.0),
               *(ReportColumn(f"{t}, {y.short}", 1.2, kind="int", total=True)
                 for t in ATTESTATION_COLUMNS for y in years))
    kinds = [k for k in attestation_rules.KINDS if k in before or k in now]
    by_kind: list[list[CellValue]] = [
        ["СЗД" if k == attestation_rules.SZD else k,
         *(c.get(k, Counter())[key] for key in keys for c in (before, now))] for k in kinds]
    per_org = attestation_counts(history, years[1], "organization")
    by_org: list[list[CellValue]] = [[org, *(per_org[org][k] for k in keys)]
                                     for org in sorted(per_org, key=str.casefold)]
    return [ReportTable(columns, by_kind, title="2. Аттестация педагогических работников по "
                        "видам (СЗД — на соответствие занимаемой должности)", totals=True),
            ReportTable((ReportColumn("ОО", 3.6), *(ReportColumn(t, 1.3, kind="int", total=True)
                                                     for t in ATTESTATION_COLUMNS)), by_org,
                        title=f"Аттестация по ОО, {years[1].title} учебный год", totals=True)]


# ---------------------------------------------------------------- 3. КПК

def course_figures(year: Year) -> tuple[int, int, int]:
    """Courses finished in the year, pedagogues who took them, hours — from the rows of the
    module's «Сведения о курсовой подготовке»."""
    found = staff_data.courses_in_period(year.first, year.last)
    return len(found), len({c.person_id for c in found}), sum(c.hours for c in found)


def kpk_share_by_organization(year: Year, ctx: ReportContext) -> list[list[CellValue]]:
    """Per ОО: pedagogues, those with a course finished in the last N years (N: the setting),
    the share — on the year's date, from the staff list the staff reports use."""
    period = ctx.rules.staff.kpk_period_years
    since = date(year.on.year - period, year.on.month, min(year.on.day, 28))
    counted: dict[str, list[int]] = {}
    for p in staff.list_staff(ctx.rules, year.on):
        if p.hired_on is not None and p.hired_on > year.on:
            continue
        row = counted.setdefault(p.organization or staff_data.NO_ORG, [0, 0])
        row[0] += 1
        row[1] += int(p.last_course_end is not None and since <= p.last_course_end <= year.on)
    return [[org, n, k, _share(k, n)] for org, (n, k) in
            sorted(counted.items(), key=lambda item: staff_data.org_key(item[0]))]


def kpk_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    before, now = (course_figures(y) for y in years)
    shares = [kpk_share_by_organization(y, ctx) for y in years]
    totals = [(sum(_int(r[1]) for r in s), sum(_int(r[2]) for r in s)) for s in shares]
    rows = [("Пройдено курсов (ПК и ПП)", before[0], now[0]),
            ("Педагогов, прошедших курсы", before[1], now[1]),
            ("Часов обучения", before[2], now[2]),
            ("Доля педагогов с КПК за последние "
             f"{staff_data.years_text(ctx.rules.staff.kpk_period_years)}, %",
             *(_share(k, n) for n, k in totals))]
    columns = (ReportColumn("ОО", 3.6), ReportColumn("Педагогов", 1.2, kind="int", total=True),
               ReportColumn("С КПК за период", 1.3, kind="int", total=True),
               ReportColumn("Доля, %", 1.1, kind="percent"))
    return [_compare("3. Повышение квалификации", years, rows),
            ReportTable(columns, shares[1], title="Доля педагогов с курсами за последние "
                        f"{staff_data.years_text(ctx.rules.staff.kpk_period_years)} по ОО, "
                        f"{years[1].title}",
                        totals=True)]


# ---------------------------------------------------------------- 4–6. мероприятия

def held(year: Year) -> tuple[list[events_data.HeldEvent], list[events_data.OrgCount]]:
    """What the module's «Отчёт о проведённых мероприятиях» counts for the year."""
    return events_data.held_events(year.first, year.last, year.on)


def events_tables(years: tuple[Year, Year], data: Sequence[Any], organizations: int
                  ) -> list[ReportTable]:
    kinds = sorted({h.row.kind for d in data for h in d[0]})
    rows: list[list[CellValue]] = []
    for kind in kinds:
        rows.append([kind, *(sum(1 for h in d[0] if h.row.kind == kind) for d in data),
                     *(sum(h.participants for h in d[0] if h.row.kind == kind) for d in data)])
    columns = (ReportColumn("Вид мероприятия", 2.6),
               *(ReportColumn(f"Мероприятий, {y.short}", 1.3, kind="int", total=True)
                 for y in years),
               *(ReportColumn(f"Участий, {y.short}", 1.3, kind="int", total=True)
                 for y in years))
    coverage = [("Мероприятий проведено", *(len(d[0]) for d in data)),
                ("Участий педагогов", *(sum(h.participants for h in d[0]) for d in data)),
                ("ОО, педагоги которых участвовали", *(
                    sum(1 for o in d[1] if o.organization != events_data.NO_ORG)
                    for d in data)),
                ("Охват ОО, %", *(_share(sum(1 for o in d[1]
                                            if o.organization != events_data.NO_ORG),
                                        organizations) for d in data))]
    return [ReportTable(columns, rows, title="4. Методические мероприятия по видам",
                        totals=True),
            _compare("Охват образовательных организаций", years, coverage)]


def contest_tables(years: tuple[Year, Year], data: Sequence[Any]) -> list[ReportTable]:
    levels = [lvl for lvl in ("муниципальный", "региональный", "межрегиональный",
                              "всероссийский", "международный")
              if any(h.row.level == lvl and h.row.kind == CONTEST_KIND
                     for d in data for h in d[0])]

    def count(d: Any, level: str, what: str) -> int:
        return sum(getattr(h, what) if what != "events" else 1 for h in d[0]
                   if h.row.kind == CONTEST_KIND and h.row.level == level)

    rows: list[list[CellValue]] = [
        [lvl, *(count(d, lvl, w) for w in ("events", "participants", "awarded") for d in data)]
        for lvl in levels]
    columns = (ReportColumn("Уровень", 2.6),
               *(ReportColumn(f"{t}, {y.short}", 1.15, kind="int", total=True)
                 for t in ("Конкурсов", "Участников", "Награждено")
                 for y in years))
    return [ReportTable(columns, rows, title="5. Профессиональные конкурсы", totals=True)]


def network_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    """The methodical network: the network module's «Сводный отчёт по методической сети» of
    each year (its associations, members, meetings planned, held and without a protocol)."""
    summaries = [module_report("network-summary", {"year": str(y.first.year)}, ctx)
                 .tables[0].rows for y in years]

    def total(column: int) -> list[int]:
        return [sum(_int(r[column]) for r in rows) for rows in summaries]

    figures = [("Объединений (РМО, творческих и проблемных групп, сообществ)",
                *(len(rows) for rows in summaries)),
               ("Участников (членств педагогов)", *total(3)),
               ("Заседаний по плану", *total(4)), ("Заседаний проведено", *total(5)),
               ("Проведено без протокола", *total(6))]
    columns = (ReportColumn("Объединение", 3.4), ReportColumn("Вид", 1.6),
               ReportColumn("Участников", 1.1, kind="int", total=True),
               ReportColumn("По плану", 1.0, kind="int", total=True),
               ReportColumn("Проведено", 1.1, kind="int", total=True))
    return [_compare("6. Методическая сеть", years, figures),
            ReportTable(columns, [[r[1], r[2], r[3], r[4], r[5]] for r in summaries[1]],
                        title=f"Объединения {years[1].title} учебного года", totals=True)]


# ---------------------------------------------------------------- 7. консультации, посещения

LEVELS = (("высокий", "высокого"), ("достаточный", "достаточного"), ("средний", "среднего"),
          ("низкий", "низкого"))


def journal_tables(years: tuple[Year, Year]) -> list[ReportTable]:
    consultations = [journal.consultations(y.first, y.last) for y in years]
    visits = [journal.visits(y.first, y.last) for y in years]
    summaries = [journal_reports.consultation_summary(c, "category") for c in consultations]
    categories = sorted({r.name for s in summaries for r in s}, key=str.casefold)
    by_question: list[list[CellValue]] = [
        [c, *(next((r.count for r in s if r.name == c), 0) for s in summaries)]
        for c in categories]
    columns = (ReportColumn("Вопрос", 3.0), *(ReportColumn(y.title, 1.3, kind="int",
                                                           total=True) for y in years))
    figures = [("Консультаций", *(len(c) for c in consultations)),
               ("Консультировано человек", *(sum(r.people for r in s) for s in summaries)),
               ("Выездов в ОО и посещений уроков", *(len(v) for v in visits)),
               ("Из них посещено уроков", *(sum(1 for x in v if x.is_lesson) for v in visits)),
               ("ОО, в которых побывали методисты", *(len({x.organization_id for x in v})
                                                      for v in visits))]
    for level, of in LEVELS:
        figures.append((f"Уроков {of} уровня", *(
            dict(journal_reports.lesson_levels(v)).get(level, 0) for v in visits)))
    return [_compare("7. Консультационная деятельность и посещения ОО", years, figures),
            ReportTable(columns, by_question, title="Консультации по вопросам", totals=True)]


# ---------------------------------------------------------------- 8–9. литература, информатизация

def provision_table(year: Year, ctx: ReportContext) -> ReportTable | None:
    """The «Итого по ОО» table of the module's «Обеспеченность учебниками» on the year's date."""
    report = module_report("literature-provision", {"date": format_date(year.on)}, ctx)
    return next((t for t in report.tables if t.title == "Итого по ОО"), None)


def literature_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    tables = [provision_table(y, ctx) for y in years]
    sums = [_sums(t)[:2] if t is not None else [0, 0] for t in tables]
    rows = [("Нужно учебников (экз.)", *(s[0] for s in sums)),
            ("Обеспечено (экз.)", *(s[1] for s in sums)),
            ("Обеспеченность учебниками, %", *(_share(s[1], s[0]) for s in sums))]
    out = [_compare("8. Обеспеченность учебной литературой", years, rows)]
    if tables[1] is not None:
        out.append(tables[1])
    return out


def informatisation_table(year: Year, ctx: ReportContext) -> ReportTable:
    """The «Обеспеченность компьютерами» table of the module's «Информатизация ОО»."""
    report = module_report("informatisation", {"date": format_date(year.on)}, ctx)
    return report.tables[0]


def informatisation_tables(years: tuple[Year, Year], ctx: ReportContext) -> list[ReportTable]:
    tables = [informatisation_table(y, ctx) for y in years]
    totals = [next((r for r in t.rows if r[0] == "Итого по округу"), None) for t in tables]
    rows = [("Обучающихся", *(t[1] if t else None for t in totals)),
            ("Компьютеров", *(t[2] if t else None for t in totals)),
            ("Компьютеров на 100 обучающихся", *(t[3] if t else None for t in totals))]
    return [_compare("9. Информатизация образовательных организаций", years, rows), tables[1]]


# ---------------------------------------------------------------- the document

def analysis_years(day: date) -> tuple[Year, Year]:
    first = rules.school_year(day)[0]
    today = clock.today()
    return (Year.of(rules.previous_school_year(first)[0], today), Year.of(first, today))


Section = Callable[[], list[ReportTable]]


def _analysis(params: dict[str, Any], ctx: ReportContext) -> Report:
    years = analysis_years(params["year"])
    data = [held(y) for y in years]
    organizations = len(orgs.active_organization_choices())
    sections: list[Section] = [
        lambda: staff_tables(years, ctx), lambda: attestation_tables(years, ctx),
        lambda: kpk_tables(years, ctx), lambda: events_tables(years, data, organizations),
        lambda: contest_tables(years, data), lambda: network_tables(years, ctx),
        lambda: journal_tables(years), lambda: literature_tables(years, ctx),
        lambda: informatisation_tables(years, ctx)]
    tables = [table for section in sections for table in section()]
    return Report(
        title=f"Анализ работы информационно-методического центра за "
              f"{rules.school_year_title(years[1].first)}",
        params_line=f"Рядом — {years[0].title} учебный год. Состояние на "
                    f"{format_date(years[1].on)}.",
        paragraphs=("Таблицы составлены по данным модулей программы; цифры совпадают с "
                    "отчётами модулей за те же периоды. Выводы и задачи на следующий учебный "
                    "год допишите в Word после каждой таблицы.",),
        tables=tuple(tables), landscape=False,
        closing_paragraphs=("Выводы. Задачи на следующий учебный год: ________________",))


def _default_year() -> str:
    """In June–August the year that is ending, otherwise the last finished one."""
    today = clock.today()
    first = rules.school_year(today)[0]
    return format_date(first if today.month in (6, 7, 8) else
                       rules.previous_school_year(first)[0])


register(ReportDefinition(
    name=ANALYSIS, title="Анализ работы ИМЦ за учебный год",
    params=(ReportParam("year", "Любой день учебного года", "date", _default_year),),
    build=_analysis))
