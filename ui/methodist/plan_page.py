"""«План»: a methodist's month plan — items entered in seconds, linked with an event, a
visit or a consultation, and whether each was done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.methodist import records as journal
from imc_desktop.services.methodist import rules, write
from imc_desktop.services.methodist.records import PlanItemData, PlanItemRow
from ui.methodist.choices import Choices, fill_combo
from ui.methodist.quick import QuickForm, form_above_list
from ui.widgets.messages import Ask
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList

TABLES = {journal.PLAN, journal.VISITS, journal.CONSULTATIONS, "events", "persons"}


class PlanForm(QuickForm):
    """One item of the plan of the month and methodist chosen above the list."""

    def __init__(self, store: QSettings, page: PlanPage) -> None:
        super().__init__(store, "plan", page)
        self.page = page
        self.planned_on = DateEdit()
        self.kind = QComboBox()
        self.kind.addItems(list(journal.PLAN_ITEM_KINDS))
        self.title = QLineEdit()
        self.link = QComboBox()
        self.link.setMinimumWidth(260)
        self.note = QLineEdit()
        grid = QGridLayout()
        for i, (name, label, widget, remember) in enumerate((
                ("planned_on", self.tr("Date"), self.planned_on, False),
                ("kind", self.tr("Work"), self.kind, True),
                ("title", self.tr("What is planned"), self.title, False),
                ("link", self.tr("Linked with"), self.link, False),
                ("note", self.tr("Note"), self.note, False))):
            self.field(name, widget, remember)
            grid.addWidget(QLabel(label), 0, i)
            grid.addWidget(widget, 1, i)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 1)
        self.kind.currentIndexChanged.connect(self.refill_links)
        self.state = QLabel()
        save = QPushButton(self.tr("Save (Ctrl+Enter)"))
        save.clicked.connect(self.submit)
        new = QPushButton(self.tr("New (Esc)"))
        new.clicked.connect(self.start_new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(new)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def refill_links(self) -> None:
        """What the item may be linked with: read for its kind, month and methodist."""
        first = self.page.month
        choices = journal.link_choices(self.kind.currentText(), first, rules.month_end(first),
                                       self.page.methodist_id())
        fill_combo(self.link, [("", self.tr("— nothing —")), *choices])

    def data(self) -> PlanItemData:
        day = self.planned_on.date_value()
        kind, link = self.kind.currentText(), self.value("link") or None
        return PlanItemData(
            id=self.editing.id if self.editing is not None else None,
            methodist_id=self.page.methodist_id(), month=self.page.month,
            planned_on=day if isinstance(day, date) else None, kind=kind,
            title=self.title.text(),
            event_id=link if kind == journal.PLAN_ITEM_KINDS[0] else None,
            visit_id=link if kind == journal.PLAN_ITEM_KINDS[1] else None,
            consultation_id=link if kind == journal.PLAN_ITEM_KINDS[2] else None,
            done_by_hand=self.editing.done_by_hand if self.editing is not None else False,
            note=self.note.text())

    def save(self) -> str:
        if isinstance(self.planned_on.date_value(), str):
            raise ValidationFailed({"planned_on": self.tr("Date: type it as dd.mm.yyyy.")})
        return write.save_plan_item(self.data(), self.editing)

    def clear(self) -> None:
        self.planned_on.clear()
        self.title.clear()
        self.note.clear()
        self.link.setCurrentIndex(0)
        self.state.setText(self.tr("New plan item"))

    def first_of_record(self) -> str | None:
        return "planned_on"

    def load(self, row: PlanItemRow) -> None:
        self.editing = replace(row)
        self.planned_on.set_date_value(row.planned_on)
        self.set_value("kind", row.kind)
        self.refill_links()
        self.set_value("link", row.event_id or row.visit_id or row.consultation_id or "")
        self.title.setText(row.title)
        self.note.setText(row.note)
        self.state.setText(self.tr("Changing a plan item (Esc: a new one)"))
        self.focus_first("title")


class PlanPage(QWidget):
    def __init__(self, store: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = rules.month_start(clock.today())
        self.methodist = QComboBox()
        self.month_label = QLabel()
        self.month_label.setMinimumWidth(120)
        back, forward = QToolButton(), QToolButton()
        back.setText("◀")
        forward.setText("▶")
        back.setToolTip(self.tr("Previous month"))
        forward.setToolTip(self.tr("Next month"))
        back.clicked.connect(lambda: self.go(-1))
        forward.clicked.connect(lambda: self.go(1))
        self.form = PlanForm(store, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Methodist:")))
        top.addWidget(self.methodist, 1)
        top.addWidget(back)
        top.addWidget(self.month_label)
        top.addWidget(forward)
        box = QGroupBox(self.tr("Plan item"))
        QVBoxLayout(box).addWidget(self.form)
        self.record_list = RecordList("methodist_plan", self.tr("Plan"), self._columns(),
                                      self._load, TABLES, store, self)
        self.done_button = QPushButton(self.tr("Done / not done"))
        self.done_button.clicked.connect(self.toggle_done)
        self.record_list.filters.addWidget(self.done_button)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(self.form.start_new)
        self.record_list.deleteRequested.connect(self.delete_records)
        self.form.saved.connect(self.record_list.select_id)
        self.choices = Choices(self, self._refill)
        self.methodist.currentIndexChanged.connect(self._methodist_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(top)
        form_above_list(self, box, self.record_list)
        self._show_month()

    def _columns(self) -> list[Column]:
        return [
            Column("planned_on", self.tr("Date"), lambda r: r.planned_on, kind="date",
                   width=95),
            Column("kind", self.tr("Work"), lambda r: r.kind, width=120),
            Column("title", self.tr("What is planned"), lambda r: r.title, width=360),
            Column("link", self.tr("Linked with"), lambda r: r.link, width=260),
            Column("done", self.tr("Done"), lambda r: r.done, kind="bool", width=90),
            Column("note", self.tr("Note"), lambda r: r.note, width=200),
        ]

    def methodist_id(self) -> str | None:
        data = self.methodist.currentData()
        return str(data) if data else None

    def _load(self) -> list[PlanItemRow]:
        if not self.methodist_id():
            return []
        return list(journal.plan(self.month, rules.month_end(self.month), self.methodist_id()))

    def _refill(self, choices: Choices) -> None:
        fill_combo(self.methodist, choices.methodists)
        remembered = self.form.store.value("quick/plan/methodist")
        if remembered and self.methodist.findData(remembered) >= 0:
            self.methodist.setCurrentIndex(self.methodist.findData(remembered))
        self.form.restore_remembered()
        self._methodist_changed()

    def _methodist_changed(self) -> None:
        if self.methodist_id():
            self.form.store.setValue("quick/plan/methodist", self.methodist_id())
        self.form.refill_links()
        self.record_list.reload()

    def go(self, months: int) -> None:
        self.month = rules.add_months(self.month, months)
        self._show_month()
        self.form.refill_links()
        self.record_list.reload()

    def _show_month(self) -> None:
        self.month_label.setText(rules.month_title(self.month))

    def open_record(self, row: PlanItemRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self.form.load(row)

    def toggle_done(self) -> None:
        current = self.record_list.current_row()
        rows = self.record_list.selected_rows() or ([current] if current is not None else [])
        for row in rows:
            try:
                write.save_plan_item(replace(row, done_by_hand=not row.done_by_hand), row)
            except ServiceError as exc:
                Ask.error(self, self.tr("Plan item not saved"), str(exc))
                return

    def delete_records(self, rows: list[PlanItemRow]) -> None:
        if Ask.confirm(self, self.tr("Delete plan items"),
                       self.tr("Delete %n plan item(s)?", "", len(rows))):
            write.delete_plan_items([r.id for r in rows if r.id])
