"""`PRAGMA quick_check` runs once a day, after an unclean end, on a file that is not the one
checked, and after SQLite reported damage — not on every open (a large file takes seconds)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from imc_desktop import clock, db

DAY = date(2026, 12, 7)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every quick_check run, by file."""
    runs: list[Path] = []
    real = db.quick_check

    def counted(path: Path) -> None:
        runs.append(path)
        real(path)

    monkeypatch.setattr(db, "quick_check", counted)
    return runs


def made(tmp_path: Path) -> Path:
    path = tmp_path / "imc.sqlite"
    with clock.fixed(date(2026, 1, 1)):
        db.open_database(path, tmp_path / "b").close()
    return path


def reopen(path: Path) -> None:
    db.open_database(path, path.parent / "b").close()


def test_the_first_open_of_a_day_checks_the_next_ones_do_not(
        tmp_path: Path, checks: list[Path]) -> None:
    path = made(tmp_path)
    with clock.fixed(DAY):
        reopen(path)
        assert len(checks) == 1
        reopen(path)
        reopen(path)
        assert len(checks) == 1, "checked today already"
    with clock.fixed(date(2026, 12, 8)):
        reopen(path)
    assert len(checks) == 2, "a new day: checked again"


def test_an_unclean_end_is_checked_the_same_day(tmp_path: Path, checks: list[Path]) -> None:
    path = made(tmp_path)
    with clock.fixed(DAY):
        reopen(path)
    crash = ("import os, sqlite3, sys; con = sqlite3.connect(sys.argv[1]); "
             "con.execute('PRAGMA journal_mode=WAL'); "
             "con.execute('CREATE TABLE scratch (x)'); con.commit(); "
             "con.execute('DROP TABLE scratch'); con.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
    assert Path(str(path) + "-wal").stat().st_size > 0, "the log a killed process leaves"
    with clock.fixed(DAY):
        reopen(path)
    assert len(checks) == 2
    log = Path(str(path) + "-wal")
    assert not log.exists() or log.stat().st_size == 0, "folded into the file"
    with clock.fixed(DAY):
        reopen(path)
    assert len(checks) == 2


def test_another_file_in_the_same_place_is_checked(tmp_path: Path, checks: list[Path]) -> None:
    path = made(tmp_path)
    with clock.fixed(DAY):
        reopen(path)
        copy = tmp_path / "copy.sqlite"
        shutil.copyfile(path, copy)
        copy.replace(path)  # the user put another copy there
        reopen(path)
    assert len(checks) == 2


def test_damage_found_the_same_day_is_still_reported(tmp_path: Path) -> None:
    path = made(tmp_path)
    with clock.fixed(DAY):
        reopen(path)
        with sqlite3.connect(path) as con:
            page = con.execute("PRAGMA page_size").fetchone()[0]
            root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='persons'"
                               ).fetchone()[0]
        data = bytearray(path.read_bytes())
        data[(root - 1) * page:(root - 1) * page + 8] = b"\xff" * 8  # a broken table page
        with path.open("r+b") as out:  # in place: the same file
            out.write(data)
        database = db.open_database(path, tmp_path / "b")  # not checked again today…
        db.set_current(database)
        try:
            with pytest.raises(Exception, match="повреждён"), db.session_scope() as s:
                s.connection().exec_driver_sql("SELECT * FROM persons").fetchall()
        finally:
            db.set_current(None)
            database.close()
        with pytest.raises(db.DatabaseCorrupt):  # …until SQLite met the damage
            reopen(path)


def test_a_garbled_header_is_damage_without_a_check(tmp_path: Path, checks: list[Path]) -> None:
    path = made(tmp_path)
    with clock.fixed(DAY):
        reopen(path)
        with path.open("r+b") as out:
            out.write(b"garbage garbage!")
        with pytest.raises(db.DatabaseCorrupt, match="повреждён"):
            reopen(path)
        with pytest.raises(db.DatabaseCorrupt):
            reopen(path)
    assert len(checks) == 2, "the second open checks again"


def test_a_folder_that_cannot_be_written_checks_every_time(
        tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    path = made(tmp_path)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(Path, "write_text", refused)
    with clock.fixed(DAY):
        reopen(path)
        reopen(path)
    assert len(checks) == 2


def test_the_full_check_stops_inside_sqlite_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x TEXT)")
        con.execute("CREATE INDEX ix_t ON t (x)")
        con.executemany("INSERT INTO t VALUES (?)", ((f"строка {n}",) for n in range(50_000)))
    con.close()
    asked: list[int] = []

    def stop_now() -> bool:
        asked.append(1)
        return True

    with pytest.raises(db.CheckStopped):
        db.full_check(path, stop_now)
    assert len(asked) <= 3, "stopped at the first question, not at the end"
    assert db.full_check(path, lambda: False) == []
