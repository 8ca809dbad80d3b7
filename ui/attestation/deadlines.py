"""«Сроки»: categories that expire and СЗД that fall due within the chosen horizon."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from imc_desktop import clock, config
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import DueRow
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff.rules import add_months
from ui.attestation.urgency import UNTIL_KIND, DaysText, UrgencyDelegate
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
        layout.addWidget(self.record_list)
        self.record_list.openRequested.connect(self.openRequested)
        self.record_list.not_here = {
            "add": self.tr("The deadlines are counted from the attestation history: open a "
                           "line to file an application, or add one on «Applications»."),
            "delete": self.tr("The deadlines are counted from the attestation history; they "
                              "go when a decision is recorded.")}
        self.record_list.reload()

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
