"""«Наставничество»: the mentoring pairs with their plans, and below them the young
specialists who have no mentor (opening one makes a pair for her)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network.records import TABLES
from ui.network.dialogs import Lookups, PairDialog, PlanItemDialog
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.record_list import Column, RecordList

STAFF_TABLES = {"persons", "employments", "educations", "experiences"}


class MentoringPage(QWidget):
    def __init__(self, settings: config.Settings, lookups: Callable[[], Lookups],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self._lookups = settings, lookups
        store = settings.raw()
        self.record_list = RecordList("network_pairs", self.tr("Mentoring pairs"),
                                      self._pair_columns(), mt.list_pairs, set(TABLES)
                                      | STAFF_TABLES, store, self)
        self.record_list.addRequested.connect(lambda: self.edit_pair(mt.PairData()))
        self.record_list.openRequested.connect(lambda row: self.edit_pair(row.data))
        self.record_list.deleteRequested.connect(self.delete_pairs)
        plan = QPushButton(self.tr("Plan of the pair…"))
        plan.clicked.connect(self.open_plan)
        self.record_list.filters.addWidget(plan)
        self.young = RecordList("network_young", self.tr("Young specialists without a mentor"),
                                self._young_columns(), self._young_rows,
                                set(TABLES) | STAFF_TABLES, store, self)
        self.young.openRequested.connect(self.mentor_for)
        self.young.addRequested.connect(lambda: self.edit_pair(mt.PairData()))
        self.young.not_here["delete"] = self.tr(
            "The list is computed from «Staff»: give the young specialist a mentor instead.")
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr(
            "Young specialists (the rule of «Staff» in the settings) without a mentor; "
            "open one to give her a mentor."))
        note.setWordWrap(True)
        below_layout.addWidget(note)
        below_layout.addWidget(self.young, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.record_list)
        split.addWidget(below)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def _young_rows(self) -> list[mt.YoungRow]:
        return mt.young_without_mentor(Rules.from_settings(self.settings).staff, clock.today())

    def _pair_columns(self) -> list[Column]:
        return [Column("mentee", self.tr("Mentee"), lambda r: r.mentee, width=230),
                Column("mentee_org", self.tr("Organization"), lambda r: r.mentee_organization,
                       width=170),
                Column("position", self.tr("Position"), lambda r: r.mentee_position, width=130),
                Column("mentor", self.tr("Mentor"), lambda r: r.mentor, width=230),
                Column("form", self.tr("Form"), lambda r: r.data.form, width=160),
                Column("from", self.tr("From"), lambda r: r.data.starts_on, "date", 90),
                Column("to", self.tr("To"), lambda r: r.data.ends_on, "date", 90),
                Column("plan", self.tr("Plan done"),
                       lambda r: f"{r.plan_done} / {r.plan_items}", width=90),
                Column("active", self.tr("Active"), lambda r: r.active, "bool", 70)]

    def _young_columns(self) -> list[Column]:
        return [Column("name", self.tr("Full name"), lambda r: r.full_name, width=260),
                Column("org", self.tr("Organization"), lambda r: r.organization, width=200),
                Column("position", self.tr("Position"), lambda r: r.position, width=150),
                Column("started", self.tr("Began work"), lambda r: r.started_on, "date", 100),
                Column("until", self.tr("Young specialist until"), lambda r: r.status_until,
                       "date", 150)]

    def lists(self) -> list[RecordList]:
        return [self.record_list, self.young]

    def mentor_for(self, row: mt.YoungRow) -> None:
        self.edit_pair(mt.PairData(mentee_id=row.person_id, starts_on=clock.today()))

    def edit_pair(self, data: mt.PairData) -> None:
        lookups = self._lookups()
        while True:
            edited = PairDialog.ask(data, lookups, self)
            if edited is None:
                return
            try:
                self.record_list.select_id(mt.save_pair(edited))
                return
            except ServiceError as exc:
                Ask.error(self, self.tr("Pair not saved"), str(exc))
                data = edited

    def delete_pairs(self, rows: list[mt.PairRow]) -> None:
        if Ask.confirm(self, self.tr("Delete pairs"), self.tr(
                "Delete %n mentoring pair(s) with their plans?", "", len(rows))):
            mt.delete_pairs([r.id for r in rows])

    def open_plan(self) -> None:
        row = self.record_list.current_row()
        if row is None:
            Ask.info(self, self.tr("Plan of the pair"), self.tr("Select a pair first."))
            return
        PairPlanDialog(row, self).exec()


class PairPlanDialog(QDialog):
    """The plan of one pair: items with deadlines and marks of completion."""

    def __init__(self, pair: mt.PairRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self.setWindowTitle(self.tr("Plan: %1 — mentor %2").replace("%1", pair.mentee)
                            .replace("%2", pair.mentor))
        columns = [Column("text", self.tr("What is to be done"), lambda r: r.text, width=380),
                   Column("deadline", self.tr("Deadline"), lambda r: r.deadline, "date", 100),
                   Column("done", self.tr("Done on"), lambda r: r.done_on, "date", 100)]
        self.view, self.model = make_table(columns, self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Open…"), self.edit),
                           (self.tr("Done today"), self.mark_done),
                           (self.tr("Delete"), self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self.reload()
        self.resize(720, 420)

    def reload(self) -> None:
        self.model.set_rows(mt.list_plan(self.pair.id))

    def _chosen(self) -> list[mt.PlanItemData]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def add(self) -> None:
        self._save(PlanItemDialog.ask(mt.PlanItemData(pair_id=self.pair.id), self))

    def edit(self) -> None:
        chosen = self._chosen()
        if chosen:
            self._save(PlanItemDialog.ask(chosen[0], self))

    def _save(self, item: mt.PlanItemData | None) -> None:
        if item is not None:
            try:
                mt.save_plan_item(item)
            except ServiceError as exc:
                Ask.error(self, self.tr("Item not saved"), str(exc))
            self.reload()

    def mark_done(self) -> None:
        from dataclasses import replace

        for item in self._chosen():
            mt.save_plan_item(replace(item, done_on=clock.today()))
        self.reload()

    def delete(self) -> None:
        chosen = self._chosen()
        if chosen and Ask.confirm(self, self.tr("Delete items"),
                                  self.tr("Delete %n item(s) of the plan?", "", len(chosen))):
            mt.delete_plan_items([i.id or "" for i in chosen])
            self.reload()
