"""Attestation: applications and decisions (categories, СЗД) and the leave periods that
exempt from or postpone the conformity attestation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

CHANNELS = ("лично", "Госуслуги", "почтой")
STAGES = ("подано", "на рассмотрении", "решение")


class AttestationRecord(SyncMixin, Base):
    """One attestation: the application (if any) and, once taken, the decision."""

    __tablename__ = "attestation_records"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"),
                                                        nullable=True, index=True)
    position: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(60))
    applied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the start of the attestation, a date the commission sets: the 60 days run from it
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    channel: Mapped[str] = mapped_column(String(30), default="")
    stage: Mapped[str] = mapped_column(String(30), default=STAGES[2])
    decision: Mapped[str] = mapped_column(String(30), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    order_number: Mapped[str] = mapped_column(String(60), default="")
    order_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    order_body: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    simplified: Mapped[bool] = mapped_column(Boolean, default=False)
    simplified_basis: Mapped[str] = mapped_column(Text, default="")


class LeavePeriod(SyncMixin, Base):
    """Pregnancy, maternity or parental leave, long illness: they matter for СЗД."""

    __tablename__ = "leave_periods"

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(60))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date, nullable=True)
