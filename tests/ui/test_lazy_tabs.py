"""The tabs of the main window read their lists when first shown, then follow the changes."""

from __future__ import annotations

from typing import Any

import pytest

from imc_desktop import config
from imc_desktop.services.common import notifier
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import records as equipment
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import write as staff
from ui.main_window import MainWindow
from ui.widgets.lazy import is_pending
from ui.widgets.record_list import RecordList


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def loaded(records: RecordList) -> bool:
    return not is_pending(records) and records.model.total_count() > 0


def other_lists(window: MainWindow, index: int) -> list[RecordList]:
    return [records for i, tab in enumerate(window.modules) if i != index
            for records in tab.lists()]


def test_at_start_only_the_current_tab_reads_its_lists(window: MainWindow) -> None:
    assert window.tabs.currentWidget() is window.home, "«Главная» is the one read at start"
    for records in other_lists(window, -1):
        assert records.model.total_count() == 0, records.list_id
    assert is_pending(window.staff.record_list) and is_pending(window.equipment.duplicates)
    assert window.events.rows == [], "the calendar has not read its month either"


def test_switching_to_a_tab_reads_its_lists_and_only_those(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.staff)
    assert loaded(window.staff.record_list)
    assert is_pending(window.attestation.record_list)
    window.tabs.setCurrentWidget(window.events)
    assert window.events.rows, "the month of the calendar is read"
    assert is_pending(window.equipment.items.record_list)


def test_a_tab_reads_only_the_page_in_front_and_the_others_when_chosen(
        window: MainWindow) -> None:
    tab = window.equipment
    window.tabs.setCurrentWidget(tab)
    assert loaded(tab.items.record_list)
    assert is_pending(tab.acts.record_list) and is_pending(tab.duplicates)
    tab.tabs.setCurrentIndex(1)
    assert not is_pending(tab.acts.record_list)
    assert tab.record_list is tab.acts.record_list
    assert is_pending(tab.duplicates)


def test_a_change_does_not_read_a_tab_not_yet_shown(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.organizations)
    notifier.notify({"*"})
    orgs.save_organization(orgs.OrganizationData(full_name="Новая школа", short_name="Новая"))
    assert window.organizations.record_list.model.total_count() == 41
    for records in other_lists(window, 0):
        assert records.model.total_count() == 0, records.list_id
    window.tabs.setCurrentWidget(window.equipment)
    assert loaded(window.equipment.items.record_list), "shown: it reads the newest rows"


def test_a_tab_read_on_switching_follows_the_changes_afterwards(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.staff)
    people = window.staff.record_list
    before = people.model.total_count()
    staff.delete_person(people.model.row_at(0).id)
    assert people.model.total_count() == before - 1
    window.tabs.setCurrentWidget(window.equipment)
    items = window.equipment.items.record_list
    count = items.model.total_count()
    equipment.delete_items([items.model.row_at(0).id])
    assert items.model.total_count() == count - 1
    assert is_pending(window.attestation.record_list), "never shown, never read"
