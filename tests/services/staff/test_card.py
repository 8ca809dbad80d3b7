"""Opening a pedagogue's card: everything it shows from one service call, one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.services.attestation import records as a
from imc_desktop.services.attestation import rules as ar
from imc_desktop.services.common.errors import NotFound
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import write as sw
from imc_desktop.services.staff.card import open_card
from imc_desktop.services.staff.records import EmploymentData
from imc_desktop.services.staff.rules import StaffRules
from tests.services.organizations.test_organizations import SCHOOL
from tests.services.staff.test_staff import teacher

TODAY = date(2026, 1, 5)
RULES = Rules(StaffRules(), ar.AttestationRules())


@pytest.fixture
def person(database: DatabaseInfo) -> str:
    school = orgs.save_organization(SCHOOL)
    card = teacher(school)
    second = EmploymentData(organization_id=school, position="методист",
                            job_type="внутреннее совместительство", hired_on=date(2020, 9, 1))
    person_id = sw.save_person(replace(card, employments=(*card.employments, second)),
                               RULES, TODAY)
    a.save_record(a.AttestationData(person_id=person_id, kind=ar.HIGHEST,
                                    decision=ar.ESTABLISHED, decided_on=date(2024, 3, 1)))
    a.save_leaves(person_id, [a.LeaveData(kind=ar.SICKNESS, start=date(2025, 1, 10),
                                          end=date(2025, 2, 1))])
    return person_id


@pytest.fixture
def transactions() -> Iterator[list[object]]:
    begun: list[object] = []

    def count(*_args: object) -> None:
        begun.append(1)

    event.listen(Session, "after_begin", count)
    yield begun
    event.remove(Session, "after_begin", count)


def test_open_card_returns_what_the_card_shows_in_one_transaction(
        person: str, transactions: list[object]) -> None:
    with clock.fixed(TODAY):
        data = open_card(person, RULES)
    assert len(transactions) == 1
    assert data.person.full_name == "Смирнова Ольга Петровна"
    assert len(data.person.employments) == 2 and len(data.person.courses) == 1
    assert data.person.category == ar.HIGHEST
    assert data.person.category_date == date(2024, 3, 1)
    assert [x.kind for x in data.attestation.records] == [ar.HIGHEST]
    assert [x.kind for x in data.attestation.leaves] == [ar.SICKNESS]
    assert data.attestation.next_reason == "категория бессрочная"
    assert data.main_job is not None and data.main_job.position == "учитель"
    assert data.experience.teaching == (16, 2)  # 15 y 2 m on 01.01.2025, a year later
    assert data.experience.in_position == (15, 4)  # since 01.09.2010
    assert data.experience.in_organization == (15, 4)
    assert [name for _, name in data.organizations] == [SCHOOL.short_name]
    assert data.log and data.participation == ()
    assert data.today == TODAY


def test_experience_on_another_date_is_a_service_function(person: str) -> None:
    from imc_desktop.services.staff.card import experience_on_date

    data = open_card(person, RULES)
    on = experience_on_date(data.person.experiences, data.person.employments, date(2025, 1, 1))
    assert on.teaching == (15, 2) and on.total is None
    assert on.in_position == (14, 4)


def test_open_card_of_a_deleted_pedagogue(database: DatabaseInfo) -> None:
    with pytest.raises(NotFound):
        open_card("nobody", RULES)


def test_row_checks_are_their_own_service_functions() -> None:
    from imc_desktop.services.staff.records import CourseData

    short = CourseData(kind="ПК", program="Х", end_date=date(2025, 1, 1), hours=8)
    assert "hours" in sw.check_course(short, RULES, TODAY)
    assert sw.check_course(replace(short, hours=16), RULES, TODAY) == {}
    job = EmploymentData(organization_id="x", position="учитель", hired_on=date(2030, 1, 1))
    assert "hired_on" in sw.check_job(job, date(1990, 1, 1), TODAY)
