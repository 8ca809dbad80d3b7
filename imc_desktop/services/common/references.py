"""Who refers to a record: read from the live schema, so tables of every module count."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def referring_counts(session: Session, table: str, record_id: str) -> dict[str, int]:
    """{referring table: number of rows} for rows whose foreign key points at the record."""
    counts: dict[str, int] = {}
    tables = session.execute(
        text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ).scalars().all()
    for other in tables:
        for fk in session.execute(text(f'PRAGMA foreign_key_list("{other}")')).mappings():
            if fk["table"] != table:
                continue
            column = fk["from"]
            count = session.execute(
                text(f'SELECT count(*) FROM "{other}" WHERE "{column}" = :id'), {"id": record_id}
            ).scalar_one()
            if count:
                counts[other] = counts.get(other, 0) + int(count)
    return counts
