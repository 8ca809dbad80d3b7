"""What the start page shows, as plain data: the keys of its counts, what each count counts,
and the whole page's figures. No database here: `records.home_data` computes them, and the
start of the program can show the last computed figures (`snapshot`) before the database
layer is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from imc_desktop.services.sync.runner import SyncStatus

if TYPE_CHECKING:
    from imc_desktop.services.attestation.records import DueRow

KPK_OVERDUE, KPK_SOON = "kpk_overdue", "kpk_soon"
ATTESTATION_OVERDUE = "attestation_overdue"
CATEGORY_NEAR, CATEGORY_FAR = "category_near", "category_far"
SZD_NEAR, SZD_FAR = "szd_near", "szd_far"
APPLICATIONS_OVERDUE, APPLICATIONS_ENDING = "applications_overdue", "applications_ending"
EVENTS_SOON, EVENTS_NO_RESULTS = "events_soon", "events_no_results"
TRANSFERS_OVERDUE = "transfers_overdue"
WRITE_OFFS_PENDING, LONG_REPAIRS = "write_offs_pending", "long_repairs"
DECISIONS_OVERDUE, MEETINGS_NO_PROTOCOL = "decisions_overdue", "meetings_no_protocol"
REQUESTS_OVERDUE, REQUESTS_SOON = "requests_overdue", "requests_soon"
COLLECTIONS_OVERDUE, COLLECTIONS_SOON = "collections_overdue", "collections_soon"

#: every count of the page, in no particular order
KEYS = frozenset({
    KPK_OVERDUE, KPK_SOON, ATTESTATION_OVERDUE, CATEGORY_NEAR, CATEGORY_FAR, SZD_NEAR, SZD_FAR,
    APPLICATIONS_OVERDUE, APPLICATIONS_ENDING, EVENTS_SOON, EVENTS_NO_RESULTS,
    TRANSFERS_OVERDUE, WRITE_OFFS_PENDING, LONG_REPAIRS, DECISIONS_OVERDUE,
    MEETINGS_NO_PROTOCOL, REQUESTS_OVERDUE, REQUESTS_SOON, COLLECTIONS_OVERDUE,
    COLLECTIONS_SOON})


@dataclass(frozen=True)
class Measure:
    """What one count counts: record key → the ОО it belongs to (several for an event)."""

    found: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def keys(self, organization_id: str | None = None) -> frozenset[str]:
        if organization_id is None:
            return frozenset(self.found)
        return frozenset(k for k, orgs in self.found.items() if organization_id in orgs)

    def count(self, organization_id: str | None = None) -> int:
        if organization_id is None:
            return len(self.found)
        return sum(1 for orgs in self.found.values() if organization_id in orgs)


@dataclass(frozen=True)
class HomeData:
    today: date
    measures: Mapping[str, Measure]
    sync: SyncStatus | None = None
    #: the first moment a count changes by the clock alone within `today` (a request's
    #: deadline hour passing); None when none does before the day ends
    valid_until: datetime | None = None

    def count(self, key: str, organization_id: str | None = None) -> int:
        return self.measures[key].count(organization_id)


def due_key(row: DueRow) -> str:
    """The key of a «Сроки» line (it has no record of its own): the pedagogue and the kind."""
    return f"{row.person_id}/{row.kind}"


def measure(pairs: Iterable[tuple[str, Iterable[str]]]) -> Measure:
    return Measure({key: frozenset(o for o in orgs if o) for key, orgs in pairs})
