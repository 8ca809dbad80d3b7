"""Инвентаризация: a count session per ОО freezes the list expected there; lines are marked
found or missing, unexpected items are added as surplus (matched by inventory number or
serial); the closed session gives the опись and the ведомость расхождений."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError
from imc_desktop.services.equipment.records import normalise_number
from models import EquipmentItem, InventoryLine, InventorySession, Organization
from models.equipment import (
    LINE_EXPECTED,
    LINE_FOUND,
    LINE_MISSING,
    LINE_SURPLUS,
    WRITTEN_OFF,
)

TABLES = frozenset({"inventory_sessions", "inventory_lines"})
__all__ = ["LINE_EXPECTED", "LINE_FOUND", "LINE_MISSING", "LINE_SURPLUS"]


@dataclass(frozen=True)
class SessionData:
    organization_id: str
    started_on: date
    number: str = ""
    chairman: str = ""
    members: tuple[str, ...] = ()
    responsible: str = ""


@dataclass(frozen=True)
class SessionRow:
    id: str
    organization_id: str
    organization: str
    number: str
    started_on: date
    closed_on: date | None
    expected: int
    found: int
    missing: int
    surplus: int

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True)
class LineRow:
    id: str
    position: int
    item_id: str | None
    inventory_number: str
    name: str
    serial_number: str
    cost: float | None
    expected: bool
    state: str
    note: str


@dataclass(frozen=True)
class SessionDetail:
    row: SessionRow
    organization_full: str
    chairman: str
    members: tuple[str, ...]
    responsible: str
    lines: tuple[LineRow, ...]


def start_session(data: SessionData) -> str:
    """Open a count: every item of the ОО that is not written off is expected."""
    with session_scope() as s:
        if s.get(Organization, data.organization_id) is None:
            raise ServiceError("Выберите ОО для инвентаризации.")
        if _open_session(s, data.organization_id):
            raise ServiceError("В этой ОО инвентаризация уже идёт: закончите её сначала.")
        session = InventorySession(
            organization_id=data.organization_id, started_on=data.started_on,
            number=data.number.strip(), chairman=data.chairman.strip(),
            members="\n".join(m.strip() for m in data.members if m.strip()),
            responsible=data.responsible.strip())
        s.add(session)
        s.flush()
        items = s.scalars(select(EquipmentItem).where(
            EquipmentItem.organization_id == data.organization_id,
            EquipmentItem.status != WRITTEN_OFF).order_by(EquipmentItem.inventory_number))
        for position, item in enumerate(items, 1):
            s.add(InventoryLine(session_id=session.id, item_id=item.id, position=position,
                                inventory_number=item.inventory_number, name=item.name,
                                serial_number=item.serial_number, cost=item.cost))
        session_id = session.id
    return session_id


def _open_session(s: Session, org_id: str) -> str | None:
    return s.scalar(select(InventorySession.id).where(
        InventorySession.organization_id == org_id, InventorySession.closed_on.is_(None)))


def _counts(s: Session) -> dict[str, dict[tuple[bool, str], int]]:
    counts: dict[str, dict[tuple[bool, str], int]] = {}
    for sid, expected, state, n in s.execute(
            select(InventoryLine.session_id, InventoryLine.expected, InventoryLine.state,
                   func.count()).group_by(InventoryLine.session_id, InventoryLine.expected,
                                          InventoryLine.state)):
        counts.setdefault(sid, {})[(bool(expected), state)] = n
    return counts


def _row(x: InventorySession, org: str, c: dict[tuple[bool, str], int]) -> SessionRow:
    expected = sum(n for (exp, _), n in c.items() if exp)
    return SessionRow(x.id, x.organization_id, org, x.number, x.started_on, x.closed_on,
                      expected, c.get((True, LINE_FOUND), 0), c.get((True, LINE_MISSING), 0),
                      sum(n for (exp, _), n in c.items() if not exp))


def list_sessions() -> list[SessionRow]:
    with session_scope() as s:
        counts = _counts(s)
        rows = s.execute(select(InventorySession, Organization.short_name)
                         .join(Organization, Organization.id == InventorySession.organization_id)
                         .order_by(InventorySession.started_on.desc()))
        return [_row(x, org, counts.get(x.id, {})) for x, org in rows]


def _line(x: InventoryLine) -> LineRow:
    return LineRow(x.id, x.position, x.item_id, x.inventory_number, x.name, x.serial_number,
                   x.cost, x.expected, x.state, x.note)


def session_detail(session_id: str) -> SessionDetail:
    with session_scope() as s:
        x = s.get(InventorySession, session_id)
        if x is None:
            raise NotFound("Инвентаризация не найдена: возможно, её удалили.")
        org = s.get(Organization, x.organization_id)
        lines = s.scalars(select(InventoryLine).where(InventoryLine.session_id == session_id)
                          .order_by(InventoryLine.position))
        return SessionDetail(
            _row(x, org.short_name if org else "", _counts(s).get(x.id, {})),
            org.full_name if org else "", x.chairman,
            tuple(m for m in x.members.splitlines() if m.strip()), x.responsible,
            tuple(_line(line) for line in lines))


def _open(s: Session, session_id: str) -> InventorySession:
    x = s.get(InventorySession, session_id)
    if x is None:
        raise NotFound("Инвентаризация не найдена: возможно, её удалили.")
    if x.closed_on is not None:
        raise ServiceError(f"Инвентаризация закрыта {x.closed_on:%d.%m.%Y}: её нельзя менять.")
    return x


def mark(line_ids: Sequence[str], state: str) -> None:
    """Mark expected lines found, missing or not yet checked."""
    if state not in (LINE_EXPECTED, LINE_FOUND, LINE_MISSING):
        raise ServiceError(f"Неизвестная отметка «{state}».")
    with session_scope() as s:
        for line_id in line_ids:
            line = s.get(InventoryLine, line_id)
            if line is None:
                continue
            _open(s, line.session_id)
            if line.expected:
                line.state = state


@dataclass(frozen=True)
class CheckResult:
    """What a typed or scanned number matched: an expected line (now found), a surplus line
    just added, or nothing (`line_id` is None)."""

    line_id: str | None
    surplus: bool
    message: str


def check_in(session_id: str, text: str, name: str = "", note: str = "") -> CheckResult:
    """Find by inventory number or serial: an expected line is marked found; anything else
    is added as surplus (with the register's data when the number or serial is known).
    A scanned label («number; name; ОО») counts by the number before «;»."""
    text = text.split(";")[0]
    wanted = normalise_number(text)
    if not wanted:
        raise ServiceError("Введите инвентарный или серийный номер.")
    with session_scope() as s:
        _open(s, session_id)
        lines = s.scalars(select(InventoryLine).where(InventoryLine.session_id == session_id))
        line = next((x for x in lines if wanted in (normalise_number(x.inventory_number),
                                                    normalise_number(x.serial_number))), None)
        if line is not None:
            result = _found_again(line)
        else:
            line = _surplus(s, session_id, wanted, text.strip(), name.strip(), note.strip())
            result = CheckResult(line.id, True, f"{line.inventory_number or text}: нет в "
                                                "списке, записан излишек.")
    return result


def _found_again(line: InventoryLine) -> CheckResult:
    if line.expected:
        line.state = LINE_FOUND
    return CheckResult(line.id, not line.expected,
                       f"{line.inventory_number}: {line.name} — в наличии.")


def _surplus(s: Session, session_id: str, wanted: str, text: str, name: str,
             note: str) -> InventoryLine:
    known = next((x for x in s.scalars(select(EquipmentItem)) if wanted in (
        normalise_number(x.inventory_number), normalise_number(x.serial_number))), None)
    position = (s.scalar(select(func.max(InventoryLine.position)).where(
        InventoryLine.session_id == session_id)) or 0) + 1
    line = InventoryLine(session_id=session_id, position=position, expected=False,
                         state=LINE_SURPLUS, note=note)
    if known is not None:
        line.item_id, line.inventory_number, line.name = (
            known.id, known.inventory_number, name or known.name)
        line.serial_number, line.cost = known.serial_number, known.cost
    else:
        line.inventory_number, line.name = text, name or "не указано"
    s.add(line)
    s.flush()
    return line


def remove_surplus(line_id: str) -> None:
    with session_scope() as s:
        line = s.get(InventoryLine, line_id)
        if line is None:
            return
        _open(s, line.session_id)
        if line.expected:
            raise ServiceError("Строку ожидаемого списка нельзя удалить: отметьте недостачу.")
        s.delete(line)


def close_session(session_id: str, closed_on: date | None = None) -> int:
    """Close the count; lines never marked become «недостача». How many became so."""
    with session_scope() as s:
        x = _open(s, session_id)
        x.closed_on = closed_on or clock.today()
        if x.closed_on < x.started_on:
            raise ServiceError("Дата окончания раньше начала инвентаризации.")
        unmarked = s.scalars(select(InventoryLine).where(
            InventoryLine.session_id == session_id, InventoryLine.expected.is_(True),
            InventoryLine.state == LINE_EXPECTED)).all()
        for line in unmarked:
            line.state = LINE_MISSING
    return len(unmarked)


def delete_session(session_id: str) -> None:
    with session_scope() as s:
        x = s.get(InventorySession, session_id)
        if x is not None:
            s.delete(x)


def latest_session_id(closed: bool = False) -> str | None:
    with session_scope() as s:
        query = select(InventorySession.id).order_by(InventorySession.started_on.desc())
        if closed:
            query = query.where(InventorySession.closed_on.is_not(None))
        return s.scalar(query.limit(1))
