"""Shared fixtures: an isolated home folder, a real SQLite database, settings, Russian UI."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from imc_desktop import config  # noqa: E402
from imc_desktop.services.common import maintenance  # noqa: E402
from imc_desktop.services.common.maintenance import DatabaseInfo  # noqa: E402

DEMO_STAFF_IN_TESTS = 150


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files start first, so that parallel workers (`-n auto`, whole files each)
    do not end with one of them alone on a long file: files with a `slow` test, then the
    synchronisation's (multi-workstation scenarios), then the rest, each in its own order."""
    sync = Path(__file__).resolve().parent / "sync"

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("slow") is not None:
            return 0
        return 1 if sync in item.path.parents else 2

    first: dict[Path, int] = {}
    for item in items:
        first[item.path] = min(first.get(item.path, 2), rank(item))
    items.sort(key=lambda item: first[item.path])


@pytest.fixture(autouse=True, scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """What fixtures shared by several tests (module or session scope) keep — a
    workstation's signing key, settings — goes to a folder of the test run, never to the
    real user's folders; each test has its own (`isolated_home`) over it."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IMC_DESKTOP_HOME", str(home))
        yield home


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does touches the real user's folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(home))
    return home


#: the district sync key of every test's sync folders (ten words of the key's list)
SYNC_PASSPHRASE = "адрес аист акула ангел арбуз армия астра атлас багаж банан"


@pytest.fixture(autouse=True, scope="session")
def sync_passphrase() -> Iterator[str]:
    """Every sync in a test has the district key, as a scheduled run would — those of
    module fixtures too (a test that removes it gets it back from its own monkeypatch)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IMC_SYNC_PASSPHRASE", SYNC_PASSPHRASE)
        yield SYNC_PASSPHRASE


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal message box in a test would wait forever: make it fail the test instead."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected modal dialog: {args[1:3]}")

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's own backup: a consistent page-by-page copy of a closed file."""
    source_db, target_db = sqlite3.connect(source), sqlite3.connect(target)
    try:
        source_db.backup(target_db)
    finally:
        source_db.close()
        target_db.close()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new file brought to the head revision once per test run (per xdist worker) by the
    program's own migration path; `database` gives each test a copy of it. Nothing is
    connected to it, so the first administrator is still made by each test's own opening."""
    folder = tmp_path_factory.mktemp("migrated-template")
    return maintenance.prepare(folder / "template.sqlite", folder / "backups")


@pytest.fixture(autouse=True)
def no_widgets_left_over() -> Iterator[None]:
    """A window a test left open (a card, a page made without qtbot) would go on listening
    to the services' change signal in later tests, reading whatever database is current then
    (or none): every top-level widget still there after a test is deleted. The tests run in
    any order and on several workers, so none may see another's widgets."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def database(tmp_path: Path, migrated_template: Path) -> Iterator[DatabaseInfo]:
    """A freshly migrated database file (a copy of the migrated template), made current for
    the services as the program opens a new file."""
    path = tmp_path / "test.sqlite"
    _copy_database(migrated_template, path)
    info = maintenance.connect_current(path.resolve(), tmp_path / "backups")
    yield info
    maintenance.close_current()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data, filled once per test run into a file that tests get copies of."""
    from imc_desktop.services import demo

    folder = tmp_path_factory.mktemp("demo-template")
    info = maintenance.open_current(folder / "demo.sqlite", folder / "backups")
    try:
        demo.fill_demo(staff=DEMO_STAFF_IN_TESTS)
    finally:
        maintenance.close_current()
    return info.path


@pytest.fixture
def demo_database(database: DatabaseInfo, demo_template: Path) -> DatabaseInfo:
    """A copy of the demo database (the services' current one, as with `database`)."""
    maintenance.close_current()
    _copy_database(demo_template, database.path)
    return maintenance.connect_current(database.path, database.backup_dir)


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    return config.Settings(tmp_path / "settings.ini")


@pytest.fixture(scope="session")
def russian(qapp: object) -> object:
    """The application with our translations and Qt's own installed, as users run it."""
    from imc_desktop.i18n import install_translations

    problems = install_translations(qapp)  # type: ignore[arg-type]
    assert problems == []
    return qapp
