"""The attestation service: records and the current category, leaves, «Сроки», applications."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from imc_desktop.services.attestation import records as a
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL
from tests.services.staff.test_staff import teacher

TODAY = date(2026, 1, 5)


@pytest.fixture
def person(database: DatabaseInfo) -> str:
    school = orgs.save_organization(SCHOOL)
    card = teacher(school)
    job = replace(card.employments[0], appointed_on=date(2015, 9, 1))
    return sw.save_person(replace(card, employments=(job,)), RULES, TODAY)


def category(person_id: str, kind: str, decided: date, **more: object) -> a.AttestationData:
    return a.AttestationData(person_id=person_id, kind=kind, decision=r.ESTABLISHED,
                             decided_on=decided, **more)  # type: ignore[arg-type]


def test_a_decision_updates_the_category_in_the_staff_list(person: str) -> None:
    a.save_record(category(person, r.FIRST, date(2024, 3, 1)))
    assert staff.list_staff(RULES, TODAY)[0].category == "первая"
    record = a.save_record(category(person, r.HIGHEST, date(2025, 5, 1)))
    assert staff.list_staff(RULES, TODAY)[0].category == "высшая"
    a.delete_record(record)
    assert staff.list_staff(RULES, TODAY)[0].category == "первая"


def test_an_old_rule_category_expires_and_the_list_follows(person: str) -> None:
    a.save_record(category(person, r.FIRST, date(2021, 2, 1)))
    assert staff.list_staff(RULES, TODAY)[0].category == "первая"
    assert staff.list_staff(RULES, date(2026, 2, 2))[0].category == ""  # read, not stored


@pytest.mark.parametrize(("changes", "field"), [
    ({"kind": "вторая"}, "kind"),
    ({"decision": r.CONFORMS}, "decision"),
    ({"decided_on": None}, "decided_on"),
    ({"stage": "подано"}, "stage"),
    ({"valid_until": date(2024, 1, 1)}, "valid_until"),
    ({"simplified": True}, "simplified_basis"),
    ({"applied_on": date(2024, 5, 1)}, "decided_on"),
])
def test_records_are_validated(person: str, changes: dict[str, object], field: str) -> None:
    data = replace(category(person, r.FIRST, date(2024, 3, 1)), **changes)  # type: ignore[arg-type]
    assert field in a.validate_record(data)
    with pytest.raises(ValidationFailed):
        a.save_record(data)


def test_szd_decision_must_be_conforms_or_not(person: str) -> None:
    data = a.AttestationData(person_id=person, kind=r.SZD, decision=r.ESTABLISHED,
                             decided_on=date(2024, 1, 1))
    assert "decision" in a.validate_record(data)
    assert a.validate_record(replace(data, decision=r.CONFORMS)) == {}


def test_methodist_without_highest_is_a_warning_not_a_refusal(person: str) -> None:
    data = category(person, r.METHODIST, date(2025, 2, 1))
    assert a.record_warnings(data, RULES, TODAY) and a.validate_record(data) == {}
    a.save_record(category(person, r.HIGHEST, date(2024, 2, 1)))
    assert a.record_warnings(data, RULES, TODAY) == []


def test_deadlines_list_what_is_due_in_the_horizon(person: str) -> None:
    due = a.deadlines(date(2026, 12, 31), RULES, TODAY)
    assert [(d.what, d.due) for d in due] == [("СЗД: нет ни одной аттестации", TODAY)]
    assert due[0].days_left == 0 and "нет сведений" in due[0].reason
    a.save_record(a.AttestationData(person_id=person, kind=r.SZD, decision=r.CONFORMS,
                                    decided_on=date(2022, 3, 1)))
    assert a.deadlines(date(2026, 12, 31), RULES, TODAY) == []
    assert [d.due for d in a.deadlines(date(2027, 12, 31), RULES, TODAY)] == [date(2027, 3, 1)]
    a.save_leaves(person, [a.LeaveData(kind=r.PARENTAL, start=date(2026, 6, 1),
                                       end=date(2027, 1, 31))])
    assert a.deadlines(date(2027, 12, 31), RULES, TODAY) == []  # postponed to 31.01.2029


def test_expiring_old_category_is_listed(person: str) -> None:
    a.save_record(category(person, r.FIRST, date(2021, 6, 1)))
    [due] = a.deadlines(date(2026, 12, 31), RULES, TODAY)
    assert due.what == "истекает категория «первая»" and due.due == date(2026, 6, 1)
    a.save_record(category(person, r.HIGHEST, date(2025, 1, 1)))  # new rules
    assert a.deadlines(date(2030, 12, 31), RULES, TODAY) == []


def test_applications_in_progress_with_deadlines(person: str) -> None:
    a.save_record(a.AttestationData(person_id=person, kind=r.HIGHEST, stage="подано",
                                    applied_on=date(2025, 10, 1)))
    [application] = a.applications(RULES, TODAY)
    assert application.consider_by == date(2025, 10, 31)
    assert application.finish_by is None and application.overdue  # not considered in 30 days
    with pytest.raises(ValidationFailed):
        a.save_record(a.AttestationData(person_id=person, kind=r.HIGHEST, stage="подано"))


def test_person_status_for_the_card(person: str) -> None:
    status = a.person_attestation(person, RULES, TODAY)
    assert status.category == "" and status.next_date == TODAY
    assert "СЗД" in status.next_reason
    a.save_record(category(person, r.HIGHEST, date(2024, 1, 1)))
    status = a.person_attestation(person, RULES, TODAY)
    assert (status.category, status.category_until, status.next_date) == ("высшая", None, None)
    assert "бессрочная" in status.next_reason
    assert len(status.records) == 1 and len(a.history(RULES)) == 1


def test_leaves_are_validated(person: str) -> None:
    with pytest.raises(ValidationFailed):
        a.save_leaves(person, [a.LeaveData(kind=r.SICKNESS, start=date(2025, 5, 1),
                                           end=date(2025, 4, 1))])
    assert a.person_leaves(person) == []


def test_demo_history_is_varied(demo_database: DatabaseInfo) -> None:
    rows = a.history(RULES)
    assert {x.kind for x in rows} >= {r.FIRST, r.HIGHEST, r.SZD}
    assert any(x.decided_on and x.decided_on < r.NEW_RULES_FROM for x in rows)
    assert any(x.decided_on and x.decided_on >= r.NEW_RULES_FROM for x in rows)
    assert any(d.days_left < 0 for d in a.deadlines(date.today(), RULES))
    assert all(a.validate_record(a.person_records(x.person_id)[0]) == {} for x in rows[:30])


def test_a_category_typed_on_the_card_survives_reading(person: str) -> None:
    card = staff.get_person(person)
    sw.save_person(replace(card, category="высшая", category_date=date(2024, 5, 1)), RULES, TODAY)
    assert staff.list_staff(RULES, date(2040, 1, 1))[0].category == "высшая"
    assert staff.list_staff(RULES, TODAY)[0].category == "высшая"


@pytest.mark.parametrize("kind", [r.FIRST, r.HIGHEST, r.METHODIST, r.MENTOR])
@pytest.mark.parametrize(("decided", "refused"), [
    (date(2023, 8, 31), False),   # the old rules: an explicit term is kept
    (date(2023, 9, 1), True),     # established under Приказ № 196: no term
    (date(2023, 9, 2), True),
])
def test_a_term_on_a_category_established_from_01_09_2023_is_refused(
        person: str, kind: str, decided: date, refused: bool) -> None:
    data = category(person, kind, decided, valid_until=date(2028, 12, 31))
    problems = a.validate_record(data)
    assert ("valid_until" in problems) == refused
    if refused:
        assert "01.09.2023" in problems["valid_until"] and "без срока" in problems["valid_until"]
    assert a.validate_record(replace(data, valid_until=None)) == {}


def test_a_term_on_an_szd_is_not_refused(person: str) -> None:
    data = a.AttestationData(person_id=person, kind=r.SZD, decision=r.CONFORMS,
                             decided_on=date(2024, 1, 1), valid_until=date(2029, 1, 1))
    assert a.validate_record(data) == {}


@pytest.mark.parametrize(("today", "overdue"), [
    (date(2026, 2, 28), False), (date(2026, 3, 1), False), (date(2026, 3, 2), True)])
def test_an_application_in_progress_runs_60_days_from_its_start(
        person: str, today: date, overdue: bool) -> None:
    a.save_record(a.AttestationData(person_id=person, kind=r.HIGHEST, stage="на рассмотрении",
                                    applied_on=date(2025, 12, 1), started_on=date(2025, 12, 31)))
    [application] = a.applications(RULES, today)
    assert (application.consider_by, application.finish_by) == (date(2025, 12, 31),
                                                                 date(2026, 3, 1))
    assert application.overdue == overdue
    [record] = a.person_records(person)
    assert record.started_on == date(2025, 12, 31)


@pytest.mark.parametrize(("started", "field"), [
    (date(2025, 11, 30), "started_on"),   # before the application
    (date(2025, 12, 1), None),
    (date(2026, 1, 11), "decided_on"),    # after the decision
])
def test_the_start_lies_between_the_application_and_the_decision(
        person: str, started: date, field: str | None) -> None:
    data = a.AttestationData(person_id=person, kind=r.HIGHEST, applied_on=date(2025, 12, 1),
                             started_on=started, decision=r.ESTABLISHED,
                             decided_on=date(2026, 1, 10))
    assert set(a.validate_record(data)) == ({field} if field else set())


@pytest.mark.parametrize(("start", "listed"), [
    (date(2026, 1, 4), False), (date(2026, 1, 5), False), (date(2026, 1, 6), True)])
def test_a_pedagogue_on_leave_is_not_listed_as_overdue(person: str, start: date,
                                                       listed: bool) -> None:
    a.save_record(a.AttestationData(person_id=person, kind=r.SZD, decision=r.CONFORMS,
                                    decided_on=date(2020, 3, 1)))   # due 01.03.2025
    a.save_leaves(person, [a.LeaveData(kind=r.PARENTAL, start=start)])
    due = a.deadlines(date(2026, 12, 31), RULES, TODAY)
    assert bool(due) == listed
    status = a.person_attestation(person, RULES, TODAY)
    if not listed:
        assert status.next_date is None and "освобождение от СЗД" in status.next_reason


def test_an_expired_category_is_the_reason_in_the_deadlines(person: str) -> None:
    a.save_record(category(person, r.FIRST, date(2020, 12, 1)))     # valid to 01.12.2025
    [due] = a.deadlines(date(2026, 12, 31), RULES, TODAY)
    assert (due.what, due.due) == ("срок СЗД", TODAY)
    assert due.reason.startswith("истекла категория «первая» (01.12.2025)")


def test_a_new_deputy_with_an_old_szd_is_due_2_years_after_the_appointment(
        database: DatabaseInfo) -> None:
    school = orgs.save_organization(SCHOOL)
    card = teacher(school)
    job = replace(card.employments[0], position="заместитель директора",
                  appointed_on=date(2025, 6, 1))
    pid = sw.save_person(replace(card, employments=(job,)), RULES, TODAY)
    a.save_record(a.AttestationData(person_id=pid, kind=r.SZD, decision=r.CONFORMS,
                                    decided_on=date(2020, 3, 1)))
    assert a.deadlines(date(2027, 5, 31), RULES, TODAY) == []
    [due] = a.deadlines(date(2027, 6, 1), RULES, TODAY)
    assert due.due == date(2027, 6, 1) and "01.06.2025" in due.reason


def _demo_szd() -> dict[str, tuple[r.SzdDue, str]]:
    """{person id: (the СЗД due, the category shown)} of everyone in the demo database."""
    from imc_desktop.db import session_scope
    from imc_desktop.services.attestation.people import people_in

    with session_scope() as s:
        people = people_in(s)
    today = date.today()
    found = {}
    for pid, p in people.items():
        decisions = [d for d in map(a._decision, p.records or []) if d]
        found[pid] = (r.szd_due(decisions, p.appointed_on, p.leaves or [], today,
                                RULES.attestation),
                      r.category_shown(decisions, "", None, today, RULES.attestation)[0])
    return found


def test_demo_shows_each_exemption(demo_database: DatabaseInfo) -> None:
    reasons = [due.reason for due, _shown in _demo_szd().values()]
    assert any("освобождение от СЗД: отпуск по уходу" in x for x in reasons)
    assert any("освобождение от СЗД: болезнь" in x for x in reasons)
    assert any("после выхода из отпуска по уходу" in x for x in reasons)
    assert any("лет в должности (назначение" in x for x in reasons)
    assert any(x.startswith("истекла категория") for x in reasons)
    assert any(shown == r.MENTOR for _due, shown in _demo_szd().values())
