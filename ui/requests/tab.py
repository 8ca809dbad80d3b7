"""The «Requests and monitorings» tab: incoming requests and data collections from the ОО,
with their deadlines (overdue in red, due within three days in amber) in the status bar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.requests import records, rules, write
from imc_desktop.services.requests.records import CollectionData, RequestData
from ui.requests.card import CollectionCard
from ui.requests.dialogs import CollectionDialog, RequestDialog
from ui.widgets.changes import change_bridge
from ui.widgets.messages import Ask
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import Column, RecordList


class RequestsTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = self.tr("Requests and monitorings")
        store = settings.raw()
        self.requests = RecordList("requests", self.tr("Incoming requests"),
                                   self._request_columns(), records.list_requests,
                                   {records.REQUESTS}, store, self)
        self.collections = RecordList("collections", self.tr("Data collections from the ОО"),
                                      self._collection_columns(), records.list_collections,
                                      set(records.TABLES), store, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.requests, self.tr("Incoming requests"))
        self.tabs.addTab(self.collections, self.tr("Data collections"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.requests.addRequested.connect(lambda: self.edit_request(RequestData()))
        self.requests.openRequested.connect(self.open_request)
        self.requests.deleteRequested.connect(self.delete_requests)
        self.collections.addRequested.connect(lambda: self.edit_collection(CollectionData()))
        self.collections.openRequested.connect(self.open_collection)
        self.collections.deleteRequested.connect(self.delete_collections)
        self.deadline_label = QLabel()
        self.deadline_label.linkActivated.connect(lambda _l: self._show_due())
        change_bridge().changed.connect(self._changed)
        self.show_deadlines()

    @property
    def record_list(self) -> RecordList:
        return self.collections if self.tabs.currentIndex() == 1 else self.requests

    def lists(self) -> list[RecordList]:
        return [self.requests, self.collections]

    def _request_columns(self) -> list[Column]:
        return [
            Column("received_on", self.tr("Date"), lambda r: r.received_on, kind="date",
                   width=95),
            Column("number", self.tr("Number"), lambda r: r.number, width=110),
            Column("sender", self.tr("From"), lambda r: r.sender, width=220),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=360),
            Column("deadline", self.tr("Deadline"), lambda r: _deadline(r), width=215),
            Column("responsible", self.tr("Responsible"), lambda r: r.responsible, width=160),
            Column("status", self.tr("Status"), lambda r: r.status, width=130),
            Column("answer", self.tr("Answer"), lambda r: _answer(r), width=150),
            Column("files", self.tr("Files"), lambda r: "; ".join(r.files), width=250,
                   hidden=True),
        ]

    def _collection_columns(self) -> list[Column]:
        return [
            Column("title", self.tr("Title"), lambda c: c.title, width=320),
            Column("deadline", self.tr("Deadline"), lambda c: _deadline(c), width=215),
            Column("answered", self.tr("Answered"), lambda c: f"{c.answered} / {c.total}",
                   width=100),
            Column("mode", self.tr("Table"), lambda c: rules.MODE_TITLES.get(c.mode, c.mode),
                   width=130),
            Column("request", self.tr("In answer to"), lambda c: c.request_text, width=300),
            Column("created_on", self.tr("Created"), lambda c: c.created_on, kind="date",
                   width=95, hidden=True),
            Column("folder", self.tr("Blanks folder"), lambda c: c.folder, width=250,
                   hidden=True),
        ]

    # --------------------------------------------------------------------- requests

    def open_request(self, row: RequestData | None = None) -> None:
        row = row or self.requests.current_row()
        if row is not None:
            self.edit_request(row)

    def edit_request(self, data: RequestData) -> None:
        while True:
            edited = RequestDialog.ask(data, self)
            if edited is None:
                return
            try:
                new_id = write.save_request(edited)
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Request not saved"), str(exc))
                data = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Request not saved"), str(exc))
                return
            self.requests.select_id(new_id)
            return

    def delete_requests(self, rows: list[RequestData]) -> None:
        if Ask.confirm(self, self.tr("Delete requests"),
                       self.tr("Delete %n request(s)? Their data collections stay.", "",
                               len(rows))):
            for row in rows:
                write.delete_request(row.id or "")

    # ------------------------------------------------------------------ collections

    def open_collection(self, row: CollectionData | None = None) -> None:
        row = row or self.collections.current_row()
        if row is None or row.id is None:
            return
        CollectionCard.show_card(records.get_collection(row.id), self.settings, self,
                                 partial(self.edit_collection, open_card=False))

    def edit_collection(self, data: CollectionData, open_card: bool = True) -> None:
        """The collection's form; a new collection's card opens once it is saved."""
        requests = records.request_choices()
        organizations = orgs.active_organization_choices()
        while True:
            edited = CollectionDialog.ask(data, requests, organizations, orgs.KINDS, self)
            if edited is None:
                return
            try:
                new_id = write.save_collection(edited)
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Data collection not saved"), str(exc))
                data = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Data collection not saved"), str(exc))
                return
            self.collections.select_id(new_id)
            if open_card:
                self.open_collection(records.get_collection(new_id))
            return

    def delete_collections(self, rows: list[CollectionData]) -> None:
        if Ask.confirm(self, self.tr("Delete data collections"),
                       self.tr("Delete %n data collection(s) with the answers received? "
                               "The files on the disk stay.", "", len(rows))):
            for row in rows:
                write.delete_collection(row.id or "")

    # -------------------------------------------------------------------- deadlines

    def _changed(self, tables: frozenset[str]) -> None:
        if tables & records.TABLES:
            self.show_deadlines()

    def show_deadlines(self) -> None:
        """«Сроки: просрочено 2, в ближайшие 3 дня 1» in the status bar."""
        try:
            items = records.due_items()
        except ServiceError:
            items = []
        overdue = sum(1 for i in items if i.state == "overdue")
        soon = len(items) - overdue
        if not items:
            self.deadline_label.setText("")
            return
        text = self.tr("Requests: overdue %1, due within 3 days %2").replace(
            "%1", str(overdue)).replace("%2", str(soon))
        color = "#b00020" if overdue else "#a15c00"
        self.deadline_label.setText(f'<a href="#" style="color:{color}">{text}</a>')
        self.deadline_label.setToolTip("\n".join(
            f"{rules.deadline_text(i.deadline_at)}: {i.title}" for i in items))

    def _show_due(self) -> None:
        items = records.due_items()
        ids = {i.id for i in items}
        target = self.collections if any(i.kind == "collection" for i in items) \
            and not any(i.kind == "request" for i in items) else self.requests
        _bring_to_front(target)
        target.show_only(self.tr("Deadlines near or past"),
                         lambda row: getattr(row, "id", None) in ids)


def _bring_to_front(widget: QWidget) -> None:
    """Make every tab that holds `widget` the current one (the window's and the sub-tab)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(holder, QTabWidget):
            holder.setCurrentWidget(child)
        child, parent = parent, holder


def _deadline(row: RequestData | CollectionData) -> str:
    text = rules.deadline_text(row.deadline_at).removeprefix("до ")
    mark = {"overdue": " ⚠ просрочено", "soon": " • скоро"}.get(row.deadline_state, "")
    return text + mark


def _answer(row: RequestData) -> str:
    if row.answer_date is None:
        return ""
    number = f"№ {row.answer_number} " if row.answer_number else ""
    return f"{number}от {row.answer_date:%d.%m.%Y}"


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = RequestsTab
