"""Demo attestation history: categories under the old and the new rules, СЗД, applications
in progress (some overdue), a few parental leaves, and a few pedagogues who show each
exemption from the СЗД (п. 22 of the Порядок)."""

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


def _szd_on(person: Person, decided: date, position: str = "") -> AttestationRecord:
    job = person.employments[0]
    return AttestationRecord(
        person_id=person.id, organization_id=job.organization_id,
        position=position or job.position, kind=r.SZD, stage="решение", decision=r.CONFORMS,
        decided_on=decided, order_number="7", order_date=decided,
        order_body="Аттестационная комиссия ОО")


def _senior(person: Person, kind: str, decided: date) -> AttestationRecord:
    job = person.employments[0]
    return AttestationRecord(
        person_id=person.id, organization_id=job.organization_id, position=job.position,
        kind=kind, stage="решение", decision=r.ESTABLISHED, decided_on=decided,
        order_number="415-од", order_date=decided, order_body=BODY)


def _showcase(people: list[Person], today: date
              ) -> tuple[set[str], list[AttestationRecord], list[LeavePeriod]]:
    """Pedagogues who show each exemption: (their ids, their records, their leaves).

    On parental leave that began after her СЗД fell due; returned from parental leave less
    than 2 years ago; ill over 4 months and still absent; a teacher appointed deputy
    director under 2 years ago with an old СЗД; a педагог-наставник whose old высшая
    expired."""
    long_ago = today - timedelta(days=8 * 365)
    plain = [p for p in people if not p.category and p.employments
             and (p.employments[0].appointed_on or today) <= long_ago]
    women = [p for p in plain if p.sex == "ж"]
    teachers = [p for p in plain if p.employments[0].position == "учитель"]
    highest = [p for p in people if p.category == r.HIGHEST and p.employments]
    if len(women) < 3 or not teachers or not highest:
        return set(), [], []
    on_leave, returned, ill = women[:3]
    deputy = next((p for p in teachers if p not in (on_leave, returned, ill)), None)
    if deputy is None:
        return set(), [], []
    mentor = highest[0]
    day = timedelta(days=1)
    overdue = today - timedelta(days=5 * 365 + 120)
    records = [_szd_on(on_leave, overdue), _szd_on(returned, today - timedelta(days=6 * 365)),
               _szd_on(ill, overdue), _szd_on(deputy, today - timedelta(days=6 * 365), "учитель")]
    maternity_start = today - timedelta(days=3 * 365)
    parental_start = maternity_start + timedelta(days=140)
    leaves = [
        LeavePeriod(person_id=on_leave.id, kind=r.PARENTAL, start=today - timedelta(days=60)),
        LeavePeriod(person_id=returned.id, kind=r.MATERNITY, start=maternity_start,
                    end=parental_start - day),
        LeavePeriod(person_id=returned.id, kind=r.PARENTAL, start=parental_start,
                    end=today - timedelta(days=200)),
        LeavePeriod(person_id=ill.id, kind=r.SICKNESS, start=today - timedelta(days=150)),
    ]
    job = deputy.employments[0]
    job.position, job.subjects = "заместитель директора", ""
    job.appointed_on = today - timedelta(days=300)
    highest_on = today - timedelta(days=5 * 365 + 100)
    mentor_on = max(r.NEW_RULES_FROM + timedelta(days=60), highest_on + timedelta(days=365))
    records += [_senior(mentor, r.HIGHEST, highest_on), _senior(mentor, r.MENTOR, mentor_on)]
    mentor.category_date = highest_on
    return {p.id for p in (on_leave, returned, ill, deputy, mentor)}, records, leaves


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
            if sum(1 for x in records if x.stage in ("подано", "на рассмотрении")) == 1:
                # the first one shows an application whose 30 days end this week
                records[-1].applied_on = today - timedelta(days=26)
        if person.sex == "ж" and rng.random() < 0.02:
            start = today - timedelta(days=rng.randint(100, 900))
            end = None if rng.random() < 0.5 else start + timedelta(days=rng.randint(60, 600))
            leaves.append(LeavePeriod(person_id=person.id, kind=r.PARENTAL, start=start,
                                      end=min(end, today) if end else None))
    shown, own_records, own_leaves = _showcase(people, today)
    return ([x for x in records if x.person_id not in shown] + own_records,
            [x for x in leaves if x.person_id not in shown] + own_leaves)
