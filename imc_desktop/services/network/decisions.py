"""Decisions of the meetings' protocols: who does what by when, tracked until done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.network import rules
from imc_desktop.services.network.records import names_of
from models import Event, NetworkAssociation, NetworkDecision, NetworkMeeting


@dataclass(frozen=True)
class DecisionData:
    id: str | None = None
    meeting_id: str = ""
    text: str = ""
    responsible_id: str | None = None
    deadline: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class DecisionRow:
    data: DecisionData
    association_id: str
    association: str
    meeting_day: date | None
    meeting_theme: str
    responsible: str
    overdue: bool

    @property
    def id(self) -> str:
        return self.data.id or ""

    @property
    def done(self) -> bool:
        return self.data.done_on is not None


def list_decisions(association_id: str | None = None, today: date | None = None
                   ) -> list[DecisionRow]:
    """The decisions of one association (all when None), by deadline; the undone first."""
    today = today or clock.today()
    with session_scope() as s:
        query = select(NetworkDecision, NetworkMeeting, NetworkAssociation, Event.starts_at
                       ).join(NetworkMeeting, NetworkMeeting.id == NetworkDecision.meeting_id
                              ).join(NetworkAssociation).outerjoin(
            Event, Event.id == NetworkMeeting.event_id)
        if association_id is not None:
            query = query.where(NetworkMeeting.association_id == association_id)
        found = s.execute(query).all()
        names = names_of(s, [d.responsible_id for d, *_ in found])
        rows = [DecisionRow(
            DecisionData(d.id, d.meeting_id, d.text, d.responsible_id, d.deadline, d.done_on),
            a.id, a.name, starts.date() if starts else None, m.theme,
            names.get(d.responsible_id or "", ""),
            rules.is_overdue(d.deadline, d.done_on, today)) for d, m, a, starts in found]
    return sorted(rows, key=lambda r: (r.done, r.data.deadline or date.max, r.data.text))


def validate_decision(data: DecisionData) -> dict[str, str]:
    p: dict[str, str] = {}
    if not data.text.strip():
        p["text"] = "Запишите, что решили."
    if not data.meeting_id:
        p["meeting_id"] = "Выберите заседание, на котором принято решение."
    return p


def save_decision(data: DecisionData) -> str:
    data = replace(data, text=data.text.strip())
    problems = validate_decision(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        if s.get(NetworkMeeting, data.meeting_id) is None:
            raise NotFound("Заседание не найдено: возможно, его удалили.")
        if data.id is None:
            row = NetworkDecision()
        else:
            found = s.get(NetworkDecision, data.id)
            if found is None:
                raise NotFound("Решение не найдено: возможно, его удалили.")
            row = found
        row.meeting_id, row.text, row.responsible_id = (data.meeting_id, data.text,
                                                        data.responsible_id)
        row.deadline, row.done_on = data.deadline, data.done_on
        s.add(row)
        s.flush()
        return row.id


def mark_done(ids: Sequence[str], done_on: date | None) -> None:
    """Mark decisions done on a date, or undone with None."""
    with session_scope() as s:
        for row in s.scalars(select(NetworkDecision).where(NetworkDecision.id.in_(list(ids)))):
            row.done_on = done_on


def delete_decisions(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for row in s.scalars(select(NetworkDecision).where(NetworkDecision.id.in_(list(ids)))):
            s.delete(row)


def overdue_decisions(today: date | None = None) -> list[DecisionRow]:
    return [r for r in list_decisions(None, today) if r.overdue]
