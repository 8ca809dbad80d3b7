"""The directory of the district's educational organisations (ОО)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

ORG_KINDS = ("школа", "детский сад", "учреждение доп. образования")
LEGAL_FORMS = ("МБОУ", "МАОУ", "МКОУ", "МБДОУ", "МАДОУ", "МКДОУ", "МБУ ДО", "МАУ ДО", "МКУ ДО")


class Organization(SyncMixin, Base):
    __tablename__ = "organizations"

    full_name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(60), default=ORG_KINDS[0])
    legal_form: Mapped[str] = mapped_column(String(20), default="")
    inn: Mapped[str] = mapped_column(String(12), default="")
    kpp: Mapped[str] = mapped_column(String(9), default="")
    ogrn: Mapped[str] = mapped_column(String(15), default="")
    okpo: Mapped[str] = mapped_column(String(10), default="")
    legal_address: Mapped[str] = mapped_column(Text, default="")
    actual_address: Mapped[str] = mapped_column(Text, default="")
    is_rural: Mapped[bool] = mapped_column(Boolean, default=True)
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_phone: Mapped[str] = mapped_column(String(40), default="")
    head_email: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    pupils: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    reorganized_on: Mapped[date | None] = mapped_column(Date, nullable=True)
