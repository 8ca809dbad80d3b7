"""The start page's figures kept from the last close: given back exactly while nothing they
depend on has changed — the database (however it was written), the day, a request's deadline
hour, the settings, the program — and never otherwise."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime, timedelta
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
        del changed["measures"][next(iter(KEYS))]
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
    for deadline in (much_later, later, now - timedelta(hours=1)):
        requests.save_request(RequestData(
            sender="Министерство", number="1", received_on=now.date(), subject="Отчёт",
            deadline_at=deadline))
    data = home.home_data(RULES)
    assert data.count(home.REQUESTS_SOON) == 2 and data.count(home.REQUESTS_OVERDUE) == 1
    assert data.valid_until == later
