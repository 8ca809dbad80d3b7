"""Demo attestation history: categories under the old and the new rules, СЗД, applications
in progress (some overdue), a few parental leaves."""

from __future__ import annotations

import random
from datetime import date, timedelta

from imc_desktop.services.attestation import rules as r
from models import AttestationRecord, LeavePeriod, Person

BODY = "Министерство образования и науки Тюменской области"


def _decided(rng: random.Random, today: date) -> date:
    """Old-rule dates (some expiring soon) and new-rule ones."""
    if rng.random() < 0.45:
        return today - timedelta(days=rng.randint(4 * 365, 5 * 365 + 200))
    return date(2023, 9, 1) + timedelta(days=rng.randint(0, max(0, (today - date(2023, 9, 1))
                                                                .days - 30)))


def _category(rng: random.Random, person: Person, today: date) -> list[AttestationRecord]:
    job = person.employments[0]
    decided = _decided(rng, today)
    record = AttestationRecord(
        person_id=person.id, organization_id=job.organization_id, position=job.position,
        kind=person.category, applied_on=decided - timedelta(days=rng.randint(25, 55)),
        channel=rng.choice(("лично", "Госуслуги")), stage="решение", decision=r.ESTABLISHED,
        decided_on=decided, order_number=f"{rng.randint(100, 999)}-од",
        order_date=decided + timedelta(days=rng.randint(1, 10)), order_body=BODY)
    person.category_date = decided
    return [record]


def _szd(rng: random.Random, person: Person, today: date) -> list[AttestationRecord]:
    job = person.employments[0]
    if rng.random() < 0.15:  # some are overdue
        decided = today - timedelta(days=5 * 365 + rng.randint(30, 400))
    else:
        decided = today - timedelta(days=rng.randint(200, 5 * 365 - 30))
    if job.appointed_on is None or decided < job.appointed_on + timedelta(days=730):
        return []
    return [AttestationRecord(
        person_id=person.id, organization_id=job.organization_id, position=job.position,
        kind=r.SZD, stage="решение", decision=r.CONFORMS, decided_on=decided,
        order_number=f"{rng.randint(10, 99)}", order_date=decided,
        order_body="Аттестационная комиссия ОО")]


def _application(rng: random.Random, person: Person, today: date) -> AttestationRecord:
    job = person.employments[0]
    return AttestationRecord(
        person_id=person.id, organization_id=job.organization_id, position=job.position,
        kind=rng.choice((r.FIRST, r.HIGHEST)), channel=rng.choice(("лично", "Госуслуги")),
        applied_on=today - timedelta(days=rng.randint(3, 80)),
        stage=rng.choice(("подано", "на рассмотрении")))


def demo_attestation(rng: random.Random, people: list[Person], today: date
                     ) -> tuple[list[AttestationRecord], list[LeavePeriod]]:
    records: list[AttestationRecord] = []
    leaves: list[LeavePeriod] = []
    for person in people:
        if person.category:
            records += _category(rng, person, today)
        elif rng.random() < 0.85:
            records += _szd(rng, person, today)
        if rng.random() < 0.03:
            records.append(_application(rng, person, today))
        if person.sex == "ж" and rng.random() < 0.02:
            start = today - timedelta(days=rng.randint(100, 900))
            end = None if rng.random() < 0.5 else start + timedelta(days=rng.randint(60, 600))
            leaves.append(LeavePeriod(person_id=person.id, kind=r.PARENTAL, start=start,
                                      end=min(end, today) if end else None))
    return records, leaves
