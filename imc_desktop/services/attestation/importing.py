"""Import of attestation history from Excel (the kind «attestation»).

A row names a pedagogue already in the register (by СНИЛС, else by ФИО and birth date)
and one decision: its kind, decision, date and приказ. Rows repeating a record already
stored (same person, kind and decision date) are left unchanged; the current categories
are brought up to date after the import.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.folding import fold, fold_spaces
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from models import AttestationRecord, Person

UNKNOWN_PERSON = "педагог не найден в реестре: импортируйте сначала кадры"


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


FIELDS = (
    _f("last_name", "Фамилия", "text", required=True),
    _f("first_name", "Имя", "text", required=True),
    _f("middle_name", "Отчество"),
    _f("birth_date", "Дата рождения", "date", "Д.р.", "Дата рожд"),
    _f("snils", "СНИЛС", "snils", "Страховой номер", "Номер СНИЛС"),
    _f("kind", "Вид", "text", "Категория", "Вид аттестации", "Квалификационная категория",
       required=True),
    _f("decision", "Решение", "text", "Результат", "Результат аттестации"),
    _f("decided_on", "Дата решения", "date", "Дата аттестации", "Дата присвоения",
       required=True),
    _f("order_number", "Приказ №", "text", "Номер приказа", "Приказ"),
    _f("order_date", "Дата приказа", "date"),
    _f("order_body", "Кем издан", "text", "Кем издан приказ", "Орган"),
    _f("valid_until", "Действует до", "date", "Срок действия", "Дата окончания"),
    _f("organization", "ОО", "reference", "Образовательная организация", "Место работы",
       "Учреждение", "Организация", "Школа"),
    _f("position", "Должность", "text", "Занимаемая должность"),
)


def kind_of(text: str) -> str:
    """«СЗД», «соответствие…» → СЗД; «1 категория», «первая» → первая; «высшая»; or ""."""
    t = fold_spaces(text)
    if not t:
        return ""
    if t.startswith(("сзд", "соотв")):
        return r.SZD
    if t.startswith(("высш", "в.к", "вк")):
        return r.HIGHEST
    if t.startswith(("перв", "1")):
        return r.FIRST
    for kind in r.KINDS:
        if t == kind or t.startswith(kind.split()[0]):
            return kind
    return ""


def decision_of(text: str, kind: str) -> str:
    t = text.strip().lower()
    if not t:
        return r.CONFORMS if kind == r.SZD else r.ESTABLISHED
    if t.startswith("не "):
        return r.NOT_CONFORMS
    for decision in r.DECISIONS:
        if t.startswith(decision[:5]):
            return decision
    return t


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def _name_key(values: dict[str, Any] | Person) -> tuple[str, str, str, date | None]:
    get = values.get if isinstance(values, dict) else (lambda n: getattr(values, n))
    parts = tuple(fold(str(get(n) or "").strip())
                  for n in ("last_name", "first_name", "middle_name"))
    return parts[0], parts[1], parts[2], get("birth_date")


class _People:
    """The register's pedagogues by СНИЛС and by ФИО + birth date."""

    def __init__(self, session: Session) -> None:
        self.by_snils: dict[str, str] = {}
        self.by_name: dict[tuple[str, str, str, date | None], str] = {}
        for person in session.scalars(select(Person)):
            if person.snils:
                self.by_snils.setdefault(person.snils, person.id)
            self.by_name.setdefault(_name_key(person), person.id)

    def find(self, values: dict[str, Any]) -> str | None:
        snils = _text(values, "snils")
        if snils and snils in self.by_snils:
            return self.by_snils[snils]
        if values.get("birth_date") is None:
            return None
        return self.by_name.get(_name_key(values))


def record_of(values: dict[str, Any], person_id: str) -> attestation.AttestationData:
    kind = kind_of(_text(values, "kind"))
    return attestation.AttestationData(
        person_id=person_id, organization_id=_text(values, "organization") or None,
        position=_text(values, "position"), kind=kind or _text(values, "kind"),
        decision=decision_of(_text(values, "decision"), kind),
        decided_on=values.get("decided_on"), order_number=_text(values, "order_number"),
        order_date=values.get("order_date"), order_body=_text(values, "order_body"),
        valid_until=values.get("valid_until"))


_PLACES = {"person_id": "snils", "decided_on": "decided_on", "valid_until": "valid_until",
           "kind": "kind", "decision": "decision"}


def check_row(values: dict[str, Any]) -> dict[str, str]:
    """The person must be in the register; the record must pass the card's validation."""
    if not _text(values, "snils") and values.get("birth_date") is None:
        return {"snils": "Укажите СНИЛС или дату рождения, чтобы найти педагога."}
    with session_scope() as s:
        person_id = _People(s).find(values)
    if person_id is None:
        return {"snils" if _text(values, "snils") else "last_name": UNKNOWN_PERSON}
    problems = attestation.validate_record(record_of(values, person_id))
    if not kind_of(_text(values, "kind")):
        problems["kind"] = "Вид: СЗД, первая, высшая, педагог-методист или педагог-наставник."
    return {_PLACES.get(k, k): m for k, m in problems.items()}


def _existing(s: Session) -> set[tuple[str, str, date | None]]:
    query = select(AttestationRecord.person_id, AttestationRecord.kind,
                   AttestationRecord.decided_on)
    return {(pid, kind, decided) for pid, kind, decided in s.execute(query)}


def _apply(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = unchanged = 0
    with unit_of_work(options.dry_run) as s:
        people, known = _People(s), _existing(s)
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            person_id = people.find(row.values)
            if person_id is None:
                continue
            data = record_of(row.values, person_id)
            key = (person_id, data.kind, data.decided_on)
            if key in known:
                unchanged += 1
                continue
            known.add(key)
            s.add(AttestationRecord(**{n: getattr(data, n) for n in _RECORD_FIELDS}))
            created += 1
    return ImportSummary(created, 0, (), options.dry_run, unchanged)


_RECORD_FIELDS = ("person_id", "organization_id", "position", "kind", "stage", "decision",
                  "decided_on", "order_number", "order_date", "order_body", "valid_until")

ATTESTATION = register(ImportKind(
    name="attestation", title="Аттестация", fields=FIELDS, apply=_apply, check_row=check_row,
    full_name_field=True, references=organization_references))
