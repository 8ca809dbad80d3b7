"""Equipment of the ОО: items, their history (moves, repairs, status changes, write-off),
acts (приёма-передачи, о списании), numbers once issued, inventory count sessions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

IN_USE, RESERVE, IN_REPAIR, TO_WRITE_OFF, WRITTEN_OFF = (
    "в эксплуатации", "резерв", "в ремонте", "к списанию", "списано")
STATUSES = (IN_USE, RESERVE, IN_REPAIR, TO_WRITE_OFF, WRITTEN_OFF)
KINDS = ("ПК", "ноутбук", "моноблок", "МФУ", "принтер", "сканер", "проектор",
         "интерактивная панель", "интерактивная доска", "документ-камера", "сервер",
         "сетевое оборудование", "планшет", "прочее")
#: Kinds counted as computers in the informatisation figures.
COMPUTER_KINDS = ("ПК", "ноутбук", "моноблок", "планшет")
FUNDING_SOURCES = ("местный бюджет", "региональный бюджет", "федеральный бюджет",
                   "национальный проект «Образование»", "внебюджетные средства")

EVENT_RECEIVED, EVENT_MOVE, EVENT_REPAIR, EVENT_STATUS, EVENT_WRITE_OFF = (
    "поступление", "перемещение", "ремонт", "смена статуса", "списание")
ACT_TRANSFER, ACT_WRITE_OFF = "приёма-передачи", "о списании"
LINE_EXPECTED, LINE_FOUND, LINE_MISSING, LINE_SURPLUS = (
    "не отмечено", "в наличии", "недостача", "излишек")


class EquipmentItem(SyncMixin, Base):
    """One piece of equipment with its inventory number (unique in the district, checked by
    the service; no UNIQUE index: two PCs may enter the same number offline)."""

    __tablename__ = "equipment_items"
    __natural_keys__ = ("inventory_number",)

    inventory_number: Mapped[str] = mapped_column(String(60), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(60), default=KINDS[0], index=True)
    manufacturer: Mapped[str] = mapped_column(String(120), default="")
    model: Mapped[str] = mapped_column(String(200), default="")
    serial_number: Mapped[str] = mapped_column(String(120), default="", index=True)
    cpu: Mapped[str] = mapped_column(String(120), default="")
    ram: Mapped[str] = mapped_column(String(40), default="")
    disk: Mapped[str] = mapped_column(String(60), default="")
    os: Mapped[str] = mapped_column(String(120), default="")
    characteristics: Mapped[str] = mapped_column(Text, default="")
    okof: Mapped[str] = mapped_column(String(40), default="")
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"),
                                                        nullable=True, index=True)
    room: Mapped[str] = mapped_column(String(120), default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    user_name: Mapped[str] = mapped_column(String(200), default="")
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cost: Mapped[float | None] = mapped_column(Float, nullable=True)
    funding: Mapped[str] = mapped_column(String(200), default="")
    warranty_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(30), default=IN_USE, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class EquipmentAct(SyncMixin, Base):
    """An акт приёма-передачи or о списании; a write-off takes effect when confirmed."""

    __tablename__ = "equipment_acts"

    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[str] = mapped_column(String(60), default="")
    act_date: Mapped[date] = mapped_column(Date, index=True)
    from_organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True, index=True)
    to_organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True, index=True)
    to_room: Mapped[str] = mapped_column(String(120), default="")
    to_responsible: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    chairman: Mapped[str] = mapped_column(String(200), default="")
    members: Mapped[str] = mapped_column(Text, default="")  # one per line
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: The order (приказ) the act is drawn up by: «Основание: приказ № … от …».
    basis_number: Mapped[str] = mapped_column(String(60), default="")
    basis_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class EquipmentActLine(SyncMixin, Base):
    __tablename__ = "equipment_act_lines"

    act_id: Mapped[str] = mapped_column(ForeignKey("equipment_acts.id", ondelete="CASCADE"),
                                        index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("equipment_items.id", ondelete="CASCADE"),
                                         index=True)
    previous_status: Mapped[str] = mapped_column(String(30), default="")


class EquipmentEvent(SyncMixin, Base):
    """One event of an item's history: received, moved, repaired, status changed,
    written off."""

    __tablename__ = "equipment_events"

    item_id: Mapped[str] = mapped_column(ForeignKey("equipment_items.id", ondelete="CASCADE"),
                                         index=True)
    kind: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[date] = mapped_column(Date, index=True)
    act_id: Mapped[str | None] = mapped_column(ForeignKey("equipment_acts.id"),
                                               nullable=True, index=True)
    from_text: Mapped[str] = mapped_column(Text, default="")
    to_text: Mapped[str] = mapped_column(Text, default="")
    contractor: Mapped[str] = mapped_column(String(200), default="")
    cost: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class IssuedNumber(SyncMixin, Base):
    """An inventory number that left the register (item deleted or renumbered): never
    reused."""

    __tablename__ = "equipment_issued_numbers"

    inventory_number: Mapped[str] = mapped_column(String(60), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    retired_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class InventorySession(SyncMixin, Base):
    """An inventory count in one ОО: the expected list is frozen when it starts."""

    __tablename__ = "inventory_sessions"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    number: Mapped[str] = mapped_column(String(60), default="")
    started_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    chairman: Mapped[str] = mapped_column(String(200), default="")
    members: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")


class InventoryLine(SyncMixin, Base):
    __tablename__ = "inventory_lines"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("inventory_sessions.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str | None] = mapped_column(
        ForeignKey("equipment_items.id", ondelete="SET NULL"), nullable=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    inventory_number: Mapped[str] = mapped_column(String(60), default="")
    name: Mapped[str] = mapped_column(Text, default="")
    serial_number: Mapped[str] = mapped_column(String(120), default="")
    cost: Mapped[float | None] = mapped_column(Float, nullable=True)
    expected: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(30), default=LINE_EXPECTED)
    note: Mapped[str] = mapped_column(Text, default="")
