"""What the save of every record shares: the record to change, new or stored."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from imc_desktop.services.common.errors import NotFound

T = TypeVar("T")


def load_or_new(s: Session, model: type[T], record_id: str | None, missing: str) -> T:
    """A new record when ``record_id`` is None, else the stored one; a record deleted
    meanwhile (on another computer, in another window) is :class:`NotFound` with ``missing``."""
    if record_id is None:
        return model()
    record = s.get(model, record_id)
    if record is None:
        raise NotFound(missing)
    return record
