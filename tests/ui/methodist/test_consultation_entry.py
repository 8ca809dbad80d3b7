"""Entering consultations by keyboard alone, with real keystrokes on the real page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from imc_desktop import clock
from imc_desktop.services.methodist import records
from tests.services.events.events_helpers import people
from tests.ui.methodist.typing import type_text
from ui.methodist.consultations_page import ConsultationsPage

TODAY = date(2026, 11, 20)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ids(database: object) -> dict[str, str]:
    return people()


def _page(qtbot: QtBot, store: QSettings) -> ConsultationsPage:
    with clock.fixed(TODAY):
        page = ConsultationsPage(store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type(qtbot: QtBot, page: ConsultationsPage, text: str) -> None:
    """Type into the field that has the focus, then Enter."""
    widget = page.focusWidget()
    assert widget is not None
    if text:
        type_text(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_consultation_is_entered_by_keyboard_only(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store)
    form = page.form
    form.focus_first()
    assert page.focusWidget() is form.held_on
    with clock.fixed(TODAY):
        _type(qtbot, page, "")               # date: today, as shown
        _type(qtbot, page, "")               # methodist: Орлова, the only one
        _type(qtbot, page, "")               # form: индивидуальная
        _type(qtbot, page, "")               # way: очно
        type_text(page.focusWidget(), "К")  # question: type-ahead «КПК»
        _type(qtbot, page, "")
        type_text(page.focusWidget(), "сидор")   # whom: a name picked by typing
        assert form.whom.view.isVisible()
        _type(qtbot, page, "")
        assert form.whom.chosen_id == ids["Сидорова"]
        assert page.focusWidget() is form.organization.line  # its ОО filled, next field
        assert form.organization.chosen_id == ids["СОШ № 2"]
        _type(qtbot, page, "")               # ОО as filled; participants skipped (individual)
        assert page.focusWidget() is form.topic
        _type(qtbot, page, "Курсы по ФГОС")
        _type(qtbot, page, "25")
        _type(qtbot, page, "Выбраны курсы")  # Enter on the last field saves
    [row] = records.consultations()
    assert (row.held_on, row.methodist_id, row.category, row.person_id, row.organization_id,
            row.topic, row.minutes, row.result) == (
        TODAY, ids["Орлова"], "КПК", ids["Сидорова"], ids["СОШ № 2"], "Курсы по ФГОС", 25,
        "Выбраны курсы")
    assert page.focusWidget() is form.whom.line, "the next record starts at «whom»"
    assert form.topic.text() == "" and form.category.currentText() == "КПК"


def test_ctrl_enter_saves_from_any_field_and_keeps_the_last_values(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store)
    form = page.form
    form.category.setCurrentText("ФГОС")
    form.focus_first("whom_text")
    with clock.fixed(TODAY):
        type_text(form.whom.line, "Родители 4 класса")
        form.whom.view.hide()
        qtbot.keyClick(form.whom.line, Qt.Key.Key_Return)   # free text: no pedagogue
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)  # ОО: none
        type_text(page.focusWidget(), "Адаптация первоклассников")
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return, CTRL)
        type_text(page.focusWidget(), "Иванова")
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
        type_text(page.focusWidget(), "Аттестация")
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Enter, CTRL)
    rows = sorted(records.consultations(), key=lambda r: r.topic)
    assert [(r.whom, r.category) for r in rows] == [
        ("Родители 4 класса", "ФГОС"), ("Иванова Анна Ивановна", "ФГОС")]
    again = _page(qtbot, store)   # remembered between sessions
    assert again.form.category.currentText() == "ФГОС"
    assert again.form.methodist.currentData() == ids["Орлова"]
    assert again.form.organization.chosen_id == ids["СОШ № 1"]


def test_a_refused_consultation_says_why_and_keeps_what_was_typed(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store)
    form = page.form
    form.focus_first("whom_text")
    type_text(form.whom.line, "Иванова")
    with clock.fixed(TODAY):
        qtbot.keyClick(form.whom.line, Qt.Key.Key_Return, CTRL)   # no topic
    assert records.consultations() == []
    assert "Тема" in form.message.text() and form.message.isVisible()
    assert page.focusWidget() is form.topic
    assert form.whom.chosen_id == ids["Иванова"]


def test_a_consultation_opened_from_the_list_is_changed_in_place(
        qtbot: QtBot, ids: dict[str, str], tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store)
    form = page.form
    form.focus_first("whom_text")
    with clock.fixed(TODAY):
        type_text(form.whom.line, "Петров")
        qtbot.keyClick(form.whom.line, Qt.Key.Key_Return)
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
        type_text(page.focusWidget(), "Рабочая программа")
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return, CTRL)
        page.record_list.reload()
        page.open_record(page.record_list.model.visible_rows()[0])
        assert page.focusWidget() is form.topic
        assert form.topic.selectedText() == "Рабочая программа"
        qtbot.keyClick(form.topic, Qt.Key.Key_End)
        type_text(form.topic, " по физике")
        qtbot.keyClick(form.topic, Qt.Key.Key_Return, CTRL)
    [row] = records.consultations()
    assert row.topic == "Рабочая программа по физике"
