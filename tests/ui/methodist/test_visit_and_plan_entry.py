"""A lesson observation and a plan item entered by keyboard; the tab as the window sees it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from imc_desktop import clock, config
from imc_desktop.services.methodist import records
from tests.services.events.events_helpers import people
from tests.ui.methodist.typing import type_text
from ui.methodist.plan_page import PlanPage
from ui.methodist.tab import MethodistTab
from ui.methodist.visits_page import VisitsPage
from ui.widgets.module_tab import ModuleTab

TODAY = date(2026, 11, 20)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ids(database: object) -> dict[str, str]:
    return people()


def _enter(qtbot: QtBot, widget: object, text: str = "") -> None:
    assert widget is not None
    if text:
        type_text(widget, text)  # type: ignore[arg-type]
    qtbot.keyClick(widget, Qt.Key.Key_Return)  # type: ignore[arg-type]


def test_a_lesson_is_observed_and_marked_by_keyboard(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    settings.set(config.LESSON_CRITERIA, "Цель урока | Рефлексия | Дифференциация")
    with clock.fixed(TODAY):
        page = VisitsPage(settings)
    qtbot.addWidget(page)
    page.show()
    form = page.form
    assert len(form.mark_spins) == 3
    form.focus_first("purpose")
    with clock.fixed(TODAY):
        _enter(qtbot, page.focusWidget(), "Методическая помощь")
        _enter(qtbot, page.focusWidget(), "иванова")          # the teacher, picked by typing
        assert form.person.chosen_id == ids["Иванова"]
        assert form.organization.chosen_id == ids["СОШ № 1"]
        _enter(qtbot, page.focusWidget(), "7Б")
        _enter(qtbot, page.focusWidget(), "Математика")
        _enter(qtbot, page.focusWidget(), "Дроби")
        for mark in "21":                                      # the third left unmarked
            _enter(qtbot, page.focusWidget(), mark)
        _enter(qtbot, page.focusWidget())
        assert page.focusWidget() is form.recommendations
        type_text(form.recommendations, "Больше")
        qtbot.keyClick(form.recommendations, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ShiftModifier)      # a new line, not a save
        type_text(form.recommendations, "практики")
        assert records.visits() == []
        qtbot.keyClick(form.recommendations, Qt.Key.Key_Return)  # the last field: saves
    [row] = records.visits()
    assert (row.person_id, row.class_name, row.subject, row.lesson_topic) == (
        ids["Иванова"], "7Б", "Математика", "Дроби")
    assert row.marks == "Цель урока=2\nРефлексия=1"
    assert row.recommendations == "Больше\nпрактики" and row.percent == 75.0
    assert page.focusWidget() is form.person.line, "the next lesson starts at the teacher"


def test_a_visit_to_an_ou_skips_the_lesson_fields(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    with clock.fixed(TODAY):
        page = VisitsPage(settings)
    qtbot.addWidget(page)
    page.show()
    form = page.form
    form.kind.setCurrentText("выезд в ОО")
    form.focus_first("organization_id")
    with clock.fixed(TODAY):
        _enter(qtbot, page.focusWidget(), "СОШ № 2")
        assert form.organization.chosen_id == ids["СОШ № 2"]
        _enter(qtbot, page.focusWidget(), "Изучение методической работы")
        assert page.focusWidget() is form.recommendations
        qtbot.keyClick(form.recommendations, Qt.Key.Key_Return, CTRL)
    [row] = records.visits()
    assert (row.kind, row.organization_id, row.person_id, row.marks) == (
        "выезд в ОО", ids["СОШ № 2"], None, "")


def test_a_plan_item_is_entered_and_marked_done(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    settings = config.Settings(tmp_path / "s.ini")
    with clock.fixed(TODAY):
        page = PlanPage(settings.raw())
    qtbot.addWidget(page)
    page.show()
    assert page.methodist_id() == ids["Орлова"]
    assert page.month_label.text() == "ноябрь 2026"
    form = page.form
    form.focus_first()
    _enter(qtbot, page.focusWidget(), "12.11.2026")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)      # kind: мероприятие
    _enter(qtbot, page.focusWidget(), "Семинар для молодых педагогов")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return, CTRL)
    [item] = records.plan()
    assert (item.month, item.planned_on, item.title, item.done) == (
        date(2026, 11, 1), date(2026, 11, 12), "Семинар для молодых педагогов", False)
    page.record_list.reload()
    assert page.record_list.select_id(item.id or ""), page.record_list.model.total_count()
    page.toggle_done()
    assert records.plan()[0].done
    page.go(1)
    assert page.month_label.text() == "декабрь 2026" and page.record_list.model.total_count() == 0


def test_the_tab_is_a_module_tab_following_its_sub_tabs(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    tab = MethodistTab(config.Settings(tmp_path / "s.ini"))
    qtbot.addWidget(tab)
    assert isinstance(tab, ModuleTab)
    for index, page in enumerate((tab.consultations, tab.visits, tab.plan, tab.methodists)):
        tab.tabs.setCurrentIndex(index)
        assert tab.record_list is page.record_list
    assert len(tab.lists()) == 4
