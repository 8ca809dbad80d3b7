"""The one clock of the program: every «today» and «now» of the services and the screens.

A test (or a user checking what a list said on a past day) sets the clock to a fixed moment
with :func:`fixed`; nothing else reads the wall clock. The synchronisation keeps its own
physical clock (``imc_desktop.sync.clock``): its stamps must be the real time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time

_source: Callable[[], datetime] = datetime.now


def now() -> datetime:
    """The local time now, without a time zone (as the user's clock shows it)."""
    return _source()


def today() -> date:
    return now().date()


def utc_now() -> datetime:
    """Now in UTC, with the time zone: for stamps stored in the database."""
    return now().astimezone(UTC)


@contextmanager
def fixed(moment: date | datetime) -> Iterator[None]:
    """Run the block as if it were ``moment`` (a date means its noon)."""
    global _source
    at = moment if isinstance(moment, datetime) else datetime.combine(moment, time(12))
    previous, _source = _source, (lambda: at)
    try:
        yield
    finally:
        _source = previous
