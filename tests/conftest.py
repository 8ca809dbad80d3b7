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


@pytest.fixture
def database(tmp_path: Path) -> Iterator[DatabaseInfo]:
    """A freshly migrated database file, made current for the services."""
    info = maintenance.open_current(tmp_path / "test.sqlite", tmp_path / "backups")
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
    source, target = sqlite3.connect(demo_template), sqlite3.connect(database.path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
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
