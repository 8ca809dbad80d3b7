"""The shared record form: labelled fields, inline messages, Save / Cancel, unsaved-change guard."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QFocusEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.validation import format_date, parse_date
from ui.widgets.icons import icon

Validator = Callable[[dict[str, Any]], dict[str, str]]
ERROR_STYLE = "color: #b00020;"


class DateEdit(QLineEdit):
    """A date typed as дд.мм.гггг (or «12.03.85», written out in full when the field is
    left) or picked from the calendar of the button inside the field; may be left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.setMaximumWidth(150)
        self.calendar_action = self.addAction(icon("calendar"),
                                              QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Choose on the calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._write_out)

    def _write_out(self) -> None:
        value = self.date_value()
        if isinstance(value, date) and self.text() != format_date(value):
            self.set_date_value(value)

    def show_calendar(self) -> None:
        """A calendar below the field, on the date typed (else today); a click sets it."""
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
        value = self.date_value()
        day = value if isinstance(value, date) else clock.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def _picked(self, day: QDate) -> None:
        self.set_date_value(day.toPython())  # type: ignore[arg-type]
        if self.calendar is not None:
            self.calendar.hide()
        self.editingFinished.emit()

    def date_value(self) -> date | None | str:
        """The date, None when empty, or the raw text when it is not a date."""
        text = self.text().strip()
        if not text:
            return None
        return parse_date(text) or text

    def set_date_value(self, value: date | None) -> None:
        self.setText(format_date(value))


class RecordForm(QDialog):
    """Subclasses add fields with the `add_*` helpers and give a validator. A field is checked
    as the user leaves it (its message shows under it; fields not visited yet stay quiet);
    «Сохранить» shows every problem at once."""

    def __init__(self, title: str, validator: Validator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._validator = validator
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._initial: dict[str, Any] = {}
        self._visited: set[str] = set()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)  # self.form: where the next field goes
        self._stacks: list[QVBoxLayout] = []  # the groups' two columns (group())
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.buttons)

    def group(self, title: str, column: int = 0) -> QGroupBox:
        """A titled group in one of two columns: the fields added next go into it (a long
        form in parts that fits a laptop's screen)."""
        box = QGroupBox(title, self)
        self.form = QFormLayout(box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if not self._stacks:
            columns = QHBoxLayout()
            for _ in range(2):
                stack = QVBoxLayout()
                stack.setAlignment(Qt.AlignmentFlag.AlignTop)
                columns.addLayout(stack, 1)
                self._stacks.append(stack)
            self._layout.insertLayout(self._layout.indexOf(self.summary), columns)
        self._stacks[column].addWidget(box)
        return box

    def add_row_widget(self, widget: QWidget) -> None:
        """A row of the form's own (buttons, links) under the fields added so far."""
        self._layout.insertWidget(self._layout.indexOf(self.summary), widget)

    # ---------------------------------------------------------------- fields
    def _add(self, name: str, label: str, editor: QWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        inner.addWidget(editor)
        inner.addWidget(error)
        self.form.addRow(label, box)
        self._editors[name], self._errors[name] = editor, error
        editor.installEventFilter(self)
        for child in editor.findChildren(QWidget):  # an editable combo's line
            child.installEventFilter(self)
        return editor

    def add_line(self, name: str, label: str, max_length: int = 500) -> QLineEdit:
        editor = QLineEdit()
        editor.setMaxLength(max_length)
        self._add(name, label, editor)
        return editor

    def add_text(self, name: str, label: str) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(editor.fontMetrics().height() * 3 + 12)
        self._add(name, label, editor)
        return editor

    def add_choice(self, name: str, label: str, choices: Sequence[str],
                   editable: bool = False) -> QComboBox:
        editor = QComboBox()
        editor.setEditable(editable)
        editor.addItems(list(choices))
        self._add(name, label, editor)
        return editor

    def add_lookup(self, name: str, label: str,
                   items: Iterable[tuple[str, str]]) -> QComboBox:
        """A choice of records: (id, shown text) pairs after an empty first entry."""
        editor = QComboBox()
        editor.addItem("", "")
        for value, text in items:
            editor.addItem(text, value)
        self._add(name, label, editor)
        return editor

    def add_check(self, name: str, label: str) -> QCheckBox:
        editor = QCheckBox()
        self._add(name, label, editor)
        return editor

    def add_int(self, name: str, label: str, maximum: int = 1_000_000) -> QSpinBox:
        """An optional whole number: the minimum shows as an empty field."""
        editor = QSpinBox()
        editor.setRange(-1, maximum)
        editor.setSpecialValueText(" ")
        editor.setMaximumWidth(130)
        self._add(name, label, editor)
        return editor

    def add_date(self, name: str, label: str) -> DateEdit:
        editor = DateEdit()
        self._add(name, label, editor)
        return editor

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    # ---------------------------------------------------------------- values
    def values(self) -> dict[str, Any]:
        return {name: _read(editor) for name, editor in self._editors.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self._editors:
                _write(self._editors[name], value)
        self._initial = self.values()

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    # ---------------------------------------------------------------- validation
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason
                and isinstance(watched, QWidget)):
            name = next((n for n, e in self._editors.items()
                         if e is watched or e.isAncestorOf(watched)), None)
            if name is not None:
                self.field_left(name)
        return super().eventFilter(watched, event)

    def current_problems(self) -> dict[str, str]:
        """Every problem of the form as it is now: dates typed wrong and the validator's."""
        try:
            problems = self._validator(self.values())
        except Exception:  # noqa: BLE001 — a check while typing must never break the form
            problems = {}
        return {**problems, **self._date_problems()}

    def field_left(self, name: str) -> None:
        """The user left the field: show the messages of the fields visited so far."""
        self._visited.add(name)
        problems = self.current_problems()
        for field in self._visited:
            label = self._errors.get(field)
            if label is not None:
                label.setText(problems.get(field, ""))
                label.setVisible(field in problems)

    def show_problems(self, problems: dict[str, str]) -> None:
        self._visited |= set(problems)
        for name, label in self._errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
        other = [m for n, m in problems.items() if n not in self._errors]
        self.summary.setText("\n".join(other))
        self.summary.setVisible(bool(other))
        first = next((n for n in self._editors if n in problems), None)
        if first is not None:
            self._editors[first].setFocus()

    def _date_problems(self) -> dict[str, str]:
        return {name: self.tr("Not a date: «%1». Type it as dd.mm.yyyy.").replace(
                    "%1", editor.text())
                for name, editor in self._editors.items()
                if isinstance(editor, DateEdit) and isinstance(editor.date_value(), str)}

    def try_accept(self) -> None:
        problems = {**self._validator(self.values()), **self._date_problems()}
        self.show_problems(problems)
        if not problems:
            self._initial = self.values()
            self.accept()

    def reject(self) -> None:
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._confirm_discard():
            event.ignore()
            return
        self._initial = self.values()
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        answer = self.confirm_discard(self)
        if answer == QMessageBox.StandardButton.Save:
            self.try_accept()
            return False
        return answer == QMessageBox.StandardButton.Discard

    @staticmethod
    def confirm_discard(parent: QWidget) -> QMessageBox.StandardButton:
        """Asks what to do with unsaved changes; tests replace it."""
        from ui.widgets.messages import ask_unsaved

        return ask_unsaved(parent, QCoreApplication.translate(
            "RecordForm", "The record has unsaved changes. Save them?"))


def _read(editor: QWidget) -> Any:
    if isinstance(editor, DateEdit):
        return editor.date_value()
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QSpinBox):
        return None if editor.value() == editor.minimum() else editor.value()
    raise TypeError(type(editor).__name__)


def _write(editor: QWidget, value: Any) -> None:
    if isinstance(editor, DateEdit):
        editor.set_date_value(value)
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QComboBox):
        index = editor.findText(str(value), Qt.MatchFlag.MatchExactly)
        editor.setCurrentIndex(index) if index >= 0 else editor.setEditText(str(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(editor.minimum() if value is None else int(value))
