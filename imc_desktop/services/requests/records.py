"""Requests and monitorings as the screens and reports read them: frozen rows, no ORM objects."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound
from imc_desktop.services.requests import rules
from imc_desktop.services.requests.rules import TemplateColumn
from models import CollectionAnswer, DataCollection, IncomingRequest, Organization

REQUESTS = "incoming_requests"
COLLECTIONS = "data_collections"
ANSWERS = "collection_answers"
TABLES = frozenset({REQUESTS, COLLECTIONS, ANSWERS})


@dataclass(frozen=True)
class RequestData:
    """An incoming request."""

    id: str | None = None
    sender: str = ""
    number: str = ""
    received_on: date | None = None
    subject: str = ""
    deadline_at: datetime | None = None
    responsible: str = ""
    status: str = rules.REQUEST_NEW
    answer_number: str = ""
    answer_date: date | None = None
    files: tuple[str, ...] = ()
    notes: str = ""

    @property
    def deadline_state(self) -> rules.DeadlineState:
        return rules.deadline_state(self.deadline_at, clock.now(),
                                    rules.request_done(self.status))


@dataclass(frozen=True)
class CollectionData:
    """A data collection (monitoring) with its template; the counts are of its answers."""

    id: str | None = None
    title: str = ""
    request_id: str | None = None
    deadline_at: datetime | None = None
    addressees: str = "all"
    addressee_kind: str = ""
    chosen: tuple[str, ...] = ()
    """The ОО ids of a chosen list (the answers' ОО when read back)."""
    mode: str = "row"
    prefill: str = ""
    template: tuple[TemplateColumn, ...] = ()
    template_version: int = 1
    created_on: date | None = None
    folder: str = ""
    notes: str = ""
    request_text: str = ""
    total: int = 0
    answered: int = 0

    @property
    def deadline_state(self) -> rules.DeadlineState:
        done = self.total > 0 and self.answered >= self.total
        return rules.deadline_state(self.deadline_at, clock.now(), done)

    @property
    def columns(self) -> tuple[TemplateColumn, ...]:
        """The blank's columns after the ОО's own (a module's list first, then the template)."""
        return rules.sheet_columns(self.mode, self.prefill, self.template)


@dataclass(frozen=True)
class AnswerRow:
    """One ОО's answer to a collection, with the ОО's head and contacts for a reminder."""

    id: str
    collection_id: str
    organization_id: str
    organization: str
    head_name: str
    head_phone: str
    head_email: str
    status: str
    sent_on: date | None
    received_on: date | None
    accepted_on: date | None
    file_path: str
    remarks: str
    rows: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def answered(self) -> bool:
        return rules.answered(self.status)


def _request(r: IncomingRequest) -> RequestData:
    return RequestData(r.id, r.sender, r.number, r.received_on, r.subject, r.deadline_at,
                       r.responsible, r.status, r.answer_number, r.answer_date,
                       tuple(line for line in r.files.splitlines() if line.strip()), r.notes)


def list_requests() -> list[RequestData]:
    """Every incoming request, the newest first."""
    with session_scope() as s:
        query = select(IncomingRequest).order_by(IncomingRequest.received_on.desc(),
                                                 IncomingRequest.number.desc())
        return [_request(r) for r in s.scalars(query)]


def get_request(request_id: str) -> RequestData:
    with session_scope() as s:
        found = s.get(IncomingRequest, request_id)
        if found is None:
            raise NotFound("Запрос не найден: возможно, его уже удалили.")
        return _request(found)


def request_choices() -> list[tuple[str, str]]:
    """(id, «№ 01-12/345 от 01.12.2026 — subject») of every request, the newest first."""
    return [(r.id or "", request_label(r)) for r in list_requests()]


def request_label(r: RequestData) -> str:
    number = f"№ {r.number} " if r.number else ""
    when = f"от {r.received_on:%d.%m.%Y} " if r.received_on else ""
    return f"{number}{when}— {r.subject}".strip()


def _counts(s: Any) -> dict[str, tuple[int, int]]:
    answered = func.sum(case((CollectionAnswer.status.in_(sorted(rules.ANSWERED)), 1), else_=0))
    query = select(CollectionAnswer.collection_id, func.count(), answered).group_by(
        CollectionAnswer.collection_id)
    return {cid: (int(total), int(done or 0)) for cid, total, done in s.execute(query)}


def _collection(c: DataCollection, counts: tuple[int, int], chosen: tuple[str, ...],
                request_text: str) -> CollectionData:
    return CollectionData(c.id, c.title, c.request_id, c.deadline_at, c.addressees,
                          c.addressee_kind, chosen, c.mode, c.prefill,
                          rules.template_from_json(c.template), c.template_version,
                          c.created_on, c.folder, c.notes, request_text, *counts)


def list_collections() -> list[CollectionData]:
    """Every collection, the nearest deadline first (those without one last)."""
    with session_scope() as s:
        counts = _counts(s)
        labels = {r.id: request_label(_request(r)) for r in s.scalars(select(IncomingRequest))}
        query = select(DataCollection).order_by(DataCollection.deadline_at.is_(None),
                                                DataCollection.deadline_at.desc())
        return [_collection(c, counts.get(c.id, (0, 0)), (), labels.get(c.request_id or "", ""))
                for c in s.scalars(query)]


def get_collection(collection_id: str) -> CollectionData:
    with session_scope() as s:
        found = s.get(DataCollection, collection_id)
        if found is None:
            raise NotFound("Сбор данных не найден: возможно, его уже удалили.")
        chosen = tuple(s.scalars(select(CollectionAnswer.organization_id).where(
            CollectionAnswer.collection_id == collection_id)))
        request = s.get(IncomingRequest, found.request_id) if found.request_id else None
        label = request_label(_request(request)) if request else ""
        return _collection(found, _counts(s).get(collection_id, (0, 0)), chosen, label)


def answers(collection_id: str, with_rows: bool = False) -> list[AnswerRow]:
    """The answers of a collection by ОО name; ``with_rows`` reads the rows received too."""
    with session_scope() as s:
        query = (select(CollectionAnswer, Organization)
                 .join(Organization, Organization.id == CollectionAnswer.organization_id)
                 .where(CollectionAnswer.collection_id == collection_id)
                 .order_by(Organization.short_name))
        return [_answer(a, o, with_rows) for a, o in s.execute(query)]


def _answer(a: CollectionAnswer, o: Organization, with_rows: bool) -> AnswerRow:
    rows = tuple(json.loads(a.data)) if with_rows and a.data else ()
    return AnswerRow(a.id, a.collection_id, a.organization_id, o.short_name, o.head_name,
                     o.head_phone, o.head_email, a.status, a.sent_on, a.received_on,
                     a.accepted_on, a.file_path, a.remarks, rows)


def debtors(collection_id: str) -> list[AnswerRow]:
    """The ОО that have not answered (not received, not accepted), by name."""
    return [a for a in answers(collection_id) if not a.answered]


@dataclass(frozen=True)
class DueItem:
    """A request or a collection whose deadline is near or past, for the start page."""

    kind: str  # "request" | "collection"
    id: str
    title: str
    deadline_at: datetime
    state: rules.DeadlineState
    missing: int = 0
    """The ОО that have not answered a collection."""


def due_items(now: datetime | None = None) -> list[DueItem]:
    """Requests not answered and collections not complete whose deadline is within three days
    or past, the earliest first."""
    now = now or clock.now()
    items: list[DueItem] = []
    for r in list_requests():
        state = rules.deadline_state(r.deadline_at, now, rules.request_done(r.status))
        if state and r.deadline_at is not None:
            items.append(DueItem("request", r.id or "", f"Запрос: {request_label(r)}",
                                 r.deadline_at, state))
    for c in list_collections():
        done = c.total > 0 and c.answered >= c.total
        state = rules.deadline_state(c.deadline_at, now, done)
        if state and c.deadline_at is not None:
            items.append(DueItem("collection", c.id or "", f"Сбор данных: {c.title}",
                                 c.deadline_at, state, c.total - c.answered))
    return sorted(items, key=lambda i: i.deadline_at)
