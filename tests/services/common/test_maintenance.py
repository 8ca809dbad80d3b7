"""Backups: daily with a limit, manual, restore that keeps what it replaced."""

from __future__ import annotations

import os
import time
from pathlib import Path

from imc_desktop import db
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL


def test_daily_backup_once_a_day_and_keeps_the_newest(database: DatabaseInfo) -> None:
    backups = database.backup_dir
    backups.mkdir(parents=True, exist_ok=True)
    for day in range(1, 33):
        old = backups / f"test-auto-202601{day:02d}-080000.sqlite"
        old.write_bytes(b"")
    made = maintenance.daily_backup(keep=30)
    assert made is not None and made.exists()
    assert maintenance.daily_backup(keep=30) is None, "only one automatic backup a day"
    kept = sorted(p.name for p in backups.glob("test-auto-*.sqlite"))
    assert len(kept) == 30
    assert kept[-1] == made.name
    assert "test-auto-20260101-080000.sqlite" not in kept


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
    assert db.full_check(saved) == []


def test_latest_sound_backup_skips_a_broken_one(database: DatabaseInfo) -> None:
    good = maintenance.backup_now(database.backup_dir / "test-auto-20260101-000000.sqlite")
    broken = database.backup_dir / "test-auto-20260102-000000.sqlite"
    broken.write_bytes(b"not a database at all" * 200)
    now = time.time()
    os.utime(good, (now - 100, now - 100))
    assert maintenance.latest_backup(database.path, database.backup_dir) == good


def test_check_reports_a_sound_database(database: DatabaseInfo) -> None:
    assert maintenance.check() == []
