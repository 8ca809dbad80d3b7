"""Associations, members, the plan's meetings as events of the calendar, protocols and
decisions, on a real database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net
from models import Event
from tests.services.network.helpers import people, rmo

pytestmark = pytest.mark.usefixtures("database")


def _slot(day: date) -> nm.Slot:
    return nm.Slot(datetime.combine(day, datetime.min.time()).replace(hour=14),
                   datetime.combine(day, datetime.min.time()).replace(hour=16),
                   place_text="ИМЦ, каб. 5")


def test_the_head_becomes_a_member_and_a_member_twice_is_skipped_by_name() -> None:
    ids = people()
    association = rmo(ids)
    members = net.list_members(association)
    assert [(m.full_name, m.role) for m in members] == [("Иванова Анна Ивановна",
                                                         "руководитель")]
    added, skipped = net.add_members(association, [ids["Сидорова"], ids["Иванова"]])
    assert added == 1 and skipped == ["Иванова Анна Ивановна"]
    assert net.add_members(association, [ids["Сидорова"]]) == (0, ["Сидорова Ёлка Ивановна"])


def test_a_member_who_left_may_join_again_but_not_on_dates_that_meet() -> None:
    ids = people()
    association = rmo(ids)
    net.add_members(association, [ids["Петров"]], joined_on=date(2025, 9, 1))
    petrov = next(m for m in net.list_members(association) if m.person_id == ids["Петров"])
    from dataclasses import replace
    net.save_member(replace(petrov, left_on=date(2025, 12, 31)))
    assert net.add_members(association, [ids["Петров"]], joined_on=date(2026, 1, 1))[0] == 1
    with pytest.raises(ValidationFailed, match="раньше начала"):
        net.save_member(replace(petrov, left_on=date(2025, 8, 1)))


def test_bulk_members_by_subject_position_and_oo() -> None:
    ids = people()
    assert set(net.matching_people(subject="Математика")) == {ids["Иванова"], ids["Сидорова"]}
    assert net.matching_people(subject="математика", organization_id=ids["СОШ № 2"]) == [
        ids["Сидорова"]]
    assert net.matching_people(position="методист") == [ids["Орлова"]]


def test_an_association_needs_a_name_and_a_curator_other_than_its_head() -> None:
    ids = people()
    with pytest.raises(ValidationFailed) as caught:
        net.save_association(net.AssociationData(name=" ", head_id=ids["Иванова"],
                                                 curator_id=ids["Иванова"]))
    assert set(caught.value.problems) == {"name", "curator_id"}


def test_a_planned_meeting_is_an_event_of_the_calendar_the_same_row() -> None:
    ids = people()
    association = rmo(ids)
    net.add_members(association, [ids["Сидорова"]])
    meeting_id = nm.plan_meeting(nm.MeetingData(association_id=association,
                                                theme="Анализ ВПР"), _slot(date(2025, 10, 16)))
    [row] = nm.list_meetings(association, today=date(2025, 10, 1))
    event = events.get_event(row.data.event_id or "")
    assert event.kind == "заседание РМО" and event.title == "РМО учителей математики: Анализ ВПР"
    assert row.starts_at == event.starts_at == datetime(2025, 10, 16, 14)
    assert {p.data.person_id for p in ep.list_participants(event.id or "")} == {
        ids["Иванова"], ids["Сидорова"]}, "the members are invited"
    # the calendar moves the event: the plan shows the new date, nothing is copied
    events.save_event(events.moved(event, date(2025, 10, 23)), loaded=event)
    [row] = nm.list_meetings(association, today=date(2025, 10, 1))
    assert row.starts_at == datetime(2025, 10, 23, 14) and row.id == meeting_id
    # attendance marked in the events module is the protocol's attendance
    sidorova = next(p for p in ep.list_participants(event.id or "")
                    if p.data.person_id == ids["Сидорова"])
    ep.mark_attendance([sidorova.data.id or ""], True)
    [row] = nm.list_meetings(association, today=date(2025, 11, 1))
    assert (row.participants, row.attended, row.held) == (2, 1, True)
    assert [a.full_name for a in nm.attendance(meeting_id) if a.attended] == [
        "Сидорова Ёлка Ивановна"]
    with session_scope() as s:
        assert s.query(Event).count() == 1


def test_a_meeting_outside_the_academic_year_is_refused_with_the_dates() -> None:
    ids = people()
    association = rmo(ids)
    with pytest.raises(ValidationFailed) as caught:
        nm.plan_meeting(nm.MeetingData(association_id=association, theme="Итоги"),
                        _slot(date(2026, 9, 1)))
    assert "01.09.2026" in caught.value.problems["starts_at"]
    assert "2025–2026" in caught.value.problems["starts_at"]
    nm.plan_meeting(nm.MeetingData(association_id=association, theme="Итоги"),
                    _slot(date(2026, 8, 31)))
    with session_scope() as s:
        assert s.query(Event).count() == 1, "nothing half-written by the refused one"


def test_an_existing_rmo_event_is_attached_not_copied() -> None:
    ids = people()
    association = rmo(ids)
    rmo_event = events.save_event(events.EventData(
        kind="заседание РМО", title="РМО математиков", starts_at=datetime(2025, 11, 20, 14),
        ends_at=datetime(2025, 11, 20, 16)))
    seminar = events.save_event(events.EventData(
        kind="семинар", title="Семинар", starts_at=datetime(2025, 11, 21, 14),
        ends_at=datetime(2025, 11, 21, 16)))
    assert [e for e, _ in nm.candidate_events(association)] == [rmo_event]
    meeting = nm.attach_meeting(nm.MeetingData(association_id=association), rmo_event)
    assert nm.get_meeting(meeting).event_id == rmo_event
    assert nm.get_meeting(meeting).theme == "РМО математиков"
    assert nm.candidate_events(association) == []
    with pytest.raises(ServiceError, match="уже в плане"):
        nm.attach_meeting(nm.MeetingData(association_id=association, theme="x"), rmo_event)
    with pytest.raises(ServiceError, match="только заседания РМО"):
        nm.attach_meeting(nm.MeetingData(association_id=association, theme="x"), seminar)


def test_a_held_meeting_without_a_protocol_is_listed_until_the_protocol_is_written() -> None:
    ids = people()
    association = rmo(ids)
    meeting_id = nm.plan_meeting(nm.MeetingData(association_id=association, theme="ГИА"),
                                 _slot(date(2025, 10, 16)))
    assert nm.held_without_protocol(date(2025, 10, 16)) == []
    assert [r.id for r in nm.held_without_protocol(date(2025, 10, 17))] == [meeting_id]
    [row] = net.list_associations(date(2025, 10, 17))
    assert (row.planned, row.held, row.without_protocol, row.members) == (1, 1, 1, 1)
    from dataclasses import replace
    data = nm.get_meeting(meeting_id)
    nm.save_meeting(replace(data, protocol_number="1", agenda="1. Итоги ГИА",
                            heard="Иванову А.И.", decided="Принять к сведению."))
    assert nm.held_without_protocol(date(2025, 10, 17)) == []


def test_decisions_are_overdue_after_the_deadline_until_done() -> None:
    ids = people()
    association = rmo(ids)
    meeting_id = nm.plan_meeting(nm.MeetingData(association_id=association, theme="ГИА"),
                                 _slot(date(2025, 10, 16)))
    decision = nd.save_decision(nd.DecisionData(
        meeting_id=meeting_id, text="Провести пробный ОГЭ", responsible_id=ids["Сидорова"],
        deadline=date(2025, 12, 1)))
    assert nd.overdue_decisions(date(2025, 12, 1)) == []
    [late] = nd.overdue_decisions(date(2025, 12, 2))
    assert late.responsible == "Сидорова Ёлка Ивановна" and late.association_id == association
    nd.mark_done([decision], date(2025, 12, 5))
    assert nd.overdue_decisions(date(2025, 12, 10)) == []
    with pytest.raises(ValidationFailed):
        nd.save_decision(nd.DecisionData(meeting_id=meeting_id, text=" "))


def test_deleting_an_association_keeps_the_calendar_s_events() -> None:
    ids = people()
    association = rmo(ids)
    nm.plan_meeting(nm.MeetingData(association_id=association, theme="ГИА"),
                    _slot(date(2025, 10, 16)))
    net.delete_association(association)
    assert net.list_associations() == []
    assert len(events.list_events()) == 1


def test_a_pedagogue_s_card_lists_her_associations() -> None:
    ids = people()
    rmo(ids)
    [found] = net.person_associations(ids["Иванова"])
    assert (found.name, found.role, found.year_text) == ("РМО учителей математики",
                                                         "руководитель", "2025–2026")


def test_a_member_made_head_gets_the_head_s_role_once() -> None:
    from dataclasses import replace

    ids = people()
    association = rmo(ids)
    net.add_members(association, [ids["Сидорова"]])
    data = net.get_association(association)
    net.save_association(replace(data, head_id=ids["Сидорова"]), data)
    roles = {m.full_name: m.role for m in net.list_members(association)}
    assert roles["Сидорова Ёлка Ивановна"] == "руководитель" and len(roles) == 2
