"""What the save of every record shares: the record to change, new or stored, and writing
only the fields the user changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from imc_desktop.services.common.errors import ChangedMeanwhile, NotFound

T = TypeVar("T")


class CardWrite(Protocol):
    """Changes another module's tab of a card keeps until the card is saved; the card's save
    writes them in its own unit of work, so the card and its tabs are saved together."""

    def problems(self) -> dict[str, str]:
        """What refuses the save ({key: Russian message naming the tab}), checked with the card."""
        ...

    def write_in(self, s: Session, owner_id: str, overwrite: bool = False) -> None: ...


def load_or_new(s: Session, model: type[T], record_id: str | None, missing: str) -> T:
    """A new record when ``record_id`` is None, else the stored one; a record deleted
    meanwhile (on another computer, in another window) is :class:`NotFound` with ``missing``."""
    if record_id is None:
        return model()
    record = s.get(model, record_id)
    if record is None:
        raise NotFound(missing)
    return record


def changed_fields(loaded: object | None, edited: object, names: Iterable[str]) -> list[str]:
    """The fields the user changed in the form: all of them for a form loaded empty."""
    if loaded is None:
        return list(names)
    return [n for n in names if getattr(edited, n) != getattr(loaded, n)]


def write_fields(record: object, edited: object, loaded: object | None, names: Iterable[str],
                 table: str, overwrite: bool = False) -> list[tuple[str, object, object]]:
    """Put on ``record`` only the fields the user changed (``edited`` against the ``loaded``
    values the form showed), so a stale form never reverts a value changed elsewhere meanwhile.
    A changed field whose stored value is no longer the loaded one is a clash:
    :class:`ChangedMeanwhile` and nothing written, unless ``overwrite``. Returns
    (field, old, new) of what changed."""
    from imc_desktop.services.sync.titles import field_title

    fields = changed_fields(loaded, edited, names)
    if loaded is not None and not overwrite:
        clashes = [(field_title(n, table), getattr(record, n), getattr(edited, n))
                   for n in fields if getattr(record, n) != getattr(loaded, n)
                   and getattr(record, n) != getattr(edited, n)]
        if clashes:
            raise ChangedMeanwhile(clashes)
    written = []
    for name in fields:
        old, new = getattr(record, name, None), getattr(edited, name)
        if old != new:
            setattr(record, name, new)
            written.append((name, old, new))
    return written
