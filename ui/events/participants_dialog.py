"""The participants of one event: add from the register, in bulk, external, from Excel;
edit roles, attendance and results; delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events.participants import Added, ParticipantData, ParticipantRow
from imc_desktop.services.events.records import EventRow
from ui.events.participant_forms import BulkForm, ParticipantForm, PeopleContext, PeoplePicker
from ui.widgets.changes import change_bridge
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column


def attendance_text(row: ParticipantRow) -> str:
    return {None: "", True: "да", False: "нет"}[row.data.attended]


class ParticipantsDialog(QDialog):
    def __init__(self, event: EventRow, context: PeopleContext, mappings: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.occasion, self.context, self.mappings = event, context, mappings
        self.setWindowTitle(self.tr("Participants: %1").replace("%1", event.title))
        self.view, self.model = make_table(self._columns(), self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{event.starts_at:%d.%m.%Y} {event.time_text}; {event.place}"))
        layout.addLayout(self._buttons())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        change_bridge().changed.connect(self._changed)
        self.reload()
        self.resize(1220, 600)

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Full name"), lambda r: r.data.full_name, width=210),
            Column("org", self.tr("Organization"), lambda r: r.organization, width=150),
            Column("position", self.tr("Position"), lambda r: r.data.position, width=100),
            Column("role", self.tr("Role"), lambda r: r.data.role, width=90),
            Column("registered", self.tr("Registered"), lambda r: r.data.registered_on,
                   kind="date", width=90),
            Column("attended", self.tr("Attended"), attendance_text, width=55),
            Column("result", self.tr("Result"), lambda r: r.data.result, width=85),
            Column("nomination", self.tr("Nomination"), lambda r: r.data.nomination,
                   width=120),
            Column("place", self.tr("Place"), lambda r: r.data.place, kind="int", width=50),
            Column("score", self.tr("Score"), lambda r: r.data.score, kind="number",
                   width=50),
            Column("document", self.tr("Document"), lambda r: r.document, width=140),
        ]

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions: list[tuple[str, Callable[[], None]]] = [
            (self.tr("From the register…"), self.add_from_register),
            (self.tr("In bulk…"), self.add_in_bulk),
            (self.tr("External…"), self.add_external),
            (self.tr("From Excel…"), self.import_from_excel),
            (self.tr("Edit…"), self.edit),
            (self.tr("Mark attended"), lambda: self.mark(True)),
            (self.tr("Mark absent"), lambda: self.mark(False)),
            (self.tr("Delete"), self.delete),
        ]
        self.button = {}
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            self.button[text] = button
        row.addStretch(1)
        return row

    # ---------------------------------------------------------------- data
    def reload(self) -> None:
        rows = ep.list_participants(self.occasion.id)
        self.model.set_rows(rows)
        seats = sum(1 for r in rows if r.data.role in ep.ROLES[:2])
        capacity = self.occasion.capacity
        text = self.tr("Participants: %1").replace("%1", str(len(rows)))
        if capacity:
            text += "; " + self.tr("seats taken %1 of %2").replace("%1", str(seats)).replace(
                "%2", str(capacity))
        self.summary.setText(text)

    def _changed(self, tables: frozenset[str]) -> None:
        if "*" in tables or "event_participants" in tables:
            self.reload()

    def selected(self) -> list[ParticipantRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def _run(self, work: Callable[[], object]) -> object | None:
        try:
            return work()
        except ServiceError as exc:
            Ask.error(self, self.tr("Participants"), str(exc))
            return None

    def _report(self, added: object) -> None:
        if isinstance(added, Added) and added.already:
            Ask.info(self, self.tr("Participants"), self.tr(
                "Added: %1. Already taking part, skipped: %2.").replace(
                "%1", str(added.added)).replace("%2", str(added.already)))

    # ---------------------------------------------------------------- commands
    def add_from_register(self) -> None:
        answer = PeoplePicker.ask(self.context.people, self)
        if answer and answer[0]:
            self._report(self._run(lambda: ep.add_people(self.occasion.id, answer[0], answer[1])))

    def add_in_bulk(self) -> None:
        choice = BulkForm.ask(self.context, self)
        if choice is not None:
            self._report(self._run(lambda: ep.add_bulk(
                self.occasion.id, choice.organization_id, choice.position, choice.subject,
                choice.role)))

    def add_external(self) -> None:
        data = ParticipantForm.ask(ParticipantData(event_id=self.occasion.id), self)
        if data is not None:
            self._run(lambda: ep.save_participant(data))

    def edit(self) -> None:
        rows = self.selected()
        if rows:
            data = ParticipantForm.ask(rows[0].data, self)
            if data is not None:
                self._run(lambda: ep.save_participant(data))

    def mark(self, attended: bool) -> None:
        ids = [r.id for r in self.selected()]
        if ids:
            self._run(lambda: ep.mark_attendance(ids, attended))

    def delete(self) -> None:
        rows = self.selected()
        if rows and Ask.confirm(self, self.tr("Delete participants"), self.tr(
                "Delete %n participant(s) of the event?", "", len(rows))):
            self._run(lambda: ep.delete_participants([r.id for r in rows]))

    def import_from_excel(self) -> None:
        from imc_desktop.services.events.importing import into_event
        from ui.widgets.import_wizard import ImportWizard

        if self.mappings is not None:
            with into_event(self.occasion.id):
                ImportWizard.ask("event_participants", self.mappings, self)

    @staticmethod
    def ask(event: EventRow, context: PeopleContext, mappings: Path | None = None,
            parent: QWidget | None = None) -> None:
        ParticipantsDialog(event, context, mappings, parent).exec()
