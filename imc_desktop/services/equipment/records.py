"""Equipment items: list, card, validation, saving, inventory-number rules, duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from types import SimpleNamespace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import InUse, NotFound, ServiceError, ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.common.rows import bulk_allocation, fast_row
from models import EquipmentActLine, EquipmentEvent, EquipmentItem, IssuedNumber, Organization
from models.equipment import (
    COMPUTER_KINDS,
    EVENT_MOVE,
    EVENT_RECEIVED,
    EVENT_STATUS,
    FUNDING_SOURCES,
    IN_REPAIR,
    IN_USE,
    KINDS,
    RESERVE,
    STATUSES,
    TO_WRITE_OFF,
    WRITTEN_OFF,
)

TABLES = frozenset({"equipment_items", "equipment_events", "equipment_acts",
                    "equipment_act_lines", "equipment_issued_numbers"})
__all__ = ["COMPUTER_KINDS", "FUNDING_SOURCES", "IN_REPAIR", "IN_USE", "KINDS", "RESERVE",
           "STATUSES", "TO_WRITE_OFF", "WRITTEN_OFF"]
#: Statuses a user may set on the card (the rest come from repairs and write-off acts).
CARD_STATUSES = (IN_USE, RESERVE)
"""The statuses the card may set; repairs set «в ремонте», a write-off act «к списанию» and,
once confirmed, «списано»."""
ACT_STATUSES = (TO_WRITE_OFF, WRITTEN_OFF)


@dataclass(frozen=True)
class ItemData:
    """One item as the card edits it."""

    id: str | None = None
    inventory_number: str = ""
    name: str = ""
    kind: str = KINDS[0]
    manufacturer: str = ""
    model: str = ""
    serial_number: str = ""
    cpu: str = ""
    ram: str = ""
    disk: str = ""
    os: str = ""
    characteristics: str = ""
    okof: str = ""
    organization_id: str | None = None
    room: str = ""
    responsible: str = ""
    user_name: str = ""
    accepted_on: date | None = None
    cost: float | None = None
    funding: str = ""
    warranty_until: date | None = None
    status: str = IN_USE
    notes: str = ""


@dataclass(frozen=True)
class ItemRow:
    """One line of the equipment list."""

    id: str
    inventory_number: str
    name: str
    kind: str
    manufacturer: str
    model: str
    serial_number: str
    organization_id: str | None
    organization: str
    room: str
    responsible: str
    accepted_on: date | None
    cost: float | None
    funding: str
    warranty_until: date | None
    status: str
    okof: str

    def age_years(self, today: date) -> int | None:
        if self.accepted_on is None:
            return None
        return age_in_years(self.accepted_on, today)

    def warranty_expired(self, today: date) -> bool:
        return self.warranty_until is not None and self.warranty_until < today


def age_in_years(since: date, today: date) -> int:
    years = today.year - since.year
    return years - ((today.month, today.day) < (since.month, since.day))


_FIELDS = [f.name for f in fields(ItemData) if f.name != "id"]
_ROW_FIELDS = [f.name for f in fields(ItemRow) if f.name != "organization"]


def _data(item: EquipmentItem) -> ItemData:
    return ItemData(item.id, **{n: getattr(item, n) for n in _FIELDS})


_LOOK_ALIKES = str.maketrans({
    **dict(zip("ABCEHKMOPTXY", "АВСЕНКМОРТХУ", strict=True)),
    "Ё": "Е", "І": "I", "Ї": "I",
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
})


def normalise_number(text: str) -> str:
    """The form a number is compared in: upper case, no spaces, every dash as «-», Latin
    letters that look like Cyrillic ones (A, B, C, E, H, K, M, O, P, T, X, Y) read as
    those, ё as е — so «ИMЦ–000001» with a Latin M and an en dash is «ИМЦ-000001»."""
    return "".join(text.split()).upper().translate(_LOOK_ALIKES)


# ---------------------------------------------------------------- reading

def list_items(organization_id: str | None = None) -> list[ItemRow]:
    columns = [EquipmentItem.__table__.c[n] for n in _ROW_FIELDS]
    query = (select(*columns, Organization.short_name.label("organization"))
             .outerjoin(Organization, Organization.id == EquipmentItem.organization_id)
             .order_by(EquipmentItem.inventory_number))
    if organization_id:
        query = query.where(EquipmentItem.organization_id == organization_id)
    with bulk_allocation(), session_scope() as s:
        return [fast_row(ItemRow, {**row._mapping, "organization": row.organization or ""})
                for row in s.execute(query)]


def get_item(item_id: str) -> ItemData:
    with session_scope() as s:
        item = s.get(EquipmentItem, item_id)
        if item is None:
            raise NotFound("Оборудование не найдено: возможно, его удалили.")
        return _data(item)


def find_by_number(number: str) -> list[ItemData]:
    """Items with this inventory number (compared without spaces and case)."""
    wanted = normalise_number(number)
    with session_scope() as s:
        return [_data(x) for x in s.scalars(select(EquipmentItem))
                if normalise_number(x.inventory_number) == wanted]


# ---------------------------------------------------------------- validation

def number_owner(s: Session, number: str, item_id: str | None) -> str | None:
    """What already holds or held this number (a Russian phrase), or None when free."""
    wanted = normalise_number(number)
    items = s.execute(select(EquipmentItem.inventory_number, EquipmentItem.name,
                             EquipmentItem.status).where(EquipmentItem.id != (item_id or "")))
    for taken, name, status in items:
        if normalise_number(taken) == wanted:
            return f"«{name}»{' (списано)' if status == WRITTEN_OFF else ''}"
    issued = s.execute(select(IssuedNumber.inventory_number, IssuedNumber.name,
                              IssuedNumber.retired_on, IssuedNumber.reason))
    for taken, name, retired_on, reason in issued:
        if normalise_number(taken) == wanted:
            return f"«{name}», выбывшее {retired_on:%d.%m.%Y} ({reason})"
    return None


def validate_item(data: ItemData) -> dict[str, str]:
    """{field: Russian message}; empty when the item can be saved."""
    p: dict[str, str] = {}
    if not data.inventory_number.strip():
        p["inventory_number"] = "Укажите инвентарный номер."
    if not data.name.strip():
        p["name"] = "Укажите наименование."
    if data.kind not in KINDS:
        p["kind"] = "Выберите тип из списка."
    if data.status not in STATUSES:
        p["status"] = "Выберите состояние из списка."
    if data.cost is not None and data.cost < 0:
        p["cost"] = "Стоимость не может быть отрицательной."
    if data.accepted_on and data.accepted_on > clock.today():
        p["accepted_on"] = "Дата принятия к учёту в будущем."
    if data.warranty_until and data.accepted_on and data.warranty_until < data.accepted_on:
        p["warranty_until"] = "Гарантия кончается раньше принятия к учёту."
    return p


def _check_number(s: Session, data: ItemData) -> None:
    """A new or changed number must be free; an unchanged one is left alone (a duplicate
    that arrived by import or sync is resolved from the duplicates list)."""
    stored = s.get(EquipmentItem, data.id) if data.id else None
    if stored is not None and normalise_number(stored.inventory_number) == normalise_number(
            data.inventory_number):
        return
    owner = number_owner(s, data.inventory_number, data.id)
    if owner:
        raise ValidationFailed({"inventory_number": (
            f"Инвентарный номер {data.inventory_number.strip()} уже присвоен: {owner}. "
            "Номера не используются повторно.")})


# ---------------------------------------------------------------- writing

_BY_ACT = ("«к списанию» и «списано» ставит акт о списании: выберите оборудование в списке "
           "и нажмите «Списать…», затем утвердите акт на вкладке «Акты».")


def save_item(data: ItemData, today: date | None = None, loaded: ItemData | None = None,
              overwrite: bool = False) -> str:
    """Create or update; the number is refused when any item has or had it. A new item
    gets a «поступление» event, a changed status a «смена статуса» event, a changed ОО an
    «перемещение» event without an act. A card passes the values it ``loaded``: only the
    fields changed on it are written, and one changed meanwhile elsewhere is
    :class:`ChangedMeanwhile` unless ``overwrite``."""
    problems = validate_item(data)
    if problems:
        raise ValidationFailed(problems)
    today = today or clock.today()
    with session_scope() as s:
        _check_number(s, data)
        item = load_or_new(s, EquipmentItem, data.id,
                           "Оборудование не найдено: возможно, его удалили.")
        if item.status == WRITTEN_OFF:
            raise ServiceError(f"Списанное оборудование «{item.inventory_number}» не "
                               "изменяется: его карточка хранится как была на день списания.")
        if data.status in ACT_STATUSES and data.status != item.status:
            raise ValidationFailed({"status": _BY_ACT})
        before = item_before(s, item)
        base = _stripped(loaded) if loaded is not None and data.id is not None else None
        write_fields(item, _stripped(data), base, _FIELDS, "equipment_items", overwrite)
        if data.id is None:
            s.add(item)
            s.flush()
            s.add(EquipmentEvent(item_id=item.id, kind=EVENT_RECEIVED,
                                 event_date=data.accepted_on or today,
                                 to_text=_place(s, item)))
        else:
            record_changes(s, item, before, today)
        item_id = item.id
    return item_id


def _stripped(data: ItemData) -> SimpleNamespace:
    return SimpleNamespace(**{name: value.strip() if isinstance(value, str) else value
                              for name in _FIELDS for value in [getattr(data, name)]})


@dataclass(frozen=True)
class ItemBefore:
    """An item's values before a change (the card, an import), for its history."""

    number: str | None
    status: str | None
    organization_id: str | None
    place: str


def item_before(s: Session, item: EquipmentItem) -> ItemBefore:
    return ItemBefore(item.inventory_number, item.status, item.organization_id,
                      _place(s, item))


def record_changes(s: Session, item: EquipmentItem, before: ItemBefore, today: date,
                   how: str = "в карточке") -> None:
    """A new number retires the old one; a new status or holder ОО goes to the history
    (the informatisation report on a past date rebuilds the item's state from it). Whoever
    changes an item's fields directly (the card, an import) calls this afterwards."""
    if before.number and normalise_number(before.number) != normalise_number(
            item.inventory_number):
        s.add(IssuedNumber(inventory_number=before.number, name=item.name, retired_on=today,
                           reason=f"заменён на {item.inventory_number}"))
    if before.status and before.status != item.status:
        s.add(EquipmentEvent(item_id=item.id, kind=EVENT_STATUS, event_date=today,
                             from_text=before.status, to_text=item.status))
    if before.organization_id != item.organization_id:
        s.add(EquipmentEvent(item_id=item.id, kind=EVENT_MOVE, event_date=today,
                             from_text=before.place, to_text=_place(s, item),
                             note=f"ОО изменена {how}"))


def _place(s: Session, item: EquipmentItem) -> str:
    org = s.get(Organization, item.organization_id) if item.organization_id else None
    return ", ".join(x for x in (org.short_name if org else "", item.room) if x)


def delete_items(item_ids: Sequence[str], today: date | None = None) -> int:
    """Delete items entered by mistake; their numbers are kept as issued (never reused).
    Items named in an act are refused: they are written off, not deleted."""
    today, count = today or clock.today(), 0
    with session_scope() as s:
        in_acts = list(s.scalars(select(EquipmentItem.inventory_number).join(
            EquipmentActLine, EquipmentActLine.item_id == EquipmentItem.id).where(
            EquipmentItem.id.in_(list(item_ids))).distinct()))
        if in_acts:
            raise InUse(f"Оборудование есть в актах, его нельзя удалить (спишите его): "
                        f"{', '.join(sorted(in_acts)[:5])}.")
        for item_id in item_ids:
            item = s.get(EquipmentItem, item_id)
            if item is None:
                continue
            s.add(IssuedNumber(inventory_number=item.inventory_number, name=item.name,
                               retired_on=today, reason="удалено из реестра"))
            s.delete(item)
            count += 1
    return count


# ---------------------------------------------------------------- duplicates

@dataclass(frozen=True)
class Duplicate:
    """Items sharing one inventory number (arrived through import or sync)."""

    inventory_number: str
    items: tuple[ItemRow, ...]


def duplicates() -> list[Duplicate]:
    """Numbers held by more than one item, with those items (read only when there are)."""
    with session_scope() as s:
        numbers = s.execute(select(EquipmentItem.id, EquipmentItem.inventory_number)).all()
    by_number: dict[str, list[str]] = {}
    for item_id, number in numbers:
        by_number.setdefault(normalise_number(number), []).append(item_id)
    shared = {i for ids in by_number.values() if len(ids) > 1 for i in ids}
    if not shared:
        return []
    rows: dict[str, list[ItemRow]] = {}
    for row in list_items():
        if row.id in shared:
            rows.setdefault(normalise_number(row.inventory_number), []).append(row)
    return [Duplicate(group[0].inventory_number, tuple(group))
            for _, group in sorted(rows.items())]


def duplicate_ids() -> set[str]:
    return {row.id for d in duplicates() for row in d.items}


def item_count() -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count()).select_from(EquipmentItem)) or 0)


def suggest_number(prefix: str = "ИМЦ") -> str:
    """The next free number «<prefix>-NNNNNN» after the highest one with that prefix."""
    with session_scope() as s:
        taken = [x for x in s.scalars(select(EquipmentItem.inventory_number))]
        taken += list(s.scalars(select(IssuedNumber.inventory_number)))
    numbers = [int(x[len(prefix) + 1:]) for x in taken
               if x.startswith(prefix + "-") and x[len(prefix) + 1:].isdigit()]
    return f"{prefix}-{max(numbers, default=0) + 1:06d}"
