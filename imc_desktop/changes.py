"""Which tables a unit of work changed, announced to the open lists after its commit.

Every statement that reaches SQLite through the engine is looked at as it runs: an INSERT,
UPDATE or DELETE names its table, and the tables are collected per transaction. A commit
announces what its transactions changed; a rollback (a failed save, a dry run) forgets it.
So no service has to remember to say what it wrote, and a forgotten table cannot happen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

Listener = Callable[[frozenset[str]], None]
_listeners: list[Listener] = []
_DML = re.compile(r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?"
                  r"|DELETE\s+FROM)\s+[\"'`\[]?(\w+)", re.IGNORECASE)
PENDING, COMMITTED = "imc_changed_pending", "imc_changed_committed"


def subscribe(listener: Listener) -> None:
    _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(tables: Iterable[str]) -> None:
    """Tell every listener these tables changed (also for changes made outside a session)."""
    changed = frozenset(tables)
    if not changed:
        return
    for listener in list(_listeners):
        listener(changed)


def written_table(statement: str) -> str | None:
    """The table an INSERT / UPDATE / DELETE writes; None for any other statement."""
    match = _DML.match(statement)
    return match.group(1) if match else None


def _on_statement(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    pending = conn.info.get(PENDING)
    if pending is not None:
        table = written_table(statement)
        if table is not None:
            pending.add(table)


def _on_begin(session: Any, _transaction: Any, connection: Any) -> None:
    connection.info[PENDING] = session.info.setdefault(PENDING, set())


def _on_commit(session: Any) -> None:
    pending: set[str] = session.info.get(PENDING, set())
    session.info.setdefault(COMMITTED, set()).update(pending)
    pending.clear()


def _on_rollback(session: Any) -> None:
    session.info.get(PENDING, set()).clear()


def track(engine: Any, sessions: Any) -> None:
    """Collect the written tables of this engine's statements and these sessions' commits."""
    from sqlalchemy import event

    event.listen(engine, "after_cursor_execute", _on_statement)
    event.listen(sessions, "after_begin", _on_begin)
    event.listen(sessions, "after_commit", _on_commit)
    event.listen(sessions, "after_rollback", _on_rollback)


def announce(session: Any) -> None:
    """After the session is closed: tell the listeners what its commits changed."""
    notify(session.info.pop(COMMITTED, set()))
    session.info.pop(PENDING, None)
