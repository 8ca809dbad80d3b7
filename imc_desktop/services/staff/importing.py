"""Import of pedagogues from the schools' Excel lists (the kind «staff»).

Existing people are found by СНИЛС, else by ФИО and birth date, and updated, not
duplicated; an ОО is matched to the directory, never created.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.common.russian_names import sex_from_patronymic
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff.rules import MAIN_JOB, is_main_job
from imc_desktop.services.staff.write import check_person_fields
from models import Education, Employment, Experience, Organization, Person
from models.base import new_id
from models.staff import EDUCATION_LEVELS, JOB_TYPES


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


STAFF_FIELDS = (
    _f("last_name", "Фамилия", "text", required=True),
    _f("first_name", "Имя", "text", required=True),
    _f("middle_name", "Отчество"),
    _f("sex", "Пол"),
    _f("birth_date", "Дата рождения", "date", "Д.р.", "Дата рожд", "Родился",
       required=True),
    _f("snils", "СНИЛС", "snils", "Страховой номер", "Номер СНИЛС"),
    _f("inn", "ИНН", "inn", "ИНН физического лица"),
    _f("phone", "Телефон", "text", "Контактный телефон", "Моб. телефон"),
    _f("email", "Электронная почта", "text", "E-mail", "Email", "Эл. почта"),
    _f("organization", "ОО", "reference", "Образовательная организация", "Место работы",
       "Учреждение", "Организация", "Школа", "Наименование ОО", required=True),
    _f("position", "Должность", "text", "Занимаемая должность", required=True),
    _f("job_type", "Вид занятости", "text", "Совместительство", "Основное место работы"),
    _f("load", "Ставка", "number", "Нагрузка", "Количество ставок"),
    _f("subjects", "Предметы", "text", "Предмет", "Преподаваемые предметы",
       "Преподаваемый предмет"),
    _f("hired_on", "Дата приёма", "date", "Дата приёма на работу", "Принят",
       "Дата поступления на работу"),
    _f("appointed_on", "Дата назначения на должность", "date", "Дата назначения"),
    _f("education", "Образование", "text", "Уровень образования"),
    _f("institution", "Учебное заведение", "text", "Что окончил", "Образовательное учреждение",
       "Окончил"),
    _f("graduation_year", "Год окончания", "int", "Год окончания учебного заведения"),
    _f("speciality", "Специальность", "text", "Специальность по диплому"),
    _f("qualification", "Квалификация", "text", "Квалификация по диплому"),
    _f("ped_experience", "Педагогический стаж", "text", "Пед. стаж", "Стаж педагогический",
       "Педстаж"),
    _f("total_experience", "Общий стаж", "text", "Стаж общий", "Стаж"),
    _f("experience_as_of", "Стаж на дату", "date", "Дата стажа"),
    _f("category", "Категория", "text", "Квалификационная категория"),
)

_YEARS_MONTHS = re.compile(r"^(\d+)\D+?(\d+)\s*(м|мес)")
_NUMBER = re.compile(r"^(\d+)(?:[.,](\d+))?")


def parse_experience(text: str) -> tuple[int, int] | None:
    """«12», «12 лет 3 мес.», «12 л. 3 м.», «12,5» (years and a half); None when not стаж."""
    t = text.strip().lower()
    if not t:
        return None
    both = _YEARS_MONTHS.match(t)
    if both:
        return int(both.group(1)), int(both.group(2))
    number = _NUMBER.match(t)
    if number is None:
        return None
    fraction = float("0." + number.group(2)) if number.group(2) else 0.0
    months = round(fraction * 12)
    return int(number.group(1)) + months // 12, months % 12


def _category(text: str) -> str:
    t = text.strip().lower()
    if t.startswith("высш"):
        return "высшая"
    if t.startswith("перв"):
        return "первая"
    return ""


def _education(text: str) -> tuple[str, bool] | None:
    t = text.strip().lower()
    if not t:
        return None
    if t.startswith("высш"):
        level = EDUCATION_LEVELS[0]
    elif "проф" in t or t.startswith(("спо", "средн")):
        level = EDUCATION_LEVELS[1] if "общ" not in t else EDUCATION_LEVELS[2]
    else:
        return None
    return level, _PEDAGOGICAL.search(t) is not None and _NOT_PEDAGOGICAL.search(t) is None


_PEDAGOGICAL = re.compile(r"пед")
_NOT_PEDAGOGICAL = re.compile(r"\bне[\s-]*пед")


def _sex_of(text: str, middle: str) -> str:
    """«м» or «ж» from the cell, else from the patronymic (…ич, …оглы — м; …вна, …чна,
    …кызы — ж); "" when neither tells."""
    t = text.strip().lower()
    return t[:1] if t[:1] in ("м", "ж") else sex_from_patronymic(middle)


def _sex(text: str, middle: str) -> str:
    return _sex_of(text, middle) or "ж"


def _sex_problem(values: dict[str, Any]) -> str | None:
    middle = _text(values, "middle_name")
    if _sex_of(_text(values, "sex"), middle):
        return None
    seen = f"по отчеству «{middle}» его не определить" if middle else "отчества нет"
    return f"Пол не указан, а {seen}: укажите «м» или «ж» в столбце «Пол»."


def _job_type(text: str) -> str:
    t = text.strip().lower()
    if "внутр" in t:
        return JOB_TYPES[1]
    if "внеш" in t or "совмест" in t:
        return JOB_TYPES[2]
    return MAIN_JOB


# ---------------------------------------------------------------- a row as a card

def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def _experiences(values: dict[str, Any], today: date) -> tuple[staff.ExperienceData, ...]:
    as_of = values.get("experience_as_of") or today
    found = []
    for name, kind in (("ped_experience", staff.PED), ("total_experience", "общий")):
        parsed = parse_experience(_text(values, name))
        if parsed is not None:
            found.append(staff.ExperienceData(None, kind, parsed[0], parsed[1], as_of))
    return tuple(found)


def _job(values: dict[str, Any]) -> staff.EmploymentData:
    load = values.get("load")
    return staff.EmploymentData(
        organization_id=_text(values, "organization"), position=_text(values, "position"),
        job_type=_job_type(_text(values, "job_type")),
        load=float(load) if load is not None else None,
        subjects=staff.split_subjects(_text(values, "subjects")),
        hired_on=values.get("hired_on"), appointed_on=values.get("appointed_on"))


def _educations(values: dict[str, Any]) -> tuple[staff.EducationData, ...]:
    level = _education(_text(values, "education"))
    if level is None and not values.get("graduation_year"):
        return ()
    return (staff.EducationData(
        level=level[0] if level else EDUCATION_LEVELS[0],
        is_pedagogical=level[1] if level else True,
        institution=_text(values, "institution"), year=values.get("graduation_year"),
        speciality=_text(values, "speciality"),
        qualification=_text(values, "qualification")),)


def row_card(values: dict[str, Any], today: date | None = None) -> staff.PersonCard:
    """The card a row describes (what a new person would be saved as)."""
    today = today or clock.today()
    middle = _text(values, "middle_name")
    return staff.PersonCard(
        last_name=_text(values, "last_name"), first_name=_text(values, "first_name"),
        middle_name=middle, sex=_sex(_text(values, "sex"), middle),
        birth_date=values.get("birth_date"), snils=_text(values, "snils"),
        inn=_text(values, "inn"), phone=_text(values, "phone"),
        email=_text(values, "email"), category=_category(_text(values, "category")),
        employments=(_job(values),), educations=_educations(values),
        experiences=_experiences(values, today))


_NESTED = {"employments.0.organization_id": "organization", "employments": "position",
           "educations.0.year": "graduation_year", "educations.0.level": "education"}


def check_staff_row(values: dict[str, Any]) -> dict[str, str]:
    """The card's own validation, with its messages put on the row's fields (a row has no
    courses, the only part of the card's checks that depends on the settings)."""
    problems: dict[str, str] = {}
    for key, message in check_person_fields(row_card(values), clock.today()).items():
        if key in _NESTED:
            problems[_NESTED[key]] = message
        elif key.startswith("employments.0."):
            problems[key.split(".")[-1]] = message
        elif key.startswith("experiences."):
            problems["ped_experience"] = message
        else:
            problems[key.split(".")[0]] = message
    sex = _sex_problem(values)
    if sex is not None:
        problems["sex"] = sex
    for name in ("ped_experience", "total_experience"):
        if _text(values, name) and parse_experience(_text(values, name)) is None:
            problems[name] = "Стаж не распознан: напишите «12», «12 лет 3 мес.» или «12,5»."
    return problems


def _staff_key(values: dict[str, Any]) -> tuple[str, str] | None:
    if values.get("snils"):
        return "snils", str(values["snils"])
    return None


# ---------------------------------------------------------------- writing

class _People:
    """The pedagogues already in the database (and those this import adds), by СНИЛС and by
    name: their ids only, so that the rows written can leave the session (50,000 ORM objects
    with their jobs would hold hundreds of megabytes)."""

    def __init__(self, session: Session) -> None:
        self.by_snils: dict[str, str] = {}
        self.by_name: dict[tuple[str, str, str, date | None], str] = {}
        for pid, snils, last, first, middle, birth in session.execute(select(
                Person.id, Person.snils, Person.last_name, Person.first_name,
                Person.middle_name, Person.birth_date)):
            self._add(pid, snils, (last.lower(), first.lower(), middle.lower(), birth))

    @staticmethod
    def _name(p: Person | staff.PersonCard) -> tuple[str, str, str, date | None]:
        return (p.last_name.lower(), p.first_name.lower(), p.middle_name.lower(), p.birth_date)

    def _add(self, person_id: str, snils: str | None,
             name: tuple[str, str, str, date | None]) -> None:
        if snils:
            self.by_snils.setdefault(snils, person_id)
        self.by_name.setdefault(name, person_id)

    def add(self, person: Person) -> None:
        self._add(person.id, person.snils, self._name(person))

    def find(self, session: Session, card: staff.PersonCard) -> Person | None:
        found = self.by_snils.get(card.snils) if card.snils else None
        found = found or self.by_name.get(self._name(card))
        return session.get(Person, found) if found else None


#: rows written, then let go from the session, at a time (one transaction all the same)
WRITE_BATCH = 1000


_PERSON_CELLS = ("last_name", "first_name", "middle_name", "sex", "birth_date", "snils", "inn",
                 "phone", "email", "category")


def _create(card: staff.PersonCard) -> Person:
    person = Person(id=new_id(), **{name: getattr(card, name) for name in staff.PERSON_FIELDS})
    person.employments = [Employment(**_child(job)) for job in card.employments]
    person.educations = [Education(**_child(e)) for e in card.educations]
    person.experiences = [Experience(**_child(e)) for e in card.experiences]
    return person


def _child(data: Any) -> dict[str, Any]:
    values = {k: v for k, v in vars(data).items() if k not in ("id", "organization_name")}
    if "subjects" in values:
        values["subjects"] = staff.join_subjects(values["subjects"])
    return values


def _set(obj: Any, values: dict[str, Any]) -> bool:
    """Set the given non-empty values that differ (an empty cell erases nothing)."""
    changed = False
    for name, value in values.items():
        if value not in (None, "", ()) and getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _moved_from(person: Person, card: staff.PersonCard) -> str | None:
    """The other ОО where the person has an open main job, when the row gives a main job
    in another ОО: a transfer the methodist must confirm on the card, not a second job."""
    job = card.employments[0]
    if not is_main_job(job.job_type):
        return None
    for e in person.employments:
        if e.left_on is None and is_main_job(e.job_type) and \
                e.organization_id != job.organization_id:
            return e.organization_id
    return None


def _merge(person: Person, card: staff.PersonCard, given: dict[str, Any]) -> bool:
    changed = _set(person, {n: getattr(card, n) for n in _PERSON_CELLS if _given(n, given)})
    job = card.employments[0]
    same = [e for e in person.employments
            if e.organization_id == job.organization_id and e.left_on is None]
    if same:
        changed |= _set(same[0], {k: v for k, v in _child(job).items()
                                  if k in ("position", "load", "subjects", "hired_on",
                                           "appointed_on") and _given(k, given)})
    else:
        person.employments.append(Employment(**_child(job)))
        changed = True
    for edu in card.educations:
        if not any(e.level == edu.level and e.year == edu.year for e in person.educations):
            person.educations.append(Education(**_child(edu)))
            changed = True
    for exp in card.experiences:
        changed |= _merge_experience(person, exp)
    return changed


def _given(name: str, given: dict[str, Any]) -> bool:
    return given.get(name) not in (None, "")


def _merge_experience(person: Person, exp: staff.ExperienceData) -> bool:
    for record in person.experiences:
        if record.kind == exp.kind:
            return _set(record, {"years": exp.years, "months": exp.months, "as_of": exp.as_of})
    person.experiences.append(Experience(**_child(exp)))
    return True


def _apply_staff(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    from imc_desktop.services.staff.changelog import ChangeLogWriter

    created = updated = unchanged = 0
    skipped: list[tuple[int, str]] = []
    with unit_of_work(options.dry_run) as s:
        people = _People(s)
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            if done and done % WRITE_BATCH == 0:
                s.flush()  # written in the transaction; the objects are not needed any more
                s.expunge_all()
            card = row_card(row.values)
            person = people.find(s, card)
            if person is None:
                person = _create(card)  # its id is set: no flush per row
                s.add(person)
                people.add(person)
                ChangeLogWriter(s, person.id).record("persons", person.id, "импорт: создание")
                created += 1
            elif (other := _moved_from(person, card)) is not None:
                name = s.get(Organization, other)
                skipped.append((row.row, f"{card.full_name} уже работает в "
                                f"«{name.short_name if name else other}» (основное место): "
                                "перевод оформите в карточке педагога"))
            elif _merge(person, card, row.values):
                ChangeLogWriter(s, person.id).record("persons", person.id, "импорт: изменение")
                updated += 1
            else:
                unchanged += 1
    return ImportSummary(created, updated, tuple(skipped), options.dry_run, unchanged)


STAFF = register(ImportKind(
    name="staff", title="Педагоги", fields=STAFF_FIELDS, apply=_apply_staff,
    check_row=check_staff_row, full_name_field=True,
    references=organization_references, duplicate_key=_staff_key,
    sheet_date_field="experience_as_of"))
