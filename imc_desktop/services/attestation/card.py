"""The card's «Аттестация» tab: its changes are kept on the card and written with the card's
«Сохранить», in the card's one unit of work (:func:`staff.write.save_person`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import (
    RECORD_FIELDS,
    AttestationData,
    LeaveData,
    PersonAttestation,
    decisions_of,
    status_of,
    validate_leave,
    validate_record,
)
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff.rules import main_job
from models import AttestationRecord, Employment, LeavePeriod, Person

MISSING = "Запись об аттестации не найдена: возможно, её удалили на другом компьютере."


@dataclass(frozen=True)
class AttestationChanges:
    """What the user changed on the tab: records added or edited (each with the values it was
    loaded with, None for a new one), records deleted, and the leave periods when changed."""

    saved: tuple[tuple[AttestationData, AttestationData | None], ...] = ()
    deleted: tuple[str, ...] = ()
    leaves: tuple[LeaveData, ...] | None = None  # None: the periods were not touched

    def __bool__(self) -> bool:
        return bool(self.saved or self.deleted or self.leaves is not None)

    def problems(self) -> dict[str, str]:
        """{"attestation.N.field": message} about the records and periods, «Аттестация» named."""
        found: dict[str, str] = {}
        for i, (record, _loaded) in enumerate(self.saved):
            for name, message in validate_record(replace(record, person_id="-")).items():
                found[f"attestation.{i}.{name}"] = (
                    f"Аттестация, запись «{record.kind}»: {message}")
        for i, leave in enumerate(self.leaves or ()):
            for name, message in validate_leave(leave).items():
                found[f"attestation.leaves.{i}.{name}"] = (
                    f"Аттестация, период «{leave.kind}»: {message}")
        return found

    def write_in(self, s: Session, person_id: str, overwrite: bool = False) -> None:
        """Write the changes in the caller's unit of work: only the fields changed on each
        record (one changed meanwhile elsewhere is ChangedMeanwhile unless ``overwrite``)."""
        problems = self.problems()
        if problems:
            raise ValidationFailed(problems)
        for record_id in self.deleted:
            stored = s.get(AttestationRecord, record_id)
            if stored is not None and stored.person_id == person_id:
                s.delete(stored)
        for data, loaded in self.saved:
            record = load_or_new(s, AttestationRecord, data.id, MISSING)
            data = replace(data, person_id=person_id)
            base = replace(loaded, person_id=person_id) if loaded and data.id else None
            write_fields(record, data, base, RECORD_FIELDS, "attestation_records", overwrite)
            s.add(record)
        if self.leaves is not None:
            _write_leaves(s, person_id, self.leaves)


def _write_leaves(s: Session, person_id: str, leaves: Sequence[LeaveData]) -> None:
    """The person's periods become these: changed ones updated, missing ones deleted."""
    existing = {x.id: x for x in s.scalars(select(LeavePeriod).where(
        LeavePeriod.person_id == person_id))}
    for leave in leaves:
        row = (existing.pop(leave.id, None) if leave.id else None) or LeavePeriod(
            person_id=person_id)
        for name in ("kind", "start", "end"):
            if getattr(row, name) != getattr(leave, name):
                setattr(row, name, getattr(leave, name))
        s.add(row)
    for row in existing.values():
        s.delete(row)


def preview(person_id: str | None, records: Sequence[AttestationData],
            leaves: Sequence[LeaveData], rules: Rules, today: date) -> PersonAttestation:
    """The tab's status as it will be once the card is saved with these records and periods
    (the main job's appointment and the typed category are read as stored)."""
    appointed, typed, typed_on = None, "", None
    if person_id:
        with session_scope() as s:
            job = main_job(s.scalars(select(Employment).where(
                Employment.person_id == person_id)))
            appointed = (job.appointed_on or job.hired_on) if job else None
            person = s.get(Person, person_id)
            if person is not None:
                typed, typed_on = person.category, person.category_date
    status = status_of(list(records), list(leaves), appointed, today, rules.attestation)
    shown = r.category_shown(decisions_of(list(records)), typed, typed_on, today,
                             rules.attestation)
    return replace(status, shown_category=shown[0], shown_since=shown[1])
