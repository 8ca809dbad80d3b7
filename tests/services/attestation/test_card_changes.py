"""The card saves all its tabs together: the «Аттестация» tab's records and leave periods are
written by the card's save in its one unit of work — all or nothing, only what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from imc_desktop.services.attestation import records as a
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.card import AttestationChanges, preview
from imc_desktop.services.common.errors import ChangedMeanwhile, ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from imc_desktop.services.staff.card import open_card
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL
from tests.services.staff.test_staff import teacher

TODAY = date(2026, 1, 5)
DECIDED = a.STAGES[2]


@pytest.fixture
def person(database: DatabaseInfo) -> str:
    return sw.save_person(teacher(orgs.save_organization(SCHOOL)), RULES, TODAY)


def first(decided: date = date(2025, 3, 1), **changes: object) -> a.AttestationData:
    return replace(a.AttestationData(kind=r.FIRST, stage=DECIDED, decision=r.ESTABLISHED,
                                     decided_on=decided), **changes)


def test_a_new_record_and_a_period_are_written_with_the_card(person: str) -> None:
    card = open_card(person, RULES).person
    changes = AttestationChanges(((first(), None),), (),
                                 (a.LeaveData(kind=r.PARENTAL, start=date(2025, 5, 1)),))
    sw.save_person(replace(card, phone="+7 999 111-22-33"), RULES, TODAY, card, also=(changes,))
    assert [(x.kind, x.decision) for x in a.person_records(person)] == [(r.FIRST,
                                                                         r.ESTABLISHED)]
    assert [x.start for x in a.person_leaves(person)] == [date(2025, 5, 1)]
    assert staff.get_person(person).phone == "+7 999 111-22-33"
    assert staff.list_staff(RULES, TODAY)[0].category == r.FIRST


def test_a_new_pedagogue_is_saved_with_the_records_of_the_tab(database: DatabaseInfo) -> None:
    card = teacher(orgs.save_organization(SCHOOL))
    person = sw.save_person(card, RULES, TODAY,
                            also=(AttestationChanges(((first(), None),)),))
    assert [x.person_id for x in a.person_records(person)] == [person]


def test_a_bad_record_leaves_the_card_unwritten(person: str) -> None:
    card = open_card(person, RULES).person
    bad = first(decided=date(2024, 1, 1), applied_on=date(2024, 2, 1))  # decided before
    with pytest.raises(ValidationFailed) as caught:
        sw.save_person(replace(card, phone="+7 999 111-22-33"), RULES, TODAY, card,
                       also=(AttestationChanges(((bad, None),)),))
    message = next(iter(caught.value.problems.values()))
    assert message.startswith("Аттестация, запись «первая")
    assert "Решение раньше заявления" in message
    assert staff.get_person(person).phone != "+7 999 111-22-33"
    assert a.person_records(person) == []


def test_only_the_changed_fields_of_a_record_are_written(person: str) -> None:
    record_id = a.save_record(first(person_id=person, order_number="1"))
    loaded = a.person_records(person)[0]
    a.save_record(replace(loaded, order_body="Минобр"), loaded)  # elsewhere, meanwhile
    card = open_card(person, RULES).person
    edited = replace(loaded, order_number="77-к")
    sw.save_person(card, RULES, TODAY, card,
                   also=(AttestationChanges(((edited, loaded),)),))
    stored = a.person_records(person)[0]
    assert (stored.id, stored.order_number, stored.order_body) == (record_id, "77-к", "Минобр")


def test_the_same_field_changed_meanwhile_is_asked_about(person: str) -> None:
    a.save_record(first(person_id=person, order_number="1"))
    loaded = a.person_records(person)[0]
    a.save_record(replace(loaded, order_number="2"), loaded)
    card = open_card(person, RULES).person
    changes = AttestationChanges(((replace(loaded, order_number="3"), loaded),))
    with pytest.raises(ChangedMeanwhile):
        sw.save_person(card, RULES, TODAY, card, also=(changes,))
    assert a.person_records(person)[0].order_number == "2"
    sw.save_person(card, RULES, TODAY, card, True, also=(changes,))
    assert a.person_records(person)[0].order_number == "3"


def test_a_deleted_record_goes_with_the_save(person: str) -> None:
    record_id = a.save_record(first(person_id=person))
    card = open_card(person, RULES).person
    sw.save_person(card, RULES, TODAY, card, also=(AttestationChanges((), (record_id,)),))
    assert a.person_records(person) == []


def test_the_preview_shows_the_category_before_the_save(person: str) -> None:
    status = preview(person, [first(person_id=person)], [], RULES, TODAY)
    assert (status.category, status.shown_category) == (r.FIRST, r.FIRST)
    assert a.person_records(person) == []
    assert not AttestationChanges()
