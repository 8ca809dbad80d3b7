"""The dialogs of the actions on selected items: move, repair, write off; starting a count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from imc_desktop import clock
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.acts import WriteOffData
from imc_desktop.services.equipment.history import MoveData, RepairEnd, RepairStart
from imc_desktop.services.equipment.inventory import SessionData
from ui.equipment.item_dialog import parse_cost
from ui.widgets.record_form import RecordForm

Organizations = Sequence[tuple[str, str]]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.splitlines() if x.strip())


class _ActionForm(RecordForm):
    """A form whose validator checks the dates and then `more_problems`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, lambda _v: {**self.more_problems(), **self._date_problems()},
                         parent)
        self.resize(520, 0)

    def more_problems(self) -> dict[str, str]:
        return {}

    def required(self, *names: str) -> dict[str, str]:
        values = self.values()
        message = QCoreApplication.translate("ActionForm", "Fill this in.")
        return {n: message for n in names if values[n] in ("", None)}

    def date_of(self, name: str) -> date:
        value: Any = self.values()[name]
        return value if isinstance(value, date) else clock.today()

    def add_basis(self) -> None:
        """The order the act is drawn up by: «Основание: приказ № … от …» on the form."""
        self.add_line("basis_number", self.tr("Basis: order No."), 60)
        self.add_date("basis_date", self.tr("Order date"))

    def basis(self) -> tuple[str, date | None]:
        v = self.values()
        day = v["basis_date"]
        return v["basis_number"].strip(), day if isinstance(day, date) else None

    def basis_problems(self, act_date: date | None = None) -> dict[str, str]:
        _number, day = self.basis()
        if day is not None and day > (act_date or self.date_of("act_date")):
            return {"basis_date": self.tr("The order comes before the act: check its date.")}
        return {}


class MoveDialog(_ActionForm):
    def __init__(self, count: int, organizations: Organizations,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move %n item(s)", "", count), parent)
        self.target = self.add_lookup("to_organization_id", self.tr("To organization"),
                                              organizations)
        self.add_line("to_room", self.tr("Room"), 120)
        self.add_line("to_responsible", self.tr("Materially responsible person"), 200)
        self.add_line("act_number", self.tr("Act No."), 60)
        self.add_date("act_date", self.tr("Act date"))
        self.add_basis()
        self.set_values({"act_date": clock.today()})

    def more_problems(self) -> dict[str, str]:
        problems = self.required("act_number") | self.basis_problems()
        if not self.target.currentData():
            problems["to_organization_id"] = self.tr("Choose the organization.")
        return problems

    def move_data(self) -> MoveData:
        v = self.values()
        return MoveData(self.target.currentData() or None, v["to_room"], v["to_responsible"],
                        self.date_of("act_date"), v["act_number"], *self.basis())

    @staticmethod
    def ask(count: int, organizations: Organizations, parent: QWidget | None = None
            ) -> MoveData | None:
        dialog = MoveDialog(count, organizations, parent)
        return dialog.move_data() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RepairStartDialog(_ActionForm):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Send %n item(s) to repair", "", count), parent)
        self.add_date("started_on", self.tr("Sent on"))
        self.add_line("contractor", self.tr("Contractor"), 200)
        self.add_text("note", self.tr("Fault"))
        self.set_values({"started_on": clock.today()})

    @staticmethod
    def ask(count: int, parent: QWidget | None = None) -> RepairStart | None:
        dialog = RepairStartDialog(count, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        v = dialog.values()
        return RepairStart(dialog.date_of("started_on"), v["contractor"], v["note"])


class RepairEndDialog(_ActionForm):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Back from repair: %n item(s)", "", count), parent)
        self.add_date("finished_on", self.tr("Returned on"))
        self.add_line("result", self.tr("Result"), 300)
        self.add_line("cost", self.tr("Cost per item, roubles"), 20).setMaximumWidth(160)
        self.add_choice("status_after", self.tr("Status after repair"),
                        (eq.IN_USE, eq.RESERVE, eq.TO_WRITE_OFF))
        self.set_values({"finished_on": clock.today()})

    def more_problems(self) -> dict[str, str]:
        if isinstance(parse_cost(self.values()["cost"]), str):
            return {"cost": self.tr("Type the cost as a number, e.g. 45000,00.")}
        return {}

    @staticmethod
    def ask(count: int, parent: QWidget | None = None) -> RepairEnd | None:
        dialog = RepairEndDialog(count, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        v = dialog.values()
        cost = parse_cost(v["cost"])
        return RepairEnd(dialog.date_of("finished_on"), v["result"],
                         cost if isinstance(cost, float) else None, v["status_after"])


class WriteOffDialog(_ActionForm):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Write off %n item(s)", "", count), parent)
        self.add_line("number", self.tr("Act No."), 60)
        self.add_date("act_date", self.tr("Act date"))
        self.add_basis()
        self.add_text("reason", self.tr("Reason"))
        self.add_line("chairman", self.tr("Commission chairman"), 200)
        self.add_text("members", self.tr("Commission members (one per line)"))
        self.set_values({"act_date": clock.today()})

    def more_problems(self) -> dict[str, str]:
        problems = self.required("number", "reason", "chairman") | self.basis_problems()
        if len(_lines(self.values()["members"])) < 2:
            problems["members"] = self.tr("At least two members.")
        return problems

    @staticmethod
    def ask(count: int, parent: QWidget | None = None) -> WriteOffData | None:
        dialog = WriteOffDialog(count, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        v = dialog.values()
        return WriteOffData(dialog.date_of("act_date"), v["number"], v["reason"],
                            v["chairman"], _lines(v["members"]), *dialog.basis())


class BasisDialog(_ActionForm):
    """The order an act already drawn up was made by («Основание: приказ № … от …»)."""

    def __init__(self, act_number: str, act_date: date, number: str, day: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Basis of act No. %1").replace("%1", act_number), parent)
        self.act_date = act_date
        self.add_basis()
        self.set_values({"basis_number": number, "basis_date": day})

    def more_problems(self) -> dict[str, str]:
        return self.basis_problems(self.act_date)

    @staticmethod
    def ask(act_number: str, act_date: date, number: str, day: date | None,
            parent: QWidget | None = None) -> tuple[str, date | None] | None:
        dialog = BasisDialog(act_number, act_date, number, day, parent)
        return dialog.basis() if dialog.exec() == QDialog.DialogCode.Accepted else None


class SessionDialog(_ActionForm):
    def __init__(self, organizations: Organizations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New inventory count"), parent)
        self.target = self.add_lookup("organization_id", self.tr("Organization"),
                                              organizations)
        self.add_line("number", self.tr("Order No."), 60)
        self.add_date("started_on", self.tr("Started on"))
        self.add_line("responsible", self.tr("Materially responsible person"), 200)
        self.add_line("chairman", self.tr("Commission chairman"), 200)
        self.add_text("members", self.tr("Commission members (one per line)"))
        self.set_values({"started_on": clock.today()})

    def more_problems(self) -> dict[str, str]:
        if not self.target.currentData():
            return {"organization_id": self.tr("Choose the organization.")}
        return {}

    @staticmethod
    def ask(organizations: Organizations, parent: QWidget | None = None
            ) -> SessionData | None:
        dialog = SessionDialog(organizations, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        v = dialog.values()
        return SessionData(dialog.target.currentData(), dialog.date_of("started_on"),
                           v["number"], v["chairman"], _lines(v["members"]), v["responsible"])
