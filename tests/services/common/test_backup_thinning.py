"""The automatic daily backups are thinned to the newest of each of the last 7 days, 4 ISO
weeks and 12 months that have one (settings); a copy made by hand, another program's file,
the newest backup and the one just made are never removed, and nothing is removed when the
dates cannot be trusted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pytest

from imc_desktop import clock, config, db
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo

STEM = "test"  # the `database` fixture's file is test.sqlite


def _place(folder: Path, days: Iterable[date], time: str = "080000") -> list[Path]:
    """Automatic backups of those days as the program names them (empty files: no data)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for day in days:
        path = folder / f"{STEM}-auto-{day:%Y%m%d}-{time}.sqlite"
        path.write_bytes(b"")
        made.append(path)
    return made


def _kept_days(folder: Path) -> set[date]:
    return {day for day, _path in db.automatic_backups(Path(f"{STEM}.sqlite"), folder)}


def _run(today: date, policy: db.BackupPolicy) -> Path | None:
    with clock.fixed(today):
        return maintenance.daily_backup(policy)


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_the_defaults_are_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    assert (settings.get(config.BACKUPS_DAILY), settings.get(config.BACKUPS_WEEKLY),
            settings.get(config.BACKUPS_MONTHLY)) == (7, 4, 12)
    assert db.BackupPolicy() == db.BackupPolicy(7, 4, 12)
    (tmp_path / "s.ini").write_text("[data]\nbackups_weekly=-3\nbackups_monthly=99999\n",
                                    encoding="utf-8")
    settings = config.Settings(tmp_path / "s.ini")
    assert settings.get(config.BACKUPS_WEEKLY) == 0
    assert settings.get(config.BACKUPS_MONTHLY) == config.BACKUPS_MONTHLY.maximum


@pytest.mark.parametrize(("count", "removed"), [(7, 0), (8, 1)])
def test_the_seventh_day_stays_the_eighth_goes(database: DatabaseInfo, count: int,
                                               removed: int) -> None:
    today = date(2026, 3, 11)  # a Wednesday; the days before it are in the same month
    days = [today - timedelta(days=n) for n in range(1, count)]  # with today's: `count`
    _place(database.backup_dir, days)
    made = _run(today, db.BackupPolicy(7, 0, 0))
    assert made is not None and made.exists()
    kept = _kept_days(database.backup_dir)
    assert len(kept) == count - removed
    oldest = today - timedelta(days=count - 1)
    assert (oldest in kept) is (removed == 0)
    assert today - timedelta(days=6) in kept


def test_a_week_is_iso_across_the_year_end(database: DatabaseInfo) -> None:
    # 27.12.2026 is a Sunday (week 52); Thursday 31.12.2026 and Sunday 03.01.2027 are both
    # in ISO week 53 of 2026; Monday 04.01.2027 starts week 1 of 2027
    _place(database.backup_dir, [date(2026, 12, 27), date(2026, 12, 31), date(2027, 1, 3)])
    _run(date(2027, 1, 4), db.BackupPolicy(1, 3, 0))
    assert _kept_days(database.backup_dir) == {date(2027, 1, 4), date(2027, 1, 3),
                                               date(2026, 12, 27)}


def test_the_newest_of_a_month_is_its_last_day_with_a_backup(database: DatabaseInfo) -> None:
    _place(database.backup_dir, [date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 28)])
    _run(date(2026, 3, 1), db.BackupPolicy(1, 0, 3))
    assert _kept_days(database.backup_dir) == {date(2026, 3, 1), date(2026, 2, 28),
                                               date(2026, 1, 31)}


def test_days_without_a_backup_are_not_counted(database: DatabaseInfo) -> None:
    # the computer was off from 06.01 to 19.01: the seven days kept are the last seven
    # that have a backup, not the last seven of the calendar
    before = _span(date(2026, 1, 1), date(2026, 1, 5))
    _place(database.backup_dir, before + [date(2026, 1, 20), date(2026, 1, 21)])
    _run(date(2026, 1, 22), db.BackupPolicy(7, 0, 0))
    assert _kept_days(database.backup_dir) == {
        date(2026, 1, 22), date(2026, 1, 21), date(2026, 1, 20), date(2026, 1, 5),
        date(2026, 1, 4), date(2026, 1, 3), date(2026, 1, 2)}


def test_a_year_of_daily_backups_keeps_at_most_7_4_12(database: DatabaseInfo) -> None:
    _place(database.backup_dir, _span(date(2025, 1, 1), date(2026, 5, 15)))
    _run(date(2026, 5, 16), db.BackupPolicy())
    kept = _kept_days(database.backup_dir)
    assert len(kept) <= 7 + 4 + 12
    assert _span(date(2026, 5, 10), date(2026, 5, 16)) == sorted(kept)[-7:]
    assert date(2025, 6, 30) in kept and date(2025, 5, 31) not in kept  # 12 months


def test_two_backups_of_one_day_leave_the_newer(database: DatabaseInfo) -> None:
    early = _place(database.backup_dir, [date(2026, 1, 5)], "080000")[0]
    late = _place(database.backup_dir, [date(2026, 1, 5)], "170000")[0]
    _run(date(2026, 1, 6), db.BackupPolicy())
    assert late.exists() and not early.exists()


def test_a_clock_set_back_removes_nothing(database: DatabaseInfo) -> None:
    """A backup dated after today: the computer's date is wrong, no date is trusted."""
    placed = _place(database.backup_dir, _span(date(2026, 1, 1), date(2026, 1, 31))
                    + _span(date(2026, 2, 10), date(2026, 4, 30)))
    made = _run(date(2026, 2, 1), db.BackupPolicy(1, 0, 0))
    assert made is not None and made.exists()
    assert all(p.exists() for p in placed)


def test_a_name_whose_date_cannot_be_read_removes_nothing(database: DatabaseInfo) -> None:
    placed = _place(database.backup_dir, _span(date(2025, 1, 1), date(2025, 3, 1)))
    odd = database.backup_dir / f"{STEM}-auto-20251399-080000.sqlite"  # month 13
    odd.write_bytes(b"")
    _run(date(2025, 3, 2), db.BackupPolicy(1, 0, 0))
    assert all(p.exists() for p in placed) and odd.exists()


def test_copies_made_by_hand_and_other_files_are_never_touched(
        database: DatabaseInfo) -> None:
    folder = database.backup_dir
    _place(folder, _span(date(2024, 1, 1), date(2024, 3, 1)))
    others = [folder / name for name in (
        f"{STEM}-before-migration-0017-20240101-080000.sqlite",
        f"{STEM}-before-restore-20240101-080000.sqlite",
        f"{STEM}-2024-01-01.sqlite",  # «Файл → Резервная копия…» into the folder
        f"{STEM}-auto-notes.sqlite", f"{STEM}-auto-20240101-080000.sqlite.bak",
        f"{STEM}-auto-20240101-080000.sqlite.part", "other-auto-20240101-080000.sqlite",
        f"x{STEM}-auto-20240101-080000.sqlite", "readme.txt")]
    for other in others:
        other.write_bytes(b"kept")
    folder_named_like_one = folder / f"{STEM}-auto-20240102-080000.sqlite.d"
    folder_named_like_one.mkdir()
    _run(date(2024, 6, 1), db.BackupPolicy(1, 0, 0))
    assert all(o.read_bytes() == b"kept" for o in others)
    assert folder_named_like_one.is_dir()
    assert _kept_days(folder) == {date(2024, 6, 1)}


def test_the_newest_and_the_last_with_data_are_kept_whatever_the_policy(
        database: DatabaseInfo) -> None:
    from imc_desktop.services.organizations import records as orgs
    from tests.services.organizations.test_organizations import SCHOOL

    orgs.save_organization(SCHOOL)
    with_data = _run(date(2025, 1, 10), db.BackupPolicy())
    assert with_data is not None
    for org in orgs.list_organizations():  # the database emptied by mistake
        orgs.delete_organization(org.id or "")
    _place(database.backup_dir, _span(date(2026, 1, 1), date(2026, 2, 27)))
    made = _run(date(2026, 3, 1), db.BackupPolicy(1, 0, 0))
    assert with_data.exists() and made is not None and made.exists()
    assert _kept_days(database.backup_dir) == {date(2025, 1, 10), date(2026, 3, 1)}
