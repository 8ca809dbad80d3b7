"""Russian names of lists and fields for the conflicts and the journal of changes.

A field not named here is shown by its column name; a module may add its own names with
`FIELD_TITLES.update(...)` in its service module.
"""

from __future__ import annotations

FIELD_TITLES: dict[str, str] = {
    "created_at": "создано", "updated_at": "изменено", "full_name": "полное наименование",
    "short_name": "краткое наименование", "kind": "вид", "legal_form": "ОПФ", "inn": "ИНН",
    "kpp": "КПП", "ogrn": "ОГРН", "okpo": "ОКПО", "legal_address": "юридический адрес",
    "actual_address": "фактический адрес", "is_rural": "сельская",
    "head_name": "руководитель", "head_phone": "телефон руководителя",
    "head_email": "e-mail руководителя", "website": "сайт", "pupils": "обучающихся",
    "is_active": "действующая", "reorganized_on": "реорганизована",
    "last_name": "фамилия", "first_name": "имя", "middle_name": "отчество", "sex": "пол",
    "birth_date": "дата рождения", "snils": "СНИЛС", "phone": "телефон", "email": "e-mail",
    "category": "категория", "category_date": "дата категории",
    "academic_degree": "учёная степень", "notes": "примечания", "person_id": "педагог",
    "organization_id": "организация", "position": "должность", "job_type": "вид работы",
    "load": "ставка", "subjects": "предметы", "hired_on": "принят",
    "appointed_on": "назначен на должность", "left_on": "уволен", "level": "уровень",
    "is_pedagogical": "педагогическое", "institution": "учебное заведение", "year": "год",
    "speciality": "специальность", "qualification": "квалификация", "years": "лет",
    "months": "месяцев", "as_of": "на дату", "program": "программа",
    "provider": "организатор", "form": "форма", "start_date": "начало",
    "end_date": "окончание", "hours": "часов", "document_kind": "документ",
    "document_series": "серия", "document_number": "номер",
    "registration_number": "регистрационный номер", "issued_on": "выдан", "name": "название",
    "awarded_on": "дата награждения", "document": "документ", "applied_on": "заявление от",
    "channel": "способ подачи", "stage": "этап", "decision": "решение",
    "decided_on": "дата решения", "order_number": "номер приказа",
    "order_date": "дата приказа", "order_body": "кем издан приказ",
    "valid_until": "действует до", "simplified": "упрощённая",
    "simplified_basis": "основание упрощённой", "start": "начало", "end": "окончание",
    "": "запись",
}

TABLE_TITLES: dict[str, str] = {
    "organizations": "Организации", "persons": "Педагоги", "employments": "Места работы",
    "educations": "Образование", "experiences": "Стаж", "courses": "Курсы (КПК)",
    "awards": "Награды", "attestation_records": "Аттестация",
    "leave_periods": "Отпуска и периоды",
}


def field_title(column: str) -> str:
    return FIELD_TITLES.get(column, column)


def table_title(table: str) -> str:
    return TABLE_TITLES.get(table, table)


def shown_value(table: str, column: str, raw: str | None) -> str:
    """A stored JSON value as the user reads it: да/нет, dd.mm.yyyy, text."""
    import json

    from sqlalchemy import Boolean, Date

    from models import Base

    value = json.loads(raw) if raw is not None else None
    if value is None:
        return ""
    found = Base.metadata.tables.get(table)
    kind = found.columns[column].type if found is not None and column in found.columns else None
    if isinstance(kind, Boolean):
        return "да" if value else "нет"
    if isinstance(kind, Date) and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}.{value[5:7]}.{value[0:4]}"
    return str(value)
