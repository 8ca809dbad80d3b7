"""The pedagogue's card as it opens: everything it shows, read in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.attestation.records import (
    PersonAttestation,
    attestation_in,
)
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.events.participants import ParticipantRow, participation_in
from imc_desktop.services.organizations.records import active_choices_in
from imc_desktop.services.staff import rules
from imc_desktop.services.staff.changelog import ChangeEntry, change_log_in
from imc_desktop.services.staff.records import (
    CHOICES,
    PED,
    EmploymentData,
    ExperienceData,
    PersonCard,
    person_in,
)

YearsMonths = tuple[int, int]
TOTAL = CHOICES["experience_kind"][0]  # «общий»


@dataclass(frozen=True)
class ExperienceOn:
    """Стаж on a date in (years, months); None when not known."""

    on: date
    total: YearsMonths | None
    teaching: YearsMonths | None
    in_position: YearsMonths | None
    in_organization: YearsMonths | None


@dataclass(frozen=True)
class CardData:
    """What the card shows: the pedagogue (category as in force today), the main job, стаж
    today, the attestation tab, the ОО to choose from, the change log, events taken part in."""

    person: PersonCard
    main_job: EmploymentData | None
    experience: ExperienceOn
    attestation: PersonAttestation
    organizations: tuple[tuple[str, str], ...]
    log: tuple[ChangeEntry, ...]
    participation: tuple[ParticipantRow, ...]
    today: date


def open_card(person_id: str, rules_: Rules) -> CardData:
    """One read for the whole card (NotFound when the pedagogue was deleted)."""
    today = clock.today()
    with session_scope() as s:
        person = person_in(s, person_id)
        _log_view(s, person)
        status = attestation_in(s, person_id, rules_, today)
        return CardData(
            replace(person, category=status.shown_category, category_date=status.shown_since),
            rules.main_job(person.employments),
            experience_on_date(person.experiences, person.employments, today), status,
            tuple(active_choices_in(s)), tuple(change_log_in(s, person_id)),
            tuple(participation_in(s, person_id)), today)


def _log_view(s: Session, person: PersonCard) -> None:
    """The card shows the full СНИЛС and ИНН: each opening goes to the audit trail."""
    from imc_desktop.services.common import audit

    shown = [name for name, value in (("СНИЛС", person.snils), ("ИНН", person.inn)) if value]
    if shown:
        name = " ".join(p for p in (person.last_name, person.first_name, person.middle_name)
                        if p)
        audit.append(s, audit.VIEW, "Карточка педагога", f"{name}: {', '.join(shown)}", 1)


def new_card() -> CardData:
    """The card of a pedagogue not saved yet."""
    with session_scope() as s:
        choices = tuple(active_choices_in(s))
    today = clock.today()
    empty = PersonAttestation((), (), "", None, None, "")
    return CardData(PersonCard(), None, experience_on_date((), (), today), empty, choices, (),
                    (), today)


def experience_on_date(experiences: Sequence[ExperienceData],
                       jobs: Sequence[EmploymentData], on: date) -> ExperienceOn:
    """Стаж on `on`: общий and педагогический from their latest records, in the position and
    in the ОО from the main job's dates."""
    job = rules.main_job(jobs)
    hired = job.hired_on if job is not None else None
    appointed = job.appointed_on if job is not None else None
    return ExperienceOn(on, _grown(experiences, TOTAL, on), _grown(experiences, PED, on),
                        _since(appointed or hired, on), _since(hired, on))


def _grown(experiences: Sequence[ExperienceData], kind: str, on: date) -> YearsMonths | None:
    records = [x for x in experiences if x.kind == kind and x.as_of is not None]
    latest = max(records, key=lambda x: x.as_of or date.min, default=None)
    if latest is None or latest.as_of is None:
        return None
    return rules.experience_on(latest.years, latest.months, latest.as_of, on)


def _since(start: date | None, on: date) -> YearsMonths | None:
    if start is None or start > on:
        return None
    return divmod(rules.full_months_between(start, on), 12)
