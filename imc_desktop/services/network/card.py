"""Everything an association's card shows, read at once: the association, its members, the
plan with the protocols, the decisions and the «заседание РМО» events it may take in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from imc_desktop import clock
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net


@dataclass(frozen=True)
class AssociationCard:
    data: net.AssociationData
    members: tuple[net.MemberRow, ...]
    meetings: tuple[nm.MeetingRow, ...]
    decisions: tuple[nd.DecisionRow, ...]
    free_events: tuple[tuple[str, str], ...]
    today: date

    def meeting_choices(self) -> list[tuple[str, str]]:
        """(meeting id, «дд.мм.гггг — тема») for a decision's meeting."""
        return [(m.id, f"{m.day:%d.%m.%Y} — {m.data.theme}" if m.day else m.data.theme)
                for m in self.meetings]


def association_card(association_id: str, today: date | None = None) -> AssociationCard:
    today = today or clock.today()
    return AssociationCard(
        net.get_association(association_id), tuple(net.list_members(association_id)),
        tuple(nm.list_meetings(association_id, today)),
        tuple(nd.list_decisions(association_id, today)),
        tuple(nm.candidate_events(association_id)), today)
