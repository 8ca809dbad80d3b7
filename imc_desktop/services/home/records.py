"""The counts of the start page, each with the records it counts (so a count opens exactly
the records it counted) and the ОО they belong to (so the page can show one ОО).

Every count is the one its module's own list would give: the tests hold them against
`list_staff`, `deadlines`, `applications`, `reminders`, `list_documents` and `list_acts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as attestation_rules
from imc_desktop.services.attestation.records import ApplicationRow
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.events import records as events
from imc_desktop.services.home.figures import (
    APPLICATIONS_ENDING,
    APPLICATIONS_OVERDUE,
    ATTESTATION_OVERDUE,
    CATEGORY_FAR,
    CATEGORY_NEAR,
    COLLECTIONS_OVERDUE,
    COLLECTIONS_SOON,
    DECISIONS_OVERDUE,
    EVENTS_NO_RESULTS,
    EVENTS_SOON,
    KEYS,
    KPK_OVERDUE,
    KPK_SOON,
    LONG_REPAIRS,
    MEETINGS_NO_PROTOCOL,
    REQUESTS_OVERDUE,
    REQUESTS_SOON,
    SZD_FAR,
    SZD_NEAR,
    TRANSFERS_OVERDUE,
    WRITE_OFFS_PENDING,
    HomeData,
    Measure,
    due_key,
)
from imc_desktop.services.home.figures import measure as _measure
from imc_desktop.services.home.snapshot import StartPage
from imc_desktop.services.literature import documents as literature
from imc_desktop.services.staff import rules as staff_rules
from imc_desktop.services.sync import runner as sync
from models import Course, Employment, Person
from models.equipment import (
    ACT_WRITE_OFF,
    EVENT_REPAIR,
    IN_REPAIR,
    EquipmentAct,
    EquipmentEvent,
    EquipmentItem,
)

__all__ = ["APPLICATIONS_ENDING", "APPLICATIONS_OVERDUE", "ATTESTATION_OVERDUE", "CATEGORY_FAR",
           "CATEGORY_NEAR", "COLLECTIONS_OVERDUE", "COLLECTIONS_SOON", "DECISIONS_OVERDUE",
           "EVENTS_NO_RESULTS", "EVENTS_SOON", "KPK_OVERDUE", "KPK_SOON", "LONG_REPAIRS",
           "MEETINGS_NO_PROTOCOL", "REQUESTS_OVERDUE", "REQUESTS_SOON", "SZD_FAR", "SZD_NEAR",
           "TRANSFERS_OVERDUE", "WRITE_OFFS_PENDING", "HomeData", "Measure", "due_key",
           "StartPage", "application_ending", "home_data", "start_page"]

NEAR, FAR = 30, 90  # days ahead for «soon» and «within the quarter»
KPK_AHEAD = 90
APPLICATION_AHEAD = 7  # an application whose 30/60 days end within a week
LONG_REPAIR = 30


def start_page(rules: Rules, sync_path: Path | None = None, remind_days: int = 7) -> StartPage:
    """The start page as it is shown: today's figures and the ОО it can be narrowed to."""
    from imc_desktop.services.organizations import records as organizations

    return StartPage(home_data(rules, sync_path=sync_path, remind_days=remind_days),
                     tuple(organizations.active_organization_choices()))


def home_data(rules: Rules, today: date | None = None, sync_path: Path | None = None,
              remind_days: int = 7, now: datetime | None = None) -> HomeData:
    """Everything the start page shows, read once: as of `now` (the clock's by default; a
    moment ahead gives the page as it will be then, the data unchanged)."""
    now = now or clock.now()
    today = today or now.date()
    measures: dict[str, Measure] = {}
    measures.update(_kpk(rules, today))
    measures.update(_attestation(rules, today))
    measures.update(_events(today, remind_days))
    measures[TRANSFERS_OVERDUE] = _measure(
        (d.id, (d.sender_id, d.receiver_id)) for d in literature.list_documents(today)
        if d.overdue)
    measures.update(_equipment(today))
    measures.update(_network(today))
    requests, valid_until = _requests(now)
    measures.update(requests)
    state = sync.status(sync_path) if sync_path is not None else None
    assert set(measures) == KEYS
    return HomeData(today, measures, state, valid_until)


def _requests(now: datetime) -> tuple[dict[str, Measure], datetime | None]:
    """Requests and collections due within three days or overdue (their deadline's hour
    counts, so «now» and not «today»); a collection belongs to the ОО that have not answered.
    With them, the first deadline still ahead: the moment these counts change by themselves."""
    from imc_desktop.services.requests import records as requests

    found: dict[str, list[tuple[str, Iterable[str]]]] = {
        REQUESTS_OVERDUE: [], REQUESTS_SOON: [], COLLECTIONS_OVERDUE: [], COLLECTIONS_SOON: []}
    ahead: list[datetime] = []
    for item in requests.due_items(now):
        orgs = [a.organization_id for a in requests.debtors(item.id)] \
            if item.kind == "collection" else []
        key = f"{item.kind}s_{item.state}"
        found[key].append((item.id, orgs))
        if item.state == "soon":
            ahead.append(item.deadline_at)
    return {key: _measure(pairs) for key, pairs in found.items()}, min(ahead, default=None)


@dataclass(frozen=True)
class _Job:
    organization_id: str
    hired_on: date | None
    job_type: str
    appointed_on: date | None = None
    left_on: date | None = None


def _kpk(rules: Rules, today: date) -> dict[str, Measure]:
    """КПК as the «Кадры» list computes them: the main job's hiring and the last course."""
    period, ahead = rules.staff.kpk_period_years, today + timedelta(days=KPK_AHEAD)
    with session_scope() as s:
        jobs: dict[str, list[_Job]] = {}
        for pid, org, hired, job_type in s.execute(select(
                Employment.person_id, Employment.organization_id, Employment.hired_on,
                Employment.job_type).where(Employment.left_on.is_(None)).order_by(
                Employment.hired_on.is_(None).desc(), Employment.hired_on)):
            jobs.setdefault(pid, []).append(_Job(org, hired, job_type))
        last: dict[str, date] = {pid: end for pid, end in s.execute(select(
            Course.person_id, func.max(Course.end_date)).group_by(Course.person_id))}
        people = list(s.scalars(select(Person.id)))
    overdue, soon = [], []
    for pid in people:
        main = staff_rules.main_job(jobs.get(pid, []))
        status, due = staff_rules.kpk_status(last.get(pid), main.hired_on if main else None,
                                             today, period)
        orgs = (main.organization_id,) if main else ()
        if status == staff_rules.KPK_OVERDUE:
            overdue.append((pid, orgs))
        elif due is not None and due <= ahead:
            soon.append((pid, orgs))
    return {KPK_OVERDUE: _measure(overdue), KPK_SOON: _measure(soon)}


def _attestation(rules: Rules, today: date) -> dict[str, Measure]:
    due_rows, applications = attestation.overview(today + timedelta(days=FAR), rules, today)

    def due(szd: bool, days: int) -> Measure:
        return _measure((due_key(x), (x.organization_id,)) for x in due_rows
                        if (x.kind == attestation_rules.SZD) == szd and 0 <= x.days_left <= days)

    return {
        ATTESTATION_OVERDUE: _measure((due_key(x), (x.organization_id,)) for x in due_rows
                                      if x.days_left < 0),
        CATEGORY_NEAR: due(False, NEAR), CATEGORY_FAR: due(False, FAR),
        SZD_NEAR: due(True, NEAR), SZD_FAR: due(True, FAR),
        APPLICATIONS_OVERDUE: _measure((a.id, (a.organization_id,)) for a in applications
                                       if a.overdue),
        APPLICATIONS_ENDING: _measure((a.id, (a.organization_id,)) for a in applications
                                      if application_ending(a, today)),
    }


def application_ending(row: ApplicationRow, today: date) -> bool:
    """Not overdue yet, and its 30 days (not started) or 60 days (started) end within a week."""
    limit = row.finish_by if row.started_on else row.consider_by
    return (not row.overdue and limit is not None
            and today <= limit <= today + timedelta(days=APPLICATION_AHEAD))


def _events(today: date, days: int) -> dict[str, Measure]:
    found = events.reminders(today, days)
    return {EVENTS_SOON: _measure((e.id, e.organization_ids) for e in found.upcoming),
            EVENTS_NO_RESULTS: _measure((e.id, e.organization_ids) for e in found.missing)}


def _equipment(today: date) -> dict[str, Measure]:
    started_before = today - timedelta(days=LONG_REPAIR)
    with session_scope() as s:
        acts = s.execute(select(EquipmentAct.id, EquipmentAct.from_organization_id).where(
            EquipmentAct.kind == ACT_WRITE_OFF, EquipmentAct.confirmed.is_(False))).all()
        repairs = s.execute(select(EquipmentItem.id, EquipmentItem.organization_id).join(
            EquipmentEvent, EquipmentEvent.item_id == EquipmentItem.id).where(
            EquipmentItem.status == IN_REPAIR, EquipmentEvent.kind == EVENT_REPAIR,
            EquipmentEvent.finished_on.is_(None),
            EquipmentEvent.event_date < started_before).distinct()).all()
    return {WRITE_OFFS_PENDING: _measure((a, (o or "",)) for a, o in acts),
            LONG_REPAIRS: _measure((i, (o or "",)) for i, o in repairs)}


def _network(today: date) -> dict[str, Measure]:
    """Decisions of the network's meetings past their deadline; meetings held (by their
    events) whose protocol is not written. They belong to no ОО."""
    from imc_desktop.services.network import decisions, meetings

    return {DECISIONS_OVERDUE: _measure((d.id, ()) for d in decisions.overdue_decisions(today)),
            MEETINGS_NO_PROTOCOL: _measure((m.id, ()) for m in
                                           meetings.held_without_protocol(today))}
