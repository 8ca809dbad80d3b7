"""Units of work of the methodist's journal: validate, save, delete. Nothing is written when
a field is wrong (ValidationFailed names every field at fault, in Russian)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.methodist import rules
from imc_desktop.services.methodist.records import (
    CATEGORIES,
    CONSULTATIONS,
    FORMS,
    KINDS,
    MODES,
    PLAN,
    PLAN_ITEM_KINDS,
    VISITS,
    ConsultationData,
    MethodistRow,
    PlanItemData,
    VisitData,
)
from models import Consultation, MethodistProfile, PlanItem, SchoolVisit

MAX_MINUTES = 600
MAX_PARTICIPANTS = 1000


def _text(value: str) -> str:
    return " ".join(value.split())


def _one_of(problems: dict[str, str], field: str, value: str, allowed: tuple[str, ...],
            title: str) -> None:
    if value not in allowed:
        problems[field] = f"{title}: «{value}» — нет такого значения (допустимо: " \
                          f"{', '.join(allowed)})."


def _date_problem(day: date | None, title: str) -> str:
    if day is None:
        return f"{title}: укажите дату."
    if day > clock.today():
        return f"{title}: {day:%d.%m.%Y} — дата ещё не наступила."
    if day.year < 2000:
        return f"{title}: {day:%d.%m.%Y} — слишком ранняя дата."
    return ""


# ---------------------------------------------------------------- consultations

def validate_consultation(data: ConsultationData) -> dict[str, str]:
    p: dict[str, str] = {}
    if problem := _date_problem(data.held_on, "Дата консультации"):
        p["held_on"] = problem
    if not data.methodist_id:
        p["methodist_id"] = "Методист: выберите, кто консультировал."
    if not (data.person_id or data.organization_id or _text(data.whom_text)):
        p["whom_text"] = "Кому: выберите педагога или ОО либо впишите, кому дана консультация."
    _one_of(p, "form", data.form, FORMS, "Форма")
    _one_of(p, "mode", data.mode, MODES, "Способ")
    _one_of(p, "category", data.category, CATEGORIES, "Категория вопроса")
    if not _text(data.topic):
        p["topic"] = "Тема: впишите, о чём консультация."
    if not 1 <= data.participants <= MAX_PARTICIPANTS:
        p["participants"] = f"Участников: от 1 до {MAX_PARTICIPANTS}, а не {data.participants}."
    elif data.form == FORMS[0] and data.participants != 1:
        p["participants"] = "Индивидуальная консультация — для одного участника; " \
                            "для нескольких выберите форму «групповая»."
    if data.minutes is not None and not 1 <= data.minutes <= MAX_MINUTES:
        p["minutes"] = f"Продолжительность: от 1 до {MAX_MINUTES} минут, а не {data.minutes}."
    return p


def save_consultation(data: ConsultationData, loaded: ConsultationData | None = None
                      ) -> str:
    """Create or change a consultation; the id."""
    data = replace(data, topic=data.topic.strip(), whom_text=_text(data.whom_text),
                   result=data.result.strip())
    problems = validate_consultation(data)
    if problems:
        raise ValidationFailed(problems)
    names = [n for n in ConsultationData.__dataclass_fields__ if n != "id"]
    with session_scope() as s:
        record = load_or_new(s, Consultation, data.id,
                             "Консультация не найдена: возможно, её удалили.")
        write_fields(record, data, loaded if data.id else None, names, CONSULTATIONS)
        s.add(record)
        s.flush()
        return record.id


def delete_consultations(ids: Iterable[str]) -> int:
    return _delete(Consultation, ids)


# ---------------------------------------------------------------- visits

def validate_visit(data: VisitData) -> dict[str, str]:
    p: dict[str, str] = {}
    if problem := _date_problem(data.visited_on, "Дата посещения"):
        p["visited_on"] = problem
    if not data.methodist_id:
        p["methodist_id"] = "Методист: выберите, кто посетил ОО."
    if not data.organization_id:
        p["organization_id"] = "ОО: выберите организацию, которую посетили."
    _one_of(p, "kind", data.kind, KINDS, "Вид посещения")
    if data.is_lesson:
        if not data.person_id:
            p["person_id"] = "Педагог: для посещения урока выберите учителя."
        if not _text(data.subject):
            p["subject"] = "Предмет: для посещения урока укажите предмет."
        if problem := rules.marks_problem(rules.parse_marks(data.marks)):
            p["marks"] = problem
    elif not _text(data.purpose):
        p["purpose"] = "Цель: впишите цель выезда в ОО."
    if len(data.class_name) > 20:
        p["class_name"] = "Класс: не длиннее 20 знаков (например, 7Б)."
    return p


def save_visit(data: VisitData, loaded: VisitData | None = None) -> str:
    data = replace(data, class_name=_text(data.class_name), subject=_text(data.subject),
                   purpose=data.purpose.strip(), lesson_topic=data.lesson_topic.strip(),
                   recommendations=data.recommendations.strip())
    problems = validate_visit(data)
    if problems:
        raise ValidationFailed(problems)
    names = [n for n in VisitData.__dataclass_fields__ if n != "id"]
    with session_scope() as s:
        record = load_or_new(s, SchoolVisit, data.id,
                             "Посещение не найдено: возможно, его удалили.")
        write_fields(record, data, loaded if data.id else None, names, VISITS)
        s.add(record)
        s.flush()
        return record.id


def delete_visits(ids: Iterable[str]) -> int:
    return _delete(SchoolVisit, ids)


# ---------------------------------------------------------------- the plan

def validate_plan_item(data: PlanItemData) -> dict[str, str]:
    p: dict[str, str] = {}
    if data.month is None:
        p["month"] = "Месяц: укажите месяц плана."
    elif data.planned_on is not None and rules.month_start(data.planned_on) != data.month:
        p["planned_on"] = f"Дата {data.planned_on:%d.%m.%Y} — не в месяце плана " \
                          f"({data.month:%m.%Y})."
    if not data.methodist_id:
        p["methodist_id"] = "Методист: выберите, чей это план."
    if not _text(data.title):
        p["title"] = "Содержание: впишите, что запланировано."
    _one_of(p, "kind", data.kind, PLAN_ITEM_KINDS, "Вид работы")
    return p


def save_plan_item(data: PlanItemData, loaded: PlanItemData | None = None) -> str:
    month = rules.month_start(data.month) if data.month else None
    data = replace(data, month=month, title=data.title.strip(), note=data.note.strip())
    problems = validate_plan_item(data)
    if problems:
        raise ValidationFailed(problems)
    names = [n for n in PlanItemData.__dataclass_fields__ if n != "id"]
    with session_scope() as s:
        record = load_or_new(s, PlanItem, data.id,
                             "Пункт плана не найден: возможно, его удалили.")
        write_fields(record, data, loaded if data.id else None, names, PLAN)
        s.add(record)
        s.flush()
        return record.id


def delete_plan_items(ids: Iterable[str]) -> int:
    return _delete(PlanItem, ids)


# ---------------------------------------------------------------- methodists

def save_methodist(row: MethodistRow) -> str:
    """Add or change a methodist of the ИМЦ: the pedagogue and what he curates."""
    if not row.person_id:
        raise ValidationFailed({"person_id": "Методист: выберите педагога из реестра."})
    with session_scope() as s:
        taken = s.scalar(select(MethodistProfile.id).where(
            MethodistProfile.person_id == row.person_id, MethodistProfile.id != (row.id or "")))
        if taken:
            raise ValidationFailed({"person_id": "Этот педагог уже в списке методистов ИМЦ."})
        record = load_or_new(s, MethodistProfile, row.id,
                             "Методист не найден: возможно, его удалили.")
        record.person_id = row.person_id
        record.subjects = "; ".join(x for x in (_text(v) for v in row.subjects.split(";")) if x)
        record.organization_ids = "; ".join(row.organization_ids)
        record.associations = row.associations.strip()
        record.is_active = row.is_active
        s.add(record)
        s.flush()
        return record.id


def delete_methodists(ids: Iterable[str]) -> int:
    return _delete(MethodistProfile, ids)


Deletable = type[Consultation] | type[SchoolVisit] | type[PlanItem] | type[MethodistProfile]


def _delete(model: Deletable, ids: Iterable[str]) -> int:
    """Delete the records one by one (the access check and the sync see each); the count."""
    with session_scope() as s:
        found = list(s.scalars(select(model).where(model.id.in_(list(ids)))))
        for record in found:
            s.delete(record)
        return len(found)

