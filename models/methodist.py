"""The methodist's journal: the ИМЦ's methodists and what they curate, consultations, visits
to ОО (lesson observations with a checklist of marks) and the methodist's month plan."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

CONSULTATION_FORMS = ("индивидуальная", "групповая")
CONSULTATION_MODES = ("очно", "дистанционно", "по телефону")
CONSULTATION_CATEGORIES = ("аттестация", "КПК", "ФГОС", "рабочие программы", "ГИА",
                           "конкурсы", "молодые специалисты", "воспитательная работа",
                           "документация", "другое")
VISIT_KINDS = ("посещение урока", "выезд в ОО")
PLAN_KINDS = ("мероприятие", "посещение", "консультация", "другое")


class MethodistProfile(SyncMixin, Base):
    """A pedagogue of the register who works as a methodist of the ИМЦ, and what he curates."""

    __tablename__ = "methodist_profiles"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    subjects: Mapped[str] = mapped_column(Text, default="")          # "; "-separated
    organization_ids: Mapped[str] = mapped_column(Text, default="")  # "; "-separated ids
    associations: Mapped[str] = mapped_column(Text, default="")      # РМО, "; "-separated
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Consultation(SyncMixin, Base):
    """A consultation given by a methodist: to a pedagogue, an ОО or someone named in text."""

    __tablename__ = "consultations"

    held_on: Mapped[date] = mapped_column(Date, index=True)
    methodist_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True, index=True)
    whom_text: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[str] = mapped_column(String(30), default=CONSULTATION_FORMS[0])
    mode: Mapped[str] = mapped_column(String(30), default=CONSULTATION_MODES[0])
    category: Mapped[str] = mapped_column(String(60), default=CONSULTATION_CATEGORIES[0])
    topic: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[int] = mapped_column(Integer, default=1)
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")


class SchoolVisit(SyncMixin, Base):
    """A methodist's visit to an ОО; a lesson observation has the pedagogue, the lesson and
    the marks of the checklist (`marks`: "criterion=mark" lines, the criteria a setting)."""

    __tablename__ = "school_visits"

    visited_on: Mapped[date] = mapped_column(Date, index=True)
    methodist_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default=VISIT_KINDS[0])
    purpose: Mapped[str] = mapped_column(Text, default="")
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    class_name: Mapped[str] = mapped_column(String(20), default="")
    subject: Mapped[str] = mapped_column(String(120), default="")
    lesson_topic: Mapped[str] = mapped_column(Text, default="")
    marks: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")


class PlanItem(SyncMixin, Base):
    """An item of a methodist's month plan; it is done when its linked event was held, its
    visit or consultation took place, or it is marked done by hand."""

    __tablename__ = "methodist_plan_items"

    methodist_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), nullable=True, index=True)
    month: Mapped[date] = mapped_column(Date, index=True)  # the first day of the month
    planned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    kind: Mapped[str] = mapped_column(String(30), default=PLAN_KINDS[0])
    title: Mapped[str] = mapped_column(Text)
    event_id: Mapped[str | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), nullable=True, index=True)
    visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("school_visits.id", ondelete="SET NULL"), nullable=True, index=True)
    consultation_id: Mapped[str | None] = mapped_column(
        ForeignKey("consultations.id", ondelete="SET NULL"), nullable=True, index=True)
    done_by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
