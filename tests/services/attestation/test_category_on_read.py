"""The current category is derived when it is read, with the rules from the settings.

The issue's example: with the validity of old-rule categories set to 7 years, a first
category decided on 01.03.2020 is «первая» after saving, after deleting an unrelated record
and after a restart; and merely reading (starting the program) writes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.attestation import records as a
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from imc_desktop.services.staff.card import open_card
from imc_desktop.services.staff.rules import StaffRules
from models import ChangeLogEntry, Person
from tests.services.organizations.test_organizations import SCHOOL
from tests.services.staff.test_staff import teacher

TODAY = date(2026, 1, 5)
SEVEN_YEARS = Rules(StaffRules(), r.AttestationRules(validity_years=7))


@pytest.fixture
def person(database: DatabaseInfo) -> str:
    school = orgs.save_organization(SCHOOL)
    card = teacher(school)
    job = replace(card.employments[0], appointed_on=date(2015, 9, 1))
    return sw.save_person(replace(card, employments=(job,)), SEVEN_YEARS, TODAY)


def _first_2020(person_id: str) -> a.AttestationData:
    return a.AttestationData(person_id=person_id, kind=r.FIRST, decision=r.ESTABLISHED,
                             decided_on=date(2020, 3, 1))


def _shown(person_id: str, rules: Rules) -> set[str]:
    """The category as the list, the card and its attestation tab show it."""
    card = open_card(person_id, rules)
    return {staff.list_staff(rules)[0].category, card.person.category,
            card.attestation.category}


def _log_size() -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count(ChangeLogEntry.id))) or 0)


def test_seven_years_first_category_of_2020_stays_on_every_path(person: str) -> None:
    with clock.fixed(TODAY):
        a.save_record(_first_2020(person))
        assert _shown(person, SEVEN_YEARS) == {"первая"}
        unrelated = a.save_record(a.AttestationData(
            person_id=person, kind=r.HIGHEST, stage="подано", applied_on=date(2025, 12, 1)))
        a.delete_record(unrelated)
        assert _shown(person, SEVEN_YEARS) == {"первая"}
    with clock.fixed(TODAY):  # a restart: a new read, nothing kept in between
        assert _shown(person, SEVEN_YEARS) == {"первая"}
        assert open_card(person, SEVEN_YEARS).person.category_date == date(2020, 3, 1)


def test_the_same_record_under_the_default_five_years_has_expired(person: str) -> None:
    with clock.fixed(TODAY):
        a.save_record(_first_2020(person))
        assert _shown(person, Rules(StaffRules(), r.AttestationRules())) == {""}


def test_a_category_expires_on_read_without_any_start_up_refresh(person: str) -> None:
    a.save_record(_first_2020(person))
    with clock.fixed(date(2027, 2, 28)):
        assert staff.list_staff(SEVEN_YEARS)[0].category == "первая"
    with clock.fixed(date(2027, 3, 2)):
        assert staff.list_staff(SEVEN_YEARS)[0].category == ""


def test_a_typed_category_without_decisions_stays_as_typed(person: str) -> None:
    card = staff.get_person(person)
    sw.save_person(replace(card, category="высшая", category_date=date(2019, 5, 1)),
                   SEVEN_YEARS, TODAY)
    with clock.fixed(TODAY):
        assert _shown(person, SEVEN_YEARS) == {"высшая", ""}  # the tab shows decisions only
        assert staff.list_staff(SEVEN_YEARS)[0].category == "высшая"


def test_reading_and_starting_write_nothing(person: str) -> None:
    a.save_record(_first_2020(person))
    before = _log_size()
    with session_scope() as s:
        stamp = s.get(Person, person).updated_at  # type: ignore[union-attr]
    for day in (TODAY, date(2030, 1, 1)):  # the category expires in between
        with clock.fixed(day):
            for rules in (SEVEN_YEARS, Rules(StaffRules(), r.AttestationRules())):
                staff.list_staff(rules)
                open_card(person, rules)
                a.deadlines(date(2031, 1, 1), rules)
                a.applications(rules)
                a.history(rules)
    assert _log_size() == before
    with session_scope() as s:
        assert s.get(Person, person).updated_at == stamp  # type: ignore[union-attr]
    assert not hasattr(a, "refresh_categories")


def test_saving_the_card_keeps_the_derived_category_out_of_the_log(person: str) -> None:
    a.save_record(_first_2020(person))
    with clock.fixed(date(2030, 1, 1)):  # expired: the card shows no category
        card = open_card(person, SEVEN_YEARS).person
        assert card.category == ""
        before = _log_size()
        sw.save_person(card, SEVEN_YEARS)
    assert _log_size() == before
