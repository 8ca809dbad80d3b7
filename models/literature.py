"""Literature and textbooks: the catalogue of titles, the documents that move the stock
(with their lines) and the number of pupils of an ОО by grade.

Stock is counted per title and holder, never per copy. The holder of a document side is an
ОО (`from_org_id` / `to_org_id`), or the ИМЦ's own fund when that side's column is NULL;
which sides a document has is fixed by its kind (see `IN_KINDS` and `OUT_KINDS`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin

TITLE_KINDS = ("учебник", "учебное пособие", "методическое пособие", "программа",
               "периодика", "электронный ресурс")
LEVELS = ("", "базовый", "углублённый")
FPU_STATUSES = ("", "в перечне", "исключён")

RECEIPT, ISSUE, RETURN, TRANSFER, WRITE_OFF, OPENING = (
    "поступление", "выдача", "возврат", "передача", "списание", "ввод остатков")
DOCUMENT_KINDS = (RECEIPT, ISSUE, RETURN, TRANSFER, WRITE_OFF, OPENING)
#: Kinds whose receiving side (`to_org_id`, NULL = the ИМЦ fund) gains the lines' copies.
IN_KINDS = (RECEIPT, ISSUE, RETURN, TRANSFER, OPENING)
#: Kinds whose giving side (`from_org_id`, NULL = the ИМЦ fund) loses them.
OUT_KINDS = (ISSUE, RETURN, TRANSFER, WRITE_OFF)


class LiteratureTitle(SyncMixin, Base):
    """One title of the catalogue (a textbook, a manual, a programme, a periodical…)."""

    __tablename__ = "literature_titles"

    kind: Mapped[str] = mapped_column(String(40), default=TITLE_KINDS[0])
    authors: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text)
    grade_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    grade_to: Mapped[int | None] = mapped_column(Integer, nullable=True)
    subject: Mapped[str] = mapped_column(String(120), default="", index=True)
    publisher: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    isbn: Mapped[str] = mapped_column(String(20), default="", index=True)
    fpu_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    level: Mapped[str] = mapped_column(String(20), default="")
    fpu_status: Mapped[str] = mapped_column(String(20), default="")
    use_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: When the title left the ФПУ (a title excluded without «use until» may be used for
    #: 5 years from this date).
    excluded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    price_kopecks: Mapped[int] = mapped_column(Integer, default=0)


class LiteratureDocument(SyncMixin, Base):
    """A movement of stock: a draft until posted; only posted documents count."""

    __tablename__ = "literature_documents"

    kind: Mapped[str] = mapped_column(String(30), index=True)
    number: Mapped[str] = mapped_column(String(40), default="")
    doc_date: Mapped[date] = mapped_column(Date, index=True)
    from_org_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"),
                                                    nullable=True, index=True)
    to_org_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"),
                                                  nullable=True, index=True)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    supplier_doc_number: Mapped[str] = mapped_column(String(60), default="")
    supplier_doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    act_number: Mapped[str] = mapped_column(String(60), default="")
    return_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: For a document that brings back a temporary transfer: that transfer.
    return_of_id: Mapped[str | None] = mapped_column(
        ForeignKey("literature_documents.id", ondelete="SET NULL"), nullable=True, index=True)
    posted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list[LiteratureLine]] = relationship(
        cascade="all, delete-orphan", order_by="LiteratureLine.position")


class LiteratureLine(SyncMixin, Base):
    __tablename__ = "literature_lines"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("literature_documents.id", ondelete="CASCADE"), index=True)
    title_id: Mapped[str] = mapped_column(ForeignKey("literature_titles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    quantity: Mapped[int] = mapped_column(Integer)
    price_kopecks: Mapped[int] = mapped_column(Integer, default=0)


class OrganizationGradePupils(SyncMixin, Base):
    """How many pupils an ОО has in one grade (for the provision with textbooks)."""

    __tablename__ = "organization_grade_pupils"

    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    grade: Mapped[int] = mapped_column(Integer)
    pupils: Mapped[int] = mapped_column(Integer, default=0)
