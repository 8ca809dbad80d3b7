"""The methodological network: associations of pedagogues (РМО, творческие группы…), their
members, the year's plan of meetings (each meeting is an event of the calendar, the same row),
the protocols and their decisions, the innovation sites and the mentoring pairs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

ASSOCIATION_KINDS = ("РМО", "сеть ШМО", "творческая группа", "проблемная группа",
                     "профессиональное сообщество", "школа молодого педагога")
EDUCATION_LEVELS = ("", "дошкольное", "начальное общее", "основное общее", "среднее общее",
                    "общее образование", "дополнительное образование")
ASSOCIATION_STATUSES = ("действует", "приостановлено", "закрыто")
MEMBER_ROLES = ("руководитель", "заместитель", "член")
MEETING_FORMS = ("заседание", "семинар-практикум", "круглый стол", "мастер-класс",
                 "открытые уроки", "онлайн-заседание")
SITE_KINDS = ("муниципальная инновационная площадка", "региональная инновационная площадка",
              "стажировочная площадка", "опорная школа")
MENTORING_FORMS = ("педагог – педагог", "руководитель – педагог", "педагог – студент",
                   "групповое наставничество")
#: The event kind of a plan's meeting in the calendar.
MEETING_EVENT_KIND = "заседание РМО"


class NetworkAssociation(SyncMixin, Base):
    """An association of the district's pedagogues for one academic year (starting in
    September of `year`)."""

    __tablename__ = "network_associations"

    kind: Mapped[str] = mapped_column(String(60), default=ASSOCIATION_KINDS[0])
    name: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(200), default="")
    education_level: Mapped[str] = mapped_column(String(60), default="")
    head_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    curator_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    theme: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(30), default=ASSOCIATION_STATUSES[0])
    notes: Mapped[str] = mapped_column(Text, default="")


class NetworkMember(SyncMixin, Base):
    __tablename__ = "network_members"

    association_id: Mapped[str] = mapped_column(
        ForeignKey("network_associations.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    role: Mapped[str] = mapped_column(String(30), default=MEMBER_ROLES[2])
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class NetworkMeeting(SyncMixin, Base):
    """A meeting of the plan. Its date, place, participants and attendance are those of its
    event in the calendar (`event_id`, the same row); the protocol is kept here."""

    __tablename__ = "network_meetings"

    association_id: Mapped[str] = mapped_column(
        ForeignKey("network_associations.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), nullable=True, index=True)
    theme: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[str] = mapped_column(String(60), default=MEETING_FORMS[0])
    speakers: Mapped[str] = mapped_column(Text, default="")
    responsible_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    protocol_number: Mapped[str] = mapped_column(String(40), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    heard: Mapped[str] = mapped_column(Text, default="")
    spoke: Mapped[str] = mapped_column(Text, default="")
    decided: Mapped[str] = mapped_column(Text, default="")


class NetworkDecision(SyncMixin, Base):
    """A decision of a meeting, with who does it and by when; done once `done_on` is set."""

    __tablename__ = "network_decisions"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("network_meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    responsible_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class NetworkSite(SyncMixin, Base):
    """An innovation, training or supporting site (площадка) in an ОО."""

    __tablename__ = "network_sites"

    kind: Mapped[str] = mapped_column(String(80), default=SITE_KINDS[0])
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    theme: Mapped[str] = mapped_column(Text, default="")
    order_number: Mapped[str] = mapped_column(String(60), default="")
    order_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    responsible_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    report_received: Mapped[bool] = mapped_column(Boolean, default=False)
    report_received_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class MentoringPair(SyncMixin, Base):
    __tablename__ = "mentoring_pairs"

    mentor_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    mentee_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    form: Mapped[str] = mapped_column(String(60), default=MENTORING_FORMS[0])
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class MentoringPlanItem(SyncMixin, Base):
    __tablename__ = "mentoring_plan_items"

    pair_id: Mapped[str] = mapped_column(ForeignKey("mentoring_pairs.id", ondelete="CASCADE"),
                                         index=True)
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
