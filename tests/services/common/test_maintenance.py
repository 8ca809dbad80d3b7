"""Backups: daily with a limit, manual, restore that keeps what it replaced."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from imc_desktop import clock, db
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL


def test_daily_backup_once_a_day_in_generations(database: DatabaseInfo) -> None:
    backups = database.backup_dir
    backups.mkdir(parents=True, exist_ok=True)
    first = date(2025, 1, 1)
    for n in range(500):  # a daily backup every day since 01.01.2025 (empty files: no data)
        day = first + timedelta(days=n)
        (backups / f"test-auto-{day:%Y%m%d}-080000.sqlite").write_bytes(b"")
    with clock.fixed(date(2026, 5, 16)):
        made = maintenance.daily_backup(db.BackupPolicy(7, 4, 12))
        assert made is not None and made.exists()
        again = maintenance.daily_backup(db.BackupPolicy(7, 4, 12))
        assert again is None, "only one automatic backup a day"
    kept = {p.name[len("test-auto-"):][:8] for p in backups.glob("test-auto-*.sqlite")}
    expected = db.generations_to_keep([first + timedelta(days=n) for n in range(500)]
                                      + [date(2026, 5, 16)], db.BackupPolicy(daily=7))
    assert kept == {f"{d:%Y%m%d}" for d in expected}
    assert len(kept) <= 7 + 4 + 12


@pytest.mark.parametrize(("days", "policy", "kept"), [
    # the newest 7 days; then the newest of each of 4 weeks; then of each of 12 months
    (range(10), db.BackupPolicy(7, 0, 0), range(3, 10)),
    (range(10), db.BackupPolicy(1, 2, 0), [9, 3]),  # Sat 10.01 (week 2), Sun 04.01 (week 1)
    (range(0, 400, 10), db.BackupPolicy(0, 0, 3), [390, 360, 330]),  # Jan 27, Dec, Nov
    ([0], db.BackupPolicy(0, 0, 0), [0]),  # the newest always stays
])
def test_generations(days: range, policy: db.BackupPolicy, kept: list[int]) -> None:
    start = date(2026, 1, 1)  # a Thursday
    dates = [start + timedelta(days=d) for d in days]
    assert db.generations_to_keep(dates, policy) == {start + timedelta(days=d) for d in kept}


def test_the_newest_backup_that_holds_data_is_never_pruned(database: DatabaseInfo) -> None:
    orgs.save_organization(SCHOOL)
    backups = database.backup_dir
    with clock.fixed(date(2025, 1, 10)):
        with_data = maintenance.daily_backup(db.BackupPolicy(7, 4, 12))
    assert with_data is not None
    for n in range(40):  # then forty days of empty backups (the database was emptied)
        (backups / f"test-auto-{date(2026, 1, 1) + timedelta(days=n):%Y%m%d}-080000.sqlite"
         ).write_bytes(b"")
    with clock.fixed(date(2026, 3, 1)):
        maintenance.daily_backup(db.BackupPolicy(1, 4, 12))
    assert with_data.exists()


def test_restore_brings_back_the_data_and_keeps_the_replaced_file(
        database: DatabaseInfo, tmp_path: Path) -> None:
    orgs.save_organization(SCHOOL)
    copy = maintenance.backup_now(tmp_path / "copy.sqlite")
    for org in orgs.list_organizations():
        orgs.delete_organization(org.id or "")
    assert orgs.list_organizations() == []
    saved = maintenance.restore(copy)
    assert [o.short_name for o in orgs.list_organizations()] == [SCHOOL.short_name]
    assert saved is not None and saved.exists()
    with db.readable_backup(saved) as plain:  # encrypted, as every automatic backup
        assert db.full_check(plain) == []


def test_latest_sound_backup_skips_a_broken_one(database: DatabaseInfo) -> None:
    good = maintenance.backup_now(database.backup_dir / "test-auto-20260101-000000.sqlite")
    broken = database.backup_dir / "test-auto-20260102-000000.sqlite"
    broken.write_bytes(b"not a database at all" * 200)
    now = time.time()
    os.utime(good, (now - 100, now - 100))
    assert maintenance.latest_backup(database.path, database.backup_dir) == good


def test_check_reports_a_sound_database(database: DatabaseInfo) -> None:
    assert maintenance.check() == []


def test_a_restore_writes_into_the_live_file_so_an_open_connection_sees_it(
        database: DatabaseInfo, tmp_path: Path) -> None:
    import sqlite3

    orgs.save_organization(SCHOOL)
    copy = maintenance.backup_now(tmp_path / "copy.sqlite")
    orgs.save_organization(replace(SCHOOL, short_name="МКОУ «Ивановская ООШ»", inn=""))
    holder = sqlite3.connect(database.path)  # another program that has the file open
    try:
        assert holder.execute("SELECT count(*) FROM organizations").fetchone()[0] == 2
        maintenance.restore(copy)
        assert holder.execute("SELECT count(*) FROM organizations").fetchone()[0] == 1
    finally:
        holder.close()
    assert [o.short_name for o in orgs.list_organizations()] == [SCHOOL.short_name]


def test_a_failed_backup_leaves_no_part_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(Exception):  # noqa: B017 - whatever SQLite says of the junk
        db.backup_to(junk, tmp_path / "out" / "copy.sqlite")
    assert list((tmp_path / "out").glob("*")) == []
