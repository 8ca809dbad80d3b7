"""Synchronisation metadata: local tables of this workstation, never synchronised themselves.

A change is identified by its *key*, the text ``"<clock:020d>.<site id>"``: comparing keys as
text compares (hybrid logical clock, site id), the order in which changes win.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SyncState(Base):
    """Named values: site id, store id, the clock, the last sync, the database's fingerprint."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncPending(Base):
    """A local change recorded by the triggers, waiting to be sealed into a segment."""

    __tablename__ = "sync_pending"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(1))  # I insert, U update, D delete, S seen marker
    column_name: Mapped[str] = mapped_column(String(60), default="")
    #: what the change had seen when it was made: U the key it overwrote; I and D the field
    #: versions of the record then, as JSON {column: key} (SQLite keeps any length)
    seen: Mapped[str | None] = mapped_column(String(80), nullable=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)  # D: the last content
    #: the hybrid clock when the change was made (none: stamped when sealed)
    clock: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SyncApplying(Base):
    """Holds one row while remote changes are applied, so that the triggers stay silent."""

    __tablename__ = "sync_applying"

    flag: Mapped[int] = mapped_column(Integer, primary_key=True)


class SyncChange(Base):
    """Every known change of a field ("v"), of a record's existence ("e", value "1"/"0") and
    every "seen" marker ("s": the change `seen` was looked at and settled): the field versions.
    """

    __tablename__ = "sync_changes"
    __table_args__ = (Index("ix_sync_changes_segment", "site", "segment"),)

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    column_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    seen: Mapped[str | None] = mapped_column(String(80), nullable=True)
    site: Mapped[str] = mapped_column(String(36))
    segment: Mapped[int] = mapped_column(Integer)


class SyncBase(Base):
    """The fields of one record that share one version (its key), in one row: what the rows
    of `sync_changes` would hold, compacted. The key is kept as its clock and the number of
    its site in `sync_sites`; `vals` is a JSON array by the column numbers of `sync_columns`,
    each item the value itself as JSON (`[]`: that column is not here); `seens` {column: the
    key it overwrote} where there was one; `e` the record's existence when it has this key
    too. The view `sync_versions` shows both, with the key as text."""

    __tablename__ = "sync_base"
    __table_args__ = {"sqlite_with_rowid": False}

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clock: Mapped[int] = mapped_column(Integer)
    site: Mapped[int] = mapped_column(Integer)  # sync_sites.n
    segment: Mapped[int] = mapped_column(Integer)
    e: Mapped[str | None] = mapped_column(String(1), nullable=True)
    vals: Mapped[str] = mapped_column(Text)
    seens: Mapped[str | None] = mapped_column(Text, nullable=True)


class SyncSite(Base):
    """The number of a site id in `sync_base` (given once, never changed)."""

    __tablename__ = "sync_sites"

    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    site: Mapped[str] = mapped_column(String(36), unique=True)


class SyncColumn(Base):
    """The number of a column in `sync_base.vals`, per table (given once, never changed)."""

    __tablename__ = "sync_columns"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    pos: Mapped[int] = mapped_column(Integer, primary_key=True)
    column_name: Mapped[str] = mapped_column(String(60))


class SyncTombstone(Base):
    """A deletion: the record's last content and the field versions its author had seen."""

    __tablename__ = "sync_tombstones"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    content: Mapped[str] = mapped_column(Text)  # JSON {column: value}
    versions: Mapped[str] = mapped_column(Text)  # JSON {column: key}


class SyncApplied(Base):
    """A segment of another workstation that has been applied here."""

    __tablename__ = "sync_applied"

    site: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(120), default="")
    user_name: Mapped[str] = mapped_column(String(120), default="")


class SyncPublished(Base):
    """A segment sealed here; `data` is kept until it is published and read back."""

    __tablename__ = "sync_published"

    site: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    published: Mapped[int] = mapped_column(Integer, default=0)
    #: the file's size once published (a file of another size on the share is damaged)
    size: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SyncConflict(Base):
    """A change that lost to one whose author had not seen it (the same list on every PC)."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    column_name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))  # field / deleted / kept
    loser_key: Mapped[str] = mapped_column(String(80))
    loser_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    winner_key: Mapped[str] = mapped_column(String(80), default="")
    winner_value: Mapped[str | None] = mapped_column(Text, nullable=True)


class SyncHeld(Base):
    """An incoming change kept aside: dated far ahead, or naming an unknown table or column."""

    __tablename__ = "sync_held"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(80))
    line: Mapped[str] = mapped_column(Text)  # the change as it came, JSON
    reason: Mapped[str] = mapped_column(String(20))  # future / unknown / orphan
