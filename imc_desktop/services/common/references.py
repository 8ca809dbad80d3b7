"""Who refers to a record: read from the live schema, so tables of every module count."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def referring_counts(session: Session, table: str, record_id: str) -> dict[str, int]:
    """{referring table: number of rows} for rows whose foreign key points at the record."""
    counts: dict[str, int] = {}
    tables = session.execute(
        text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ).scalars().all()
    for other in tables:
        for fk in session.execute(text(f'PRAGMA foreign_key_list("{other}")')).mappings():
            if fk["table"] != table:
                continue
            column = fk["from"]
            count = session.execute(
                text(f'SELECT count(*) FROM "{other}" WHERE "{column}" = :id'), {"id": record_id}
            ).scalar_one()
            if count:
                counts[other] = counts.get(other, 0) + int(count)
    return counts


# What the rows of a table are, in Russian, when they keep a record from being deleted.
REFERRER_TITLES: dict[str, str] = {
    "employments": "педагоги", "persons": "педагоги", "courses": "курсы (КПК)",
    "educations": "образование педагогов", "experiences": "стаж педагогов",
    "awards": "награды", "attestation_records": "записи об аттестации",
    "leave_periods": "отпуска педагогов", "equipment_items": "оборудование",
    "equipment_acts": "акты по оборудованию", "equipment_act_lines": "строки актов",
    "equipment_events": "история оборудования", "inventory_sessions": "инвентаризации",
    "inventory_lines": "строки инвентаризаций", "events": "мероприятия (место проведения)",
    "event_participants": "участники мероприятий", "issued_documents": "сертификаты и дипломы",
    "literature_documents": "документы движения литературы",
    "literature_lines": "строки документов литературы",
    "organization_grade_pupils": "обучающиеся по классам",
    "organizations": "организации", "change_log": "журнал изменений",
    # Журнал методиста
    "consultations": "консультации", "school_visits": "посещения ОО",
    "methodist_plan_items": "пункты планов методистов", "methodist_profiles": "методисты ИМЦ",
}


def referrers_text(counts: dict[str, int]) -> str:
    """«педагоги: 18, оборудование: 11» — what refers to a record, never a table's name;
    rows of one meaning are added up, the most numerous first."""
    named: dict[str, int] = {}
    for table, count in counts.items():
        title = REFERRER_TITLES.get(table, "другие записи")
        named[title] = named.get(title, 0) + count
    return ", ".join(f"{t}: {n}" for t, n in sorted(named.items(), key=lambda x: (-x[1], x[0])))
