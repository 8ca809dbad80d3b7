"""Users and roles: who may change what (152-ФЗ).

The user is the operating system's login (:mod:`imc_desktop.identity`). The roles live in
the synchronised table `user_roles`, so every PC knows them:

- «администратор» does everything, and alone may restore a backup, change the settings of
  the synchronisation and the roles, and export or print СНИЛС / ИНН of persons;
- «методист» sees every list but changes only the records of the ОО in his scope (a record
  of an ОО, a pedagogue working there and what belongs to him, the ОО's equipment, stock…);
  a record of no ОО (an event, a catalogue title, the centre's equipment) is every
  methodist's, but a pedagogue of no ОО and what is his are the administrator's until a
  methodist saves him with a job in one of his ОО;
- a login not in the table (or made inactive) reads and changes nothing.

The first user who opens a new database becomes its administrator. Every unit of work is
checked before it is written (a `before_flush` hook on the sessions), so a screen, an import
or the command line cannot write outside the scope.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, sessionmaker

from imc_desktop import identity
from imc_desktop.db import session_scope
from imc_desktop.services.common import audit
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from models import ChangeLogEntry, Employment, Organization, Person
from models.access import ADMIN, METHODIST, ROLES, AuditEntry, UserRole

__all__ = ["ADMIN", "METHODIST", "Access", "AccessDenied", "UserRow", "current", "install",
           "require_admin", "save_user", "users"]

BYPASS = "access_bypass"  # Session.info: writes that are not the user's (none in the product)
FIRST_ADMIN = "first_admin"  # sync_state: the login of this PC's first user
NEW_PEOPLE = "access_new_people"  # Session.info: pedagogues of no ОО yet, checked at commit


class AccessDenied(ServiceError):
    """The user's role does not allow the action; nothing was written."""


@dataclass(frozen=True)
class Access:
    login: str
    role: str  # ADMIN, METHODIST or "" (not registered / inactive)
    organizations: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def title(self) -> str:
        return self.role or "нет доступа"


@dataclass(frozen=True)
class UserRow:
    id: str
    login: str
    full_name: str
    role: str
    organizations: tuple[str, ...]
    is_active: bool


def _split(ids: str) -> frozenset[str]:
    return frozenset(i for i in (p.strip() for p in ids.split(",")) if i)


def _access_of(rows: Iterable[tuple[str, str, str, bool, Any]], login: str) -> Access:
    """The newest row of the login decides (two PCs may have added the same login)."""
    mine = [r for r in rows if identity.same_login(r[0], login)]
    if not mine:
        return Access(login, "", frozenset())
    _login, role, orgs, active, _updated = max(mine, key=lambda r: str(r[4]))
    if not active or role not in ROLES:
        return Access(login, "", frozenset())
    return Access(login, role, _split(orgs))


def _first_admin(session: Session) -> str:
    with session.no_autoflush:
        found = session.execute(text("SELECT value FROM sync_state WHERE name=:n"),
                                {"n": FIRST_ADMIN}).scalar()
    return str(found or "")


def current_in(session: Session) -> Access:
    with session.no_autoflush:
        rows: list[Any] = list(session.execute(select(
            UserRole.login, UserRole.role, UserRole.organizations, UserRole.is_active,
            UserRole.updated_at)).all())
    if not rows:  # no roles yet, here or from the district: this PC's first user decides
        rows = [(first, ADMIN, "", True, "") for first in [_first_admin(session)] if first]
    return _access_of([(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows], identity.login())


def current() -> Access:
    """The role of the user at the keyboard in the open database."""
    with session_scope() as s:
        return current_in(s)


def in_file(path: Path) -> Access:
    """The user's role as a database file (a backup, a damaged target) records it."""
    login = identity.login()
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT login, role, organizations, is_active, updated_at "
                               "FROM user_roles").fetchall() or con.execute(
                "SELECT value, ?, '', 1, '' FROM sync_state WHERE name=?",
                (ADMIN, FIRST_ADMIN)).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return Access(login, "", frozenset())
    return _access_of(rows, login)


def _refusal(action: str, who: Access) -> AccessDenied:
    return AccessDenied(f"{action} доступно только администратору. Вы вошли как "
                        f"«{who.login}» ({who.title}); обратитесь к администратору программы.")


def require_admin(action: str) -> Access:
    """Raise AccessDenied unless the user is an administrator of the open database."""
    who = current()
    if not who.is_admin:
        raise _refusal(action, who)
    return who


def require_admin_in(path: Path, action: str, fallback: Path | None = None) -> None:
    """The same for a file that is not open: `path` if it can be read, else `fallback`."""
    who = in_file(path) if path.exists() else Access(identity.login(), "", frozenset())
    if not who.is_admin and not _has_roles(path) and fallback is not None:
        who = in_file(fallback)
    if not who.is_admin:
        raise _refusal(action, who)


def _has_roles(path: Path) -> bool:
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return bool(con.execute("SELECT count(*) FROM user_roles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def ensure_first_admin() -> bool:
    """Make the user the administrator of a database that has no users yet; True if made.

    It is kept on this PC only (sync_state), not in the synchronised table: a new PC that
    joins the district must not make its first user an administrator everywhere. Its first
    user may set the PC up (the sync folder); once the district's roles arrive, they decide.
    The first time an administrator saves a user, he is written into the table himself."""
    with session_scope() as s:
        if s.scalar(select(UserRole.id).limit(1)) is not None or _first_admin(s):
            return False
        login = identity.login()
        s.execute(text("INSERT INTO sync_state (name, value) VALUES (:n, :v)"),
                  {"n": FIRST_ADMIN, "v": login})
        audit.append(s, "роли", login, "первый пользователь новой базы — администратор")
    return True


# ---------------------------------------------------------------- the list of users

def users() -> list[UserRow]:
    """The users; with no roles yet, this PC's first user (id "": not saved yet)."""
    with session_scope() as s:
        rows = s.scalars(select(UserRole).order_by(UserRole.login)).all()
        found = [UserRow(r.id, r.login, r.full_name, r.role,
                         tuple(sorted(_split(r.organizations))), r.is_active) for r in rows]
        first = _first_admin(s) if not found else ""
        return found or ([UserRow("", first, "", ADMIN, (), True)] if first else [])


def save_user(row: UserRow) -> str:
    """Add or change a user (administrators only); the id."""
    problems = {}
    if not row.login.strip():
        problems["login"] = "Укажите имя входа в Windows (например, IMC\\ivanova)."
    if row.role not in ROLES:
        problems["role"] = f"Роль должна быть одной из: {', '.join(ROLES)}."
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        who = current_in(s)
        if not who.is_admin:
            raise _refusal("Изменение пользователей и ролей", who)
        first = _first_admin(s)
        if first and s.scalar(select(UserRole.id).limit(1)) is None \
                and not identity.same_login(first, row.login):
            s.add(UserRole(login=first, role=ADMIN, full_name="", organizations="",
                           is_active=True))  # the first administrator joins the table
        found = s.get(UserRole, row.id) if row.id else None
        if found is None:
            found = UserRole()
            s.add(found)
        found.login, found.full_name = row.login.strip(), row.full_name.strip()
        found.role, found.is_active = row.role, row.is_active
        found.organizations = ",".join(sorted(set(row.organizations)))
        s.flush()
        _keep_an_admin(s)
        audit.append(s, "роли", found.login, f"{found.role}; "
                     f"{'активен' if found.is_active else 'отключён'}; "
                     f"ОО: {len(_split(found.organizations))}")
        return found.id


def _keep_an_admin(s: Session) -> None:
    admins = s.scalars(select(UserRole.login).where(UserRole.role == ADMIN,
                                                    UserRole.is_active.is_(True))).all()
    if not admins:
        raise ValidationFailed({"role": "В базе должен остаться хотя бы один активный "
                                        "администратор."})
    if not any(identity.same_login(a, identity.login()) for a in admins):
        raise ValidationFailed({"role": "Нельзя снять роль администратора с самого себя: "
                                        "это сделает другой администратор."})


# ---------------------------------------------------------------- the guard of every write

_ORG_COLUMNS = ("organization_id", "from_organization_id", "to_organization_id",
                "place_organization_id")
_FREE = (AuditEntry, ChangeLogEntry)


def _orgs_of_person(session: Session, person_id: str | None) -> set[str] | None:
    """The ОО a pedagogue works or worked in, the jobs of this unit of work included (None:
    nowhere)."""
    if not person_id:
        return None
    with session.no_autoflush:
        found = set(session.scalars(select(Employment.organization_id).where(
            Employment.person_id == person_id)))
    found |= {str(o.organization_id) for o in session.new
              if isinstance(o, Employment) and o.person_id == person_id and o.organization_id}
    return found or None


def _personal(obj: object) -> bool:
    """A pedagogue's record or one of his (a course, an attestation, a participation…)."""
    return isinstance(obj, Person) or getattr(obj, "person_id", None) is not None


def _orgs_of(session: Session, obj: object) -> set[str] | None:
    """The ОО whose record `obj` is; None when it belongs to none (a catalogue title…)."""
    if isinstance(obj, Organization):
        return {obj.id} if obj.id else {""}
    orgs = {str(v) for c in _ORG_COLUMNS if (v := getattr(obj, c, None))}
    if isinstance(obj, Employment):
        return orgs
    person_id = obj.id if isinstance(obj, Person) else getattr(obj, "person_id", None)
    of_person = _orgs_of_person(session, person_id)
    if of_person is not None:
        orgs |= of_person
    if isinstance(obj, Person):  # the jobs on his card, new ones too (no id given yet)
        with session.no_autoflush:
            orgs |= {str(e.organization_id) for e in obj.employments if e.organization_id}
    return orgs or None


def _outside(session: Session, who: Access, obj: object) -> bool:
    """Whether a methodist may not change `obj`. A record of no ОО is the district's (an
    event, a title of the catalogue, the centre's own equipment): every methodist's — but
    a pedagogue who works in no ОО, and what is his, is in no methodist's scope: the
    administrator's (a methodist saves a new pedagogue together with his job)."""
    orgs = _orgs_of(session, obj)
    if orgs is None:
        return _personal(obj)
    if isinstance(obj, Person | Employment) or hasattr(obj, "person_id"):
        return not orgs & who.organizations  # a pedagogue of one of his ОО
    return not orgs <= who.organizations


def _name(session: Session, obj: object) -> str:
    if isinstance(obj, Organization):
        return obj.short_name or "новая организация"
    org_id = next((str(v) for c in _ORG_COLUMNS if (v := getattr(obj, c, None))), "")
    with session.no_autoflush:
        org = session.get(Organization, org_id) if org_id else None
    return org.short_name if org is not None else "другой ОО"


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(BYPASS):
        return
    touched = [o for o in (*session.new, *session.dirty, *session.deleted)
               if not isinstance(o, _FREE)]
    if not touched:
        return
    who = current_in(session)
    if who.is_admin:
        return
    for obj in touched:
        if isinstance(obj, UserRole):
            raise _refusal("Изменение пользователей и ролей", who)
        if not who.role:
            raise AccessDenied(f"Пользователь «{who.login}» не зарегистрирован в программе "
                               "или отключён: изменения не сохранены. Попросите "
                               "администратора добавить вас (Сервис → Пользователи и роли).")
        if _outside(session, who, obj) and _orgs_of(session, obj) is None:
            if isinstance(obj, Person):  # his job may come in the next flush
                session.info.setdefault(NEW_PEOPLE, []).append(obj)
                continue
            raise _no_ou(who)
        if _outside(session, who, obj):
            raise AccessDenied(f"Запись относится к ОО «{_name(session, obj)}», которого нет "
                               f"среди ваших ОО ({METHODIST} «{who.login}»): изменения не "
                               "сохранены. Изменить её может методист этого ОО или "
                               "администратор.")


def _no_ou(who: Access) -> AccessDenied:
    return AccessDenied("Педагог не работает ни в одном ОО: его данные может изменить "
                        "администратор, а методист — только вместе с местом работы в одном "
                        f"из своих ОО ({METHODIST} «{who.login}»). Изменения не сохранены.")


def _check_commit(session: Session) -> None:
    """A pedagogue a methodist saved has a job in one of his ОО by the end of the unit of
    work (a card writes the person before his jobs)."""
    if not session.info.get(NEW_PEOPLE):
        return
    session.flush()
    people = session.info.pop(NEW_PEOPLE, [])
    who = current_in(session)
    for person in people:
        if who.is_admin:
            return
        if _orgs_of(session, person) is None:
            raise _no_ou(who)
        if _outside(session, who, person):
            raise AccessDenied(f"Педагог работает в ОО, которого нет среди ваших ОО ({METHODIST} "
                               f"«{who.login}»): изменения не сохранены.")


def _forget_new(session: Session, *_args: Any) -> None:
    session.info.pop(NEW_PEOPLE, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Check the role before every write of the sessions made by `sessions`."""
    event.listen(sessions, "before_flush", _check_flush)
    event.listen(sessions, "before_commit", _check_commit)
    event.listen(sessions, "after_rollback", _forget_new)
