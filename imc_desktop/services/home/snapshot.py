"""The start page's last figures, kept beside the database so that the next start can show
them before the database layer is loaded — only while they are still what `home_data` would
compute.

The figures are written when the program closes: computed then by `records.home_data` (the
one way they are ever computed), after the database is closed and so at rest. They are keyed
by what makes them stale:

- the database file as it rests: its identity, size and modification time (any write reaches
  the file or its write-ahead log, and a file with a write-ahead log left beside it is never
  taken as at rest); the schema revision lives in the file, so it is covered too;
- the day (every count is «as of today») and, within the day, the first request deadline
  still ahead (`HomeData.valid_until`). The close keeps the figures of the next working day
  too (`next_working_day`: as they will be at its start with the data unchanged), so the
  first start of the next morning — or of Monday after Friday's close — finds its own;
- every declared setting (the rules, the reminder days, the synchronisation folder…);
- the program's version and this file's format.

Anything else — a missing or damaged file, another key — means «not fresh»: the start then
computes the page as always. Only sqlite3-free standard modules are used here. The file holds
record keys and the names of the ОО: it is written for its owner only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from imc_desktop import __version__, clock, config
from imc_desktop.services.home.figures import KEYS, HomeData, Measure
from imc_desktop.services.sync.runner import SyncStatus

FORMAT = 2


@dataclass(frozen=True)
class StartPage:
    """What «Главная» shows: its figures and the ОО it can be narrowed to (id, name)."""

    data: HomeData
    organizations: tuple[tuple[str, str], ...]


def next_working_day(day: date) -> date:
    """The day after `day`, Saturday and Sunday passed over (holidays are not known here:
    their first start computes the page)."""
    following = day + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    return following


def snapshot_path(database: Path) -> Path:
    return database.with_name(database.name + ".home.json")


def settings_key(settings: config.Settings) -> str:
    """Every declared setting's value: any change of the settings makes the figures stale
    (those the page depends on among them)."""
    get: Callable[[Any], object] = settings.get
    return json.dumps([[s.key, get(s)] for s in config.ALL], ensure_ascii=False)


def file_state(database: Path) -> dict[str, int] | None:
    """The database file at rest: identity, size, modification time; None when it is not at
    rest (a write-ahead log or a rollback journal beside it) or cannot be read."""
    for suffix in ("-wal", "-journal"):
        try:
            if os.stat(str(database) + suffix).st_size > 0:
                return None
        except FileNotFoundError:
            continue
        except OSError:
            return None
    try:
        stat = database.stat()
    except OSError:
        return None
    return {"dev": stat.st_dev, "ino": stat.st_ino, "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns}


def write_marks(database: Path) -> tuple[tuple[int, int] | None, ...]:
    """Size and modification time of the file and of its write-ahead log (None: absent):
    equal before and after a reading, nothing was committed meanwhile."""
    marks: list[tuple[int, int] | None] = []
    for name in (str(database), str(database) + "-wal"):
        try:
            stat = os.stat(name)
        except OSError:
            marks.append(None)
            continue
        marks.append((stat.st_size, stat.st_mtime_ns))
    return tuple(marks)


def save(database: Path, page: StartPage, settings: str,
         ahead: Sequence[HomeData] = ()) -> bool:
    """Keep the figures for the next start (the file must be at rest: after it is closed),
    with those of the days `ahead` (each computed as of its day's start). False when it is
    not at rest or the file cannot be written (the next start computes)."""
    state = file_state(database)
    days = [page.data, *ahead]
    if state is None or any(set(data.measures) != KEYS for data in days):
        forget(database)
        return False
    text = json.dumps({
        "format": FORMAT, "version": __version__, "file": state, "settings": settings,
        "organizations": [list(choice) for choice in page.organizations],
        "days": [_day(data) for data in days],
    }, ensure_ascii=False)
    target = snapshot_path(database)
    temporary = target.with_name(target.name + ".tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError:
        forget(database)
        return False
    return True


def forget(database: Path) -> None:
    for path in (snapshot_path(database), snapshot_path(database).with_suffix(".json.tmp")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def load(database: Path, settings: str) -> StartPage | None:
    """The figures kept at the last close, if they are still what the start page would
    compute now; None otherwise (absent, damaged, or stale by any of the keys)."""
    try:
        kept = json.loads(snapshot_path(database).read_text(encoding="utf-8"))
        return _fresh(kept, database, settings)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _day(data: HomeData) -> dict[str, Any]:
    return {
        "today": data.today.isoformat(),
        "valid_until": _iso(data.valid_until),
        "sync": None if data.sync is None else {
            "last_sync": _iso(data.sync.last_sync), "unsent": data.sync.unsent,
            "conflicts": data.sync.conflicts},
        "measures": {key: {record: sorted(orgs) for record, orgs in m.found.items()}
                     for key, m in data.measures.items()},
    }


def _fresh(kept: Mapping[str, Any], database: Path, settings: str) -> StartPage | None:
    now = clock.now()
    if (kept["format"] != FORMAT or kept["version"] != __version__
            or kept["settings"] != settings or kept["file"] != file_state(database)):
        return None
    day = next((d for d in kept["days"] if d["today"] == now.date().isoformat()), None)
    if day is None:
        return None
    valid_until = _moment(day["valid_until"])
    if (valid_until is not None and now >= valid_until) or set(day["measures"]) != KEYS:
        return None
    measures = {key: Measure({str(record): frozenset(str(o) for o in orgs)
                              for record, orgs in found.items()})
                for key, found in day["measures"].items()}
    sync = day["sync"]
    status = None if sync is None else SyncStatus(
        _moment(sync["last_sync"]), int(sync["unsent"]), int(sync["conflicts"]))
    data = HomeData(date.fromisoformat(day["today"]), measures, status, valid_until)
    return StartPage(data, tuple((str(i), str(n)) for i, n in kept["organizations"]))


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is None else moment.astimezone(UTC)
