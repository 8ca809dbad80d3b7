"""Entry in seconds: a panel of fields filled by keyboard alone.

Enter moves to the next field and, on the last one, saves; Ctrl+Enter saves from any field
and starts the next record; Esc leaves the record being changed. The values that repeat from
one record to the next (the methodist, the form, the category, the ОО…) are remembered, also
between sessions. A name is picked by typing it: the matches are listed under the field,
↓/↑ choose one and Enter takes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.folding import fold_spaces
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from ui.widgets.people import SEARCH_ROLE, PeopleFilter, PeopleListModel, PersonChoice
from ui.widgets.record_form import ERROR_STYLE, DateEdit
from ui.widgets.table_model import Index

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SHOWN_MATCHES = 7


class _Ranked(PeopleFilter):
    """The matches whose label starts with what was typed come first."""

    typed = ""

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = (str(self.sourceModel().data(i, SEARCH_ROLE)) for i in (left, right))
        ka, kb = (not a.startswith(self.typed), left.row()), (not b.startswith(self.typed),
                                                               right.row())
        return ka < kb


class LookupEdit(QWidget):
    """A line where a name is typed and picked from the matches listed under it; what is not
    picked stays as typed text (`chosen_id` is then "")."""

    picked = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.model = PeopleListModel([], self)
        self.filter = _Ranked(self)
        self.filter.setSourceModel(self.model)
        self.view = QListView()  # floats over the window under the line, out of any layout
        self.view.setModel(self.filter)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.hide()
        self.view.clicked.connect(self._clicked)
        self.chosen_id = ""
        self._labels: dict[str, PersonChoice] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.line.textEdited.connect(self._typed)
        self.line.installEventFilter(self)

    def set_choices(self, choices: Sequence[PersonChoice]) -> None:
        self.model = PeopleListModel(choices, self)
        self.filter.setSourceModel(self.model)
        self._labels = {c.id: c for c in choices}

    def choice(self, choice_id: str) -> PersonChoice | None:
        return self._labels.get(choice_id)

    def _typed(self, text: str) -> None:
        self.chosen_id = ""
        self.filter.typed = fold_spaces(text)
        self.filter.set_search(text)
        self.filter.sort(0)
        has = bool(text.strip()) and self.filter.rowCount() > 0
        if has:
            self._float_view()
            self.view.setCurrentIndex(self.filter.index(0, 0))
        else:
            self.view.hide()

    def _float_view(self) -> None:
        """The matches under the line, above whatever is below it in the window."""
        top = self.line.window()
        if self.view.parent() is not top:
            self.view.setParent(top)
        rows = min(self.filter.rowCount(), SHOWN_MATCHES)
        height = rows * max(self.view.sizeHintForRow(0), self.fontMetrics().height() + 4) + 6
        corner = self.line.mapTo(top, self.line.rect().bottomLeft())
        self.view.setGeometry(corner.x(), corner.y() + 1, max(self.line.width(), 560), height)
        self.view.show()
        self.view.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress and self.view.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.filter.rowCount():
                    self.view.setCurrentIndex(self.filter.index(row, 0))
                return True
            if key == Qt.Key.Key_Escape:
                self.view.hide()
                return True
        if watched is self.line and event.type() == QEvent.Type.FocusOut:
            self.view.hide()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """The matches float over the window: they go when the line does (another tab)."""
        self.view.hide()
        super().hideEvent(event)

    def accept_current(self) -> None:
        """Enter: take the match chosen in the list, if the list is open."""
        if self.view.isVisible() and self.view.currentIndex().isValid():
            self.pick(str(self.view.currentIndex().data(Qt.ItemDataRole.UserRole)))
        self.view.hide()

    def _clicked(self, index: QModelIndex) -> None:
        self.pick(str(index.data(Qt.ItemDataRole.UserRole)))
        self.line.setFocus()

    def pick(self, choice_id: str | None) -> None:
        """Show a choice (or nothing for None / "")."""
        choice = self._labels.get(choice_id or "")
        self.chosen_id = choice.id if choice else ""
        self.line.setText(choice.label if choice else "")
        self.view.hide()
        if choice:
            self.picked.emit(choice.id)

    def text(self) -> str:
        return self.line.text().strip()

    def set_text(self, text: str) -> None:
        self.chosen_id = ""
        self.line.setText(text)
        self.view.hide()


class QuickForm(QWidget):
    """The fields in the order Enter walks them; `save()` is given by the page."""

    saved = Signal(str)

    def __init__(self, store: QSettings, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.key = store, key
        self.order: list[QWidget] = []        # what takes the focus, in order
        self.owners: dict[QWidget, QWidget] = {}  # the focus widget → its field
        self.fields: dict[str, QWidget] = {}
        self.remembered: list[str] = []
        self.editing: Any = None  # the record loaded for a change, or None for a new one
        self._restored = False
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

    # ------------------------------------------------------------ building
    def field(self, name: str, widget: QWidget, remember: bool = False) -> QWidget:
        focus = widget.line if isinstance(widget, LookupEdit) else widget
        self.order.append(focus)
        self.owners[focus] = widget
        self.fields[name] = widget
        focus.installEventFilter(self)
        if remember:
            self.remembered.append(name)
        return widget

    def restore_remembered(self) -> None:
        """Once, when the choices are first read: the values of the last record saved."""
        if self._restored:
            return
        self._restored = True
        for name in self.remembered:
            value = self.store.value(self._store_key(name))
            if value is not None:
                self.set_value(name, str(value))

    def _store_key(self, name: str) -> str:
        return f"quick/{self.key}/{name}"

    def remember(self) -> None:
        for name in self.remembered:
            self.store.setValue(self._store_key(name), self.value(name))

    # ------------------------------------------------------------ values
    def value(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, LookupEdit):
            return widget.chosen_id
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return str(data) if data is not None else widget.currentText()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QSpinBox):
            return str(widget.value())
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, name: str, value: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, LookupEdit):
            widget.pick(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else max(widget.findText(value), 0))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value) if value.lstrip("-").isdigit() else widget.minimum())
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    # ------------------------------------------------------------ keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and watched in self.owners:
            key, mods = event.key(), event.modifiers()
            if key in ENTER_KEYS:
                if isinstance(watched, QPlainTextEdit) \
                        and mods & Qt.KeyboardModifier.ShiftModifier:
                    return False  # Shift+Enter: a new line in a text
                owner = self.owners[watched]
                if isinstance(owner, LookupEdit):
                    owner.accept_current()
                if isinstance(watched, DateEdit):
                    watched.editingFinished.emit()
                if mods & Qt.KeyboardModifier.ControlModifier or watched is self._last():
                    self.submit()
                else:
                    self.advance(watched)
                return True
            if key == Qt.Key.Key_Escape and self.editing is not None:
                self.start_new()
                return True
        return super().eventFilter(watched, event)

    def _usable(self) -> list[QWidget]:
        return [w for w in self.order if w.isEnabled() and not w.isHidden()]

    def _last(self) -> QWidget | None:
        usable = self._usable()
        return usable[-1] if usable else None

    def advance(self, current: QWidget) -> None:
        usable = self._usable()
        if current in usable and usable.index(current) + 1 < len(usable):
            self._focus(usable[usable.index(current) + 1])

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(widget, QLineEdit | QSpinBox):
            widget.selectAll()

    def focus_first(self, name: str | None = None) -> None:
        target = self.fields[name] if name else None
        usable = self._usable()
        focus = (target.line if isinstance(target, LookupEdit) else target) if target \
            else (usable[0] if usable else None)
        if focus is not None:
            self._focus(focus)

    # ------------------------------------------------------------ saving
    def submit(self) -> str | None:
        """Save what is typed; on success the next record starts, with the remembered values."""
        try:
            saved_id = self.save()
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return None
        except ServiceError as exc:
            self.show_problems({"": str(exc)})
            return None
        self.remember()
        self.start_new()
        self.saved.emit(saved_id)
        return saved_id

    def show_problems(self, problems: dict[str, str]) -> None:
        self.message.setText("\n".join(problems.values()))
        self.message.setVisible(bool(problems))
        for name in problems:
            if name in self.fields:
                self.focus_first(name)
                break

    def start_new(self) -> None:
        """Clear what belongs to one record, keep the remembered values."""
        self.editing = None
        self.message.hide()
        self.clear()
        self.focus_first(self.first_of_record())

    # ------------------------------------------------------------ the page's part
    def save(self) -> str:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def first_of_record(self) -> str | None:
        """The field a new record starts at (after the remembered ones)."""
        return None


def form_above_list(page: QWidget, form_box: QWidget, records: QWidget) -> None:
    """The page's layout: the entry form above the list, divided by a splitter; the form
    scrolls when the window is small, so the tab never makes the window taller."""
    scroller = QScrollArea()
    scroller.setWidget(form_box)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setMinimumHeight(80)
    scroller.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    scroller.setMaximumHeight(form_box.sizeHint().height() + 4)
    _FollowHeight(form_box, scroller)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(scroller)
    splitter.addWidget(records)
    splitter.setStretchFactor(1, 1)
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(splitter, 1)


class _FollowHeight(QObject):
    """The scroller is as tall as the form wants (a list of matches opening in it too)."""

    def __init__(self, form_box: QWidget, scroller: QScrollArea) -> None:
        super().__init__(scroller)
        self.form_box, self.scroller = form_box, scroller
        form_box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form_box and event.type() == QEvent.Type.LayoutRequest:
            self.scroller.setMaximumHeight(self.form_box.sizeHint().height() + 4)
        return False


def labelled_row(items: Sequence[tuple[str, QWidget, int]]) -> QHBoxLayout:
    """Fields side by side, each with its label above; the stretch shares the width."""
    row = QHBoxLayout()
    for label, widget, stretch in items:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(QLabel(label))
        column.addWidget(widget)
        column.addStretch(1)
        row.addLayout(column, stretch)
    return row
