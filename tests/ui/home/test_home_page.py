"""«Главная» in the main window: the first tab and the current one at start, its counts
those of the service, each count opening its module's list filtered to exactly those
records (for the district and for one ОО), and «Показать все» undoing it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from imc_desktop import clock, config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.home import records as home
from tests.rules import RULES
from ui.home.page import HomePage, groups, row_key
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _shown_keys(window: MainWindow, list_id: str) -> set[str]:
    records = next(x for t in window.modules for x in t.lists() if x.list_id == list_id)
    key = row_key(list_id)
    return {key(row) for row in records.model.visible_rows()}


def test_the_window_opens_on_the_home_page(window: MainWindow) -> None:
    assert window.tabs.tabText(0) == "Главная"
    assert window.tabs.currentWidget() is window.home
    assert isinstance(window.home, HomePage)


def test_the_page_shows_the_services_counts(window: MainWindow) -> None:
    data = home.home_data(RULES, clock.today())
    page = window.home
    for key, button in page.buttons.items():
        assert button.text() == str(data.count(key)), key
        assert button.isEnabled() == (data.count(key) > 0)
        assert page.district_labels[key].text() == ""


def test_every_count_opens_its_list_filtered_to_it(qtbot: Any, window: MainWindow) -> None:
    page = window.home
    assert page.data is not None
    for _title, lines in groups():
        for line in lines:
            if not page.buttons[line.key].isEnabled():
                continue
            qtbot.mouseClick(page.buttons[line.key], Qt.MouseButton.LeftButton)
            records = next(x for t in window.modules for x in t.lists()
                           if x.list_id == line.list_id)
            assert records.isVisible(), line.key
            assert _shown_keys(window, line.list_id) == page.data.measures[line.key].keys()
            assert records.only_bar.isVisible()
            assert line.text in records.only_label.text()
            window.tabs.setCurrentWidget(page)


def test_one_organization_and_the_district_beside_it(qtbot: Any, window: MainWindow) -> None:
    page = window.home
    assert page.data is not None
    measure = page.data.measures[home.KPK_OVERDUE]
    org = max({o for orgs in measure.found.values() for o in orgs}, key=measure.count)
    page.organization.setCurrentIndex(page.organization.findData(org))
    button = page.buttons[home.KPK_OVERDUE]
    assert button.text() == str(measure.count(org)) != str(measure.count())
    assert page.district_labels[home.KPK_OVERDUE].text() == f"район: {measure.count()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.staff
    rows = window.staff.record_list.model.visible_rows()
    assert len(rows) == measure.count(org)
    assert {r.organization_id for r in rows} == {org}
    qtbot.mouseClick(window.staff.record_list.show_all_button, Qt.MouseButton.LeftButton)
    assert not window.staff.record_list.only_bar.isVisible()
    assert window.staff.record_list.model.rowCount() == window.staff.record_list.model.total_count()


def test_the_events_link_switches_the_calendar_to_its_list(qtbot: Any, window: MainWindow
                                                             ) -> None:
    from ui.events.tab import LIST

    qtbot.mouseClick(window.home.buttons[home.EVENTS_NO_RESULTS], Qt.MouseButton.LeftButton)
    assert window.events.view() == LIST
    assert window.events.views.button(LIST).isChecked()
    assert not window.events.today_button.isEnabled()


def test_a_change_elsewhere_updates_the_counts(qtbot: Any, window: MainWindow) -> None:
    from imc_desktop.services.equipment import acts

    page = window.home
    before = page.data.count(home.WRITE_OFFS_PENDING) if page.data else 0
    pending = next(a for a in acts.list_acts() if a.kind == "о списании" and not a.confirmed)
    acts.confirm_write_off(pending.id)
    qtbot.waitUntil(lambda: page.buttons[home.WRITE_OFFS_PENDING].text() == str(before - 1))


def test_the_reminder_is_in_the_menu_not_on_start(window: MainWindow, settings: config.Settings,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.events.reminders import RemindersDialog

    shown: list[object] = []
    monkeypatch.setattr(RemindersDialog, "ask", staticmethod(
        lambda found, *_args: shown.append(found)))
    window.remind_on_start()
    assert shown == []
    window.act_reminders.trigger()
    assert len(shown) == 1
