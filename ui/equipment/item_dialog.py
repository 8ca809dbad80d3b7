"""The item card: its fields in two columns and its history as a timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.history import EventRow
from imc_desktop.services.equipment.records import ItemData
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.read_only_note import read_only_note
from ui.widgets.record_form import RecordForm

TEXTS = ("inventory_number", "name", "kind", "manufacturer", "model", "serial_number", "cpu",
         "ram", "disk", "os", "characteristics", "okof", "room", "responsible", "user_name",
         "funding", "status", "notes")
DATES = ("accepted_on", "warranty_until")


@dataclass(frozen=True)
class CardContext:
    """What the card offers: ОО (id, name) and the item's history (empty for a new one)."""

    organizations: tuple[tuple[str, str], ...] = ()
    history: tuple[EventRow, ...] = ()


def timeline_text(event: EventRow) -> str:
    act = f" (акт № {event.act_number})" if event.act_number else ""
    text = f" — {event.description}" if event.description else ""
    return f"{event.event_date:%d.%m.%Y}   {event.kind}{act}{text}"


def parse_cost(text: str) -> float | None | str:
    """The cost typed with a comma or a point; None when empty; the text when wrong."""
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return text


class ItemDialog(RecordForm):
    def __init__(self, data: ItemData, context: CardContext,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Equipment card") if data.id else self.tr("New equipment")
        super().__init__(title, lambda _v: self.problems(), parent)
        self._data, self._context = data, context
        self._build()
        self._fill(data)
        self.resize(980, 0)

    def _build(self) -> None:
        left = self.form
        self.add_line("inventory_number", self.tr("Inventory number"), 60)
        self.add_line("name", self.tr("Name"), 300)
        self.add_choice("kind", self.tr("Type"), eq.KINDS)
        self.add_line("manufacturer", self.tr("Manufacturer"), 120)
        self.add_line("model", self.tr("Model"), 200)
        self.add_line("serial_number", self.tr("Serial number"), 120)
        self.add_line("cpu", self.tr("Processor"), 120)
        self.add_line("ram", self.tr("Memory"), 40)
        self.add_line("disk", self.tr("Disk"), 60)
        self.add_line("os", self.tr("Operating system"), 120)
        self.add_text("characteristics", self.tr("Other characteristics"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.organization = QComboBox()
        self.organization.addItem("", "")
        for org_id, name in self._context.organizations:
            self.organization.addItem(name, org_id)
        self._add("organization_id", self.tr("Organization"), self.organization)
        self.add_line("room", self.tr("Room"), 120)
        self.add_line("responsible", self.tr("Materially responsible person"), 200)
        self.add_line("user_name", self.tr("User"), 200)
        self.add_date("accepted_on", self.tr("Accepted on"))
        self.add_line("cost", self.tr("Cost, roubles"), 20).setMaximumWidth(160)
        self.add_choice("funding", self.tr("Funding source"), ("", *eq.FUNDING_SOURCES),
                        editable=True)
        self.add_date("warranty_until", self.tr("Warranty until"))
        self.add_line("okof", self.tr("OKOF code"), 40).setMaximumWidth(200)
        self.status = self.add_choice("status", self.tr("Status"), eq.CARD_STATUSES)
        self.add_text("notes", self.tr("Notes"))
        self._arrange(left, self.form)

    def _arrange(self, left: QFormLayout, right: QFormLayout) -> None:
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.removeItem(left)
        columns = QHBoxLayout()
        for title, form in ((self.tr("Device"), left),
                            (self.tr("Placement and accounting"), right)):
            group = QGroupBox(title)
            group.setLayout(form)
            columns.addWidget(group, 1)
        outer.insertLayout(0, columns)
        self.timeline = QListWidget()
        self.timeline.addItems([timeline_text(e) for e in self._context.history])
        box = QGroupBox(self.tr("History"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.timeline)
        self.timeline.setMinimumHeight(110)
        box.setVisible(self._data.id is not None)
        outer.insertWidget(1, box)

    def _fill(self, data: ItemData) -> None:
        fixed = data.status not in eq.CARD_STATUSES
        self.status.setEnabled(not fixed)
        if fixed and self.status.findText(data.status) < 0:
            self.status.addItem(data.status)
        if fixed:
            self.status.setToolTip(self.tr(
                "Set by repairs and write-off acts: use the actions of the list"))
        self.organization.setCurrentIndex(max(self.organization.findData(
            data.organization_id or ""), 0))
        values: dict[str, Any] = {n: getattr(data, n) for n in (*TEXTS, *DATES)}
        values["cost"] = "" if data.cost is None else f"{data.cost:.2f}".replace(".", ",")
        self.set_values(values)
        if data.status == eq.WRITTEN_OFF:
            self._read_only()

    def _read_only(self) -> None:
        """A written-off item's card is kept as it was on the day of the write-off."""
        self.setWindowTitle(self.tr("Equipment card (written off, read only)"))
        for name in self.values():
            self.editor(name).setEnabled(False)
        self.organization.setEnabled(False)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(False)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        self.read_only_note = read_only_note(self.tr(
            "The item is written off: its card is kept as it was on the day of the write-off "
            "and cannot be changed."), self)
        outer.insertWidget(0, self.read_only_note)

    def data(self) -> ItemData:
        """The item as typed (wrong dates and costs count as empty)."""
        values = self.values()
        cost = parse_cost(values["cost"])
        typed: dict[str, Any] = {n: values[n] for n in TEXTS}
        typed.update({n: values[n] if isinstance(values[n], date) else None for n in DATES})
        return replace(self._data, organization_id=self.organization.currentData() or None,
                       cost=cost if isinstance(cost, float) else None, **typed)

    def problems(self) -> dict[str, str]:
        problems = self._date_problems()
        if isinstance(parse_cost(self.values()["cost"]), str):
            problems["cost"] = self.tr("Type the cost as a number, e.g. 45000,00.")
        return {**eq.validate_item(self.data()), **problems}

    @staticmethod
    def ask(data: ItemData, context: CardContext, parent: QWidget | None = None,
            problems: dict[str, str] | None = None) -> ItemData | None:
        """The edited item, or None when cancelled. Tests replace this."""
        dialog = ItemDialog(data, context, parent)
        if problems:
            dialog.show_problems(problems)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.data()


def edit_item(data: ItemData, organizations: Sequence[tuple[str, str]],
              history: Sequence[EventRow], parent: QWidget) -> str | None:
    """Ask for the item and save it; ask again (with the reason shown) while refused."""
    title = QCoreApplication.translate("ItemDialog", "Equipment not saved")
    context = CardContext(tuple(organizations), tuple(history))
    problems: dict[str, str] | None = None
    loaded = data if data.id is not None else None  # only what changes on the card is saved
    while True:
        edited = ItemDialog.ask(data, context, parent, problems)
        if edited is None:
            return None
        try:
            return save_over_changes(parent, title,
                                     partial(eq.save_item, edited, None, loaded))
        except ValidationFailed as exc:
            Ask.error(parent, title, str(exc))
            data, problems = edited, exc.problems
        except ServiceError as exc:
            Ask.error(parent, title, str(exc))
            return None
