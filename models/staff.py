"""Pedagogues: the person, employment, education, стаж, courses (КПК), awards, change log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin, UTCDateTime

SEXES = ("ж", "м")
POSITIONS = (
    "учитель", "воспитатель", "старший воспитатель", "педагог дополнительного образования",
    "педагог-психолог", "социальный педагог", "учитель-логопед", "учитель-дефектолог",
    "музыкальный руководитель", "инструктор по физической культуре", "педагог-организатор",
    "преподаватель-организатор ОБЗР", "советник директора по воспитанию", "тьютор",
    "методист", "заместитель директора", "директор", "заведующий",
)
JOB_TYPES = ("основное место работы", "внутреннее совместительство",
             "внешнее совместительство")
EDUCATION_LEVELS = ("высшее", "среднее профессиональное", "среднее общее")
EXPERIENCE_KINDS = ("общий", "педагогический")
COURSE_KINDS = ("ПК", "ПП")
COURSE_FORMS = ("очная", "очно-заочная", "заочная", "дистанционная")
DOCUMENT_KINDS = ("удостоверение", "диплом", "сертификат")
AWARD_LEVELS = ("государственная", "ведомственная", "региональная", "муниципальная")
CATEGORIES = ("", "первая", "высшая")


class Person(SyncMixin, Base):
    __tablename__ = "persons"
    #: not unique-indexed (two PCs may enter the same person offline): duplicates are listed
    __natural_keys__ = ("snils",)

    last_name: Mapped[str] = mapped_column(String(100), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(1), default="ж")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    snils: Mapped[str] = mapped_column(String(11), default="", index=True)
    inn: Mapped[str] = mapped_column(String(12), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    category: Mapped[str] = mapped_column(String(20), default="")
    category_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    academic_degree: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    employments: Mapped[list[Employment]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Employment.hired_on")
    educations: Mapped[list[Education]] = relationship(
        cascade="all, delete-orphan", order_by="Education.year")
    experiences: Mapped[list[Experience]] = relationship(cascade="all, delete-orphan")
    courses: Mapped[list[Course]] = relationship(
        cascade="all, delete-orphan", order_by="Course.end_date")
    awards: Mapped[list[Award]] = relationship(cascade="all, delete-orphan")


class Employment(SyncMixin, Base):
    __tablename__ = "employments"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    position: Mapped[str] = mapped_column(String(120))
    job_type: Mapped[str] = mapped_column(String(40), default=JOB_TYPES[0])
    load: Mapped[float | None] = mapped_column(Float, nullable=True)
    subjects: Mapped[str] = mapped_column(Text, default="")  # "; "-separated
    hired_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    appointed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    person: Mapped[Person] = relationship(back_populates="employments")


class Education(SyncMixin, Base):
    __tablename__ = "educations"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    level: Mapped[str] = mapped_column(String(60))
    is_pedagogical: Mapped[bool] = mapped_column(Boolean, default=True)
    institution: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    speciality: Mapped[str] = mapped_column(Text, default="")
    qualification: Mapped[str] = mapped_column(Text, default="")


class Experience(SyncMixin, Base):
    """A стаж of one kind: `years` and `months` as of `as_of` (a start date is 0, 0, start)."""

    __tablename__ = "experiences"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(30))
    years: Mapped[int] = mapped_column(Integer, default=0)
    months: Mapped[int] = mapped_column(Integer, default=0)
    as_of: Mapped[date] = mapped_column(Date)


class Course(SyncMixin, Base):
    """Повышение квалификации (ПК) or профессиональная переподготовка (ПП)."""

    __tablename__ = "courses"
    __table_args__ = (Index("ix_courses_person_id_end_date", "person_id", "end_date"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(4), default=COURSE_KINDS[0])
    program: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[str] = mapped_column(String(30), default=COURSE_FORMS[0])
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[int] = mapped_column(Integer)
    document_kind: Mapped[str] = mapped_column(String(30), default=DOCUMENT_KINDS[0])
    document_series: Mapped[str] = mapped_column(String(40), default="")
    document_number: Mapped[str] = mapped_column(String(40), default="")
    registration_number: Mapped[str] = mapped_column(String(40), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Award(SyncMixin, Base):
    __tablename__ = "awards"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    level: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(Text)
    awarded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    document: Mapped[str] = mapped_column(Text, default="")


class ChangeLogEntry(Base):
    """Who changed what in personal data and when (152-ФЗ audit trail). Local, append-only."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_name: Mapped[str] = mapped_column(String(120))
    workstation: Mapped[str] = mapped_column(String(120))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    action: Mapped[str] = mapped_column(String(20))  # создание / изменение / удаление
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
