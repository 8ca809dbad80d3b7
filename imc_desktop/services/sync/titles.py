"""Russian names of lists and fields for the conflicts and the journal of changes.

A field not named here is shown by its column name; a module may add its own names with
`FIELD_TITLES.update(...)` in its service module.
"""

from __future__ import annotations

from imc_desktop.validation import mask_inn, mask_snils

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
    "": "запись", "id": "идентификатор",
    # Оборудование
    "inventory_number": "инвентарный номер", "manufacturer": "изготовитель",
    "model": "модель", "serial_number": "заводской номер", "characteristics": "характеристики",
    "cpu": "процессор", "ram": "память", "disk": "диск", "os": "операционная система",
    "okof": "ОКОФ", "room": "помещение", "responsible": "МОЛ", "user_name": "пользователь",
    "accepted_on": "принят к учёту", "cost": "стоимость", "funding": "источник финансирования",
    "warranty_until": "гарантия до", "status": "состояние", "act_id": "акт",
    "item_id": "объект", "previous_status": "прежнее состояние", "act_date": "дата акта",
    "number": "номер", "chairman": "председатель комиссии", "members": "члены комиссии",
    "reason": "основание", "confirmed": "утверждён", "confirmed_on": "дата утверждения",
    "basis_number": "номер приказа-основания", "basis_date": "дата приказа-основания",
    "from_organization_id": "от организации", "to_organization_id": "в организацию",
    "to_responsible": "новый МОЛ", "to_room": "в помещение", "contractor": "исполнитель",
    "event_date": "дата", "finished_on": "завершён", "from_text": "откуда", "to_text": "куда",
    "note": "примечание", "result": "результат", "retired_on": "выбыл",
    "session_id": "инвентаризация", "expected": "числится", "state": "отметка",
    "started_on": "начата", "closed_on": "завершена",
    # Мероприятия
    "title": "название", "description": "описание", "starts_at": "начало",
    "ends_at": "окончание", "all_day": "весь день", "place_organization_id": "место (ОО)",
    "place_text": "место", "organizer_id": "организатор", "audience_positions": "аудитория",
    "audience_subjects": "предметы аудитории", "capacity": "мест", "repeat_kind": "повтор",
    "repeat_until": "повторять до", "repeat_count": "число повторов", "series_id": "серия",
    "is_exception": "изменено отдельно", "event_id": "мероприятие", "role": "роль",
    "registered_on": "зарегистрирован", "attended": "присутствовал", "nomination": "номинация",
    "place": "место", "score": "баллы", "organization_text": "организация (текст)",
    "participant_id": "участник", "event_title": "мероприятие (название)",
    "printed_times": "напечатан раз",
    # Литература
    "authors": "авторы", "grade_from": "класс с", "grade_to": "класс по",
    "subject": "предмет", "publisher": "издательство", "isbn": "ISBN",
    "fpu_number": "номер в ФПУ", "fpu_status": "статус в ФПУ",
    "use_until": "использовать до", "excluded_on": "дата исключения из ФПУ",
    "price_kopecks": "цена, коп.", "doc_date": "дата",
    "from_org_id": "отправитель", "to_org_id": "получатель", "supplier": "поставщик",
    "supplier_doc_number": "номер накладной поставщика",
    "supplier_doc_date": "дата накладной поставщика", "act_number": "номер акта",
    "return_by": "вернуть до", "return_of_id": "возврат по документу", "posted": "проведён",
    "document_id": "документ", "title_id": "издание", "quantity": "количество",
    "grade": "класс",
}

#: Where a column name means something else in one table.
TABLE_FIELD_TITLES: dict[str, dict[str, str]] = {
    "user_roles": {"login": "имя входа", "full_name": "ФИО", "role": "роль",
                   "organizations": "ОО методиста", "is_active": "активен"},
    "audit_log": {"site": "компьютер (id)", "seq": "номер в цепочке", "at": "когда",
                  "user_name": "пользователь", "workstation": "компьютер",
                  "action": "действие", "subject": "что", "detail": "подробности",
                  "persons": "число лиц", "prev_hash": "хеш предыдущей",
                  "hash": "хеш записи"},
    "attestation_records": {"started_on": "начало аттестации"},
    "equipment_acts": {"kind": "вид акта"},
    "equipment_events": {"kind": "событие"},
    "equipment_items": {"kind": "тип", "name": "наименование"},
    "events": {"kind": "вид мероприятия", "status": "статус", "level": "уровень"},
    "event_participants": {"full_name": "ФИО", "place": "занятое место",
                           "person_id": "педагог"},
    "issued_documents": {"kind": "документ", "number": "номер документа"},
    "literature_documents": {"kind": "вид документа", "reason": "причина списания"},
    "literature_lines": {"position": "номер строки"},
    "inventory_lines": {"position": "номер строки", "name": "наименование"},
    "organization_grade_pupils": {"pupils": "обучающихся"},
    # Методическая сеть
    "network_associations": {
        "kind": "вид объединения", "name": "наименование", "subject": "предмет (направление)",
        "education_level": "уровень образования", "head_id": "руководитель",
        "curator_id": "куратор", "year": "учебный год (начало)", "theme": "тема года",
        "status": "статус"},
    "network_members": {"association_id": "объединение", "role": "роль",
                        "joined_on": "вступил", "left_on": "выбыл"},
    "network_meetings": {"association_id": "объединение", "event_id": "мероприятие",
                         "theme": "тема", "form": "форма", "speakers": "выступающие",
                         "responsible_id": "ответственный",
                         "protocol_number": "номер протокола", "agenda": "повестка",
                         "heard": "слушали", "spoke": "выступили", "decided": "решили"},
    "network_decisions": {"meeting_id": "заседание", "text": "решение",
                          "responsible_id": "ответственный", "deadline": "срок",
                          "done_on": "выполнено"},
    "network_sites": {"kind": "вид площадки", "theme": "тема", "starts_on": "начало",
                      "ends_on": "окончание", "responsible_id": "ответственный",
                      "report_received": "отчёт получен",
                      "report_received_on": "дата отчёта"},
    "mentoring_pairs": {"mentor_id": "наставник", "mentee_id": "наставляемый",
                        "form": "форма наставничества", "starts_on": "начало",
                        "ends_on": "окончание"},
    "mentoring_plan_items": {"pair_id": "пара наставничества", "text": "мероприятие плана",
                             "deadline": "срок", "done_on": "выполнено"},
    # Запросы и мониторинги
    "incoming_requests": {"sender": "от кого", "number": "номер", "received_on": "дата",
                          "subject": "о чём", "deadline_at": "срок", "responsible": "исполнитель",
                          "status": "состояние", "answer_number": "номер ответа",
                          "answer_date": "дата ответа", "files": "файлы"},
    "data_collections": {"title": "название", "request_id": "запрос",
                         "deadline_at": "срок", "addressees": "кому",
                         "addressee_kind": "тип ОО-адресатов", "mode": "вид таблицы",
                         "prefill": "заполнять из модуля", "template": "шаблон",
                         "template_version": "версия шаблона", "created_on": "создан",
                         "folder": "папка бланков"},
    "collection_answers": {"collection_id": "сбор данных", "status": "состояние",
                           "sent_on": "отправлено", "received_on": "получено",
                           "accepted_on": "принято", "file_path": "файл",
                           "remarks": "замечания", "data": "данные"},
}

TABLE_TITLES: dict[str, str] = {
    "organizations": "Организации", "persons": "Педагоги", "employments": "Места работы",
    "educations": "Образование", "experiences": "Стаж", "courses": "Курсы (КПК)",
    "awards": "Награды", "attestation_records": "Аттестация",
    "leave_periods": "Отпуска и периоды",
    "equipment_items": "Оборудование", "equipment_acts": "Акты по оборудованию",
    "equipment_act_lines": "Строки актов по оборудованию",
    "equipment_events": "История оборудования",
    "equipment_issued_numbers": "Выбывшие инвентарные номера",
    "inventory_sessions": "Инвентаризации", "inventory_lines": "Строки инвентаризаций",
    "events": "Мероприятия", "event_participants": "Участники мероприятий",
    "issued_documents": "Выданные сертификаты и дипломы",
    "literature_titles": "Каталог литературы",
    "user_roles": "Пользователи и роли", "audit_log": "Журнал аудита",
    "literature_documents": "Документы движения литературы",
    "literature_lines": "Строки документов литературы",
    "organization_grade_pupils": "Обучающиеся по классам",
    "network_associations": "Методические объединения",
    "network_members": "Участники объединений",
    "network_meetings": "Заседания объединений",
    "network_decisions": "Решения заседаний",
    "network_sites": "Площадки", "mentoring_pairs": "Пары наставничества",
    "mentoring_plan_items": "Планы наставничества",
    "incoming_requests": "Входящие запросы", "data_collections": "Сборы данных от ОО",
    "collection_answers": "Ответы ОО на сборы данных",
}


# Журнал методиста
TABLE_TITLES.update({
    "methodist_profiles": "Методисты ИМЦ", "consultations": "Консультации",
    "school_visits": "Посещения ОО и уроков", "methodist_plan_items": "Планы методистов",
})
TABLE_FIELD_TITLES.update({
    "methodist_profiles": {"subjects": "курирует предметы", "organization_ids": "курирует ОО",
                           "associations": "курирует объединения", "is_active": "работает"},
    "consultations": {"held_on": "дата", "methodist_id": "методист", "person_id": "кому (педагог)",
                      "whom_text": "кому", "mode": "способ", "category": "категория вопроса",
                      "topic": "тема", "participants": "участников",
                      "minutes": "продолжительность, мин"},
    "school_visits": {"visited_on": "дата", "methodist_id": "методист", "kind": "вид посещения",
                      "purpose": "цель", "person_id": "учитель", "class_name": "класс",
                      "lesson_topic": "тема урока", "marks": "оценки по критериям",
                      "recommendations": "рекомендации"},
    "methodist_plan_items": {"methodist_id": "методист", "month": "месяц",
                             "planned_on": "дата", "kind": "вид работы", "title": "содержание",
                             "visit_id": "посещение", "consultation_id": "консультация",
                             "done_by_hand": "выполнено (отмечено)"},
})

def field_title(column: str, table: str = "") -> str:
    own = TABLE_FIELD_TITLES.get(table, {})
    return own.get(column) or FIELD_TITLES.get(column, column)


def table_title(table: str) -> str:
    return TABLE_TITLES.get(table, table)


#: personal numbers are shown masked, as in the lists (152-ФЗ)
MASKED = {("persons", "snils"): mask_snils, ("persons", "inn"): mask_inn}


def shown_value(table: str, column: str, raw: str | None) -> str:
    """A stored JSON value as the user reads it: да/нет, dd.mm.yyyy, text."""
    import json
    from datetime import UTC, datetime

    from sqlalchemy import Boolean, Date, DateTime

    from models import Base
    from models.base import UTCDateTime

    value = json.loads(raw) if raw is not None else None
    if value is None:
        return ""
    if (table, column) in MASKED:
        return MASKED[(table, column)](str(value))
    found = Base.metadata.tables.get(table)
    kind = found.columns[column].type if found is not None and column in found.columns else None
    if isinstance(kind, Boolean):
        return "да" if value else "нет"
    if isinstance(kind, Date) and isinstance(value, str) and len(value) == 10:
        return f"{value[8:10]}.{value[5:7]}.{value[0:4]}"
    if isinstance(kind, DateTime | UTCDateTime) and isinstance(value, str) and len(value) >= 16:
        moment = datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone()
        return moment.strftime("%d.%m.%Y %H:%M")
    return str(value)
