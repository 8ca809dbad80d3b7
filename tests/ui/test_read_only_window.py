"""An archive opened for reading (`imc-desktop --read-only`, or a file the program may not
write): the window says so, never synchronises, and a change is refused with a message —
the file stays as it was."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from imc_desktop import config
from imc_desktop.services.common import maintenance
from tests.services.organizations.test_organizations import SCHOOL
from ui.main_window import MainWindow
from ui.organizations.dialog import OrganizationDialog
from ui.widgets.messages import Ask


@pytest.fixture
def archive(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "imc-2025.sqlite"
    shutil.copy(demo_template, path)
    maintenance.open_read_only(path, tmp_path / "backups")
    yield path
    maintenance.close_current()


@pytest.fixture
def window(qtbot: Any, russian: Any, archive: Path, settings: config.Settings) -> MainWindow:
    settings.set(config.SYNC_LOCATION, str(archive.parent / "share"))
    settings.set(config.SYNC_AUTOMATIC, True)
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def test_the_window_says_read_only_and_never_synchronises(window: MainWindow,
                                                          archive: Path) -> None:
    assert "только чтение" in window.windowTitle()
    assert "Только чтение" in window.db_label.text() and str(archive) in window.db_label.text()
    assert not window.sync.act_sync.isEnabled() and not window.sync.automatic()
    assert not window.act_add.isEnabled() and not window.act_delete.isEnabled()
    assert not window.act_restore.isEnabled()
    assert window.act_backup.isEnabled() and window.act_reports.isEnabled()
    assert window.sync.sync_now(interactive=True) is None
    assert not (archive.parent / "share").exists()
    window.tabs.setCurrentWidget(window.organizations)
    assert window.organizations.record_list.model.total_count() > 0  # the lists are there
    assert not window.act_add.isEnabled() and not window.act_delete.isEnabled()
    assert "только для чтения" in window.act_add.toolTip() and window.act_open.isEnabled()


def test_a_change_is_refused_with_a_message_and_the_file_is_unchanged(
        window: MainWindow, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = hashlib.sha256(archive.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(OrganizationDialog, "ask", staticmethod(lambda data, *_a: SCHOOL))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: shown.append(text)))
    window.tabs.setCurrentWidget(window.organizations)
    count = window.organizations.record_list.model.total_count()
    window.organizations.add_record()
    assert shown and "только для чтения" in shown[0]
    assert window.organizations.record_list.model.total_count() == count
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == before
