"""Events of the ИМЦ: seminars, contests, РМО meetings…, their participants and the
register of issued certificates and diplomas."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

EVENT_KINDS = ("семинар", "мастер-класс", "конкурс", "конференция", "педагогические чтения",
               "заседание РМО", "курсы", "совещание", "другое")
EVENT_LEVELS = ("муниципальный", "региональный", "межрегиональный", "всероссийский",
                "международный")
EVENT_STATUSES = ("планируется", "проведено", "отменено", "перенесено")
REPEAT_KINDS = ("", "еженедельно", "ежемесячно")
ROLES = ("участник", "докладчик", "член жюри", "организатор")
RESULTS = ("", "победитель", "призёр", "лауреат", "участник")
DOCUMENT_KINDS = ("сертификат", "диплом")


class Event(SyncMixin, Base):
    """One event on one day or several; an occurrence of a repeated series carries the
    series' id and is an `is_exception` once it was moved or cancelled alone."""

    __tablename__ = "events"

    kind: Mapped[str] = mapped_column(String(60), default=EVENT_KINDS[0])
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # local time
    ends_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    place_organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True, index=True)
    place_text: Mapped[str] = mapped_column(Text, default="")
    organizer_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    audience_positions: Mapped[str] = mapped_column(Text, default="")  # "; "-separated
    audience_subjects: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(40), default=EVENT_LEVELS[0])
    status: Mapped[str] = mapped_column(String(30), default=EVENT_STATUSES[0])
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    series_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    repeat_kind: Mapped[str] = mapped_column(String(20), default="")
    repeat_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    repeat_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_exception: Mapped[bool] = mapped_column(Boolean, default=False)


class EventParticipant(SyncMixin, Base):
    """A pedagogue of the register, or an external participant known by name only."""

    __tablename__ = "event_participants"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    full_name: Mapped[str] = mapped_column(String(300), default="")
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True, index=True)
    organization_text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(30), default=ROLES[0])
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    result: Mapped[str] = mapped_column(String(30), default="")
    nomination: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class IssuedDocument(SyncMixin, Base):
    """The register of issued certificates and diplomas: a reprint reuses the number."""

    __tablename__ = "issued_documents"

    participant_id: Mapped[str | None] = mapped_column(
        ForeignKey("event_participants.id", ondelete="SET NULL"), nullable=True, index=True)
    event_id: Mapped[str | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), default=DOCUMENT_KINDS[0])
    year: Mapped[int] = mapped_column(Integer, index=True)
    number: Mapped[int] = mapped_column(Integer)
    full_name: Mapped[str] = mapped_column(String(300))
    event_title: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(30), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    printed_times: Mapped[int] = mapped_column(Integer, default=1)
