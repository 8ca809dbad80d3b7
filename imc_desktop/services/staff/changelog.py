"""The change log of pedagogues' cards (who changed what, from which PC) and the log of
unmasked СНИЛС/ИНН views (152-ФЗ)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from imc_desktop import clock, identity
from imc_desktop.db import session_scope
from imc_desktop.services.common import audit
from models import ChangeLogEntry, Person


@dataclass(frozen=True)
class ChangeEntry:
    changed_at: datetime
    user_name: str
    workstation: str
    table: str
    action: str
    field: str
    old_value: str
    new_value: str


CREATED, CHANGED, DELETED = "создание", "изменение", "удаление"
MASKED_FIELDS = frozenset({"snils", "inn"})


def _who() -> tuple[str, str]:
    try:
        user = identity.login()
    except (identity.UnknownUser, OSError):
        user = "неизвестно"
    return user, identity.workstation()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


class _Log:
    def __init__(self, session: Session, person_id: str | None) -> None:
        self.session, self.person_id = session, person_id
        self.user, self.workstation = _who()
        self.now = clock.utc_now()

    def record(self, table: str, record_id: str, action: str,
               changes: Sequence[tuple[str, object, object]] = ()) -> None:
        rows = changes or [("", None, None)]
        shown = []
        for name, old, new in rows:
            masked = name in MASKED_FIELDS
            old_text = "***" if masked and old else _text(old)
            new_text = "***" if masked and new else _text(new)
            self.session.add(ChangeLogEntry(
                changed_at=self.now, user_name=self.user, workstation=self.workstation,
                table_name=table, record_id=record_id, person_id=self.person_id, action=action,
                field=name, old_value=old_text, new_value=new_text))
            if name:
                shown.append(f"{name}: «{old_text}» → «{new_text}»")
        if action != VIEWED:
            audit.append(self.session, audit.CHANGE, f"{table} {record_id[:8]}: {action}",
                         "; ".join(shown), 1 if self.person_id else 0)


ChangeLogWriter = _Log  # for other services that change pedagogues (imports)
VIEWED = "просмотр СНИЛС и ИНН"


def log_personal_data_view(session: Session, count: int, purpose: str) -> None:
    """One log entry each time unmasked СНИЛС/ИНН are shown or exported (of an archive: in
    the audit trail of the workstation's own database only — the archive is not written)."""
    from imc_desktop import db

    current = db.current_or_none()
    if current is None or not current.read_only:
        _Log(session, None).record("persons", "*", VIEWED,
                                   [("snils, inn", None, f"{count} чел. {purpose}".strip())])
    audit.append(session, audit.VIEW, "СНИЛС и ИНН в списке", purpose, count)


def personal_data_views() -> list[ChangeEntry]:
    """When unmasked СНИЛС and ИНН were shown, by whom and for what, newest first."""
    with session_scope() as s:
        rows = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.action == VIEWED)
                         .order_by(ChangeLogEntry.changed_at.desc(), ChangeLogEntry.id.desc()))
        return [ChangeEntry(r.changed_at, r.user_name, r.workstation, r.table_name, r.action,
                            r.field, r.old_value, r.new_value) for r in rows]


def change_log(person_id: str) -> list[ChangeEntry]:
    """What was changed on the pedagogue's card, newest first."""
    with session_scope() as s:
        return change_log_in(s, person_id)


def change_log_in(s: Session, person_id: str) -> list[ChangeEntry]:
    rows = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.person_id == person_id)
                     .order_by(ChangeLogEntry.changed_at.desc(), ChangeLogEntry.id.desc()))
    return [ChangeEntry(r.changed_at, r.user_name, r.workstation, r.table_name, r.action,
                        r.field, r.old_value, r.new_value) for r in rows]


#: a deletion is taken as seen by every workstation after this many days (the time a sync
#: segment is kept on the share; the share does not tell what each PC has applied)
SEEN_BY_ALL_DAYS = 90


def cutoff(years: int, today: date) -> date:
    """The same day `years` years before `today` (29 February: the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def prune(years: int, now: datetime | None = None) -> int:
    """The change journal is kept for `years` years (a setting, 2 by default): older entries
    go (not the data). A deleted pedagogue's entries keep only the deletion once it is
    SEEN_BY_ALL_DAYS days old, and the deletion no longer names her: the names, СНИЛС and
    phones the entries showed leave the journal.
    The number of entries removed."""
    if years < 1:
        raise ValueError("Журнал изменений хранится не меньше года.")
    now = now or clock.utc_now()
    start = datetime.combine(cutoff(years, now.date()), datetime.min.time(), now.tzinfo)
    seen = now - timedelta(days=SEEN_BY_ALL_DAYS)
    gone_long = (select(ChangeLogEntry.person_id)
                 .where(ChangeLogEntry.action == DELETED,
                        ChangeLogEntry.table_name == "persons",
                        ChangeLogEntry.record_id == ChangeLogEntry.person_id,
                        ChangeLogEntry.changed_at < seen)
                 .where(~exists().where(Person.id == ChangeLogEntry.person_id)))
    with session_scope() as s:
        old = s.execute(delete(ChangeLogEntry).where(ChangeLogEntry.changed_at < start))
        personal = s.execute(delete(ChangeLogEntry).where(
            ChangeLogEntry.person_id.in_(gone_long),
            ~((ChangeLogEntry.action == DELETED)
              & (ChangeLogEntry.table_name == "persons"))))
        s.execute(update(ChangeLogEntry).where(
            ChangeLogEntry.person_id.in_(gone_long), ChangeLogEntry.action == DELETED,
            ChangeLogEntry.table_name == "persons").values(field="", old_value="",
                                                           new_value=""))
        return int(old.rowcount or 0) + int(personal.rowcount or 0)  # type: ignore[attr-defined]
