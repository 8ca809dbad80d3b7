"""Revision 0019 makes `sync_base` smaller; merging must see exactly the same field versions
(the rows of the view `sync_versions`) before and after it, and after going back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command

from imc_desktop import db

SITE_A = "9c8b7a65-4321-4abc-8def-0123456789ab"
SITE_B = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
KEY_A = f"{117683582027825152:020d}.{SITE_A}"
KEY_B = f"{117683582027890000:020d}.{SITE_B}"
ODD_KEY = "ключ-не-того-вида.site"  # a key not of the usual form
VALUES = ["Иванова", 'кавычка " и \\ и\nстрока\u0001', None, 5, 1.5, 1e20, 0.1 + 0.2, True, "",
          12345678901234567890, "\u2028"]


def _at(path: Path, revision: str, direction: str = "upgrade") -> None:
    engine = db.make_engine(path)
    try:
        with engine.begin() as conn:
            getattr(command, direction)(db._alembic_config(conn), revision)
    finally:
        engine.dispose()


def _versions(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as con:
        rows = sorted(con.execute("SELECT * FROM sync_versions"), key=repr)
    con.close()
    return rows


def _base(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as con:
        rows = sorted(con.execute("SELECT * FROM sync_base"), key=repr)
    con.close()
    return rows


def _list(items: list[object]) -> str:
    """JSON as revision 0018 wrote `vals` and `seens`."""
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def _fill_0018(path: Path) -> None:
    columns = [f"c{n}" for n in range(len(VALUES) + 1)]
    encoded = [json.dumps(v, ensure_ascii=False) for v in VALUES]
    with sqlite3.connect(path) as con:
        con.executemany("INSERT INTO sync_columns (table_name, pos, column_name) VALUES "
                        "(?,?,?)", [("persons", n, c) for n, c in enumerate(columns)])
        rows = [
            ("persons", "p-1", KEY_A, 1, "1", _list(encoded), None),
            # a column not there (null), a seen key, no existence event
            ("persons", "p-2", KEY_B, 7, None, _list([None, '"Петрова"', None, '"x"']),
             json.dumps({"c1": KEY_A, "c3": KEY_A})),
            ("persons", "p-3", KEY_A, 2, "0", _list(['"Сидорова"']), None),
            ("persons", "p-4", ODD_KEY, 3, "1", _list(['"Странная"', None, "7"]),
             json.dumps({"c2": KEY_B})),
        ]
        con.executemany("INSERT INTO sync_base (table_name, row_id, key, segment, e, vals, "
                        "seens) VALUES (?,?,?,?,?,?,?)", rows)
    con.close()


def test_the_field_versions_are_the_same_after_the_migration_and_back(tmp_path: Path) -> None:
    path = tmp_path / "imc.sqlite"
    _at(path, "0018")
    _fill_0018(path)
    before, base_before = _versions(path), _base(path)
    assert len(before) == (1 + len(VALUES)) + 2 + (1 + 1) + (1 + 2)  # e and v of each row

    _at(path, "0019")
    assert _versions(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT clock, vals FROM sync_base WHERE row_id='p-1'").fetchone() \
            == (117683582027825152, "[" + ",".join(json.dumps(v, ensure_ascii=False)
                                                    for v in VALUES) + "]")
        assert sorted(con.execute("SELECT site FROM sync_sites")) == sorted([(SITE_A,),
                                                                              (SITE_B,)])
        # the odd key went back to rows of its own; the others stay compact
        assert con.execute("SELECT row_id FROM sync_base ORDER BY row_id").fetchall() == [
            ("p-1",), ("p-2",), ("p-3",)]
        assert con.execute("SELECT count(*) FROM sync_changes WHERE key=?",
                           (ODD_KEY,)).fetchone() == (3,)
    con.close()

    _at(path, "0018", "downgrade")
    assert _versions(path) == before
    assert _base(path) == [r for r in base_before if r[2] != ODD_KEY]
