"""An association's card: its members, the year's plan of meetings with their protocols and
the decisions, each changed through the network's services and shown again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.network import decisions as nd
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net
from imc_desktop.services.network.card import AssociationCard
from imc_desktop.services.network.rules import year_bounds, year_text
from ui.network.dialogs import AssociationDialog, DecisionDialog, Lookups, MeetingDialog
from ui.network.members import MembersDialog
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column, RecordTableModel

Loader = Callable[[str], AssociationCard]
Printer = Callable[[QWidget, str, dict[str, str]], None]
"""Builds a report by name with its parameters and offers to save it (lent by the tab)."""


class AssociationCardDialog(QDialog):
    def __init__(self, card: AssociationCard, load: Loader, lookups: Lookups,
                 people: list[net.PersonOption], positions: tuple[str, ...],
                 parent: QWidget | None = None, printer: Printer | None = None) -> None:
        super().__init__(parent)
        self.card, self._load, self.lookups, self._printer = card, load, lookups, printer
        self._people, self._positions = people, positions
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_association)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for text, name in ((self.tr("Plan for the year…"), "network-plan"),
                           (self.tr("Year's report…"), "network-annual")):
            button = QPushButton(text)
            button.setEnabled(printer is not None)
            button.clicked.connect(lambda _c=False, n=name: self.print_report(
                n, {"association": self.card.data.id or ""}))
            top.addWidget(button)
        top.addWidget(edit)
        self.tabs = QTabWidget()
        self.members_view, self.members = self._table(self._member_columns(), [
            (self.tr("Add members…"), self.add_members),
            (self.tr("Left today"), self.mark_left), (self.tr("Remove"), self.remove_members)],
            self.tr("Members"))
        self.plan_view, self.plan = self._table(self._plan_columns(), [
            (self.tr("Plan a meeting…"), self.plan_meeting),
            (self.tr("Take in a calendar event…"), self.attach_event),
            (self.tr("Open, protocol…"), self.open_meeting),
            (self.tr("Print the protocol…"), self.print_protocol),
            (self.tr("Delete"), self.delete_meetings)], self.tr("Plan and protocols"))
        self.plan_view.doubleClicked.connect(lambda _i: self.open_meeting())
        self.decisions_view, self.decisions = self._table(self._decision_columns(), [
            (self.tr("Add a decision…"), self.add_decision),
            (self.tr("Open…"), self.open_decision), (self.tr("Done today"), self.mark_done),
            (self.tr("Delete"), self.delete_decisions)], self.tr("Decisions"))
        self.decisions_view.doubleClicked.connect(lambda _i: self.open_decision())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.show_card(card)
        self.resize(1100, 680)

    # ---------------------------------------------------------------- building
    def _table(self, columns: list[Column], buttons: list[tuple[str, Callable[[], None]]],
               title: str) -> tuple[QTableView, RecordTableModel]:
        page = QWidget(self)
        view, model = make_table(columns, page)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.verticalHeader().hide()
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        self.tabs.addTab(page, title)
        return view, model

    def _member_columns(self) -> list[Column]:
        return [Column("name", self.tr("Full name"), lambda r: r.full_name, width=260),
                Column("org", self.tr("Organization"), lambda r: r.organization, width=180),
                Column("position", self.tr("Position"), lambda r: r.position, width=160),
                Column("role", self.tr("Role"), lambda r: r.role, width=110),
                Column("joined", self.tr("Joined"), lambda r: r.joined_on, "date", 90),
                Column("left", self.tr("Left"), lambda r: r.left_on, "date", 90)]

    def _plan_columns(self) -> list[Column]:
        return [Column("n", "№", lambda r: r.number, "int", 36),
                Column("day", self.tr("Date"), lambda r: r.day, "date", 90),
                Column("theme", self.tr("Theme"), lambda r: r.data.theme, width=280),
                Column("form", self.tr("Form"), lambda r: r.data.form, width=120),
                Column("status", self.tr("Event status"), lambda r: r.status, width=150),
                Column("attended", self.tr("Attended"),
                       lambda r: f"{r.attended} / {r.participants}", width=120),
                Column("protocol", self.tr("Protocol"), self._protocol_text, width=110),
                Column("place", self.tr("Place"), lambda r: r.place, width=160)]

    def _protocol_text(self, row: nm.MeetingRow) -> str:
        if row.data.has_protocol:
            return self.tr("No. %1").replace("%1", row.data.protocol_number) \
                if row.data.protocol_number else self.tr("written")
        return self.tr("none") if row.held else ""

    def _decision_columns(self) -> list[Column]:
        return [Column("day", self.tr("Meeting"), lambda r: r.meeting_day, "date", 90),
                Column("text", self.tr("Decision"), lambda r: r.data.text, width=360),
                Column("who", self.tr("Responsible"), lambda r: r.responsible, width=200),
                Column("deadline", self.tr("Deadline"), lambda r: r.data.deadline, "date", 90),
                Column("done", self.tr("Done on"), lambda r: r.data.done_on, "date", 90),
                Column("late", self.tr("Overdue"), lambda r: r.overdue, "bool", 80)]

    def show_card(self, card: AssociationCard) -> None:
        self.card = card
        d = card.data
        self.setWindowTitle(d.name)
        head = next((m.full_name for m in card.members if m.person_id == d.head_id), "")
        curator = dict(self.lookups.people).get(d.curator_id or "", "")
        self.heading.setText(
            f"<b>{d.name}</b> ({d.kind}), {year_text(d.year)} · {d.status}<br>"
            + self.tr("Head: %1").replace("%1", head or "—") + " · "
            + self.tr("Curator: %1").replace("%1", curator.split(" — ")[0] or "—") + "<br>"
            + self.tr("Theme of the year: %1").replace("%1", d.theme or "—"))
        self.members.set_rows(list(card.members))
        self.plan.set_rows(list(card.meetings))
        self.decisions.set_rows(list(card.decisions))

    def reload(self) -> None:
        self.show_card(self._load(self.card.data.id or ""))

    def _chosen(self, view: QTableView, model: RecordTableModel) -> list[object]:
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        return [model.row_at(r) for r in rows]

    def _run(self, title: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except ServiceError as exc:
            Ask.error(self, title, str(exc))
            return False
        finally:
            self.reload()
        return True

    # ---------------------------------------------------------------- documents
    def print_report(self, name: str, params: dict[str, str]) -> None:
        if self._printer is not None:
            self._printer(self, name, params)

    def print_protocol(self) -> None:
        rows = self._chosen(self.plan_view, self.plan)
        if not rows:
            Ask.info(self, self.tr("Protocol"), self.tr("Select a meeting of the plan first."))
            return
        assert isinstance(rows[0], nm.MeetingRow)
        self.print_report("network-protocol", {"meeting": rows[0].id})

    # ---------------------------------------------------------------- association
    def edit_association(self) -> None:
        loaded = self.card.data
        edited = AssociationDialog.ask(loaded, self.lookups, self)
        if edited is not None:
            self._run(self.tr("Association not saved"),
                      lambda: net.save_association(edited, loaded))

    # ---------------------------------------------------------------- members
    def add_members(self) -> None:
        found = MembersDialog.ask(self._people, self.lookups.organizations, self._positions,
                                  self.card.data.subject, self)
        if found is None:
            return
        result: list[tuple[int, list[str]]] = []
        self._run(self.tr("Members not added"), lambda: result.append(net.add_members(
            self.card.data.id or "", found.person_ids, found.role)))
        if result and result[0][1]:
            Ask.info(self, self.tr("Already members"), self.tr(
                "Already members of the association, not added again:") + "\n"
                + "\n".join(result[0][1]))

    def mark_left(self) -> None:
        rows = [r for r in self._chosen(self.members_view, self.members)
                if isinstance(r, net.MemberRow)]
        today = self.card.today

        def leave() -> None:
            for row in rows:
                net.save_member(replace(row, left_on=row.left_on or today))

        self._run(self.tr("Member not changed"), leave)

    def remove_members(self) -> None:
        rows = [r for r in self._chosen(self.members_view, self.members)
                if isinstance(r, net.MemberRow)]
        if rows and Ask.confirm(self, self.tr("Remove members"), self.tr(
                "Remove %n member(s) from the association? (To keep the history, mark them "
                "as left instead.)", "", len(rows))):
            self._run(self.tr("Members not removed"),
                      lambda: net.delete_members([r.id for r in rows]))

    # ---------------------------------------------------------------- plan
    def _default_day(self) -> date:
        first, last = year_bounds(self.card.data.year)
        return min(max(self.card.today, first), last)

    def plan_meeting(self) -> None:
        data = nm.MeetingData(association_id=self.card.data.id or "")
        form = MeetingDialog.ask(data, self._default_day(), ("14:00", "16:00"), (None, ""),
                                 self.card.data.year, self.lookups, self)
        if form is not None and form.slot is not None:
            slot = form.slot
            self._run(self.tr("Meeting not planned"), lambda: nm.plan_meeting(form.data, slot))

    def attach_event(self) -> None:
        choice = self.choose_event(self, self.card.free_events)
        if choice is not None:
            data = nm.MeetingData(association_id=self.card.data.id or "")
            self._run(self.tr("Event not taken in"), lambda: nm.attach_meeting(data, choice))

    @staticmethod
    def choose_event(parent: QWidget, events: tuple[tuple[str, str], ...]) -> str | None:
        """The id of the «заседание РМО» event chosen, or None. Tests replace this."""
        if not events:
            Ask.info(parent, QCoreApplication.translate("AssociationCardDialog", "No events"),
                     QCoreApplication.translate(
                         "AssociationCardDialog", "The calendar has no «заседание РМО» of this "
                         "academic year that is not in a plan yet."))
            return None
        texts = [text for _, text in events]
        text, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("AssociationCardDialog", "Take in an event"),
            QCoreApplication.translate("AssociationCardDialog", "Meeting of the calendar:"),
            texts, 0, False)
        return events[texts.index(text)][0] if ok else None

    def open_meeting(self) -> None:
        rows = self._chosen(self.plan_view, self.plan)
        if not rows:
            return
        row = rows[0]
        assert isinstance(row, nm.MeetingRow)
        hours = (f"{row.starts_at:%H:%M}", f"{row.ends_at:%H:%M}") if row.starts_at and \
            row.ends_at else ("14:00", "16:00")
        form = MeetingDialog.ask(row.data, row.day, hours, self._place_of(row),
                                 self.card.data.year, self.lookups, self)
        if form is not None:
            slot = form.slot if row.data.event_id else None
            self._run(self.tr("Meeting not saved"), lambda: nm.save_meeting(form.data, slot))

    def _place_of(self, row: nm.MeetingRow) -> tuple[str | None, str]:
        if row.place_organization_id:
            return row.place_organization_id, ""
        return None, row.place

    def delete_meetings(self) -> None:
        rows = [r for r in self._chosen(self.plan_view, self.plan)
                if isinstance(r, nm.MeetingRow)]
        if rows and Ask.confirm(self, self.tr("Delete meetings"), self.tr(
                "Delete %n meeting(s) from the plan with their protocols and decisions? "
                "Their events stay in the calendar.", "", len(rows))):
            self._run(self.tr("Meetings not deleted"),
                      lambda: nm.delete_meetings([r.id for r in rows]))

    # ---------------------------------------------------------------- decisions
    def add_decision(self) -> None:
        choices = self.card.meeting_choices()
        if not choices:
            Ask.info(self, self.tr("No meetings"), self.tr("Plan a meeting first: a decision "
                                                           "belongs to a meeting."))
            return
        self._edit_decision(nd.DecisionData(meeting_id=choices[-1][0]))

    def open_decision(self) -> None:
        rows = self._chosen(self.decisions_view, self.decisions)
        if rows:
            assert isinstance(rows[0], nd.DecisionRow)
            self._edit_decision(rows[0].data)

    def _edit_decision(self, data: nd.DecisionData) -> None:
        edited = DecisionDialog.ask(data, self.card.meeting_choices(), self.lookups, self)
        if edited is not None:
            self._run(self.tr("Decision not saved"), lambda: nd.save_decision(edited))

    def mark_done(self) -> None:
        ids = [r.id for r in self._chosen(self.decisions_view, self.decisions)
               if isinstance(r, nd.DecisionRow)]
        if ids:
            self._run(self.tr("Decisions not marked"),
                      lambda: nd.mark_done(ids, self.card.today))

    def delete_decisions(self) -> None:
        ids = [r.id for r in self._chosen(self.decisions_view, self.decisions)
               if isinstance(r, nd.DecisionRow)]
        if ids and Ask.confirm(self, self.tr("Delete decisions"),
                               self.tr("Delete %n decision(s)?", "", len(ids))):
            self._run(self.tr("Decisions not deleted"), lambda: nd.delete_decisions(ids))
