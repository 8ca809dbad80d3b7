"""One toolbar that means one thing: Добавить / Открыть / Удалить / Экспорт act on the list
in front of the user, following the module tab and its sub-tabs, and are off with the
reason in the tooltip where they do not apply; on «Информатизация» the export writes the
charts' table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QWidget

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _state(window: MainWindow) -> tuple[bool, bool, bool, bool]:
    twins = window.toolbar_twins
    for act in (window.act_add, window.act_open, window.act_delete):
        assert twins[act].isEnabled() == act.isEnabled()
    return (window.act_add.isEnabled(), window.act_open.isEnabled(),
            window.act_delete.isEnabled(), window.act_export.isEnabled())


ALL = (True, True, True, True)
# (module attribute, sub-tab index or None, Add, Open, Delete, Export)
EXPECTED = [
    ("organizations", None, ALL), ("staff", None, ALL), ("events", None, ALL),
    ("attestation", 0, (False, True, False, True)),  # Сроки: open files an application
    ("attestation", 1, ALL), ("attestation", 2, ALL),
    ("literature", 0, ALL), ("literature", 1, ALL),
    ("literature", 2, (False, False, False, True)),  # Остатки come from the documents
    ("equipment", 0, ALL),
    ("equipment", 1, (False, True, True, True)),  # an act is made from the items
    ("equipment", 2, ALL),
    ("equipment", 3, (False, True, True, True)),  # duplicates are found, not added
    ("equipment", 4, (False, False, False, True)),  # the charts' table
]


def test_the_home_page_has_no_list_commands(window: MainWindow) -> None:
    assert window.tabs.currentWidget() is window.home
    assert _state(window) == (False, False, False, False)
    assert "нет списка" in window.toolbar_twins[window.act_add].toolTip()


@pytest.mark.parametrize(("module", "page", "expected"), EXPECTED)
def test_the_commands_follow_the_sub_tab(window: MainWindow, module: str, page: int | None,
                                         expected: tuple[bool, ...]) -> None:
    tab = getattr(window, module)
    window.tabs.setCurrentWidget(tab)
    if page is not None:
        tab.tabs.setCurrentIndex(page)
    assert _state(window) == expected
    for act, on in zip((window.act_add, window.act_open, window.act_delete), expected,
                       strict=False):
        tip = window.toolbar_twins[act].toolTip()
        assert on or (tip and "%" not in tip and tip != act.text()), tip


def test_add_on_a_list_that_takes_it_adds(window: MainWindow, monkeypatch: Any) -> None:
    asked: list[bool] = []
    window.tabs.setCurrentWidget(window.attestation)
    window.attestation.tabs.setCurrentIndex(1)
    monkeypatch.setattr(window.attestation, "new_application", lambda: asked.append(True))
    window.attestation.applications.addRequested.disconnect()
    window.attestation.applications.addRequested.connect(window.attestation.new_application)
    window.toolbar_twins[window.act_add].trigger()
    assert asked == [True]


def test_export_on_the_charts_page_writes_the_charts_table(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window.tabs.setCurrentWidget(window.equipment)
    window.equipment.tabs.setCurrentIndex(4)
    target = tmp_path / "информатизация.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr("ui.widgets.messages.Ask.confirm", staticmethod(lambda *a: False))
    window.act_export.trigger()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    text = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Компьютеров на 100 обучающихся" in text
    rows = window.equipment.charts.rows
    assert len(rows) == 40 and rows[0].organization in text


def test_no_module_repeats_the_toolbar_commands_in_a_row_of_its_own(
        window: MainWindow) -> None:
    """A list's add / open / delete are the toolbar's; the tooltip says what they do there."""
    from PySide6.QtWidgets import QPushButton

    toolbar = {window.toolbar_twins[a].text() for a in (window.act_add, window.act_open,
                                                        window.act_delete)}
    for tab in window.modules:
        tips = {t.rstrip("…") for records in tab.lists() for t in records.command_tips.values()}
        assert isinstance(tab, QWidget)
        buttons = {b.text().replace("&", "").rstrip("…") for b in tab.findChildren(QPushButton)}
        assert not buttons & (tips | toolbar), (tab.title, buttons & (tips | toolbar))


@pytest.mark.parametrize(("module", "page", "command", "tip"), [
    ("attestation", 0, "open", "Создать заявление…"),
    ("attestation", 1, "add", "Новое заявление…"),
    ("attestation", 1, "open", "Принять решение…"),
    ("events", None, "add", "Новое мероприятие в календаре…"),
    ("equipment", 1, "open", "Показать акт"),
    ("equipment", 1, "delete", "Отозвать акт о списании"),
    ("equipment", 2, "add", "Начать инвентаризацию…"),
])
def test_the_toolbar_says_what_a_command_does_on_the_list(
        window: MainWindow, module: str, page: int | None, command: str, tip: str) -> None:
    tab = getattr(window, module)
    window.tabs.setCurrentWidget(tab)
    if page is not None:
        tab.tabs.setCurrentIndex(page)
    act = {"add": window.act_add, "open": window.act_open, "delete": window.act_delete}[command]
    assert act.isEnabled()
    assert window.toolbar_twins[act].toolTip() == tip
