"""Users and roles, and the audit trail of personal data (152-ФЗ). Both are synchronised.

`user_roles`: who may do what. A login (as the operating system names the user) has one role,
«администратор» or «методист»; a methodist edits only the records of the ОО listed in
`organizations` (their ids, comma-separated) and sees the rest.

`audit_log`: append-only. Each workstation keeps its own chain: entry `seq` of a `site`
carries the SHA-256 of the one before it, so an entry changed, removed or slipped in is
found by `imc-desktop check` on every PC the chain has travelled to. SQLite triggers made by
the migration refuse UPDATE and DELETE of the table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin, UTCDateTime

ADMIN = "администратор"
METHODIST = "методист"
ROLES = (ADMIN, METHODIST)


class UserRole(SyncMixin, Base):
    __tablename__ = "user_roles"

    login: Mapped[str] = mapped_column(String(120), index=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default=METHODIST)
    #: the ids of the ОО a methodist may edit, comma-separated (none: edits nothing of an ОО)
    organizations: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(SyncMixin, Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_site_seq", "site", "seq"),)

    site: Mapped[str] = mapped_column(String(36))  # the workstation whose chain it is
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3… within the site
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_name: Mapped[str] = mapped_column(String(120), default="")
    workstation: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(300), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    persons: Mapped[int] = mapped_column(Integer, default=0)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))
