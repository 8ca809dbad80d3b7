"""Everyone's attestation in one read: name, main job, records and leaves (the lists)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.services.attestation import rules as r
from imc_desktop.services.staff.rules import main_job
from models import AttestationRecord, Employment, LeavePeriod, Organization, Person


@dataclass
class PersonAttestationFacts:
    name: str
    organization: str = ""
    organization_id: str = ""
    position: str = ""
    appointed_on: date | None = None
    records: list[AttestationRecord] | None = None
    leaves: list[r.Leave] | None = None


def people_in(s: Session) -> dict[str, PersonAttestationFacts]:
    people = {pid: PersonAttestationFacts(" ".join(x for x in (last, first, middle) if x))
              for pid, last, first, middle in s.execute(select(
                  Person.id, Person.last_name, Person.first_name, Person.middle_name))}
    jobs = select(Employment.person_id, Organization.short_name, Organization.id,
                  Employment.position, Employment.appointed_on, Employment.hired_on,
                  Employment.job_type, Employment.left_on).join(Organization).where(
        Employment.left_on.is_(None))
    held: dict[str, list[Any]] = {}
    for row in s.execute(jobs):
        held.setdefault(row.person_id, []).append(row)
    for pid, person_jobs in held.items():
        person, main = people.get(pid), main_job(person_jobs)
        if person is not None and main is not None:
            person.organization, person.organization_id = main.short_name, main.id
            person.position = main.position
            person.appointed_on = main.appointed_on or main.hired_on
    for record in s.scalars(select(AttestationRecord)):
        person = people.get(record.person_id)
        if person is not None:
            person.records = [*(person.records or []), record]
    for leave in s.scalars(select(LeavePeriod)):
        person = people.get(leave.person_id)
        if person is not None:
            person.leaves = [*(person.leaves or []), r.Leave(leave.kind, leave.start, leave.end)]
    return people
