"""The shared record list: search, sort, column chooser, export, remembered layout."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import SIGNAL, QByteArray, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.changes import change_bridge
from ui.widgets.column_chooser import ColumnChooserDialog
from ui.widgets.lazy import is_pending, put_off
from ui.widgets.table_model import Column, RecordTableModel

__all__ = ["Column", "RecordList", "RecordTableModel"]

SEARCH_DELAY_MS = 30
INDEX_DELAY_MS = 500  # the search index is built once the list is on screen


class RecordList(QWidget):
    """A list of records of one kind, fed by `loader` (a service call returning rows)."""

    openRequested = Signal(object)
    addRequested = Signal()
    deleteRequested = Signal(list)
    countChanged = Signal(int, int)

    def __init__(self, list_id: str, title: str, columns: Sequence[Column],
                 loader: Callable[[], Sequence[Any]], tables: set[str], store: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_id, self.title, self._loader = list_id, title, loader
        self._tables, self._store = set(tables), store
        self._own_predicate: Callable[[Any], bool] | None = None
        self._only: Callable[[Any], bool] | None = None
        self.not_here: dict[str, str] = {}  # command → why it does not apply to this list
        self.command_tips: dict[str, str] = {}  # command → what it does on this list
        self.model = RecordTableModel(columns, self)
        self._build_ui()
        self._fit_pending = self._store.value(self._key()) is None  # never laid out by hand
        self._restore_layout()
        self._update_searchable()
        change_bridge().changed.connect(self._on_changed)
        self.exporter: Callable[[RecordList, str], None] | None = None
        put_off(self, self.reload)  # in a tab built hidden: read when first shown

    # ---------------------------------------------------------------- building
    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.filters = QHBoxLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(self.filters)
        self.view = _TableView(self)
        self.view.setModel(self.model)
        self.footer = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._only_bar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._setup_view()
        self.model.modelReset.connect(self._update_footer)
        self.model.layoutChanged.connect(self._update_footer)
        self._build_actions()

    def _only_bar(self) -> QFrame:
        """«Показаны: …» with «Показать все», above the list while show_only() holds."""
        self.only_bar = QFrame()
        self.only_bar.setObjectName("only_bar")
        self.only_bar.setStyleSheet(
            "#only_bar { background: #fff4ce; border: 1px solid #e0c97a; border-radius: 3px; }")
        self.only_label = QLabel()
        self.only_label.setWordWrap(True)
        self.show_all_button = QPushButton(self.tr("Show all"))
        self.show_all_button.clicked.connect(lambda: self.show_only("", None))
        row = QHBoxLayout(self.only_bar)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.only_label, 1)
        row.addWidget(self.show_all_button)
        self.only_bar.hide()
        return self.only_bar

    def _setup_view(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.verticalHeader().hide()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda _i: self.open_current())
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
            header.setSectionHidden(i, column.hidden)
        header.sectionMoved.connect(self._layout_changed)
        header.sectionResized.connect(self._layout_changed)
        header.sortIndicatorChanged.connect(self._layout_changed)

    def _build_actions(self) -> None:
        def action(text: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            return act

        self.act_open = action(self.tr("Open") + "\tEnter", self.open_current)
        self.act_add = action(self.tr("Add") + "\tIns", self.addRequested.emit)
        self.act_delete = action(self.tr("Delete") + "\tDel", self.delete_selected)
        self.act_export = action(self.tr("Export to Excel…"), lambda: self._export("xlsx"))
        self.act_print = action(self.tr("Print list…"), lambda: self._export("print"))
        self.act_columns = action(self.tr("Columns…"), self.choose_columns)

    # ---------------------------------------------------------------- commands
    COMMANDS = {"add": "addRequested()", "open": "openRequested(PyObject)",
                "delete": "deleteRequested(QVariantList)"}

    def supports(self, command: str) -> bool:
        """Whether «add», «open» or «delete» does something on this list: its tab listens
        and has not said otherwise (see `not_here`)."""
        if command in self.not_here:
            return False
        signal = self.COMMANDS.get(command)
        return signal is None or self.receivers(SIGNAL(signal)) > 0

    # ---------------------------------------------------------------- data
    def reload(self) -> None:
        """Ask the service again; keep the search, the sort and the selected record.

        Built inside `lazy.deferred_loading()`, the list reads nothing until its tab is shown.
        """
        if put_off(self, self.reload):
            return
        selected = self.current_row()
        self.model.set_rows(self._loader())
        self._fit_if_pending()
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.set_search(self.search.text())
        QTimer.singleShot(INDEX_DELAY_MS, self.model.prepare_search)
        if selected is not None:
            self.select_row_where(lambda r: getattr(r, "id", None) == getattr(selected, "id", 0))

    def _on_changed(self, tables: frozenset[str]) -> None:
        if is_pending(self):
            return  # not read yet: it reads the newest rows when it is shown
        if "*" in tables or self._tables & tables:
            self.reload()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """The tab's own filters (kept apart from show_only())."""
        self._own_predicate = predicate
        self._apply_predicates()

    def show_only(self, label: str, predicate: Callable[[Any], bool] | None) -> None:
        """Only the rows a link chose (the start page's counts), said in a bar above the
        list until «Показать все»; None shows all again. The search is cleared."""
        self._only = predicate
        self.only_label.setText(self.tr("Shown: %1").replace("%1", label))
        self.only_bar.setVisible(predicate is not None)
        if predicate is not None:
            self.search.clear()
            self.model.set_search("")
        self._apply_predicates()

    def _apply_predicates(self) -> None:
        own, only = self._own_predicate, self._only
        if own is not None and only is not None:
            self.model.set_predicate(lambda row: only(row) and own(row))
        else:
            self.model.set_predicate(own or only)

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def _update_footer(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.footer.setText(self.tr("Shown: %1 of %2").replace("%1", str(shown)).replace(
            "%2", str(total)))
        self.countChanged.emit(shown, total)

    # ---------------------------------------------------------------- selection
    def current_row(self) -> Any | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[Any]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_row_where(self, match: Callable[[Any], bool]) -> bool:
        for row in range(self.model.rowCount()):
            if match(self.model.row_at(row)):
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def select_id(self, record_id: str) -> bool:
        """Selects the row of that record, if the list shows it."""
        return self.select_row_where(lambda row: getattr(row, "id", None) == record_id)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.openRequested.emit(row)

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.deleteRequested.emit(rows)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---------------------------------------------------------------- shown columns
    def shown_columns(self) -> list[Column]:
        header = self.view.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [self.model.columns[i] for i in logical if not header.isSectionHidden(i)]

    def shown_table(self) -> tuple[list[Column], list[list[object]]]:
        """Exactly what the user sees: shown columns in their order, rows in their order."""
        columns = self.shown_columns()
        rows = [[c.value(r) for c in columns] for r in self.model.visible_rows()]
        return columns, rows

    def choose_columns(self) -> None:
        titles = [c.title for c in self.model.columns]
        if ColumnChooserDialog.ask(self.view.horizontalHeader(), titles, self):
            self._layout_changed()

    def _update_searchable(self) -> None:
        header = self.view.horizontalHeader()
        self.model.set_searchable([i for i in range(header.count())
                                   if not header.isSectionHidden(i)])

    # ---------------------------------------------------------------- menus
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in (self.act_open, self.act_add, self.act_delete, None, self.act_export,
                    self.act_print, None, self.act_columns):
            menu.addSeparator() if act is None else menu.addAction(act)
        self.act_open.setEnabled(self.current_row() is not None)
        self.act_delete.setEnabled(bool(self.selected_rows()))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        self.act_open.setEnabled(True)
        self.act_delete.setEnabled(True)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            act = menu.addAction(column.title)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(i))
            act.toggled.connect(lambda on, i=i: self._toggle_column(i, on))
        menu.addSeparator()
        menu.addAction(self.act_columns)
        menu.addAction(self.tr("Reset columns"), self.reset_columns)
        menu.exec(header.mapToGlobal(pos))

    def _toggle_column(self, logical: int, shown: bool) -> None:
        header = self.view.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return
        header.setSectionHidden(logical, not shown)
        self._layout_changed()

    def _fit_if_pending(self) -> None:
        """The first fit waits until the list is on screen with rows: its width is known."""
        if self._fit_pending and self.model.rowCount() and self.view.isVisible():
            self._fit_pending = False
            self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            QTimer.singleShot(0, self._fit_if_pending)

    def fit_columns(self) -> None:
        """Each shown column as wide as its title and its longest text among the first
        FIT_ROWS rows, at most FIT_MAX: the first look needs no dragging of column edges
        (then the user's own widths are remembered)."""
        header, metrics = self.view.horizontalHeader(), self.view.fontMetrics()
        rows = min(self.model.rowCount(), FIT_ROWS)
        wanted: dict[int, int] = {}
        for i, column in enumerate(self.model.columns):
            if header.isSectionHidden(i):
                continue
            texts = (str(self.model.index(r, i).data() or "") for r in range(rows))
            content = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 14
            title = header.fontMetrics().horizontalAdvance(column.title) + 26  # sort arrow
            wanted[i] = min(max(content, title, 40), FIT_MAX)
        for i, width in fitted_widths(wanted, {i: self.model.columns[i].width for i in wanted},
                                      self.view.viewport().width()).items():
            header.resizeSection(i, width)

    def reset_columns(self) -> None:
        header = self.view.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.moveSection(header.visualIndex(i), i)
            header.setSectionHidden(i, column.hidden)
            header.resizeSection(i, column.width)
        self._layout_changed()

    def _export(self, kind: str) -> None:
        if self.exporter is not None:
            self.exporter(self, kind)

    # ---------------------------------------------------------------- layout memory
    def _key(self) -> str:
        return f"lists/{self.list_id}/header"

    def _layout_changed(self, *_args: object) -> None:
        self._update_searchable()
        self._store.setValue(self._key(), self.view.horizontalHeader().saveState())

    def _restore_layout(self) -> None:
        state = self._store.value(self._key())
        if isinstance(state, QByteArray | bytes):
            header = self.view.horizontalHeader()
            if not header.restoreState(QByteArray(state)) or header.count() != len(
                    self.model.columns):
                self.reset_columns()


FIT_ROWS = 300  # the rows a first fit of the columns reads
FIT_MAX = 380  # the widest a column is made by that fit


def fitted_widths(wanted: dict[int, int], base: dict[int, int], room: int) -> dict[int, int]:
    """The columns' widths: as `wanted` when they fit in `room`; else the columns wider than
    their `base` width give up their extra in proportion, never below the base, so that no
    column is pushed out of sight that the base layout showed."""
    excess = sum(wanted.values()) - room
    extra = {i: max(w - base[i], 0) for i, w in wanted.items()}
    spare = sum(extra.values())
    if excess <= 0 or spare == 0:
        return dict(wanted)
    cut = min(excess / spare, 1.0)
    return {i: w - round(extra[i] * cut) for i, w in wanted.items()}


class _TableView(QTableView):
    """Enter opens the current record, Insert adds, Delete deletes the selected ones."""

    def __init__(self, owner: RecordList) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.open_current()
        elif key == Qt.Key.Key_Insert:
            self._owner.addRequested.emit()
        elif key == Qt.Key.Key_Delete:
            self._owner.delete_selected()
        else:
            super().keyPressEvent(event)
