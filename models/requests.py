"""Requests and monitorings: incoming requests with deadlines, data collections sent to the
ОО with a template, and each ОО's answer. Files are stored as paths (links), never inside the
database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

REQUEST_STATUSES = ("новый", "в работе", "отправлен ответ")
ADDRESSEE_MODES = ("all", "kind", "list")  # all ОО, the ОО of one type, a chosen list
COLLECTION_MODES = ("row", "table")  # one row per ОО, or a table per ОО
PREFILL_SOURCES = ("", "staff", "equipment")  # a table per ОО pre-filled from a module
ANSWER_STATUSES = ("не отправлено", "отправлено", "получено", "принято",
                   "возвращено на доработку")


class IncomingRequest(SyncMixin, Base):
    """A request received from the department, the ministry, the institute…"""

    __tablename__ = "incoming_requests"

    sender: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(String(60), default="")
    received_on: Mapped[date] = mapped_column(Date, index=True)
    subject: Mapped[str] = mapped_column(Text)
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True,
                                                         index=True)  # local time
    responsible: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(30), default=REQUEST_STATUSES[0])
    answer_number: Mapped[str] = mapped_column(String(60), default="")
    answer_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    files: Mapped[str] = mapped_column(Text, default="")  # paths, one a line
    notes: Mapped[str] = mapped_column(Text, default="")


class DataCollection(SyncMixin, Base):
    """A monitoring: a table the ОО fill by a deadline. ``template`` holds the columns as
    JSON; ``template_version`` grows with every change of the columns, so a blank of an
    older version is recognised when it comes back."""

    __tablename__ = "data_collections"

    title: Mapped[str] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(
        ForeignKey("incoming_requests.id", ondelete="SET NULL"), nullable=True, index=True)
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    addressees: Mapped[str] = mapped_column(String(10), default=ADDRESSEE_MODES[0])
    addressee_kind: Mapped[str] = mapped_column(String(60), default="")
    mode: Mapped[str] = mapped_column(String(10), default=COLLECTION_MODES[0])
    prefill: Mapped[str] = mapped_column(String(20), default="")
    template: Mapped[str] = mapped_column(Text, default="[]")
    template_version: Mapped[int] = mapped_column(Integer, default=1)
    created_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    folder: Mapped[str] = mapped_column(Text, default="")  # where the blanks were written
    notes: Mapped[str] = mapped_column(Text, default="")


class CollectionAnswer(SyncMixin, Base):
    """One ОО's answer to a collection; ``data`` holds the rows read from its file (JSON)."""

    __tablename__ = "collection_answers"

    collection_id: Mapped[str] = mapped_column(
        ForeignKey("data_collections.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    status: Mapped[str] = mapped_column(String(30), default=ANSWER_STATUSES[0])
    sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    file_path: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="")
