"""Синхронизировать from the window, the status bar, the conflicts and the journal."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.sync.runner import SyncProgress
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation, add_people, admit
from tests.sync.test_snapshot_reading import wal_after_restore
from ui.main_window import MainWindow
from ui.sync.dialogs import ConflictsDialog, JournalDialog
from ui.widgets.messages import Ask


@pytest.fixture
def synced_settings(settings: config.Settings, share: Share) -> config.Settings:
    settings.set(config.SYNC_LOCATION, str(share.root))
    settings.set(config.SYNC_WORKSTATION, "Каб. 7")
    settings.set(config.SYNC_AUTOMATIC, False)
    return settings


@pytest.fixture
def window(qtbot: Any, russian: Any, database: DatabaseInfo,
           synced_settings: config.Settings) -> MainWindow:
    widget = MainWindow(synced_settings)
    qtbot.addWidget(widget)
    widget.tabs.setCurrentWidget(widget.organizations)  # its list is read when first shown
    return widget


def test_synchronise_is_in_the_toolbar_and_the_service_menu(window: MainWindow) -> None:
    assert window.sync.act_sync in window.toolbar.actions()
    service = [m for m in window.menuBar().actions() if m.text() == "&Сервис"][0].menu()
    texts = [a.text() for a in service.actions()]
    assert {"Син&хронизировать", "&Конфликты синхронизации…", "&Журнал изменений…"} <= set(
        texts)
    assert "не настроена" not in window.sync.status_label.text()


def test_synchronise_by_hand_sends_and_receives(
        window: MainWindow, database: DatabaseInfo, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    infos: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    here = Workstation(database.path, share, "Каб. 7")
    org = here.insert("organizations", short_name="Школа № 3")
    assert "не отправлено: 1" in window.sync.status_text()
    window.sync.act_sync.trigger()
    assert infos and infos[-1].startswith("Синхронизация: получено файлов 0")
    assert "не отправлено: 0" in window.sync.status_label.text()
    other = Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8")
    other.sync()
    assert other.value("organizations", org, "short_name") == "Школа № 3"
    other.update("organizations", org, short_name="Школа № 3 им. Пушкина")
    other.sync()
    window.sync.act_sync.trigger()
    assert window.organizations.record_list.model.row_at(0).short_name == (
        "Школа № 3 им. Пушкина"), "open lists reload"


def test_an_emptied_folder_is_asked_about(window: MainWindow, database: DatabaseInfo,
                                          share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *a: None))
    window.sync.act_sync.trigger()
    (share.root / "store.json").unlink()
    for site in (share.root / "sites").iterdir():
        shutil.rmtree(site)  # its files and its folder of keys
    questions: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(
        lambda _p, _t, text: questions.append(text) or True))
    assert window.sync.sync_now(interactive=True) is not None
    assert questions and "пуста" in questions[0]
    assert (share.root / "store.json").exists()


def test_an_unreachable_folder_shows_in_the_status_bar_and_work_goes_on(
        qtbot: Any, russian: Any, database: DatabaseInfo, settings: config.Settings,
        tmp_path: Path) -> None:
    settings.set(config.SYNC_LOCATION, str(tmp_path / "нет сети"))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert "недоступна" in window.sync.status_label.text()
    assert window.sync.timer.isActive()


def _conflict(database: DatabaseInfo, share: Share, tmp_path: Path) -> Workstation:
    here = Workstation(database.path, share, "Каб. 7")
    other = Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8")
    org = here.insert("organizations", short_name="Было")
    here.sync()
    other.sync()
    here.update("organizations", org, short_name="Здесь")
    other.update("organizations", org, short_name="Там")
    for pc in (here, other, here):
        pc.sync()
    return here


def test_conflicts_dialog_restores_the_other_value_once_confirmed(
        qtbot: Any, russian: Any, database: DatabaseInfo, synced_settings: config.Settings,
        share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = _conflict(database, share, tmp_path)
    dialog = ConflictsDialog(database.path, synced_settings)
    qtbot.addWidget(dialog)
    records = dialog.record_list
    assert records.model.rowCount() == 1
    conflict = records.model.row_at(0)
    assert {conflict.kept_value, conflict.other_value} == {"Здесь", "Там"}
    assert dialog.restore_button.text() == "Восстановить другое значение"
    questions: list[tuple[str, str]] = []
    answer = [False]
    monkeypatch.setattr(Ask, "confirm", staticmethod(
        lambda _p, title, text: questions.append((title, text)) or answer[0]))
    records.view.selectRow(0)
    dialog.restore_button.click()
    [(title, text)] = questions
    assert title == "Восстановить другое значение"
    assert "«краткое наименование»" in text and f"«{conflict.record}»" in text
    assert "на всех рабочих местах" in text
    assert records.model.rowCount() == 1, "declined: nothing changed"
    [(kept,)] = here.sql("SELECT short_name FROM organizations")
    assert kept == conflict.kept_value
    answer[0] = True
    records.view.selectRow(0)
    dialog.restore_button.click()
    assert len(questions) == 2
    assert records.model.rowCount() == 0
    [(name,)] = here.sql("SELECT short_name FROM organizations")
    assert name == conflict.other_value


def test_conflicts_dialog_shows_a_database_error_instead_of_a_traceback(
        qtbot: Any, russian: Any, database: DatabaseInfo, synced_settings: config.Settings,
        share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from imc_desktop.services.sync import views as sync_views

    _conflict(database, share, tmp_path)
    dialog = ConflictsDialog(database.path, synced_settings)
    qtbot.addWidget(dialog)
    errors: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))

    def locked(*_args: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sync_views, "_settled", locked)
    dialog.record_list.view.selectRow(0)
    dialog.keep_button.click()
    assert errors and "база данных занята" in errors[0]
    assert dialog.record_list.model.rowCount() == 1


def test_journal_dialog_lists_changes_with_workstations(
        qtbot: Any, russian: Any, database: DatabaseInfo, synced_settings: config.Settings,
        share: Share, tmp_path: Path) -> None:
    _conflict(database, share, tmp_path)
    dialog = JournalDialog(database.path, None, synced_settings)
    qtbot.addWidget(dialog)
    rows = [dialog.record_list.model.row_at(i)
            for i in range(dialog.record_list.model.rowCount())]
    assert {"Каб. 7", "Каб. 8"} <= {r.workstation for r in rows}
    assert dialog.windowTitle() == "Журнал изменений"


def test_automatic_sync_on_start_and_on_exit(
        qtbot: Any, russian: Any, database: DatabaseInfo, synced_settings: config.Settings,
        share: Share) -> None:
    synced_settings.set(config.SYNC_AUTOMATIC, True)
    window = MainWindow(synced_settings)
    qtbot.addWidget(window)
    assert (share.root / "store.json").exists(), "synchronised on start"
    assert window.sync.timer.interval() == 15 * 60_000 and window.sync.timer.isActive()
    Workstation(database.path, share, "Каб. 7").insert("persons", last_name="Новикова")
    window.close()
    assert list((share.root / "sites").rglob("*.seg")), "sent on exit"


def test_the_status_bar_counts_unsent_records_as_they_are_saved(
        window: MainWindow, database: DatabaseInfo) -> None:
    from imc_desktop.services.organizations import records as orgs

    assert "не отправлено: 0" in window.sync.status_label.text()
    orgs.save_organization(orgs.OrganizationData(full_name="МБОУ «Школа № 9»",
                                                 short_name="Школа № 9"))
    assert "не отправлено: 1" in window.sync.status_label.text()


def _pause_on_first(label: str, monkeypatch: pytest.MonkeyPatch
                    ) -> tuple[list[SyncProgress], threading.Event]:
    """The real engine, made to wait on its first step starting with `label` until the
    test has looked at the dialog (or ten seconds have passed)."""
    from imc_desktop.sync import engine  # the runner imports it when a sync starts

    real, paused, release = engine.synchronise, [], threading.Event()

    def pausing(*args: Any, steps: Any, **kwargs: Any) -> Any:
        def step(report: SyncProgress) -> None:
            steps(report)
            if report.text.startswith(label) and not paused:
                paused.append(report)
                release.wait(10)

        return real(*args, steps=step, **kwargs)

    monkeypatch.setattr(engine, "synchronise", pausing)
    return paused, release



def _watch(window: MainWindow, paused: list[SyncProgress], release: threading.Event,
           seen: list[tuple[str, int, int]]) -> QTimer:
    """From the GUI thread: once the dialog shows the paused step's text (or after ten
    seconds), note its label, maximum and value and let the engine go on."""
    deadline = time.monotonic() + 10

    def look() -> None:
        dialog = window.findChild(QProgressDialog)
        if release.is_set() or dialog is None or not dialog.isVisible():
            return
        if paused and dialog.labelText() == paused[0].text:
            seen.append((dialog.labelText(), dialog.maximum(), dialog.value()))
            release.set()
        elif time.monotonic() > deadline:
            release.set()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    return timer


def test_the_progress_dialog_shows_the_step_and_how_far_it_has_gone(
        window: MainWindow, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *a: None))
    other = Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8")
    for start in (0, 5, 10):
        add_people(other.path, 5, start)
        other.sync()
    paused, release = _pause_on_first("Применение изменений", monkeypatch)
    seen: list[tuple[str, int, int]] = []
    timer = _watch(window, paused, release, seen)
    try:
        window.sync.act_sync.trigger()
    finally:
        timer.stop()
        release.set()
    assert paused and paused[0].text == "Применение изменений: 5 из 15 (файл 1 из 3)"
    assert seen == [(paused[0].text, 15, 5)], "the step's text over a bar of 15 at 5"


def test_an_automatic_sync_waits_while_a_card_is_open(
        window: MainWindow, database: DatabaseInfo, share: Share, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog

    here = Workstation(database.path, share, "Каб. 7")
    here.insert("organizations", short_name="Школа № 5")
    card = QDialog(window)
    qtbot.addWidget(card)
    card.open()  # window-modal, as a card opened from a list
    assert window.sync.sync_now(interactive=False) is None
    assert "не отправлено: 1" in window.sync.status_text()
    card.reject()
    assert window.sync.sync_now(interactive=False) is not None
    assert "не отправлено: 0" in window.sync.status_text()


def test_a_new_pc_in_the_window_starts_from_a_snapshot_while_its_lists_are_open(
        window: MainWindow, database: DatabaseInfo, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window holds the database open; it lets its idle connections go, and the sync
    takes the snapshot's database into the file page by page, once, keeps this PC's own
    records, and the open list shows what came."""
    from imc_desktop import db
    from imc_desktop.sync.snapshot import Policy

    monkeypatch.setattr(Ask, "info", staticmethod(lambda *_a: None))
    wal = wal_after_restore(monkeypatch)
    eager = Policy(every_segments=1, every_days=0, min_hours=0)
    first, second = (Workstation(tmp_path / n / "imc.sqlite", share, n) for n in ("a", "b"))
    orgs = [first.insert("organizations", short_name=f"Школа № {n}") for n in range(1, 4)]
    for pc in (first, second, first):
        pc.sync(snapshots=eager)
    assert list((share.root / "snapshots").glob("*.snap"))
    here = Workstation(database.path, share, "Каб. 7")
    mine = here.insert("organizations", short_name="Гимназия этого компьютера")
    wal.clear()  # the other PCs' first syncs
    assert window.sync.sync_now(interactive=True) is not None
    model = window.organizations.record_list.model
    assert {model.row_at(r).short_name for r in range(model.rowCount())} == {
        "Школа № 1", "Школа № 2", "Школа № 3", "Гимназия этого компьютера"}
    assert db.full_check(database.path) == []
    [(left, image)] = wal  # the window let its idle connections go: the file was the sync's
    assert left < image / 10, "written into the file once, not through the WAL"
    admit(share, here.signer().public)  # as a methodist on an admitted PC would
    second.sync()
    assert second.value("organizations", mine, "short_name") == "Гимназия этого компьютера"
    assert here.value("organizations", orgs[0], "short_name") == "Школа № 1"
    assert "не отправлено: 0" in window.sync.status_label.text()
