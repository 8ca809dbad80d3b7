"""«Сроки»: categories that expire and СЗД that fall due within the chosen horizon; a summary
by ОО beside the list (a click on an ОО shows its lines); «Отметить отпуск…» for the
pedagogue of the selected line."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import DueRow, LeaveData
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff.rules import add_months
from ui.attestation.record_dialog import LeaveForm
from ui.attestation.urgency import UNTIL_KIND, DaysText, UrgencyDelegate
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList

HORIZONS = (3, 6, 12)
CUSTOM = 0
DAYS_COLUMN = 5  # «Осталось дней»: the one cell marked on an urgent line
TABLES = {"attestation_records", "leave_periods", "persons", "employments", "organizations"}


def filter_combo(everything: str, slot: Callable[[], None]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(everything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.currentIndexChanged.connect(slot)
    return combo


def refill(combo: QComboBox, values: set[str]) -> None:
    """New choices, the chosen one kept when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in sorted(v for v in values if v):
        combo.addItem(value, value)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)


SOON_DAYS = 30


@dataclass(frozen=True)
class OrgDue:
    """One ОО's line of the summary: how many are due, of them overdue and within 30 days."""

    organization: str
    total: int
    overdue: int
    soon: int


def summary_by_org(rows: Iterable[DueRow]) -> list[OrgDue]:
    """The lines by ОО, the most overdue first, then by name."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        line = counts.setdefault(row.organization, [0, 0, 0])
        line[0] += 1
        line[1] += row.days_left < 0
        line[2] += 0 <= row.days_left <= SOON_DAYS
    found = [OrgDue(org, *numbers) for org, numbers in counts.items()]
    return sorted(found, key=lambda x: (-x.overdue, -x.soon, x.organization))


class DeadlinesPage(QWidget):
    """Double-click asks for a new record for that pedagogue and kind (openRequested)."""

    openRequested = Signal(object)

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.record_list = RecordList(
            "attestation_deadlines", self.tr("Attestation deadlines"), self._columns(),
            self._load, TABLES, settings.raw(), self)
        self.record_list.view.setItemDelegate(UrgencyDelegate(
            self.record_list.view, DAYS_COLUMN))
        self._build_filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._action_row())
        split = QSplitter()
        split.addWidget(self.record_list)
        split.addWidget(self._summary())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.summary_view.setVisible(False)  # «Сводка по ОО» shows it
        layout.addWidget(split, 1)
        self.record_list.openRequested.connect(self.openRequested)
        self.record_list.command_tips["open"] = self.tr("File an application…")
        self.record_list.model.modelReset.connect(self._fill_summary)
        self.record_list.model.layoutChanged.connect(self._fill_summary)
        self.record_list.not_here = {
            "add": self.tr("The deadlines are counted from the attestation history: open a "
                           "line to file an application, or add one on «Applications»."),
            "delete": self.tr("The deadlines are counted from the attestation history; they "
                              "go when a decision is recorded.")}
        self.record_list.reload()

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        self.leave_button = QPushButton(self.tr("Mark a leave…"))
        self.leave_button.setToolTip(self.tr(
            "A leave period of the pedagogue of the selected line (maternity, parental leave, "
            "sickness): it postpones the SZD"))
        self.leave_button.clicked.connect(self.mark_leave)
        self.summary_button = QPushButton(self.tr("Summary by organization"))
        self.summary_button.setCheckable(True)
        self.summary_button.setToolTip(self.tr(
            "How many lines each organization has, overdue and within 30 days"))
        self.summary_button.toggled.connect(lambda on: self.summary_view.setVisible(on))
        row.addWidget(self.leave_button)
        row.addWidget(self.summary_button)
        row.addStretch(1)
        return row

    def _summary(self) -> QWidget:
        """Counts by ОО of the lines shown; a double-click shows that ОО's lines alone."""
        self.summary_view, self.summary = make_table([
            Column("organization", self.tr("Organization"), lambda x: x.organization,
                   width=200),
            Column("total", self.tr("In all"), lambda x: x.total, kind="int", width=50),
            Column("overdue", self.tr("Overdue"), lambda x: x.overdue, kind="int", width=85),
            Column("soon", self.tr("≤ 30 days"), lambda x: x.soon, kind="int", width=65),
        ], self)
        self.summary_view.verticalHeader().hide()
        self.summary_view.setMinimumWidth(420)
        self.summary_view.setToolTip(self.tr("Double-click an organization to show its lines"))
        self.summary_view.doubleClicked.connect(
            lambda index: self.show_organization(self.summary.row_at(index.row()).organization))
        return self.summary_view

    def _fill_summary(self) -> None:
        self.summary.set_rows(summary_by_org(self.record_list.model.visible_rows()))

    def show_organization(self, organization: str) -> None:
        self.org_filter.setCurrentIndex(max(self.org_filter.findData(organization), 0))

    def mark_leave(self) -> None:
        """A leave period for the selected line's pedagogue, saved at once; the list follows."""
        row = self.record_list.current_row()
        title = self.tr("Leave period")
        if not isinstance(row, DueRow):
            Ask.info(self, title, self.tr("Select a pedagogue's line first."))
            return
        leave = LeaveForm.ask(LeaveData(), self)
        if leave is None:
            return
        try:
            attestation.save_leaves(row.person_id,
                                    [*attestation.person_leaves(row.person_id), leave])
        except ServiceError as exc:
            Ask.error(self, title, f"{row.person_name}: {exc}")

    def _columns(self) -> list[Column]:
        return [
            Column("person", self.tr("Full name"), lambda x: x.person_name, width=250),
            Column("organization", self.tr("Organization"), lambda x: x.organization,
                   width=210),
            Column("position", self.tr("Position"), lambda x: x.position, width=230),
            Column("what", self.tr("What"), lambda x: x.what, width=240),
            Column("due", self.tr("Due"), lambda x: x.due, kind="date", width=95),
            Column("days_left", self.tr("Days left"), lambda x: DaysText(x.days_left),
                   kind=UNTIL_KIND, width=185),
            Column("reason", self.tr("Reason"), lambda x: x.reason, width=300),
        ]

    def _build_filters(self) -> None:
        self.horizon = QComboBox()
        for months in HORIZONS:
            self.horizon.addItem(self.tr("%n month(s)", "", months), months)
        self.horizon.addItem(self.tr("own period"), CUSTOM)
        self.horizon.setCurrentIndex(1)
        self.custom_until = DateEdit()
        self.custom_until.set_date_value(add_months(clock.today(), 6))
        self.custom_until.setToolTip(self.tr("Show what falls due up to this date"))
        self.custom_until.hide()
        self.org_filter = filter_combo(self.tr("All organizations"), self._apply_filters)
        self.kind_filter = filter_combo(self.tr("Categories and SZD"), self._apply_filters)
        self.kind_filter.addItem(self.tr("Categories"), "category")
        self.kind_filter.addItem(self.tr("SZD"), r.SZD)
        self.position_filter = filter_combo(self.tr("All positions"), self._apply_filters)
        for widget in (self.horizon, self.custom_until, self.org_filter, self.kind_filter,
                       self.position_filter):
            self.record_list.filters.addWidget(widget)
        self.horizon.currentIndexChanged.connect(self._horizon_changed)
        self.custom_until.editingFinished.connect(self.record_list.reload)

    def _horizon_changed(self) -> None:
        self.custom_until.setVisible(self.horizon.currentData() == CUSTOM)
        self.record_list.reload()

    def until(self) -> date:
        months = self.horizon.currentData()
        if months == CUSTOM:
            typed = self.custom_until.date_value()
            if isinstance(typed, date):
                return typed
            months = 6
        return add_months(clock.today(), int(months))

    def _load(self) -> Sequence[DueRow]:
        rows = attestation.deadlines(self.until(), Rules.from_settings(self.settings))
        refill(self.org_filter, {x.organization for x in rows})
        refill(self.position_filter, {x.position for x in rows})
        self._apply_filters()
        return rows

    def _apply_filters(self) -> None:
        org, kind = self.org_filter.currentData(), self.kind_filter.currentData()
        position = self.position_filter.currentData()

        def keep(x: DueRow) -> bool:
            return ((org is None or x.organization == org)
                    and (position is None or x.position == position)
                    and (kind is None or (x.kind == r.SZD) == (kind == r.SZD)))

        active = any(v is not None for v in (org, kind, position))
        self.record_list.set_predicate(keep if active else None)
