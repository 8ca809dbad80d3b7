"""The shared record form: a field is checked as the user leaves it, «Сохранить» shows every
problem at once (the date field's «12.03.85» and calendar: test_record_list)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.widgets.record_form import DateEdit, RecordForm


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


def needs_name_and_city(values: dict[str, Any]) -> dict[str, str]:
    return {name: "Заполните поле." for name in ("name", "city") if not values[name]}


@pytest.fixture
def form(qtbot: Any) -> RecordForm:
    dialog = RecordForm("Проба", needs_name_and_city)
    dialog.add_line("name", "Название")
    dialog.add_line("city", "Город")
    dialog.add_date("opened", "Открыт")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def leave(editor: QWidget, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason) -> None:
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut, reason))


def shown(form: RecordForm, name: str) -> str:
    label = form._errors[name]
    return label.text() if label.isVisibleTo(form) else ""


def test_a_field_is_checked_when_left_and_the_others_stay_quiet(form: RecordForm) -> None:
    leave(form.editor("name"))
    assert shown(form, "name") == "Заполните поле."
    assert shown(form, "city") == "", "a field not visited yet says nothing"
    form.set_values({"name": "ЦДТ"})
    leave(form.editor("name"))
    assert shown(form, "name") == ""


def test_a_popup_does_not_count_as_leaving(form: RecordForm) -> None:
    leave(form.editor("name"), Qt.FocusReason.PopupFocusReason)
    assert shown(form, "name") == ""


def test_save_shows_every_problem_at_once(form: RecordForm) -> None:
    form.set_values({"name": "ЦДТ"})
    date_editor = form.editor("opened")
    assert isinstance(date_editor, DateEdit)
    date_editor.setText("31.02.2020")
    form.try_accept()
    assert form.result() == 0
    assert shown(form, "city") == "Заполните поле."
    assert "31.02.2020" in shown(form, "opened")
