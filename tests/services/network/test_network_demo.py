"""The demo network: РМО by subject whose meetings are the demo calendar's «заседание РМО»
events themselves, protocols and decisions of the meetings held, mentors for most of the
young specialists."""

from __future__ import annotations

from sqlalchemy import func, select

from imc_desktop.db import session_scope
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import records as net
from imc_desktop.services.staff.rules import StaffRules
from models import Event, NetworkMeeting


def test_the_demo_rmo_meet_in_the_calendar_s_own_events(demo_database: DatabaseInfo) -> None:
    associations = net.list_associations()
    assert associations and all(a.data.kind == "РМО" for a in associations)
    with session_scope() as s:
        rmo_events = s.scalar(select(func.count()).where(Event.kind == "заседание РМО"))
        linked = s.execute(select(NetworkMeeting.id, Event.kind, Event.audience_subjects).join(
            Event, Event.id == NetworkMeeting.event_id)).all()
        meetings = s.scalar(select(func.count(NetworkMeeting.id)))
    assert len(linked) == meetings == rmo_events, "every РМО event is a meeting, none copied"
    by_id = {a.id: a for a in associations}
    for row in nm.list_all_meetings():
        assert by_id[row.data.association_id].data.subject in row.association
    assert nm.held_without_protocol(), "some held meetings wait for their protocol"
    assert any(d.overdue for d in nd.list_decisions()), "and some decisions are late"


def test_most_demo_young_specialists_have_a_mentor(demo_database: DatabaseInfo) -> None:
    pairs = mt.list_pairs()
    without = mt.young_without_mentor(StaffRules())
    assert pairs and without, "both lists have something to show"
    assert len(pairs) > len(without)
    assert all(p.mentor and p.mentee and p.data.mentor_id != p.data.mentee_id for p in pairs)
