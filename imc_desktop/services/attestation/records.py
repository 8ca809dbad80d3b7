"""Attestation: records, leave periods, what is due («Сроки»), applications in progress."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.people import PersonAttestationFacts, people_in
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.common.rows import bulk_allocation
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff.rules import main_job
from models import AttestationRecord, Employment, LeavePeriod, Person
from models.attestation import CHANNELS, STAGES

TABLES = frozenset({"attestation_records", "leave_periods", "persons"})
KINDS, DECISIONS, LEAVE_KINDS = r.KINDS, r.DECISIONS, r.LEAVE_KINDS
__all__ = ["CHANNELS", "DECISIONS", "KINDS", "LEAVE_KINDS", "STAGES"]


@dataclass(frozen=True)
class AttestationData:
    id: str | None = None
    person_id: str = ""
    organization_id: str | None = None
    position: str = ""
    kind: str = r.FIRST
    applied_on: date | None = None
    started_on: date | None = None  # the start of the attestation, set by the commission
    channel: str = ""
    stage: str = STAGES[2]
    decision: str = ""
    decided_on: date | None = None
    order_number: str = ""
    order_date: date | None = None
    order_body: str = ""
    valid_until: date | None = None
    simplified: bool = False
    simplified_basis: str = ""


@dataclass(frozen=True)
class LeaveData:
    id: str | None = None
    kind: str = r.PARENTAL
    start: date | None = None
    end: date | None = None


_RECORD_FIELDS = [f.name for f in fields(AttestationData) if f.name != "id"]
RECORD_FIELDS = tuple(_RECORD_FIELDS)  # what a record's save may write


def _data(record: AttestationRecord) -> AttestationData:
    return AttestationData(record.id, **{n: getattr(record, n) for n in _RECORD_FIELDS})


def _decision(d: AttestationData | AttestationRecord) -> r.Decision | None:
    if not d.decision or d.decided_on is None:
        return None
    return r.Decision(d.kind, d.decision, d.decided_on, d.valid_until)


def decisions_of(records: list[AttestationData]) -> list[r.Decision]:
    return [d for d in map(_decision, records) if d is not None]


_DECIDED = (AttestationRecord.person_id, AttestationRecord.kind, AttestationRecord.decision,
            AttestationRecord.decided_on, AttestationRecord.valid_until)


def decisions_by_person(s: Session) -> dict[str, list[r.Decision]]:
    """{person id: their decisions}, everyone's in one query (lists of thousands)."""
    found: dict[str, list[r.Decision]] = {}
    query = select(*_DECIDED).where(AttestationRecord.decision != "",
                                    AttestationRecord.decided_on.is_not(None))
    for pid, kind, decision, decided_on, until in s.connection().execute(query).all():
        found.setdefault(pid, []).append(r.Decision(kind, decision, decided_on, until))  # type: ignore[arg-type]
    return found


def all_decisions() -> dict[str, list[r.Decision]]:
    with session_scope() as s:
        return decisions_by_person(s)


# ---------------------------------------------------------------- validation

_FITTING = {r.SZD: (r.CONFORMS, r.NOT_CONFORMS)}


def validate_record(data: AttestationData) -> dict[str, str]:
    """{field: Russian message}; empty when the record can be saved."""
    p: dict[str, str] = {}
    if not data.person_id:
        p["person_id"] = "Выберите педагога."
    if data.kind not in KINDS:
        p["kind"] = "Выберите вид аттестации из списка."
    if data.stage not in STAGES:
        p["stage"] = "Выберите этап."
    if data.channel and data.channel not in CHANNELS:
        p["channel"] = "Способ подачи: лично, Госуслуги или почтой."
    p.update(_check_decision(data))
    if data.applied_on and data.decided_on and data.decided_on < data.applied_on:
        p["decided_on"] = "Решение раньше заявления."
    elif data.started_on and data.decided_on and data.decided_on < data.started_on:
        p["decided_on"] = "Решение раньше начала аттестации."
    if data.applied_on and data.started_on and data.started_on < data.applied_on:
        p["started_on"] = "Начало аттестации раньше заявления."
    if data.valid_until and data.decided_on and data.valid_until <= data.decided_on:
        p["valid_until"] = "«Действует до» должно быть позже даты решения."
    elif (data.valid_until and data.decided_on and data.kind in r.CATEGORIES
          and data.decided_on >= r.NEW_RULES_FROM):
        p["valid_until"] = (f"Категория, установленная с {r.NEW_RULES_FROM:%d.%m.%Y}, "
                            "действует без срока: оставьте «Действует до» пустым.")
    if data.simplified and not data.simplified_basis.strip():
        p["simplified_basis"] = "Укажите основание упрощённой процедуры (награда, звание)."
    return p


def _check_decision(data: AttestationData) -> dict[str, str]:
    allowed = _FITTING.get(data.kind, (r.ESTABLISHED, r.REFUSED))
    if data.stage != STAGES[2]:
        if data.decision:
            return {"stage": "Решение принято: выберите этап «решение»."}
        return {} if data.applied_on else {"applied_on": "Укажите дату заявления."}
    p: dict[str, str] = {}
    if data.decision not in allowed:
        p["decision"] = "Для этого вида решение: " + " или ".join(f"«{a}»" for a in allowed) + "."
    if data.decided_on is None:
        p["decided_on"] = "Укажите дату решения."
    return p


def record_warnings(data: AttestationData, rules: Rules, today: date | None = None
                    ) -> list[str]:
    """What to warn about without refusing: педагог-методист/-наставник without the highest
    category."""
    others = [x for x in person_records(data.person_id) if x.id != data.id] \
        if data.person_id else []
    warning = r.senior_kind_warning(data.kind, decisions_of(others), today or clock.today(),
                                    rules.attestation)
    return [warning] if warning else []


# ---------------------------------------------------------------- reading and writing

def _records_in(s: Session, person_id: str) -> list[AttestationData]:
    rows = s.scalars(select(AttestationRecord).where(
        AttestationRecord.person_id == person_id).order_by(
        AttestationRecord.decided_on, AttestationRecord.applied_on))
    return [_data(x) for x in rows]


def _leaves_in(s: Session, person_id: str) -> list[LeaveData]:
    rows = s.scalars(select(LeavePeriod).where(LeavePeriod.person_id == person_id)
                     .order_by(LeavePeriod.start))
    return [LeaveData(x.id, x.kind, x.start, x.end) for x in rows]


def person_records(person_id: str) -> list[AttestationData]:
    with session_scope() as s:
        return _records_in(s, person_id)


def person_leaves(person_id: str) -> list[LeaveData]:
    with session_scope() as s:
        return _leaves_in(s, person_id)


def save_record(data: AttestationData, loaded: AttestationData | None = None,
                overwrite: bool = False) -> str:
    """Create or change the record. The category shown for the person is derived from the
    records when it is read, so nothing else is written. A form passes the values it
    ``loaded``: only the fields changed on it are written, and one changed meanwhile
    elsewhere is :class:`ChangedMeanwhile` unless ``overwrite``."""
    problems = validate_record(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        record = load_or_new(s, AttestationRecord, data.id,
                             "Запись об аттестации не найдена: возможно, её удалили.")
        base = loaded if data.id is not None else None
        write_fields(record, data, base, _RECORD_FIELDS, "attestation_records", overwrite)
        s.add(record)
        s.flush()
        record_id = record.id
    return record_id


def delete_record(record_id: str) -> None:
    with session_scope() as s:
        record = s.get(AttestationRecord, record_id)
        if record is None:
            raise NotFound("Запись об аттестации не найдена: возможно, её уже удалили.")
        s.delete(record)


def validate_leave(leave: LeaveData) -> dict[str, str]:
    p: dict[str, str] = {}
    if leave.kind not in LEAVE_KINDS:
        p["kind"] = "Выберите вид периода из списка."
    if leave.start is None:
        p["start"] = "Укажите начало периода."
    elif leave.end is not None and leave.end < leave.start:
        p["end"] = "Окончание раньше начала."
    return p


def save_leaves(person_id: str, leaves: list[LeaveData]) -> None:
    """Replace the person's leave periods with these (all or nothing)."""
    problems = {f"{i}.{k}": m for i, leave in enumerate(leaves)
                for k, m in validate_leave(leave).items()}
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        existing = {x.id: x for x in s.scalars(select(LeavePeriod).where(
            LeavePeriod.person_id == person_id))}
        for leave in leaves:
            row = existing.pop(leave.id, None) if leave.id else None
            row = row or LeavePeriod(person_id=person_id)
            row.kind, row.start, row.end = leave.kind, leave.start, leave.end  # type: ignore[assignment]
            s.add(row)
        for row in existing.values():
            s.delete(row)


# ---------------------------------------------------------------- lists

@dataclass(frozen=True)
class HistoryRow:
    id: str
    person_id: str
    person_name: str
    organization: str
    position: str
    kind: str
    stage: str
    applied_on: date | None
    decision: str
    decided_on: date | None
    order_number: str
    order_date: date | None
    valid_until: date | None
    simplified: bool


@dataclass(frozen=True)
class DueRow:
    person_id: str
    person_name: str
    organization: str
    organization_id: str
    position: str
    what: str
    kind: str
    due: date
    reason: str
    days_left: int


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    person_id: str
    person_name: str
    organization: str
    kind: str
    applied_on: date | None
    stage: str
    started_on: date | None
    consider_by: date | None
    finish_by: date | None
    overdue: bool
    organization_id: str = ""


def _due_rows(pid: str, p: PersonAttestationFacts, today: date, until: date,
              rules: r.AttestationRules) -> list[DueRow]:
    decisions = [d for d in map(_decision, p.records or []) if d]
    rows: list[DueRow] = []

    def row(what: str, kind: str, due: date, reason: str) -> DueRow:
        return DueRow(pid, p.name, p.organization, p.organization_id, p.position, what, kind,
                      due, reason, (due - today).days)

    current = r.current_category(decisions, today, rules)
    if current is not None:
        expires = r.valid_until(current, rules)
        if expires is not None and expires <= until:
            rows.append(row(f"истекает категория «{current.kind}»", current.kind, expires,
                            "категория установлена до 01.09.2023 или с датой окончания"))
        return rows
    szd = r.szd_due(decisions, p.appointed_on, p.leaves or [], today, rules)
    if szd.due is not None and szd.due <= until:
        what = "СЗД: нет ни одной аттестации" if not p.records else "срок СЗД"
        rows.append(row(what, r.SZD, szd.due, szd.reason))
    return rows


def deadlines(until: date, rules: Rules, today: date | None = None) -> list[DueRow]:
    """Who needs attention by `until`: expiring categories and СЗД due (overdue included)."""
    today = today or clock.today()
    with bulk_allocation(), session_scope() as s:
        people = people_in(s)
    return _deadline_rows(people, today, until, rules)


def _deadline_rows(people: dict[str, PersonAttestationFacts], today: date, until: date,
                   rules: Rules) -> list[DueRow]:
    rows = [due for pid, p in people.items() if p.organization
            for due in _due_rows(pid, p, today, until, rules.attestation)]
    return sorted(rows, key=lambda x: (x.due, x.person_name))


def overview(until: date, rules: Rules, today: date | None = None
             ) -> tuple[list[DueRow], list[ApplicationRow]]:
    """`deadlines(until)` and `applications()` from one reading of the database."""
    today = today or clock.today()
    with bulk_allocation(), session_scope() as s:
        people = people_in(s)
    return (_deadline_rows(people, today, until, rules),
            _application_rows(people, today, rules))


def history(rules: Rules) -> list[HistoryRow]:
    with bulk_allocation(), session_scope() as s:
        people = people_in(s)
        return [HistoryRow(
            x.id, x.person_id, people[x.person_id].name if x.person_id in people else "",
            people[x.person_id].organization if x.person_id in people else "", x.position,
            x.kind, x.stage, x.applied_on, x.decision, x.decided_on, x.order_number,
            x.order_date, r.valid_until(d, rules.attestation) if (d := _decision(x)) else None,
            x.simplified)
            for p in people.values() for x in (p.records or [])]


def applications(rules: Rules, today: date | None = None) -> list[ApplicationRow]:
    """Applications in progress with their deadlines; overdue ones flagged."""
    today = today or clock.today()
    with session_scope() as s:
        people = people_in(s)
    return _application_rows(people, today, rules)


def _application_rows(people: dict[str, PersonAttestationFacts], today: date, rules: Rules
                      ) -> list[ApplicationRow]:
    rows = []
    for p in people.values():
        for x in p.records or []:
            if x.stage == STAGES[2]:
                continue
            limits = r.application_deadlines(x.applied_on, x.started_on, rules.attestation)
            rows.append(ApplicationRow(
                x.id, x.person_id, p.name, p.organization, x.kind, x.applied_on, x.stage,
                x.started_on, limits.consider_by, limits.finish_by,
                r.application_overdue(x.applied_on, x.started_on, False, today,
                                      rules.attestation), p.organization_id or ""))
    return sorted(rows, key=lambda a: (a.applied_on or date.min, a.person_name))


@dataclass(frozen=True)
class PersonAttestation:
    """The «Аттестация» tab of the card: history, current status, the next date and why."""

    records: tuple[AttestationData, ...]
    leaves: tuple[LeaveData, ...]
    category: str
    category_until: date | None
    next_date: date | None
    next_reason: str
    shown_category: str = ""  # what the card's «Категория» shows: by the decisions, else
    shown_since: date | None = None  # the category typed on the card


def attestation_in(s: Session, person_id: str, rules: Rules, today: date
                   ) -> PersonAttestation:
    """The card's «Аттестация» tab, read in the caller's unit of work."""
    records, leaves = _records_in(s, person_id), _leaves_in(s, person_id)
    job = main_job(s.scalars(select(Employment).where(Employment.person_id == person_id)))
    appointed = (job.appointed_on or job.hired_on) if job else None
    status = status_of(records, leaves, appointed, today, rules.attestation)
    person = s.get(Person, person_id)
    typed, typed_on = (person.category, person.category_date) if person else ("", None)
    shown = r.category_shown(decisions_of(records), typed, typed_on, today, rules.attestation)
    return replace(status, shown_category=shown[0], shown_since=shown[1])


def person_attestation(person_id: str, rules: Rules, today: date | None = None
                       ) -> PersonAttestation:
    with session_scope() as s:
        return attestation_in(s, person_id, rules, today or clock.today())


def status_of(records: list[AttestationData], leaves: list[LeaveData], appointed: date | None,
              today: date, rules: r.AttestationRules) -> PersonAttestation:
    """The category in force, the next date and why, from these records and periods."""
    decisions = decisions_of(records)
    current = r.current_category(decisions, today, rules)
    until = r.valid_until(current, rules) if current else None
    if current is not None:
        reason = ("категория бессрочная" if until is None
                  else f"категория «{current.kind}» действует до этой даты")
        next_date = until
    else:
        szd = r.szd_due(decisions, appointed,
                        [r.Leave(x.kind, x.start, x.end) for x in leaves if x.start], today,
                        rules)
        next_date, reason = szd.due, f"СЗД: {szd.reason}"
    return PersonAttestation(tuple(records), tuple(leaves), current.kind if current else "",
                             until, next_date, reason)
