"""The shared record list widget driven with qtbot: search, keys, columns, remembered layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from imc_desktop.services.common import notifier
from tests.ui.widgets.test_table_model import COLUMNS, PEOPLE, Person
from ui.widgets.column_chooser import ColumnChooserDialog, apply_columns
from ui.widgets.record_list import RecordList


def make_list(qtbot: object, tmp_path: Path, rows: list[Person] | None = None) -> RecordList:
    store = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    data = list(PEOPLE if rows is None else rows)
    widget = RecordList("people", "Люди", COLUMNS, lambda: data, {"people"}, store)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.reload()
    return widget


def test_typing_in_the_search_box_filters_after_a_short_pause(qtbot: object,
                                                                tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    # QTest types ASCII only; the date column is searched as shown, dd.mm.yyyy
    qtbot.keyClicks(records.search, "15.01")  # type: ignore[attr-defined]
    assert records.model.rowCount() == 4, "filtering waits for the typing pause"
    qtbot.waitUntil(lambda: records.model.rowCount() == 1)  # type: ignore[attr-defined]
    expected = QCoreApplication.translate("RecordList", "Shown: %1 of %2")
    assert records.footer.text() == expected.replace("%1", "1").replace("%2", "4")
    assert records.model.row_at(0).name == "Сидорова Елена"
    records.search.setText("елена")
    qtbot.waitUntil(lambda: records.model.rowCount() == 2)  # type: ignore[attr-defined]


def test_enter_opens_and_insert_and_delete_ask(qtbot: object, tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    opened: list[Person] = []
    deleted: list[list[Person]] = []
    added: list[bool] = []
    records.openRequested.connect(opened.append)
    records.deleteRequested.connect(deleted.append)
    records.addRequested.connect(lambda: added.append(True))
    records.show()
    records.view.setFocus()
    records.view.selectRow(1)
    qtbot.keyClick(records.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.keyClick(records.view, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    qtbot.keyClick(records.view, Qt.Key.Key_Insert)  # type: ignore[attr-defined]
    assert [p.name for p in opened] == ["Петров Сергей"]
    assert [[p.name for p in rows] for rows in deleted] == [["Петров Сергей"]]
    assert added == [True]


def test_double_click_opens(qtbot: object, tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    opened: list[Person] = []
    records.openRequested.connect(opened.append)
    records.show()
    index = records.model.index(2, 0)
    rect = records.view.visualRect(index)
    viewport = records.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    assert [p.name for p in opened] == ["Ёлкина Анна"]


def test_shown_table_is_exactly_what_is_on_screen(qtbot: object, tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    header = records.view.horizontalHeader()
    apply_columns(header, [(3, True), (0, True), (1, False), (2, True), (4, False)])
    records.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    records.model.set_search("елена")
    columns, rows = records.shown_table()
    assert [c.title for c in columns] == ["Работает", "ФИО", "Ставка"]
    assert rows == [[True, "Сидорова Елена", 1.5], [True, "Иванова Елена", 1.0]]


def test_column_layout_is_remembered_per_list(qtbot: object, tmp_path: Path) -> None:
    first = make_list(qtbot, tmp_path)
    header = first.view.horizontalHeader()
    apply_columns(header, [(2, True), (0, True), (1, False), (3, True), (4, True)])
    header.resizeSection(0, 333)
    first._layout_changed()
    again = make_list(qtbot, tmp_path)
    columns = [c.key for c in again.shown_columns()]
    assert columns == ["load", "name", "active", "id"]
    assert again.view.horizontalHeader().sectionSize(0) == 333
    again.reset_columns()
    assert [c.key for c in again.shown_columns()] == ["name", "born", "load", "active"]


def test_column_chooser_dialog_applies_order_and_visibility(qtbot: object,
                                                            tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    header = records.view.horizontalHeader()
    dialog = ColumnChooserDialog(header, [c.title for c in COLUMNS])
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.list.item(4).setCheckState(Qt.CheckState.Checked)
    item = dialog.list.takeItem(3)
    dialog.list.insertItem(0, item)
    dialog.apply()
    assert [c.key for c in records.shown_columns()] == ["active", "born", "load", "id"]
    # search now looks at the shown code column and no longer at the hidden name
    records.model.set_search("4")
    assert [p.name for p in records.model.visible_rows()] == ["Сидорова Елена"]


def test_at_least_one_column_stays_visible(qtbot: object, tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    header = records.view.horizontalHeader()
    apply_columns(header, [(i, False) for i in range(5)])
    assert len(records.shown_columns()) == 1


def test_list_reloads_when_its_table_changes(qtbot: object, tmp_path: Path) -> None:
    data = list(PEOPLE)
    records = make_list(qtbot, tmp_path, data)
    records._loader = lambda: data  # the same list object the service would re-read
    data.append(Person("5", "Новикова Ольга", None, None, True))
    notifier.notify({"other_table"})
    assert records.model.total_count() == 4
    notifier.notify({"people"})
    assert records.model.total_count() == 5


def test_sorting_keeps_the_selected_record(qtbot: object, tmp_path: Path) -> None:
    records = make_list(qtbot, tmp_path)
    records.view.selectRow(3)
    chosen = records.current_row()
    records.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert records.current_row() == chosen
    assert records.selected_rows() == [chosen]


def test_the_unsaved_changes_question_reads_save_dont_save_cancel(qtbot: Any, russian: Any
                                                                  ) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.widgets.messages import unsaved_box

    box = unsaved_box(None, "?")
    qtbot.addWidget(box)
    buttons = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
               QMessageBox.StandardButton.Cancel)
    assert [box.button(b).text().replace("&", "") for b in buttons] == [
        "Сохранить", "Не сохранять", "Отмена"]


@pytest.mark.qt_log_ignore("This plugin does not support")  # a pop-up offscreen
def test_a_date_field_takes_a_short_year_and_has_a_calendar(qtbot: Any, russian: Any) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from ui.widgets.record_form import DateEdit

    field = DateEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field, "12.03.85")
    field.editingFinished.emit()
    assert field.text() == "12.03.1985" and field.date_value() == date(1985, 3, 12)
    field.calendar_action.trigger()
    assert field.calendar is not None and field.calendar.isVisible()
    assert field.calendar.selectedDate() == QDate(1985, 3, 12)
    field.calendar.clicked.emit(QDate(2024, 9, 2))
    assert field.text() == "02.09.2024" and not field.calendar.isVisible()
    field.setText("31.02.2024")
    field.editingFinished.emit()
    assert field.text() == "31.02.2024", "a wrong date stays for the form to point at"


def test_columns_fit_their_content_within_the_room() -> None:
    from ui.widgets.record_list import fitted_widths

    base = {0: 100, 1: 100, 2: 80}
    assert fitted_widths({0: 150, 1: 90, 2: 120}, base, 1000) == {0: 150, 1: 90, 2: 120}
    narrow = fitted_widths({0: 200, 1: 90, 2: 120}, base, 300)
    assert narrow[1] == 90 and narrow[0] >= 100 and narrow[2] >= 80
    assert sum(narrow.values()) <= 300 + 1
    assert fitted_widths({0: 200, 1: 90, 2: 120}, base, 100) == {0: 100, 1: 90, 2: 80}


def test_a_list_never_laid_out_fits_its_columns_on_first_show(qtbot: object,
                                                              tmp_path: Path) -> None:
    wide = Person("9", "Константинопольская Елизавета Александровна",
                  None, None, True)
    records = make_list(qtbot, tmp_path, [*PEOPLE, wide])
    header, metrics = records.view.horizontalHeader(), records.view.fontMetrics()
    assert header.sectionSize(0) == COLUMNS[0].width, "not on screen yet: nothing to fit to"
    records.resize(2000, 400)
    records.show()
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: header.sectionSize(0) >= metrics.horizontalAdvance(wide.name))
    header.resizeSection(0, 123)  # the user's own width is kept from now on
    again = make_list(qtbot, tmp_path, [*PEOPLE, wide])
    assert again.view.horizontalHeader().sectionSize(0) == 123
