"""Reminders: the events of the next days and past events whose results are missing — in
the status bar and, on start, in a window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from imc_desktop.services.events.records import EventRow, Reminders
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


def summary_text(found: Reminders) -> str:
    """«Мероприятий в ближайшие дни: 3; без итогов: 2» for the status bar."""
    parts = []
    if found.upcoming:
        parts.append(QCoreApplication.translate("Reminders", "Events soon: %1").replace(
            "%1", str(len(found.upcoming))))
    if found.missing:
        parts.append(QCoreApplication.translate("Reminders", "without results: %1").replace(
            "%1", str(len(found.missing))))
    return "; ".join(parts)


def _columns(with_missing: bool) -> list[Column]:
    titles = (QCoreApplication.translate("Reminders", "Date"),
              QCoreApplication.translate("Reminders", "Time"),
              QCoreApplication.translate("Reminders", "Title"),
              QCoreApplication.translate("Reminders", "Place"),
              QCoreApplication.translate("Reminders", "What is missing"))
    columns = [
        Column("date", titles[0], lambda r: r.starts_at, kind="date", width=90),
        Column("time", titles[1], lambda r: r.time_text, width=90),
        Column("title", titles[2], lambda r: r.title, width=290),
        Column("place", titles[3], lambda r: r.place, width=180)]
    if with_missing:
        columns.append(Column("missing", titles[4], lambda r: r.missing, width=210))
    return columns


class RemindersDialog(QDialog):
    """Double-click on an event opens it with `opener` (the events tab's form)."""

    def __init__(self, found: Reminders, parent: QWidget | None = None,
                 opener: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.setWindowTitle(self.tr("Events: reminders"))
        layout = QVBoxLayout(self)
        self.upcoming = self._table(layout, self.tr("Soon"), found.upcoming, False)
        self.missing = self._table(layout, self.tr("Took place, results missing"),
                                   found.missing, True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(960, 520)

    def _table(self, layout: QVBoxLayout, title: str, rows: tuple[EventRow, ...],
               with_missing: bool) -> QTableView:
        layout.addWidget(QLabel(f"<b>{title}</b> ({len(rows)})"))
        view, model = make_table(_columns(with_missing), self)
        model.set_rows(list(rows))
        view.doubleClicked.connect(lambda index: self.open_event(model.row_at(index.row())))
        layout.addWidget(view, 1)
        return view

    def open_event(self, row: EventRow) -> None:
        if self.opener is not None:
            self.opener(row.id)

    @staticmethod
    def ask(found: Reminders, parent: QWidget | None = None,
            opener: Callable[[str], object] | None = None) -> None:
        """Shows the reminders and waits for them to be closed; tests replace it."""
        RemindersDialog(found, parent, opener).exec()

    @staticmethod
    def show_beside(found: Reminders, parent: QWidget,
                    opener: Callable[[str], object] | None = None) -> RemindersDialog:
        """The reminders in a window of their own that does not hold the main window up:
        the methodist may work on and close it whenever (it goes when closed)."""
        dialog = RemindersDialog(found, parent, opener)
        dialog.setModal(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
