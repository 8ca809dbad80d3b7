"""Data behind the attestation reports: decisions per pedagogue, the plan by year, shares
of categories, and the pedagogue of a submission. Reading goes through the services
(:mod:`attestation`, :mod:`staff`); nothing here opens a session itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from exports import CellValue, ReportColumn, ReportTable, format_date, initials_name
from imc_desktop import clock
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import DueRow
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import rules as staff_rules
from imc_desktop.services.staff.records import PersonRow
from imc_desktop.services.staff.report_data import NO_ORG, name_key, org_key
from imc_desktop.services.staff.rules import (
    add_years,
    experience_on,
    format_experience,
    full_months_between,
)

Row = list[CellValue]
MAX_PLAN_YEARS = 10
_RANGE = re.compile(r"^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$")


def people_by_org(people: Iterable[PersonRow], org_id: str) -> list[PersonRow]:
    """The pedagogues (of one ОО when asked) sorted by ОО, then by name."""
    chosen = [p for p in people if not org_id or p.organization_id == org_id]
    return sorted(chosen, key=lambda p: (org_key(p.organization or NO_ORG),
                                         name_key(p.full_name)))


# ---------------------------------------------------------------- the plan

def parse_years(text: str, where: str) -> tuple[int, int]:
    """«2026-2030» (or one year) → (2026, 2030); a Russian message naming the parameter."""
    m = _RANGE.match(text)
    if m is None:
        raise ServiceError(f"{where}: «{text}» — не диапазон лет (нужно, например, "
                           f"«{clock.today().year}-{clock.today().year + 4}»).")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if not 1990 <= first <= last <= 2100:
        raise ServiceError(f"{where}: «{text}» — первый год должен быть не позже последнего "
                           "(годы от 1990 до 2100).")
    if last - first + 1 > MAX_PLAN_YEARS:
        raise ServiceError(f"{where}: не больше {MAX_PLAN_YEARS} лет в графике.")
    return first, last


def marker(due: DueRow, column_year: int | None = None) -> str:
    """What the plan writes in the year column: the kind and the date, the year left out
    when it is the column's («СЗД до 04.12», «первая до 24.04.2025» and «(просрочено)» on the
    next line)."""
    what = "СЗД" if due.kind == r.SZD else due.kind
    late = "\n(просрочено)" if due.days_left < 0 else ""  # its own line: the date stays whole
    when = f"{due.due:%d.%m}" if due.due.year == column_year else f"{due.due:%d.%m.%Y}"
    return f"{what} до\u00a0{when}{late}"


def plan_year(due: DueRow, first: int) -> int:
    """The year column of a deadline: overdue ones go to the first year of the plan."""
    return max(due.due.year, first)


def plan_cells(person: PersonRow, decisions: Sequence[r.Decision],
               dues: Sequence[DueRow], years: range) -> Row:
    last = max((d.decided_on for d in decisions), default=None)
    marks = {y: "; ".join(marker(d, y) for d in dues if plan_year(d, years.start) == y)
             for y in years}
    return [person.full_name, person.position, person.category or "—", last,
            *(marks[y] for y in years)]


def dues_by_person(until: date, today: date, rules: Rules) -> dict[str, list[DueRow]]:
    found: dict[str, list[DueRow]] = defaultdict(list)
    for due in attestation.deadlines(until, rules, today):
        found[due.person_id].append(due)
    return dict(found)


# ---------------------------------------------------------------- shares

@dataclass(frozen=True)
class Share:
    organization: str
    total: int
    highest: int
    first: int
    senior: int = 0  # педагог-методист, педагог-наставник: categories too

    @property
    def without(self) -> int:
        return self.total - self.highest - self.first - self.senior

    def cells(self) -> Row:
        return [self.organization, self.total, self.highest, percent(self.highest, self.total),
                self.first, percent(self.first, self.total), self.without,
                percent(self.without, self.total), self.senior,
                percent(self.senior, self.total)]


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def shares(people: Sequence[PersonRow]) -> list[Share]:
    """One share per ОО (main place of work), by ОО name, and the district «Всего» last.
    The people as read on the report's date: their category is the one in force then."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for p in people:
        kind = p.category
        c = counts[p.organization or NO_ORG]
        c[0] += 1
        c[1] += kind == r.HIGHEST
        c[2] += kind == r.FIRST
        c[3] += kind in (r.METHODIST, r.MENTOR)
    rows = [Share(name, *c) for name, c in sorted(counts.items(), key=lambda i: org_key(i[0]))]
    return [*rows, Share("Всего", *(sum(x) for x in zip(*counts.values(), strict=True)))
            ] if rows else [Share("Всего", 0, 0, 0, 0)]


# ---------------------------------------------------------------- the submission

def find_person(text: str, where: str, today: date, rules: Rules) -> str:
    """The id of the pedagogue named by id or ФИО; empty: the first with СЗД due."""
    people = staff.list_staff(rules, today)
    if not text.strip():
        return default_person(people, today, rules)
    if any(p.id == text.strip() for p in people):
        return text.strip()
    wanted = name_key(" ".join(text.split()))
    found = [p for p in people if name_key(p.full_name) == wanted]
    if not found:
        raise ServiceError(f"{where}: педагог «{text}» не найден (укажите ФИО полностью или id).")
    if len(found) > 1:
        raise ServiceError(f"{where}: педагогов «{text}» несколько — укажите id из карточки.")
    return found[0].id


def default_person(people: Sequence[PersonRow], today: date, rules: Rules) -> str:
    due = {d.person_id for d in attestation.deadlines(date(today.year + 5, 12, 31), rules, today)
           if d.kind == r.SZD}
    ordered = sorted(people, key=lambda p: (p.id not in due, name_key(p.full_name)))
    return ordered[0].id if ordered else ""


def main_job(card: staff.PersonCard) -> staff.EmploymentData | None:
    return staff_rules.main_job(card.employments)


def short(full: str) -> str:
    parts = full.split()
    if len(parts) < 2:
        return full.strip() or "________________"
    return initials_name(parts[0], parts[1], parts[2] if len(parts) > 2 else "")


def _experience(card: staff.PersonCard, kind: str, today: date) -> str:
    for x in card.experiences:
        if x.kind == kind and x.as_of is not None:
            return format_experience(*experience_on(x.years, x.months, x.as_of, today))
    return "не указан"


def _in_position(job: staff.EmploymentData | None, today: date) -> str:
    start = job and (job.appointed_on or job.hired_on)
    if not start:
        return "не указан"
    return format_experience(*divmod(full_months_between(start, today), 12))


def facts(card: staff.PersonCard, job: staff.EmploymentData | None, today: date
          ) -> tuple[str, ...]:
    """The numbered facts of the submission taken from the card."""
    appointed = job and (job.appointed_on or job.hired_on)
    since = f" (с {format_date(appointed)})" if appointed else ""
    return (
        f"1. Фамилия, имя, отчество: {card.full_name}.",
        f"2. Дата рождения: {format_date(card.birth_date) or 'не указана'}.",
        f"3. Занимаемая должность: {job.position if job else 'не указана'}{since}.",
        f"4. Образовательная организация: {job.organization_name if job else 'не указана'}.",
        f"5. Стаж на {format_date(today)}: общий — {_experience(card, 'общий', today)}, "
        f"педагогический — {_experience(card, staff.PED, today)}, в данной должности — "
        f"{_in_position(job, today)}",
    )


EDUCATION_COLUMNS = (ReportColumn("Уровень", 1.6), ReportColumn("Учебное заведение", 3.0),
                     ReportColumn("Год", 0.7, kind="int"), ReportColumn("Специальность", 2.2))
COURSE_COLUMNS = (ReportColumn("Программа", 3.0), ReportColumn("Организация", 2.0),
                  ReportColumn("Окончание", 1.1, kind="date"),
                  ReportColumn("Часов", 0.7, kind="int"))
AWARD_COLUMNS = (ReportColumn("Награда, звание", 4.0), ReportColumn("Уровень", 1.5),
                 ReportColumn("Дата", 1.1, kind="date"))
RESULT_COLUMNS = (ReportColumn("Вид", 2.2), ReportColumn("Решение", 1.5),
                  ReportColumn("Дата решения", 1.1, kind="date"), ReportColumn("Приказ", 1.8))


def _or_none(rows: list[Row], width: int) -> list[Row]:
    return rows or [["нет", *([None] * (width - 1))]]


def tables(card: staff.PersonCard, person_id: str, today: date) -> tuple[ReportTable, ...]:
    since = add_years(today, -3)
    courses = [c for c in card.courses if c.end_date and since <= c.end_date <= today]
    records = [x for x in attestation.person_records(person_id) if x.decided_on]
    return (
        ReportTable(EDUCATION_COLUMNS, _or_none([
            [e.level, e.institution, e.year, e.speciality] for e in card.educations], 4),
            title="Образование"),
        ReportTable(COURSE_COLUMNS, _or_none([
            [c.program, c.provider, c.end_date, c.hours] for c in courses], 4),
            title="Курсы повышения квалификации за последние 3 года"),
        ReportTable(AWARD_COLUMNS, _or_none([
            [a.name, a.level, a.awarded_on] for a in card.awards], 3),
            title="Награды, звания"),
        ReportTable(RESULT_COLUMNS, _or_none([
            [x.kind, x.decision, x.decided_on, _order(x)] for x in records], 4),
            title="Результаты предыдущей аттестации"),
    )


def _order(x: attestation.AttestationData) -> str:
    if not x.order_number:
        return ""
    return f"№ {x.order_number}" + (f" от {format_date(x.order_date)}" if x.order_date else "")


_BLANK = "_" * 55
CHARACTERISTIC = (
    "6. Профессиональные и деловые качества:", _BLANK,
    "7. Результаты профессиональной деятельности:", _BLANK,
    "8. Повышение квалификации и самообразование:", _BLANK,
    "9. Выводы и предложения:", _BLANK,
    "С представлением ознакомлен(а): ____________ «___» __________ 20__ г.",
)
