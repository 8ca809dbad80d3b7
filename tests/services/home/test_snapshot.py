"""The start page's figures kept from the last close: given back exactly while nothing they
depend on has changed — the database (however it was written), the day, a request's deadline
hour, the settings, the program — and never otherwise."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from imc_desktop import clock, config
from imc_desktop.services.common import maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.home import records as home
from imc_desktop.services.home import snapshot
from imc_desktop.services.home.figures import KEYS, HomeData, Measure
from imc_desktop.services.home.snapshot import StartPage
from imc_desktop.services.sync.runner import SyncStatus
from tests.rules import RULES


@pytest.fixture
def kept(demo_database: DatabaseInfo, settings: config.Settings) -> StartPage:
    """The demo's page computed, the database closed, the figures kept."""
    page = home.start_page(RULES)
    maintenance.close_current()
    assert snapshot.save(demo_database.path, page, snapshot.settings_key(settings))
    return page


def _load(path: Path, settings: config.Settings) -> StartPage | None:
    return snapshot.load(path, snapshot.settings_key(settings))


def test_the_figures_come_back_as_they_were_computed(
        kept: StartPage, demo_database: DatabaseInfo, settings: config.Settings) -> None:
    again = _load(demo_database.path, settings)
    assert again == kept
    assert any(m.count() for m in kept.data.measures.values()), "the demo has counts"
    assert len(kept.organizations) > 1


def test_the_file_is_its_owners_only(kept: StartPage, demo_database: DatabaseInfo) -> None:
    mode = stat.S_IMODE(snapshot.snapshot_path(demo_database.path).stat().st_mode)
    assert mode & 0o077 == 0


def test_a_write_by_another_program_of_the_same_size_makes_them_stale(
        kept: StartPage, demo_database: DatabaseInfo, settings: config.Settings) -> None:
    size = demo_database.path.stat().st_size
    with sqlite3.connect(demo_database.path) as con:  # one letter of a name: same size
        con.execute("UPDATE organizations SET short_name = short_name || '' ")
        con.execute("UPDATE organizations SET short_name = 'Я' || substr(short_name, 2) "
                    "WHERE id = (SELECT min(id) FROM organizations)")
    con.close()
    assert not Path(str(demo_database.path) + "-wal").exists()
    assert demo_database.path.stat().st_size == size
    assert _load(demo_database.path, settings) is None


def test_an_open_or_uncleanly_closed_database_is_never_at_rest(
        kept: StartPage, demo_database: DatabaseInfo, settings: config.Settings) -> None:
    con = sqlite3.connect(demo_database.path)
    con.execute("UPDATE organizations SET short_name = short_name")
    con.commit()  # the log holds the write; the file itself is unchanged
    try:
        assert Path(str(demo_database.path) + "-wal").stat().st_size > 0
        assert _load(demo_database.path, settings) is None
        assert not snapshot.save(demo_database.path, kept, snapshot.settings_key(settings))
    finally:
        con.close()
    assert not snapshot.snapshot_path(demo_database.path).exists(), "what failed is forgotten"


def test_the_services_writing_makes_them_stale(
        kept: StartPage, demo_database: DatabaseInfo, settings: config.Settings) -> None:
    from imc_desktop.services.organizations import records as organizations

    maintenance.connect_current(demo_database.path, demo_database.backup_dir)
    assert _load(demo_database.path, settings) == kept, "opening alone changes nothing"
    organizations.save_organization(organizations.OrganizationData(
        full_name="Новая школа", short_name="Новая"))
    maintenance.close_current()
    assert _load(demo_database.path, settings) is None


def test_a_new_day_makes_them_stale(kept: StartPage, demo_database: DatabaseInfo,
                                    settings: config.Settings) -> None:
    with clock.fixed(datetime.combine(kept.data.today, datetime.min.time())
                     + timedelta(days=1)):
        assert _load(demo_database.path, settings) is None
    with clock.fixed(datetime.combine(kept.data.today, datetime.max.time())):
        assert _load(demo_database.path, settings) == kept


def test_another_setting_makes_them_stale(kept: StartPage, demo_database: DatabaseInfo,
                                          settings: config.Settings) -> None:
    settings.set(config.EVENTS_REMIND_DAYS, settings.get(config.EVENTS_REMIND_DAYS) + 1)
    assert _load(demo_database.path, settings) is None
    settings.set(config.EVENTS_REMIND_DAYS, settings.get(config.EVENTS_REMIND_DAYS) - 1)
    assert _load(demo_database.path, settings) == kept
    settings.set(config.KPK_PERIOD_YEARS, 5)
    assert _load(demo_database.path, settings) is None


def _page(today: datetime, valid_until: datetime | None) -> StartPage:
    measures = {key: Measure({"r1": frozenset({"o1", "o2"})}) for key in KEYS}
    return StartPage(HomeData(today.date(), measures,
                              SyncStatus(datetime(2026, 3, 1, 9, 30).astimezone(), 3, 1),
                              valid_until), (("o1", "Школа № 1"), ("o2", "Школа № 2")))


def test_a_deadline_hour_passing_makes_them_stale(
        database: DatabaseInfo, settings: config.Settings) -> None:
    maintenance.close_current()
    morning = datetime(2026, 3, 10, 9, 0)
    page = _page(morning, datetime(2026, 3, 10, 15, 0))
    key = snapshot.settings_key(settings)
    assert snapshot.save(database.path, page, key)
    with clock.fixed(morning):
        assert snapshot.load(database.path, key) == page
    with clock.fixed(datetime(2026, 3, 10, 14, 59, 59)):
        assert snapshot.load(database.path, key) == page
    with clock.fixed(datetime(2026, 3, 10, 15, 0)):
        assert snapshot.load(database.path, key) is None


def test_a_damaged_file_or_another_version_is_not_fresh(
        database: DatabaseInfo, settings: config.Settings) -> None:
    maintenance.close_current()
    noon = datetime(2026, 3, 10, 12, 0)
    key = snapshot.settings_key(settings)
    assert snapshot.save(database.path, _page(noon, None), key)
    target = snapshot.snapshot_path(database.path)
    text = target.read_text(encoding="utf-8")
    with clock.fixed(noon):
        assert snapshot.load(database.path, key) is not None
        target.write_text(text[: len(text) // 2], encoding="utf-8")
        assert snapshot.load(database.path, key) is None
        changed = json.loads(text)
        changed["version"] = "0.0.0"
        target.write_text(json.dumps(changed), encoding="utf-8")
        assert snapshot.load(database.path, key) is None
        changed = json.loads(text)
        del changed["days"][0]["measures"][next(iter(KEYS))]
        target.write_text(json.dumps(changed), encoding="utf-8")
        assert snapshot.load(database.path, key) is None
        os.remove(target)
        assert snapshot.load(database.path, key) is None


def test_a_requests_soon_deadline_is_the_moment_the_figures_end(
        database: DatabaseInfo) -> None:
    """home_data says until when its request counts hold: the first deadline still ahead."""
    from imc_desktop.services.requests import write as requests
    from imc_desktop.services.requests.records import RequestData

    assert home.home_data(RULES).valid_until is None
    now = clock.now().replace(second=0, microsecond=0)
    later, much_later = now + timedelta(hours=2), now + timedelta(days=2)
    received = now.date() - timedelta(days=1)  # before every deadline, also just after midnight
    for deadline in (much_later, later, now - timedelta(hours=1)):
        requests.save_request(RequestData(
            sender="Министерство", number="1", received_on=received, subject="Отчёт",
            deadline_at=deadline))
    data = home.home_data(RULES)
    assert data.count(home.REQUESTS_SOON) == 2 and data.count(home.REQUESTS_OVERDUE) == 1
    assert data.valid_until == later


def test_a_page_ahead_is_the_page_of_that_day_with_the_data_unchanged(
        demo_database: DatabaseInfo) -> None:
    """home_data as of a moment ahead gives what the clock then will show; the deadline
    hours of that day still end it."""
    from imc_desktop.services.requests import write as requests
    from imc_desktop.services.requests.records import RequestData

    today = clock.today()
    tomorrow = today + timedelta(days=1)
    for deadline in (datetime.combine(tomorrow, datetime.min.time()) + timedelta(hours=10),
                     datetime.combine(today, datetime.min.time()) + timedelta(days=4)):
        requests.save_request(RequestData(
            sender="Министерство", number="7", received_on=today, subject="Сведения",
            deadline_at=deadline))
    for n in range(1, 5):
        start = datetime.combine(today + timedelta(days=n), datetime.min.time())
        ahead = home.home_data(RULES, now=start)
        with clock.fixed(start + timedelta(hours=8, minutes=30)):
            assert home.home_data(RULES) == ahead, f"day +{n}"
    tomorrow_page = home.home_data(RULES, now=datetime.combine(tomorrow, datetime.min.time()))
    assert tomorrow_page.valid_until == datetime.combine(tomorrow, datetime.min.time()) \
        + timedelta(hours=10)
    assert tomorrow_page.count(home.REQUESTS_SOON) >= 2


@pytest.mark.parametrize(("day", "following"), [
    ("2026-12-07", "2026-12-08"),  # Monday → Tuesday
    ("2026-12-10", "2026-12-11"),  # Thursday → Friday
    ("2026-12-11", "2026-12-14"),  # Friday → Monday
    ("2026-12-12", "2026-12-14"),  # Saturday → Monday
    ("2026-12-13", "2026-12-14"),  # Sunday → Monday
    ("2026-12-31", "2027-01-01"),  # a Thursday at the year's end (holidays are not known)
    ("2027-01-01", "2027-01-04"),  # a Friday
])
def test_the_next_working_day_passes_over_the_weekend(day: str, following: str) -> None:
    assert snapshot.next_working_day(date.fromisoformat(day)) == date.fromisoformat(following)


def _kept_with_next_working_day(path: Path, settings: config.Settings) -> StartPage:
    page = home.start_page(RULES)
    ahead = home.home_data(RULES, now=datetime.combine(
        snapshot.next_working_day(page.data.today), datetime.min.time()))
    maintenance.close_current()
    assert snapshot.save(path, page, snapshot.settings_key(settings), [ahead])
    return page


def test_the_next_working_days_page_is_kept_and_given_on_that_day_only(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    from imc_desktop.services.requests import write as requests
    from imc_desktop.services.requests.records import RequestData

    today = clock.today()
    following = snapshot.next_working_day(today)
    start = datetime.combine(following, datetime.min.time())
    requests.save_request(RequestData(
        sender="Министерство", number="8", received_on=today, subject="Отчёт",
        deadline_at=start + timedelta(hours=10)))
    with clock.fixed(start + timedelta(hours=8)):
        expected = home.start_page(RULES)
    page = _kept_with_next_working_day(demo_database.path, settings)
    assert _load(demo_database.path, settings) == page, "today's as before"
    with clock.fixed(start + timedelta(hours=8)):
        assert _load(demo_database.path, settings) == expected
    with clock.fixed(start):
        assert _load(demo_database.path, settings) is not None, "from the day's start"
    with clock.fixed(start + timedelta(hours=10) - timedelta(seconds=1)):
        kept = _load(demo_database.path, settings)
        assert kept is not None and kept.data.count(home.REQUESTS_SOON) >= 1
    with clock.fixed(start + timedelta(hours=10)):
        assert _load(demo_database.path, settings) is None, "the deadline hour passed"
    between = today + timedelta(days=1)
    while between < following:  # a Saturday or a Sunday: not kept
        with clock.fixed(datetime.combine(between, datetime.min.time()) + timedelta(hours=9)):
            assert _load(demo_database.path, settings) is None
        between += timedelta(days=1)
    with clock.fixed(start + timedelta(days=1)):
        assert _load(demo_database.path, settings) is None, "beyond the days kept"
    with clock.fixed(datetime.combine(today - timedelta(days=1), datetime.max.time())):
        assert _load(demo_database.path, settings) is None, "the clock set back"


def test_a_day_ahead_with_a_damaged_count_is_not_fresh_but_today_is(
        demo_database: DatabaseInfo, settings: config.Settings) -> None:
    page = _kept_with_next_working_day(demo_database.path, settings)
    target = snapshot.snapshot_path(demo_database.path)
    changed = json.loads(target.read_text(encoding="utf-8"))
    del changed["days"][1]["measures"][next(iter(KEYS))]
    target.write_text(json.dumps(changed), encoding="utf-8")
    with clock.fixed(datetime.combine(snapshot.next_working_day(page.data.today),
                                      datetime.min.time()) + timedelta(hours=9)):
        assert _load(demo_database.path, settings) is None
    assert _load(demo_database.path, settings) == page
