"""«Акты»: the акты приёма-передачи and о списании; a write-off act is confirmed here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment.acts import ActRow
from imc_desktop.services.equipment.records import TABLES
from ui.equipment.action_dialogs import BasisDialog
from ui.equipment.counting import button_row
from ui.widgets.messages import Ask
from ui.widgets.record_list import Column, RecordList
from ui.widgets.report_preview import preview_report

REPORT_OF_KIND = {acts.ACT_TRANSFER: "equipment-transfer-act",
                  acts.ACT_WRITE_OFF: "equipment-write-off-act"}


def show_act(parent: QWidget, act_id: str, kind: str, settings: config.Settings) -> None:
    try:
        report = reports.build(REPORT_OF_KIND[kind], {"act": act_id}, settings)
    except ServiceError as exc:
        Ask.error(parent, QCoreApplication.translate("ActsPage", "Act"), str(exc))
        return
    preview_report(parent, report, settings)


class ActsPage(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.record_list = RecordList("equipment_acts", self.tr("Acts"), self._columns(),
                                      acts.list_acts, set(TABLES) | {"organizations"},
                                      settings.raw(), self)
        self.record_list.openRequested.connect(self.show_act)
        self.record_list.deleteRequested.connect(self.withdraw)
        self.record_list.not_here["add"] = self.tr(
            "An act is drawn up from the items: select them on «Items» and move or write "
            "them off.")
        self.record_list.command_tips.update({  # the toolbar's commands: no own buttons
            "open": self.tr("Show the act"), "delete": self.tr("Withdraw the write-off act")})
        confirm = QPushButton(self.tr("Confirm the write-off"))
        basis = QPushButton(self.tr("Basis (order)…"))
        basis.setToolTip(self.tr("The number and date of the order the act is drawn up by, "
                                 "printed on the act as «Основание»"))
        basis.clicked.connect(self.edit_basis)
        confirm.clicked.connect(self.confirm)
        self.confirm_button = confirm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(button_row([basis, confirm]))
        layout.addWidget(self.record_list, 1)
        self.record_list.reload()

    def _columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("Act"), lambda x: x.kind, width=130),
            Column("number", self.tr("No."), lambda x: x.number, width=80),
            Column("act_date", self.tr("Date"), lambda x: x.act_date, kind="date", width=100),
            Column("from", self.tr("From"), lambda x: x.from_organization, width=200),
            Column("to", self.tr("To"), lambda x: x.to_organization, width=200),
            Column("items", self.tr("Items"), lambda x: x.items, kind="int", width=80),
            Column("cost", self.tr("Cost"), lambda x: x.total_cost, kind="money", width=120),
            Column("confirmed", self.tr("Confirmed"), lambda x: x.confirmed, kind="bool",
                   width=100),
            Column("reason", self.tr("Reason"), lambda x: x.reason, width=240),
            Column("basis", self.tr("Basis (order)"), lambda x: x.basis, width=180),
        ]

    def show_act(self, row: ActRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            show_act(self, row.id, row.kind, self.settings)

    def edit_basis(self) -> None:
        row = self.record_list.current_row()
        if row is None:
            Ask.error(self, self.tr("Act"), self.tr("Choose an act."))
            return
        answer = BasisDialog.ask(row.number, row.act_date, row.basis_number, row.basis_date,
                                 self)
        if answer is None:
            return
        try:
            acts.set_basis(row.id, *answer)
        except ServiceError as exc:
            Ask.error(self, self.tr("Act"), str(exc))

    def confirm(self) -> None:
        row = self.record_list.current_row()
        if row is None or row.kind != acts.ACT_WRITE_OFF or row.confirmed:
            Ask.error(self, self.tr("Write-off"), self.tr(
                "Choose a write-off act that is not confirmed yet."))
            return
        if not Ask.confirm(self, self.tr("Write-off"), self.tr(
                "Confirm act No. %1? Its %2 item(s) become written off.").replace(
                "%1", row.number).replace("%2", str(row.items))):
            return
        try:
            acts.confirm_write_off(row.id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Write-off"), str(exc))

    def withdraw(self, rows: list[ActRow]) -> None:
        pending = [x for x in rows if x.kind == acts.ACT_WRITE_OFF and not x.confirmed]
        if not pending:
            Ask.error(self, self.tr("Write-off"), self.tr(
                "Only a write-off act that is not confirmed can be withdrawn."))
            return
        if not Ask.confirm(self, self.tr("Write-off"), self.tr(
                "Withdraw %n act(s)? The items get their former status back.", "",
                len(pending))):
            return
        for row in pending:
            try:
                acts.cancel_write_off(row.id)
            except ServiceError as exc:
                Ask.error(self, self.tr("Write-off"), str(exc))
