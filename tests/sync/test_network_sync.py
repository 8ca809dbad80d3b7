"""The methodological network travels through the sync location like every module: the demo's
associations, meetings, decisions, sites and pairs reach a new workstation, and a protocol
written on one PC merges with a decision marked done on the other."""

from __future__ import annotations

import dataclasses
from datetime import date

from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import Workstation
from tests.sync.test_modules_sync import _settle, _use, office, published  # noqa: F401

NETWORK_TABLES = ("network_associations", "network_members", "network_meetings",
                  "network_decisions", "network_sites", "mentoring_pairs",
                  "mentoring_plan_items")


def test_the_network_reaches_a_new_workstation(
        office: tuple[Workstation, Workstation]) -> None:  # noqa: F811
    a, b = office
    assert set(synced_tables()) >= set(NETWORK_TABLES)
    for table in NETWORK_TABLES:
        count = a.sql(f'SELECT count(*) FROM "{table}"')[0][0]
        assert count > 0 and b.sql(f'SELECT count(*) FROM "{table}"')[0][0] == count, table
    assert b.sql("SELECT count(*) FROM network_meetings m JOIN events e ON e.id = m.event_id"
                 )[0][0] == a.sql("SELECT count(*) FROM network_meetings")[0][0], \
        "every meeting is linked to its event on the other PC too"


def test_a_protocol_and_a_decision_done_on_two_pcs_merge(
        office: tuple[Workstation, Workstation]) -> None:  # noqa: F811
    a, b = office
    meeting_id, decision_id = a.sql(
        "SELECT m.id, d.id FROM network_meetings m JOIN network_decisions d "
        "ON d.meeting_id = m.id WHERE d.done_on IS NULL ORDER BY m.id LIMIT 1")[0]
    _use(a)
    nm.save_meeting(dataclasses.replace(nm.get_meeting(meeting_id), spoke="Петрова А.И."))
    _use(b)
    nd.mark_done([decision_id], date(2026, 12, 1))
    _settle(a, b)
    for pc in (a, b):
        assert pc.value("network_meetings", meeting_id, "spoke") == "Петрова А.И."
        assert pc.value("network_decisions", decision_id, "done_on") == "2026-12-01"
        assert pc.conflicts() == set()
    assert a.content() == b.content()
