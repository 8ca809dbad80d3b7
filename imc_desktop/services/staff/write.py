"""Changing pedagogues: validation, duplicates, save with the change log, delete, cohorts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop import validation as v
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.common.records import CardWrite, load_or_new, write_fields
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import rules
from imc_desktop.services.staff.changelog import CHANGED, CREATED, DELETED
from imc_desktop.services.staff.changelog import ChangeEntry as ChangeEntry  # the card's log
from imc_desktop.services.staff.changelog import ChangeLogWriter as _Log
from imc_desktop.services.staff.changelog import change_log as change_log
from imc_desktop.services.staff.changelog import personal_data_views as personal_data_views
from imc_desktop.services.staff.records import (
    PERSON_FIELDS,
    AwardData,
    CourseData,
    EducationData,
    EmploymentData,
    ExperienceData,
    PersonCard,
    join_subjects,
)
from models import (
    AttestationRecord,
    Award,
    Course,
    Education,
    Employment,
    Experience,
    Person,
)
from models.staff import AWARD_LEVELS, COURSE_KINDS, EDUCATION_LEVELS, SEXES

_NAME = re.compile(r"^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*$")


# ---------------------------------------------------------------- validation

def validate_person(card: PersonCard, rules_: Rules, today: date | None = None
                    ) -> dict[str, str]:
    """{field: Russian message}; nested fields are named like «courses.2.hours»."""
    today = today or clock.today()
    problems = check_person_fields(card, today)
    for i, course in enumerate(card.courses):
        problems.update(_prefixed(f"courses.{i}", check_course(course, rules_, today)))
    return problems


def check_person_fields(card: PersonCard, today: date) -> dict[str, str]:
    """Every check of the card that depends on no setting: all but the courses' hours
    (an imported row has no courses)."""
    problems = _check_main(card, today)
    for i, job in enumerate(card.employments):
        problems.update(_prefixed(f"employments.{i}", check_job(job, card.birth_date, today)))
    if not any(j.left_on is None for j in card.employments):
        problems["employments"] = "Укажите место работы: ОО и должность (вкладка «Работа»)."
    for i, edu in enumerate(card.educations):
        problems.update(_prefixed(f"educations.{i}", _check_education(edu, card.birth_date,
                                                                        today)))
    for i, exp in enumerate(card.experiences):
        problems.update(_prefixed(f"experiences.{i}", _check_experience(exp, today)))
    for i, award in enumerate(card.awards):
        problems.update(_prefixed(f"awards.{i}", check_award(award)))
    return problems


def check_card_row(attr: str, row: Any, birth: date | None, rules_: Rules,
                   today: date | None = None) -> dict[str, str]:
    """One row of the card's table `attr` («employments», «courses»…) as the sub-form
    edits it: {field: Russian message}, the same checks as the card's."""
    today = today or clock.today()
    if attr == "employments":
        return check_job(row, birth, today)
    if attr == "educations":
        return _check_education(row, birth, today)
    if attr == "experiences":
        return _check_experience(row, today)
    if attr == "courses":
        return check_course(row, rules_, today)
    if attr == "awards":
        return check_award(row)
    raise ValueError(f"no table «{attr}» on the card")


def check_award(award: AwardData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not award.name.strip():
        p["name"] = "Укажите название награды."
    if award.level not in AWARD_LEVELS:
        p["level"] = "Выберите уровень награды из списка."
    return p


def _prefixed(prefix: str, problems: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}.{name}": message for name, message in problems.items()}


def _check_main(card: PersonCard, today: date) -> dict[str, str]:
    p: dict[str, str] = {}
    for name, title in (("last_name", "фамилию"), ("first_name", "имя")):
        value = getattr(card, name).strip()
        if not value:
            p[name] = f"Укажите {title}."
        elif not _NAME.match(value):
            p[name] = "Только буквы, дефис и пробел."
    if card.middle_name.strip() and not _NAME.match(card.middle_name.strip()):
        p["middle_name"] = "Только буквы, дефис и пробел."
    if card.sex not in SEXES:
        p["sex"] = "Выберите пол."
    p.update(_check_birth(card.birth_date, today))
    if card.snils and not v.snils_is_valid(card.snils):
        p["snils"] = "СНИЛС неверен: 11 цифр, последние две — контрольное число."
    if card.inn and not (len(v.digits(card.inn)) == 12 and v.inn_is_valid(v.digits(card.inn))):
        p["inn"] = "ИНН физического лица — 12 цифр с верными контрольными цифрами."
    if card.email and not v.email_is_valid(card.email):
        p["email"] = "Адрес электронной почты записан неверно."
    if card.phone and not v.phone_is_valid(card.phone):
        p["phone"] = "Телефон записан неверно (пример: +7 912 345-67-89)."
    return p


def _check_birth(birth: date | None, today: date) -> dict[str, str]:
    if birth is None:
        return {"birth_date": "Укажите дату рождения."}
    age = rules.age_on(birth, today)
    if not 16 <= age <= 90:
        return {"birth_date": f"Невероятный возраст: {age} лет. Проверьте дату рождения."}
    return {}


def check_job(job: EmploymentData, birth: date | None, today: date) -> dict[str, str]:
    """One job row of the card: {field: Russian message}."""
    p: dict[str, str] = {}
    if not job.organization_id:
        p["organization_id"] = "Выберите ОО."
    if not job.position.strip():
        p["position"] = "Укажите должность."
    if job.load is not None and not 0 < job.load <= 3:
        p["load"] = "Нагрузка (ставка) — от 0,01 до 3."
    adult = rules.add_years(birth, 16) if birth else None
    if job.hired_on and adult and job.hired_on < adult:
        p["hired_on"] = "Дата приёма раньше 16-летия: проверьте дату."
    if job.hired_on and job.hired_on > today:
        p["hired_on"] = "Дата приёма в будущем."
    if job.appointed_on and job.hired_on and job.appointed_on < job.hired_on:
        p["appointed_on"] = "Назначение на должность раньше приёма в ОО."
    if job.left_on and job.hired_on and job.left_on < job.hired_on:
        p["left_on"] = "Дата увольнения раньше даты приёма."
    return p


def _check_education(edu: EducationData, birth: date | None, today: date) -> dict[str, str]:
    p: dict[str, str] = {}
    if edu.level not in EDUCATION_LEVELS:
        p["level"] = "Выберите уровень образования."
    low = (birth.year + 14) if birth else 1940
    if edu.year is not None and not low <= edu.year <= today.year:
        p["year"] = f"Год окончания — от {low} до {today.year}."
    return p


def _check_experience(exp: ExperienceData, today: date) -> dict[str, str]:
    p: dict[str, str] = {}
    if not 0 <= exp.years <= 70:
        p["years"] = "Лет стажа — от 0 до 70."
    if not 0 <= exp.months <= 11:
        p["months"] = "Месяцев — от 0 до 11."
    if exp.as_of is None:
        p["as_of"] = "Укажите, на какую дату указан стаж."
    elif exp.as_of > today:
        p["as_of"] = "Дата стажа в будущем."
    return p


def check_course(course: CourseData, rules_: Rules, today: date | None = None
                 ) -> dict[str, str]:
    """One course row of the card (or of a cohort): {field: Russian message}."""
    today, staff_rules = today or clock.today(), rules_.staff
    p: dict[str, str] = {}
    if not course.program.strip():
        p["program"] = "Укажите программу курсов."
    if course.kind not in COURSE_KINDS:
        p["kind"] = "Вид: ПК (повышение квалификации) или ПП (переподготовка)."
    if course.end_date is None:
        p["end_date"] = "Укажите дату окончания."
    elif course.end_date > today:
        p["end_date"] = "Курсы ещё не окончены: дата окончания в будущем."
    if course.start_date and course.end_date and course.start_date > course.end_date:
        p["start_date"] = "Дата начала позже даты окончания."
    minimum = staff_rules.min_hours_pp if course.kind == "ПП" else staff_rules.min_hours_pk
    if course.hours is None or course.hours <= 0:
        p["hours"] = "Укажите количество часов."
    elif course.hours < minimum:
        name = "переподготовки" if course.kind == "ПП" else "повышения квалификации"
        p["hours"] = f"Для {name} нужно не меньше {minimum} ч."
    return p


# ---------------------------------------------------------------- duplicates

@dataclass(frozen=True)
class Duplicate:
    person_id: str
    full_name: str
    reason: str


def find_duplicates(card: PersonCard) -> list[Duplicate]:
    """Other pedagogues with the same СНИЛС, or the same ФИО and birth date."""
    found: dict[str, Duplicate] = {}
    with session_scope() as s:
        if v.digits(card.snils):
            for p in s.scalars(select(Person).where(Person.snils == v.digits(card.snils))):
                if p.id != card.id:
                    found[p.id] = Duplicate(p.id, _full(p), "тот же СНИЛС")
        same = select(Person).where(
            Person.last_name == card.last_name.strip(), Person.first_name ==
            card.first_name.strip(), Person.middle_name == card.middle_name.strip(),
            Person.birth_date == card.birth_date)
        for p in s.scalars(same):
            if p.id != card.id and p.id not in found:
                found[p.id] = Duplicate(p.id, _full(p), "те же ФИО и дата рождения")
    return list(found.values())


def _full(p: Person) -> str:
    return " ".join(x for x in (p.last_name, p.first_name, p.middle_name) if x)


# ---------------------------------------------------------------- saving

def _values(data: Any) -> dict[str, object]:
    out: dict[str, object] = {}
    for f in fields(data):
        if f.name in ("id", "organization_name"):
            continue
        value = getattr(data, f.name)
        out[f.name] = join_subjects(value) if f.name == "subjects" else value
    return out


_CHILDREN: tuple[tuple[str, type[Any]], ...] = (
    ("employments", Employment), ("educations", Education), ("experiences", Experience),
    ("courses", Course), ("awards", Award))


def _sync_children(s: Session, person: Person, card: PersonCard, loaded: PersonCard | None,
                   log: _Log, overwrite: bool) -> None:
    """The rows of each tab: with the ``loaded`` card, only the rows the user added, changed
    or removed are written; a row added elsewhere meanwhile stays."""
    for attr, model in _CHILDREN:
        collection = getattr(person, attr)
        existing = {child.id: child for child in collection}
        before = {d.id: d for d in getattr(loaded, attr)} if loaded is not None else None
        for data in getattr(card, attr):
            child = existing.get(data.id) if data.id else None
            if child is not None:
                _write_child(child, data, before, log, overwrite)
            elif before is None or data.id not in before or _values(data) != _values(
                    before[data.id]):  # new, or changed by the user though deleted elsewhere
                _add_child(s, collection, model, data, log)
        shown = {d.id for d in getattr(card, attr) if d.id}
        gone = [i for i in existing if i not in shown and (before is None or i in before)]
        for child_id in gone:
            log.record(model.__tablename__, child_id, DELETED, _contents(existing[child_id]))
            collection.remove(existing[child_id])


def _add_child(s: Session, collection: Any, model: type[Any], data: Any, log: _Log) -> None:
    values = _values(data)
    child = model(**values)
    collection.append(child)
    s.flush()
    log.record(model.__tablename__, child.id, CREATED,
               [(k, None, x) for k, x in values.items() if x not in (None, "")])


def _write_child(child: Any, data: Any, before: dict[str | None, Any] | None, log: _Log,
                 overwrite: bool) -> None:
    values = _values(data)
    loaded = before.get(data.id) if before is not None else None
    base = SimpleNamespace(**_values(loaded)) if loaded is not None else None
    changes = write_fields(child, SimpleNamespace(**values), base, values,
                           child.__tablename__, overwrite)
    if changes:
        log.record(child.__tablename__, child.id, CHANGED, changes)


_NOT_LOGGED = frozenset({"id", "person_id", "created_at", "updated_at"})


def _contents(child: Any) -> list[tuple[str, object, object]]:
    """What a deleted row held, so the log can say what was removed."""
    return [(c.key, getattr(child, c.key), None) for c in child.__table__.columns
            if c.key not in _NOT_LOGGED and getattr(child, c.key) not in (None, "")]


def _normalised(card: PersonCard) -> PersonCard:
    from dataclasses import replace

    return replace(card, last_name=card.last_name.strip(), first_name=card.first_name.strip(),
                   middle_name=card.middle_name.strip(), snils=v.digits(card.snils),
                   inn=v.digits(card.inn), email=card.email.strip(), phone=card.phone.strip())


def save_person(card: PersonCard, rules_: Rules, today: date | None = None,
                loaded: PersonCard | None = None, overwrite: bool = False, *,
                also: Sequence[CardWrite] = ()) -> str:
    """Create or update the pedagogue with every tab of the card, in one transaction (the
    card's one validation runs here). A card passes the values it ``loaded``: only the fields
    and rows changed on it are written, and a field changed meanwhile elsewhere is
    :class:`ChangedMeanwhile` unless ``overwrite``. The category of someone with attestation
    decisions is derived from them when read: the card's copy of it is not stored. ``also``:
    the changes of other modules' tabs of the card (attestation), written in the same unit."""
    card = _normalised(card)
    problems = validate_person(card, rules_, today)
    for tab in also:  # all the card's problems at once, its tabs' too
        problems.update(tab.problems())
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        person = load_or_new(s, Person, card.id, "Педагог не найден: возможно, запись удалили "
                                                 "на другом компьютере.")
        created = card.id is None
        if not created:  # the decisions written first: the category follows them
            _write_also(s, person.id, also, overwrite)
        base = _normalised(loaded) if loaded is not None and not created else None
        kept = _DERIVED if not created and _decided(s, person) else frozenset()
        names = [n for n in PERSON_FIELDS if n not in kept]
        changes = write_fields(person, card, base, names, "persons", overwrite)
        s.add(person)
        s.flush()
        log = _Log(s, person.id)
        if created or changes:
            log.record("persons", person.id, CREATED if created else CHANGED,
                       [c for c in changes if c[1] not in (None, "") or c[2] not in (None, "")])
        _sync_children(s, person, card, base, log, overwrite)
        if created:
            _write_also(s, person.id, also, overwrite)
        person_id = person.id
    return person_id


def _write_also(s: Session, person_id: str, also: Sequence[CardWrite], overwrite: bool) -> None:
    for changes in also:
        changes.write_in(s, person_id, overwrite)
    s.flush()


_DERIVED = frozenset({"category", "category_date"})


def _decided(s: Session, person: Person) -> bool:
    return s.scalar(select(AttestationRecord.id).where(
        AttestationRecord.person_id == person.id, AttestationRecord.decision != "",
        AttestationRecord.decided_on.is_not(None)).limit(1)) is not None


def delete_person(person_id: str) -> None:
    with session_scope() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("Педагог не найден: возможно, запись уже удалили.")
        _Log(s, person_id).record("persons", person_id, DELETED,
                                  [("ФИО", _full(person), None)])
        s.delete(person)


def add_course_to_many(person_ids: Iterable[str], course: CourseData, rules_: Rules) -> int:
    """The same finished course for a cohort; all or nothing. The number of records added."""
    problems = check_course(course, rules_)
    if problems:
        raise ValidationFailed(problems)
    ids = list(dict.fromkeys(person_ids))
    with session_scope() as s:
        people = s.scalars(select(Person).where(Person.id.in_(ids))).all()
        if len(people) != len(ids):
            raise NotFound("Часть педагогов не найдена: возможно, их удалили. Ничего не добавлено.")
        for person in people:
            log = _Log(s, person.id)
            child = Course(**_values(course))
            person.courses.append(child)
            s.flush()
            log.record("courses", child.id, CREATED, [("program", None, course.program)])
    return len(ids)


__all__ = ["AwardData", "CourseData", "EducationData", "EmploymentData", "ExperienceData"]
