"""«Главная»: every count equals what its module's own list says, for the district and for
each ОО, on the demo database; and the boundaries of the counts that are the page's own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from imc_desktop import clock
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation.rules import SZD
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import history as equipment_history
from imc_desktop.services.equipment import records as equipment
from imc_desktop.services.events import records as events
from imc_desktop.services.home import records as home
from imc_desktop.services.literature import documents as literature
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff.rules import KPK_OVERDUE
from models.equipment import ACT_WRITE_OFF, IN_REPAIR
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL


def _by_org(found: dict[str, frozenset[str]], org: str | None) -> set[str]:
    return {k for k, orgs in found.items() if org is None or org in orgs}


def _assert_same(data: home.HomeData, key: str, expected: dict[str, frozenset[str]]) -> None:
    """The district's records and each ОО's: the page's and the module's are the same."""
    assert data.measures[key].keys() == set(expected), key
    for org in {o for orgs in expected.values() for o in orgs}:
        assert data.measures[key].keys(org) == _by_org(expected, org), (key, org)
        assert data.count(key, org) == len(_by_org(expected, org))


def test_counts_equal_the_modules_lists(demo_database: DatabaseInfo) -> None:
    today = clock.today()
    data = home.home_data(RULES, today)
    people = staff.list_staff(RULES, today)
    _assert_same(data, home.KPK_OVERDUE, {
        p.id: frozenset({p.organization_id} - {""}) for p in people
        if p.kpk_status == KPK_OVERDUE})
    _assert_same(data, home.KPK_SOON, {
        p.id: frozenset({p.organization_id} - {""}) for p in people
        if p.kpk_status != KPK_OVERDUE and p.kpk_due and p.kpk_due <= today + timedelta(90)})
    due = attestation.deadlines(today + timedelta(days=90), RULES, today)
    for key, szd, days in ((home.CATEGORY_NEAR, False, 30), (home.CATEGORY_FAR, False, 90),
                           (home.SZD_NEAR, True, 30), (home.SZD_FAR, True, 90)):
        _assert_same(data, key, {
            f"{x.person_id}/{x.kind}": frozenset({x.organization_id}) for x in due
            if (x.kind == SZD) == szd and 0 <= (x.due - today).days <= days})
    _assert_same(data, home.ATTESTATION_OVERDUE, {
        f"{x.person_id}/{x.kind}": frozenset({x.organization_id}) for x in due if x.due < today})
    applications = attestation.applications(RULES, today)
    _assert_same(data, home.APPLICATIONS_OVERDUE, {
        a.id: frozenset({a.organization_id}) for a in applications if a.overdue})
    reminders = events.reminders(today, 7)
    _assert_same(data, home.EVENTS_SOON, {e.id: e.organization_ids for e in reminders.upcoming})
    _assert_same(data, home.EVENTS_NO_RESULTS, {
        e.id: e.organization_ids for e in reminders.missing})
    _assert_same(data, home.TRANSFERS_OVERDUE, {
        d.id: frozenset({d.sender_id, d.receiver_id} - {""})
        for d in literature.list_documents(today) if d.overdue})
    assert data.measures[home.WRITE_OFFS_PENDING].keys() == {
        a.id for a in acts.list_acts() if a.kind == ACT_WRITE_OFF and not a.confirmed}
    from imc_desktop.services.network import decisions, meetings

    assert data.measures[home.DECISIONS_OVERDUE].keys() == {
        d.id for d in decisions.list_decisions(None, today) if d.overdue}
    assert data.measures[home.MEETINGS_NO_PROTOCOL].keys() == {
        m.id for m in meetings.list_all_meetings(today) if m.held and not m.data.has_protocol}


def test_the_demo_has_something_in_every_count(demo_database: DatabaseInfo) -> None:
    """Else the comparison above would compare empty sets and prove nothing."""
    data = home.home_data(RULES, clock.today())
    empty = [k for k, m in data.measures.items() if m.count() == 0]
    assert empty == []


def test_an_organizations_counts_add_up_to_at_most_the_districts(
        demo_database: DatabaseInfo) -> None:
    data = home.home_data(RULES, clock.today())
    orgs = [o for o, _name in organizations.organization_choices()]
    for key, measure in data.measures.items():
        if key in (home.EVENTS_SOON, home.EVENTS_NO_RESULTS, home.TRANSFERS_OVERDUE,
                   home.COLLECTIONS_OVERDUE, home.COLLECTIONS_SOON):
            continue  # an event, a transfer or a data collection concerns several ОО
        assert sum(measure.count(o) for o in orgs) <= measure.count(), key


@pytest.mark.parametrize(("days_ago", "counted"), [(30, False), (31, True)])
def test_a_repair_is_long_after_30_days(database: DatabaseInfo, days_ago: int,
                                        counted: bool) -> None:
    today = date(2026, 3, 10)
    school = organizations.save_organization(SCHOOL)
    item = equipment.save_item(equipment.ItemData(
        inventory_number="101", name="ПК", organization_id=school,
        accepted_on=date(2024, 1, 1)), today)
    other = equipment.save_item(equipment.ItemData(
        inventory_number="102", name="ПК", organization_id=school,
        accepted_on=date(2024, 1, 1)), today)
    equipment_history.send_to_repair([item], equipment_history.RepairStart(
        today - timedelta(days=days_ago)))
    equipment_history.send_to_repair([other], equipment_history.RepairStart(
        today - timedelta(days=90)))
    equipment_history.back_from_repair([other], equipment_history.RepairEnd(
        today - timedelta(days=60)))
    data = home.home_data(RULES, today)
    assert equipment.get_item(item).status == IN_REPAIR
    assert (item in data.measures[home.LONG_REPAIRS].keys(school)) is counted
    assert other not in data.measures[home.LONG_REPAIRS].keys()


def test_an_application_ending_within_a_week(database: DatabaseInfo) -> None:
    """Not started: its 30 days count from the application; overdue ones are counted apart."""
    today = date(2026, 3, 10)
    row = attestation.ApplicationRow("a", "p", "", "", "", today - timedelta(days=24), "",
                                     None, today + timedelta(days=6), None, False)
    assert home.application_ending(row, today)
    assert not home.application_ending(replace(row, consider_by=today + timedelta(8)), today)
    assert not home.application_ending(replace(row, consider_by=today - timedelta(1),
                                               overdue=True), today)
    started = replace(row, started_on=today - timedelta(55), finish_by=today + timedelta(5),
                      consider_by=today - timedelta(30))
    assert home.application_ending(started, today)


def test_the_sync_state_is_read_only_when_asked(demo_database: DatabaseInfo) -> None:
    assert home.home_data(RULES, clock.today()).sync is None
    state = home.home_data(RULES, clock.today(), sync_path=demo_database.path).sync
    assert state is not None and state.conflicts == 0 and state.unsent > 0
