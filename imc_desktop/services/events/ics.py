"""iCalendar (RFC 5545) as plain text: events of a period out to an .ics file for phones
and Outlook, and events in from one. Local times are written «floating» (no time zone), as
the district lives in one; all-day events as dates. Lines are folded at 75 octets without
cutting a UTF-8 character; text is escaped (\\ ; , and new lines)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import cast

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import records as events
from models import Event

PRODID = "-//IMC Desktop//Мероприятия//RU"
UID_DOMAIN = "imc-desktop"
LINE_OCTETS = 75


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    all_day: bool = False
    description: str = ""
    location: str = ""
    category: str = ""
    cancelled: bool = False


# ---------------------------------------------------------------- text level

def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (continuations start with a
    space), never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


# ---------------------------------------------------------------- writing

def _stamp(moment: datetime) -> str:
    return f"{moment:%Y%m%dT%H%M%S}"


def _event_lines(e: IcsEvent, now: datetime) -> list[str]:
    if e.all_day:
        end = e.ends_at.date() if e.ends_at.date() > e.starts_at.date() else \
            e.starts_at.date() + timedelta(days=1)
        times = [f"DTSTART;VALUE=DATE:{e.starts_at:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    else:
        times = [f"DTSTART:{_stamp(e.starts_at)}", f"DTEND:{_stamp(e.ends_at)}"]
    lines = ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{_stamp(now)}Z", *times,
             f"SUMMARY:{escape(e.title)}"]
    if e.description:
        lines.append(f"DESCRIPTION:{escape(e.description)}")
    if e.location:
        lines.append(f"LOCATION:{escape(e.location)}")
    if e.category:
        lines.append(f"CATEGORIES:{escape(e.category)}")
    if e.cancelled:
        lines.append("STATUS:CANCELLED")
    return [*lines, "END:VEVENT"]


def write_ics(items: Iterable[IcsEvent], now: datetime | None = None) -> str:
    now = now or clock.utc_now().replace(microsecond=0, tzinfo=None)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for item in items:
        lines.extend(_event_lines(item, now))
    lines.append("END:VCALENDAR")
    return "".join(fold(x) + "\r\n" for x in lines)


# ---------------------------------------------------------------- reading

def _split(line: str) -> tuple[str, dict[str, str], str]:
    head, _, value = line.partition(":")
    name, *params = head.split(";")
    pairs = dict(p.partition("=")[::2] for p in params)
    return name.upper(), {k.upper(): v for k, v in pairs.items()}, value


def _moment(value: str, params: dict[str, str]) -> tuple[datetime, bool]:
    value = value.strip()
    if params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
        return datetime.combine(datetime.strptime(value[:8], "%Y%m%d").date(), time()), True
    moment = datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    if value.endswith("Z"):  # UTC: shown in the computer's local time
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return moment, False


def parse_ics(text: str, source: str = "файл") -> list[IcsEvent]:
    """The VEVENTs of a calendar; a Russian message naming the line when one is broken."""
    found: list[IcsEvent] = []
    current: dict[str, object] | None = None
    for number, line in enumerate(unfold(text), 1):
        name, params, value = _split(line)
        try:
            if name == "BEGIN" and value.upper() == "VEVENT":
                current = {}
            elif name == "END" and value.upper() == "VEVENT" and current is not None:
                found.append(_finish(current, source, number))
                current = None
            elif current is not None:
                _take(current, name, params, value)
        except ValueError:
            raise ServiceError(f"{source}, строка {number}: не разобрано значение «{value}» "
                               f"поля {name}.") from None
    return found


def _take(current: dict[str, object], name: str, params: dict[str, str], value: str) -> None:
    if name in ("DTSTART", "DTEND"):
        current[name] = _moment(value, params)
    elif name in ("SUMMARY", "DESCRIPTION", "LOCATION", "UID", "CATEGORIES", "STATUS"):
        current[name] = unescape(value)


def _finish(c: dict[str, object], source: str, number: int) -> IcsEvent:
    if "DTSTART" not in c:
        raise ServiceError(f"{source}, строка {number}: у события нет начала (DTSTART).")
    start, all_day = cast(tuple[datetime, bool], c["DTSTART"])
    default = (start + timedelta(days=1) if all_day else start, all_day)
    end, _ = cast(tuple[datetime, bool], c.get("DTEND", default))
    return IcsEvent(str(c.get("UID", "")), str(c.get("SUMMARY", "")) or "Без названия",
                    start, max(end, start), all_day, str(c.get("DESCRIPTION", "")),
                    str(c.get("LOCATION", "")), str(c.get("CATEGORIES", "")).split(",")[0],
                    str(c.get("STATUS", "")).upper() == "CANCELLED")


# ---------------------------------------------------------------- the database

def uid_of(event_id: str) -> str:
    return f"{event_id}@{UID_DOMAIN}"


def export_ics(rows: Sequence[events.EventRow], path: Path) -> int:
    """Write the given events (the filtered period) to an .ics file; how many."""
    items = [IcsEvent(uid_of(r.id), r.title, r.starts_at, r.ends_at, r.all_day,
                      _description(r), r.place, r.kind, r.status == "отменено")
             for r in rows]
    path.write_text(write_ics(items), encoding="utf-8", newline="")
    return len(items)


def _description(r: events.EventRow) -> str:
    parts = [f"{r.kind}, {r.level} уровень", f"Статус: {r.status}"]
    if r.organizer:
        parts.append(f"Организатор: {r.organizer}")
    if r.audience:
        parts.append(f"Для кого: {r.audience}")
    return "\n".join(parts)


@dataclass(frozen=True)
class IcsImported:
    created: int
    updated: int


def import_ics(path: Path) -> IcsImported:
    """Add the file's events; an event exported from here (same UID) is updated instead.
    All or nothing."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError(f"Файл {path.name} не прочитан: {exc}") from None
    items = parse_ics(text, path.name)
    created = updated = 0
    with session_scope() as s:
        for item in items:
            own = item.uid.removesuffix(f"@{UID_DOMAIN}") if item.uid.endswith(
                f"@{UID_DOMAIN}") else ""
            event = s.get(Event, own) if own else None
            updated += event is not None
            created += event is None
            event = event or Event(kind=_kind(item.category), description=item.description)
            if own and event.id is None:
                event.id = own
            _fill(event, item)
            s.add(event)
    return IcsImported(created, updated)


def _kind(category: str) -> str:
    return category if category in events.KINDS else events.KINDS[-1]


def _fill(event: Event, item: IcsEvent) -> None:
    data = events.normalised(replace(events.EventData(), title=item.title[:500],
                                     starts_at=item.starts_at, ends_at=item.ends_at,
                                     all_day=item.all_day))
    event.title, event.starts_at, event.ends_at = data.title, data.starts_at, data.ends_at
    event.all_day = item.all_day
    event.place_text = event.place_text if event.place_organization_id else item.location
    if item.cancelled:
        event.status = "отменено"
