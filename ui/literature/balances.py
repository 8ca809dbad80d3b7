"""«Остатки»: balances by title and holder on a date; titles past «использовать до» still
held by schools are highlighted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.balances import BalanceRow
from ui.widgets.changes import keep_filled
from ui.widgets.record_form import DateEdit
from ui.widgets.record_list import Column, RecordList
from ui.widgets.table_model import ROW_ROLE

OUTDATED_TEXT, OUTDATED_BACKGROUND = QColor("#a4161a"), QColor("#fdecec")
ALL_HOLDERS = "*"


class OutdatedDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        row = index.data(ROW_ROLE)
        if isinstance(row, BalanceRow) and row.outdated:
            option.palette.setColor(QPalette.ColorRole.Text, OUTDATED_TEXT)
            option.backgroundBrush = QBrush(OUTDATED_BACKGROUND)


class BalancesPage(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_date = DateEdit()
        self.on_date.set_date_value(clock.today())
        self.holder = QComboBox()
        self.holder.addItem(self.tr("All holders"), ALL_HOLDERS)
        self.holder.addItem(lit.IMC_FUND, bal.IMC_HOLDER)
        keep_filled(self.holder, lit.holder_choices)
        self.outdated_only = QCheckBox(self.tr("Past «use until» only"))
        self.record_list = RecordList("literature_balances", self.tr("Literature balances"),
                                      self._columns(), self._load, set(bal.TABLES),
                                      settings.raw(), self)
        self.record_list.view.setItemDelegate(OutdatedDelegate(self.record_list.view))
        why = self.tr("The balances are counted from the documents: receive, transfer or "
                      "write off copies on «Documents».")
        self.record_list.not_here = {"add": why, "open": why, "delete": why}
        filters = self.record_list.filters
        filters.addWidget(QLabel(self.tr("On")))
        filters.addWidget(self.on_date)
        filters.addWidget(self.holder)
        filters.addWidget(self.outdated_only)
        self.on_date.editingFinished.connect(self.record_list.reload)
        self.holder.currentIndexChanged.connect(self.record_list.reload)
        self.outdated_only.toggled.connect(self._apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record_list)
        self.record_list.reload()

    def _columns(self) -> list[Column]:
        return [
            Column("holder", self.tr("Holder"), lambda r: r.holder, width=240),
            Column("label", self.tr("Title"), lambda r: r.label, width=360),
            Column("kind", self.tr("Kind"), lambda r: r.kind, width=120),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=140),
            Column("grades", self.tr("Grades"), lambda r: r.grades, width=70),
            Column("quantity", self.tr("Copies"), lambda r: r.quantity, kind="int", width=80),
            Column("price", self.tr("Price"), lambda r: r.price, kind="money", width=90),
            Column("amount", self.tr("Sum"), lambda r: r.amount, kind="money", width=110),
            Column("fpu_status", self.tr("FPU status"), lambda r: r.fpu_status, width=100),
            Column("use_until", self.tr("Use until"), lambda r: r.use_until, kind="date",
                   width=100),
            Column("isbn", self.tr("ISBN"), lambda r: r.isbn, width=130, hidden=True),
        ]

    def day(self) -> date:
        value = self.on_date.date_value()
        return value if isinstance(value, date) else clock.today()

    def _load(self) -> list[BalanceRow]:
        holder = self.holder.currentData()
        return bal.balances(self.day(), None if holder == ALL_HOLDERS else holder)

    def show_holder(self, holder_id: str) -> None:
        """An ОО's holdings (or the ИМЦ fund's with IMC_HOLDER)."""
        self.holder.setCurrentIndex(max(self.holder.findData(holder_id), 0))

    def _apply_filters(self) -> None:
        only = self.outdated_only.isChecked()
        self.record_list.set_predicate((lambda r: r.outdated) if only else None)
