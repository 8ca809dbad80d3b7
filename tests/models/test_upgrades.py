"""Upgrades: a database made by every earlier schema version opens, migrates and keeps its rows.

For each revision R before the head, a fresh file is migrated to R only (what a workstation
running that release has), filled with the sample rows valid at R with raw SQL, then opened
by the current program: it must be backed up as `<stem>-before-migration-R-*.sqlite`,
migrated to the head, and still hold every row with every value.

The data drives everything. A new revision that
- adds a table: add `"NNNN": {"table": [rows...]}` to SAMPLES (tables in insertion order);
- adds a column to an existing table: add the key to the sample rows of that table (a
  column is only written where the table has it at R, so older revisions are unaffected).
`test_every_table_of_the_head_schema_has_samples` fails until the new table has rows.

A database made by a *newer* version is refused and left untouched: see
tests/models/test_migrations.py::test_database_from_a_newer_version_is_refused_and_left_alone.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select

from imc_desktop import db
from models import Base

Row = dict[str, Any]

ORG_SCHOOL = "5d0c2a52-3b1e-4c7a-9b7e-0a1f2b3c4d01"
ORG_KINDERGARTEN = "5d0c2a52-3b1e-4c7a-9b7e-0a1f2b3c4d02"
PERSON_A = "7a1b2c3d-0000-4000-8000-000000000001"
PERSON_B = "7a1b2c3d-0000-4000-8000-000000000002"
SYNC_SITE = "9c8b7a65-4321-4abc-8def-0123456789ab"
SYNC_CLOCK = "00117683582027825152"
STAMP = {"created_at": "2025-09-01 08:30:00.000000", "updated_at": "2026-02-10 14:05:12.345678"}


def _org(**values: Any) -> Row:
    base: Row = {
        "legal_form": "МБОУ", "inn": "", "kpp": "", "ogrn": "", "okpo": "",
        "legal_address": "", "actual_address": "", "is_rural": 0, "head_name": "",
        "head_phone": "", "head_email": "", "website": "", "pupils": None, "is_active": 1,
        "reorganized_on": None,
    }
    return {**STAMP, **base, **values}


#: revision -> {table: rows}: the rows a database of that revision (and later) can hold.
SAMPLES: dict[str, dict[str, list[Row]]] = {
    "0001": {
        "organizations": [
            _org(id=ORG_SCHOOL, full_name="Муниципальное бюджетное общеобразовательное "
                 "учреждение «Средняя общеобразовательная школа № 1»",
                 short_name="МБОУ СОШ № 1", kind="школа", inn="3664012345", kpp="366401001",
                 ogrn="1023601234567", okpo="12345678",
                 legal_address="396000, Воронежская обл., с. Ивановка, ул. Ленина, д. 1",
                 actual_address="396000, Воронежская обл., с. Ивановка, ул. Ленина, д. 1",
                 is_rural=1, head_name="Петрова Анна Сергеевна", head_phone="+7 473 111-22-33",
                 head_email="school1@example.ru", website="https://school1.example.ru",
                 pupils=412),
            _org(id=ORG_KINDERGARTEN, full_name="МБДОУ «Детский сад № 5 „Ёлочка“»",
                 short_name="Детский сад № 5", kind="детский сад", legal_form="МБДОУ",
                 is_active=0, reorganized_on="2024-12-31"),
        ],
    },
    "0003": {
        "persons": [
            {**STAMP, "id": PERSON_A, "last_name": "Ёлкина", "first_name": "Мария",
             "middle_name": "Ивановна", "sex": "Ж", "birth_date": "1979-03-08",
             "snils": "11223344595", "inn": "366401234567", "phone": "+7 900 000-00-01",
             "email": "elkina@example.ru", "category": "высшая",
             "category_date": "2022-04-15", "academic_degree": "кандидат педагогических наук",
             "notes": "Руководитель РМО учителей математики"},
            {**STAMP, "id": PERSON_B, "last_name": "Соколов", "first_name": "Пётр",
             "middle_name": "", "sex": "М", "birth_date": None, "snils": "", "inn": "",
             "phone": "", "email": "", "category": "", "category_date": None,
             "academic_degree": "", "notes": ""},
        ],
        "employments": [
            {**STAMP, "id": "e-1", "person_id": PERSON_A, "organization_id": ORG_SCHOOL,
             "position": "учитель", "job_type": "основное", "load": 1.25,
             "subjects": "математика; информатика", "hired_on": "2001-09-01",
             "appointed_on": "2001-09-01", "left_on": None},
            {**STAMP, "id": "e-2", "person_id": PERSON_B, "organization_id": ORG_KINDERGARTEN,
             "position": "воспитатель", "job_type": "совместительство", "load": None,
             "subjects": "", "hired_on": None, "appointed_on": None, "left_on": "2024-12-31"},
        ],
        "educations": [
            {**STAMP, "id": "ed-1", "person_id": PERSON_A, "level": "высшее",
             "is_pedagogical": 1, "institution": "Воронежский государственный педагогический "
             "университет", "year": 2001, "speciality": "Математика",
             "qualification": "учитель математики и информатики"},
        ],
        "experiences": [
            {**STAMP, "id": "x-1", "person_id": PERSON_A, "kind": "педагогический",
             "years": 24, "months": 7, "as_of": "2026-01-01"},
        ],
        "courses": [
            {**STAMP, "id": "c-1", "person_id": PERSON_A, "kind": "ПК",
             "program": "Методика обучения математике в условиях ФГОС",
             "provider": "ВИРО", "form": "очная", "start_date": "2025-03-01",
             "end_date": "2025-03-28", "hours": 72, "document_kind": "удостоверение",
             "document_series": "36 04", "document_number": "000123",
             "registration_number": "ПК-2025/77", "issued_on": "2025-03-28"},
            {**STAMP, "id": "c-2", "person_id": PERSON_B, "kind": "ПП",
             "program": "Дошкольное образование", "provider": "", "form": "",
             "start_date": None, "end_date": "2019-06-30", "hours": 520,
             "document_kind": "диплом", "document_series": "", "document_number": "",
             "registration_number": "", "issued_on": None},
        ],
        "awards": [
            {**STAMP, "id": "a-1", "person_id": PERSON_A, "level": "региональный",
             "name": "Почётная грамота департамента образования",
             "awarded_on": "2020-10-05", "document": "приказ № 123 от 01.10.2020"},
        ],
        "change_log": [
            {"id": 1, "changed_at": "2026-02-10 14:05:12.345678", "user_name": "metodist",
             "workstation": "IMC-PC-01", "table_name": "persons", "record_id": PERSON_A,
             "person_id": PERSON_A, "action": "update", "field": "category",
             "old_value": "первая", "new_value": "высшая"},
        ],
    },
    "0004": {
        "attestation_records": [
            {**STAMP, "id": "at-1", "person_id": PERSON_A, "organization_id": ORG_SCHOOL,
             "position": "учитель", "kind": "высшая", "applied_on": "2022-03-01",
             "channel": "Госуслуги", "stage": "решение", "decision": "установлена",
             "decided_on": "2022-04-15", "order_number": "512-од", "order_date": "2022-04-20",
             "order_body": "Департамент образования", "valid_until": "2027-04-15",
             "simplified": 0, "simplified_basis": ""},
        ],
        "leave_periods": [
            {**STAMP, "id": "lv-1", "person_id": PERSON_B, "kind": "отпуск по уходу за ребёнком",
             "start": "2023-01-10", "end": None},
        ],
    },
    "0005": {
        "equipment_items": [
            {**STAMP, "id": "eq-1", "inventory_number": "ВА0000000101", "name": "Ноутбук",
             "kind": "ноутбук", "manufacturer": "Lenovo", "model": "ThinkPad E14",
             "serial_number": "PF-12345", "cpu": "Intel Core i5-1135G7", "ram": "8 ГБ",
             "disk": "SSD 256 ГБ", "os": "Astra Linux", "characteristics": "", "okof":
             "320.26.20.11", "organization_id": ORG_SCHOOL, "room": "каб. 12",
             "responsible": "Петрова А.И.", "user_name": "", "accepted_on": "2021-09-01",
             "cost": 54320.5, "funding": "национальный проект «Образование»",
             "warranty_until": "2024-09-01", "status": "в эксплуатации", "notes": ""},
        ],
        "equipment_acts": [
            {**STAMP, "id": "act-1", "kind": "приёма-передачи", "number": "7",
             "act_date": "2025-02-03", "from_organization_id": ORG_SCHOOL,
             "to_organization_id": ORG_KINDERGARTEN, "to_room": "группа 2",
             "to_responsible": "", "reason": "", "chairman": "", "members": "",
             "confirmed": 1, "confirmed_on": "2025-02-03", "basis_number": "12-о",
             "basis_date": "2025-01-28"},
        ],
        "equipment_act_lines": [
            {**STAMP, "id": "al-1", "act_id": "act-1", "item_id": "eq-1",
             "previous_status": "в эксплуатации"},
        ],
        "equipment_events": [
            {**STAMP, "id": "ev-1", "item_id": "eq-1", "kind": "ремонт",
             "event_date": "2024-03-01", "act_id": None, "from_text": "", "to_text": "",
             "contractor": "ООО «Сервис»", "cost": 1500.0, "finished_on": "2024-03-12",
             "result": "заменена клавиатура", "note": ""},
        ],
        "equipment_issued_numbers": [
            {**STAMP, "id": "in-1", "inventory_number": "ВА0000000099", "name": "Принтер",
             "retired_on": "2025-01-15", "reason": "удалён"},
        ],
        "inventory_sessions": [
            {**STAMP, "id": "is-1", "organization_id": ORG_SCHOOL, "number": "1",
             "started_on": "2025-11-01", "closed_on": None, "chairman": "",
             "members": "", "responsible": ""},
        ],
        "inventory_lines": [
            {**STAMP, "id": "il-1", "session_id": "is-1", "item_id": "eq-1", "position": 1,
             "inventory_number": "ВА0000000101", "name": "Ноутбук", "serial_number":
             "PF-12345", "cost": 54320.5, "expected": 1, "state": "в наличии", "note": ""},
        ],
    },
    "0006": {
        "literature_titles": [
            {**STAMP, "id": "lt-1", "kind": "учебник", "authors": "Виленкин Н.Я., Жохов В.И.",
             "title": "Математика. 5 класс. Часть 1", "grade_from": 5, "grade_to": 5,
             "subject": "Математика", "publisher": "Просвещение", "year": 2023,
             "isbn": "9785090874585", "fpu_number": "1.1.2.4.1.1.1", "level": "базовый",
             "fpu_status": "исключён", "use_until": "2027-08-31", "price_kopecks": 73450},
        ],
        "literature_documents": [
            {**STAMP, "id": "ld-1", "kind": "выдача", "number": "12", "doc_date": "2025-08-25",
             "from_org_id": None, "to_org_id": ORG_SCHOOL, "supplier": "",
             "supplier_doc_number": "", "supplier_doc_date": None, "reason": "",
             "act_number": "", "return_by": "2026-06-01", "return_of_id": None, "posted": 1,
             "notes": "Из обменного фонда"},
        ],
        "literature_lines": [
            {**STAMP, "id": "ll-1", "document_id": "ld-1", "title_id": "lt-1", "position": 1,
             "quantity": 25, "price_kopecks": 73450},
        ],
        "organization_grade_pupils": [
            {**STAMP, "id": "gp-1", "organization_id": ORG_SCHOOL, "grade": 5, "pupils": 27},
        ],
    },
    "0007": {
        "events": [
            {**STAMP, "id": "ev-1", "kind": "конкурс", "title": "«Учитель года — 2026»",
             "description": "Муниципальный этап; «кавычки», запятые; и ёлки",
             "starts_at": "2026-02-10 10:00:00.000000", "ends_at": "2026-02-12 16:00:00.000000",
             "all_day": 0, "place_organization_id": ORG_SCHOOL, "place_text": "",
             "organizer_id": PERSON_A, "audience_positions": "учитель",
             "audience_subjects": "математика; физика", "level": "муниципальный",
             "status": "проведено", "capacity": 30, "series_id": None, "repeat_kind": "",
             "repeat_until": None, "repeat_count": None, "is_exception": 0},
            {**STAMP, "id": "ev-2", "kind": "заседание РМО", "title": "РМО учителей математики",
             "description": "", "starts_at": "2026-03-05 14:00:00.000000",
             "ends_at": "2026-03-05 15:30:00.000000", "all_day": 0,
             "place_organization_id": None, "place_text": "ИМЦ, каб. 12", "organizer_id": None,
             "audience_positions": "", "audience_subjects": "", "level": "муниципальный",
             "status": "перенесено", "capacity": None, "series_id": "ser-1",
             "repeat_kind": "ежемесячно", "repeat_until": "2026-05-31", "repeat_count": None,
             "is_exception": 1},
        ],
        "event_participants": [
            {**STAMP, "id": "ep-1", "event_id": "ev-1", "person_id": PERSON_A,
             "full_name": "Ёлкина Мария Ивановна", "organization_id": ORG_SCHOOL,
             "organization_text": "", "position": "учитель", "role": "участник",
             "registered_on": "2026-01-20", "attended": 1, "result": "победитель",
             "nomination": "Лучший урок", "place": 1, "score": 97.5},
            {**STAMP, "id": "ep-2", "event_id": "ev-1", "person_id": None,
             "full_name": "Гость Иван", "organization_id": None,
             "organization_text": "Областной институт", "position": "", "role": "член жюри",
             "registered_on": None, "attended": None, "result": "", "nomination": "",
             "place": None, "score": None},
        ],
        "issued_documents": [
            {**STAMP, "id": "doc-1", "participant_id": "ep-1", "event_id": "ev-1",
             "kind": "диплом", "year": 2026, "number": 17, "full_name": "Ёлкина Мария Ивановна",
             "event_title": "«Учитель года — 2026»", "result": "победитель",
             "issued_on": "2026-02-13", "printed_times": 2},
        ],
    },
    "0008": {
        "sync_state": [{"name": "site", "value": "0f5e8d3c-1111-4222-8333-444455556666"}],
        "sync_pending": [
            {"seq": 1, "table_name": "persons", "row_id": PERSON_A, "op": "U",
             "column_name": "phone", "seen": None, "value": None},
        ],
        "sync_applying": [],
        "sync_changes": [
            {"table_name": "persons", "row_id": PERSON_A, "column_name": "phone", "kind": "v",
             "key": f"{SYNC_CLOCK}.{SYNC_SITE}", "value": '"+7 900 000-00-01"', "seen": None,
             "site": SYNC_SITE, "segment": 1},
        ],
        "sync_tombstones": [
            {"table_name": "awards", "row_id": "aw-9", "key": f"{SYNC_CLOCK}.{SYNC_SITE}",
             "content": '{"name": "Грамота"}', "versions": "{}"},
        ],
        "sync_applied": [
            {"site": SYNC_SITE, "seq": 1, "sha256": "ab" * 32, "workstation": "Каб. 12",
             "user_name": "metodist"},
        ],
        "sync_published": [
            {"site": "0f5e8d3c-1111-4222-8333-444455556666", "seq": 1, "sha256": "cd" * 32,
             "data": None, "published": 1},
        ],
        "sync_conflicts": [
            {"id": 1, "table_name": "persons", "row_id": PERSON_A, "column_name": "phone",
             "kind": "field", "loser_key": f"{SYNC_CLOCK}.{SYNC_SITE}", "loser_value": '"1"',
             "winner_key": "", "winner_value": None},
        ],
        "sync_held": [
            {"id": 1, "site": SYNC_SITE, "seq": 2, "key": f"{SYNC_CLOCK}.{SYNC_SITE}",
             "line": '{"t": "rooms", "r": "x", "op": "u"}', "reason": "unknown"},
        ],
    },
    "0009": {
        "literature_titles": [
            {**STAMP, "id": "lt-2", "kind": "учебник", "authors": "Пёрышкин А.В.",
             "title": "Физика. 7 класс", "grade_from": 7, "grade_to": 7,
             "subject": "Физика", "publisher": "Дрофа", "year": 2019,
             "isbn": "9785358000000", "fpu_number": "1.1.2.5.1.1.1", "level": "",
             "fpu_status": "исключён", "use_until": None, "excluded_on": "2024-09-01",
             "price_kopecks": 61000},
        ],
    },
    "0011": {
        "attestation_records": [
            {**STAMP, "id": "at-2", "person_id": PERSON_A, "organization_id": ORG_SCHOOL,
             "position": "учитель", "kind": "педагог-наставник", "applied_on": "2026-09-01",
             "started_on": "2026-09-20", "channel": "лично", "stage": "на рассмотрении",
             "decision": "", "decided_on": None, "order_number": "", "order_date": None,
             "order_body": "", "valid_until": None, "simplified": 0, "simplified_basis": ""},
        ],
    },
    "0013": {
        "user_roles": [
            {**STAMP, "id": "ur-1", "login": "IMC\\ivanova", "full_name": "Иванова А. П.",
             "role": "методист", "organizations": f"{ORG_SCHOOL},{ORG_KINDERGARTEN}",
             "is_active": 1},
        ],
        "audit_log": [
            {**STAMP, "id": "au-1", "site": SYNC_SITE, "seq": 1,
             "at": "2026-12-01 09:00:00.000000", "user_name": "IMC\\ivanova",
             "workstation": "IMC-PC1", "action": "выгрузка", "subject": "Список педагогов",
             "detail": "xlsx", "persons": 12, "prev_hash": "", "hash": "0" * 64},
        ],
    },
    "0015": {
        "network_associations": [
            {**STAMP, "id": "na-1", "kind": "РМО", "name": "РМО учителей математики",
             "subject": "математика", "education_level": "общее образование",
             "head_id": PERSON_A, "curator_id": PERSON_B, "year": 2026,
             "theme": "Функциональная грамотность", "status": "действует", "notes": ""},
        ],
        "network_members": [
            {**STAMP, "id": "nm-1", "association_id": "na-1", "person_id": PERSON_A,
             "role": "руководитель", "joined_on": "2026-09-01", "left_on": None},
        ],
        "network_meetings": [
            {**STAMP, "id": "nt-1", "association_id": "na-1", "event_id": "ev-1",
             "theme": "Анализ ГИА", "form": "заседание", "speakers": "Иванова А. П.",
             "responsible_id": PERSON_A, "protocol_number": "1", "agenda": "1. Итоги",
             "heard": "Иванову", "spoke": "Петрову", "decided": "Принять к сведению"},
        ],
        "network_decisions": [
            {**STAMP, "id": "nd-1", "meeting_id": "nt-1", "text": "Провести открытые уроки",
             "responsible_id": PERSON_B, "deadline": "2026-12-20", "done_on": None},
        ],
        "network_sites": [
            {**STAMP, "id": "ns-1", "kind": "опорная школа", "organization_id": ORG_SCHOOL,
             "theme": "Цифровая школа", "order_number": "12-од", "order_date": "2026-09-10",
             "starts_on": "2026-09-10", "ends_on": "2029-08-31", "responsible_id": PERSON_B,
             "report_received": 1, "report_received_on": "2026-06-01"},
        ],
        "mentoring_pairs": [
            {**STAMP, "id": "mp-1", "mentor_id": PERSON_A, "mentee_id": PERSON_B,
             "form": "педагог – педагог", "starts_on": "2026-09-01", "ends_on": None,
             "notes": ""},
        ],
        "mentoring_plan_items": [
            {**STAMP, "id": "mi-1", "pair_id": "mp-1", "text": "Посещение уроков",
             "deadline": "2026-10-30", "done_on": "2026-10-28"},
        ],
    },
    "0016": {
        "incoming_requests": [
            {**STAMP, "id": "rq-1", "sender": "Департамент образования", "number": "01-12/345",
             "received_on": "2026-12-01", "subject": "О численности педагогов",
             "deadline_at": "2026-12-12 15:00:00.000000", "responsible": "Иванова А. П.",
             "status": "в работе", "answer_number": "", "answer_date": None,
             "files": "\\\\srv\\imc\\запрос.pdf", "notes": ""},
        ],
        "data_collections": [
            {**STAMP, "id": "dc-1", "title": "Кадры на 01.12", "request_id": "rq-1",
             "deadline_at": "2026-12-10 15:00:00.000000", "addressees": "all",
             "addressee_kind": "", "mode": "row", "prefill": "",
             "template": '[{"title": "Учителей", "kind": "number", "choices": []}]',
             "template_version": 2, "created_on": "2026-12-02", "folder": "", "notes": ""},
        ],
        "collection_answers": [
            {**STAMP, "id": "ca-1", "collection_id": "dc-1", "organization_id": ORG_SCHOOL,
             "status": "получено", "sent_on": "2026-12-02", "received_on": "2026-12-05",
             "accepted_on": None, "file_path": "C:\\Ответы\\Кадры — СОШ 1.xlsx",
             "remarks": "", "data": '[{"Учителей": 31}]'},
        ],
    },
    "0017": {
        "methodist_profiles": [
            {**STAMP, "id": "mp-1", "person_id": PERSON_A, "subjects": "Математика; Физика",
             "organization_ids": ORG_SCHOOL, "associations": "РМО учителей математики",
             "is_active": 1},
        ],
        "consultations": [
            {**STAMP, "id": "mc-1", "held_on": "2026-10-05", "methodist_id": PERSON_A,
             "person_id": PERSON_B, "organization_id": ORG_SCHOOL, "whom_text": "",
             "form": "индивидуальная", "mode": "очно", "category": "аттестация",
             "topic": "Портфолио на первую категорию", "participants": 1, "minutes": 30,
             "result": "даны рекомендации"},
        ],
        "school_visits": [
            {**STAMP, "id": "mv-1", "visited_on": "2026-10-12", "methodist_id": PERSON_A,
             "organization_id": ORG_SCHOOL, "kind": "посещение урока",
             "purpose": "методическая помощь", "person_id": PERSON_B, "class_name": "7Б",
             "subject": "Математика", "lesson_topic": "Линейная функция",
             "marks": "Цель урока=2\nОбратная связь=1", "recommendations": "Больше практики"},
        ],
        "methodist_plan_items": [
            {**STAMP, "id": "mpi-1", "methodist_id": PERSON_A, "month": "2026-10-01",
             "planned_on": "2026-10-12", "kind": "посещение", "title": "Посещение уроков",
             "event_id": None, "visit_id": "mv-1", "consultation_id": "mc-1",
             "done_by_hand": 0, "note": ""},
        ],
    },
    "0018": {
        "sync_base": [
            {"table_name": "persons", "row_id": PERSON_A, "key": f"{SYNC_CLOCK}.{SYNC_SITE}",
             "segment": 1, "e": "1", "vals": '[null,"\\"+7 900 000-00-01\\""]',
             "seens": None},
        ],
        "sync_columns": [
            {"table_name": "persons", "pos": 0, "column_name": "email"},
            {"table_name": "persons", "pos": 1, "column_name": "phone"},
        ],
    },
    "0019": {
        "sync_sites": [{"n": 1, "site": SYNC_SITE}],
        "sync_base": [  # the row of 0018, as the migration reshapes it
            {"table_name": "persons", "row_id": PERSON_A, "clock": int(SYNC_CLOCK), "site": 1,
             "segment": 1, "e": "1", "vals": '[[],"+7 900 000-00-01"]', "seens": None},
        ],
    },
}

#: revision -> tables whose rows it reshapes: its samples replace the earlier ones, and are
#: what a database of an earlier revision holds after migrating
RESHAPED: dict[str, set[str]] = {"0019": {"sync_base"}}


def _history() -> list[str]:
    """Every revision from the first to the head, as the scripts declare them."""
    script = ScriptDirectory.from_config(db._alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


HISTORY = _history()
EARLIER = HISTORY[:-1]


def _samples_at(revision: str) -> dict[str, list[Row]]:
    """The tables and rows a database of `revision` holds: all samples introduced up to it."""
    tables: dict[str, list[Row]] = {}
    for rev in HISTORY[: HISTORY.index(revision) + 1]:
        for table, rows in SAMPLES.get(rev, {}).items():
            if table in RESHAPED.get(rev, set()):
                tables[table] = []
            tables.setdefault(table, []).extend(rows)
    return tables


def _after_migrating(revision: str, written: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """The rows written at `revision` as the head holds them (reshaped where a later
    revision reshapes their table)."""
    later = HISTORY[HISTORY.index(revision) + 1:]
    reshaped = {t for rev in later for t in RESHAPED.get(rev, set())}
    head = _samples_at(HISTORY[-1])
    return {t: head[t] if t in reshaped else rows for t, rows in written.items()}


def _database_at(path: Path, revision: str) -> None:
    """A file made by an older release: migrated up to `revision` only."""
    engine = db.make_engine(path)
    try:
        with engine.begin() as conn:
            command.upgrade(db._alembic_config(conn), revision)
    finally:
        engine.dispose()


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in con.execute(f'PRAGMA table_info("{table}")')]


def _written(con: sqlite3.Connection, table: str, row: Row) -> Row:
    """The part of a sample row that the table has at this revision."""
    columns = _columns(con, table)
    assert columns, f"table {table} does not exist at this revision: fix SAMPLES"
    return {k: v for k, v in row.items() if k in columns}


def _fill(path: Path, revision: str) -> dict[str, list[Row]]:
    """Insert the samples valid at `revision` with raw SQL; what was written, per table."""
    written: dict[str, list[Row]] = {}
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys=ON")
        for table, rows in _samples_at(revision).items():
            for row in rows:
                values = _written(con, table, row)
                names = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join("?" for _ in values)
                con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                            list(values.values()))
                written.setdefault(table, []).append(values)
    con.close()
    return written


def _read(path: Path, table: str, columns: list[str]) -> list[Row]:
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        names = ", ".join(f'"{c}"' for c in columns)
        rows = [dict(r) for r in con.execute(f'SELECT {names} FROM "{table}"')]
    con.close()
    return {_key(table, r): r for r in rows}


def _key(table: str, row: Row) -> Any:
    """The row's primary key (the sync tables have others than `id`)."""
    return tuple(row[c.name] for c in Base.metadata.tables[table].primary_key.columns)


def _assert_rows_kept(path: Path, written: dict[str, list[Row]]) -> None:
    for table, rows in written.items():
        columns = list(dict.fromkeys(c for row in rows for c in row))  # samples of all revisions
        found = _read(path, table, columns)
        assert len(found) == len(rows), f"{table}: {len(found)} rows instead of {len(rows)}"
        for row in rows:
            kept = {c: v for c, v in found[_key(table, row)].items() if c in row}
            assert kept == row, f"{table} {_key(table, row)} changed"


def _spot_check(session: Any) -> None:
    """A few values as the program sees them: dates, booleans, numbers, UTC times."""
    orgs = Base.metadata.tables["organizations"]
    kg = session.execute(select(orgs).where(orgs.c.id == ORG_KINDERGARTEN)).one()
    assert kg.reorganized_on == date(2024, 12, 31)
    assert kg.is_active is False and kg.short_name == "Детский сад № 5"
    school = session.execute(select(orgs).where(orgs.c.id == ORG_SCHOOL)).one()
    assert school.is_rural is True and school.pupils == 412
    assert school.created_at == datetime(2025, 9, 1, 8, 30, tzinfo=UTC)


def test_history_starts_at_the_first_release_and_ends_at_the_head() -> None:
    assert HISTORY[0] == "0001"
    assert HISTORY[-1] == db.head_revision()
    assert set(SAMPLES) <= set(HISTORY), "SAMPLES names a revision that does not exist"


def test_every_table_of_the_head_schema_has_samples() -> None:
    assert set(_samples_at(HISTORY[-1])) == set(Base.metadata.tables)


@pytest.mark.parametrize("revision", EARLIER)
def test_database_of_an_earlier_version_migrates_keeping_every_row(
        tmp_path: Path, revision: str) -> None:
    path = tmp_path / "imc.sqlite"
    backups = tmp_path / "backups"
    _database_at(path, revision)
    written = _fill(path, revision)
    assert written, f"no sample rows for revision {revision}"

    database = db.open_database(path, backups)
    try:
        with database.sessions() as session:  # every value loads through the head's types
            for table in written:
                rows = session.execute(select(Base.metadata.tables[table])).all()
                assert len(rows) == len(written[table])
            _spot_check(session)
    finally:
        database.close()

    assert db.current_revision(path) == db.head_revision()
    assert db.full_check(path) == [], "integrity and foreign keys hold after migrating"
    _assert_rows_kept(path, _after_migrating(revision, written))
    made = sorted(backups.glob(f"imc-before-migration-{revision}-*.sqlite"))
    assert len(made) == 1, f"one backup before migrating from {revision}: {made}"
    with db.readable_backup(made[0]) as plain:  # encrypted, as every automatic backup
        assert db.current_revision(plain) == revision, "the backup is the file before migrating"
        _assert_rows_kept(plain, written)
