"""The main window: Russian menus, tabs, remembered geometry, the service commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.widgets.messages import Ask


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def test_menus_and_tabs_are_russian(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Файл", "&Правка", "С&правочники", "&Сервис", "Спр&авка"]
    assert window.tab_titles() == ["Главная", "Организации", "Кадры", "Мероприятия", "Аттестация",
                                   "Литература", "Оборудование", "Методическая сеть",
                                   "Запросы и мониторинги",
                                   "Журнал методиста"]
    assert window.tabs.currentWidget() is window.home
    assert window.organizations.record_list.model.total_count() == 0, "read when first shown"
    window.tabs.setCurrentWidget(window.organizations)
    assert window.organizations.record_list.model.total_count() == 40


def test_window_geometry_is_remembered(qtbot: Any, window: MainWindow,
                                       settings: config.Settings) -> None:
    window.show()
    window.resize(780, 520)
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (780, 520)


def test_backup_and_restore_from_the_file_menu(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "копия.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    infos: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    window.act_backup.trigger()
    assert target.exists() and str(target) in infos[-1]
    window.tabs.setCurrentWidget(window.organizations)
    orgs.save_organization(orgs.OrganizationData(full_name="Новая школа", short_name="Новая"))
    assert window.organizations.record_list.model.total_count() == 41
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: True))
    window.act_restore.trigger()
    assert window.organizations.record_list.model.total_count() == 40, "lists reload"


def test_settings_round_trip_through_the_dialog(qtbot: Any, window: MainWindow,
                                                settings: config.Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog._editors[config.DIRECTOR_NAME.key].setText("Кузнецова Марина Петровна")  # type: ignore[attr-defined]
    dialog._editors[config.REPORT_TEXT_SIZE.key].setValue(13)  # type: ignore[attr-defined]
    dialog.save()
    fresh = config.Settings(settings.path)
    assert fresh.get(config.DIRECTOR_NAME) == "Кузнецова Марина Петровна"
    assert fresh.get(config.REPORT_TEXT_SIZE) == 13
    assert fresh.get(config.BACKUPS_DAILY) == 7


def test_check_database_and_about(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    infos: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    window.act_check.trigger()
    assert infos == ["База данных в порядке."]


def test_moving_the_data_folder_says_what_to_do(window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                settings: config.Settings) -> None:
    def change(settings_: config.Settings, parent: object) -> bool:
        settings_.set(config.DATA_FOLDER, str(tmp_path / "elsewhere"))
        return True

    infos: list[str] = []
    monkeypatch.setattr(SettingsDialog, "ask", staticmethod(change))
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    before = settings.data_dir()
    window.act_settings.trigger()
    assert len(infos) == 1 and str(before) in infos[0]


def test_the_status_bar_and_the_start_up_window_remind_of_events(
        window: MainWindow, settings: config.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.events.reminders import RemindersDialog

    assert "Мероприятий в ближайшие дни: " in window.reminders_label.text()
    assert "без итогов: 2" in window.reminders_label.text()
    assert window.remind_on_start() is None, \
        "the start page has replaced the window on start by default"
    settings.set(config.EVENTS_REMIND_ON_START, True)
    window.show()
    reminder = window.remind_on_start()
    assert isinstance(reminder, RemindersDialog) and reminder.isVisible()
    assert not reminder.isModal() and QApplication.activeModalWidget() is None, \
        "the window stays usable beside the reminders"
    assert reminder.missing.model().rowCount() == 2
    window.act_find.trigger()  # the window's own commands go on working meanwhile
    reminder.close()
    settings.set(config.EVENTS_REMIND_ON_START, False)
    assert window.remind_on_start() is None


def test_every_tab_has_a_menu_item_and_ctrl_number(window: MainWindow) -> None:
    keys = [a.shortcut().toString() for a in window.tab_actions]
    assert keys == [f"Ctrl+{n}" for n in range(1, 10)]
    for action, title in zip(window.tab_actions, window.tab_titles()[1:], strict=True):
        action.trigger()
        assert window.tabs.tabText(window.tabs.currentIndex()) == title
        assert action.text().replace("&", "") == title


def test_every_tab_is_a_module_tab_and_the_window_acts_on_its_list(window: MainWindow) -> None:
    from ui.widgets.module_tab import ModuleTab

    assert [window.tabs.indexOf(tab) for tab in window.modules] == list(range(1, 10))  # type: ignore[call-overload]
    for tab in window.modules:
        assert isinstance(tab, ModuleTab)
        window.tabs.setCurrentWidget(tab)  # type: ignore[call-overload]
        assert window.current_module() is tab and window.current_list() is tab.record_list
        assert all(records.exporter is not None for records in tab.lists())


def test_at_start_the_start_page_comes_first_and_the_tabs_after_it(
        qtbot: Any, russian: Any, demo_database: DatabaseInfo,
        settings: config.Settings) -> None:
    window = MainWindow(settings, deferred=True)
    qtbot.addWidget(window)
    window.show()
    done: list[bool] = []
    window.load_start_page_first(lambda: done.append(True))
    assert window.tab_titles() == ["Главная"] and window.tabs.currentWidget() is window.home
    assert not window.menuBar().isEnabled(), "the commands wait for the tabs"
    window.act_reminders.trigger()  # nothing yet, and no error
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert window.tab_titles() == ["Главная", "Организации", "Кадры", "Мероприятия", "Аттестация",
                                   "Литература", "Оборудование", "Методическая сеть",
                                   "Запросы и мониторинги",
                                   "Журнал методиста"]
    assert window.tabs.currentWidget() is window.home, "still in front"
    assert window.menuBar().isEnabled() and len(window.modules) == 9
    assert window.organizations.record_list.model.total_count() == 0, "read when first shown"
