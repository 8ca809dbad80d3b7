"""The equipment list with its filters and the actions on the selected items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.equipment import acts, labels
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.records import ItemData, ItemRow
from imc_desktop.services.organizations import records as organizations
from ui.equipment.action_dialogs import (
    MoveDialog,
    RepairEndDialog,
    RepairStartDialog,
    WriteOffDialog,
)
from ui.equipment.acts_page import show_act
from ui.equipment.counting import button_row
from ui.equipment.item_dialog import edit_item
from ui.widgets.changes import keep_filled
from ui.widgets.messages import Ask
from ui.widgets.open_file import open_file
from ui.widgets.record_list import Column, RecordList
from ui.widgets.report_preview import preview_report
from ui.widgets.tasks import run_with_progress

TABLES = set(eq.TABLES) | {"organizations"}
AGE_BANDS = ((None, None), (0, 3), (3, 5), (5, 8), (8, None))  # years: [from, to)
NAMES_IN_QUESTION = 10
COMBO_CHARACTERS = 12
NOT_WRITTEN_OFF = "*"  # the status filter's choice of everything still in use or stock


def ask_pdf_path(parent: QWidget, title: str, name: str) -> Path | None:
    """Where to save a PDF; tests replace this."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name),
                                            "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def ask_used_labels(parent: QWidget) -> int | None:
    """How many labels of the first sheet are already used (a started sheet); None when
    cancelled. Tests replace this."""
    value, ok = QInputDialog.getInt(
        parent, QCoreApplication.translate("ItemsPage", "Labels"),
        QCoreApplication.translate("ItemsPage", "Labels already used on the first sheet:"),
        0, 0, 300)
    return value if ok else None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (lupdate's marker)
    return text


_C = "EquipmentColumns"  # the translation context of the titles
#: (attribute, title, kind, width, hidden) of the equipment list's columns.
COLUMNS = (
    ("inventory_number", QT_TRANSLATE_NOOP("EquipmentColumns", "Inventory number"), "text",
     140, False),
    ("name", QT_TRANSLATE_NOOP("EquipmentColumns", "Name"), "text", 300, False),
    ("kind", QT_TRANSLATE_NOOP("EquipmentColumns", "Type"), "text", 150, False),
    ("organization", QT_TRANSLATE_NOOP("EquipmentColumns", "Organization"), "text", 190, False),
    ("room", QT_TRANSLATE_NOOP("EquipmentColumns", "Room"), "text", 90, False),
    ("status", QT_TRANSLATE_NOOP("EquipmentColumns", "Status"), "text", 120, False),
    ("accepted_on", QT_TRANSLATE_NOOP("EquipmentColumns", "Accepted on"), "date", 105, False),
    ("cost", QT_TRANSLATE_NOOP("EquipmentColumns", "Cost"), "money", 110, False),
    ("warranty_until", QT_TRANSLATE_NOOP("EquipmentColumns", "Warranty until"), "date", 105, False),
    ("responsible", QT_TRANSLATE_NOOP("EquipmentColumns", "Materially responsible person"),
     "text", 180, True),
    ("manufacturer", QT_TRANSLATE_NOOP("EquipmentColumns", "Manufacturer"), "text", 120, True),
    ("model", QT_TRANSLATE_NOOP("EquipmentColumns", "Model"), "text", 160, True),
    ("serial_number", QT_TRANSLATE_NOOP("EquipmentColumns", "Serial number"), "text", 140, True),
    ("funding", QT_TRANSLATE_NOOP("EquipmentColumns", "Funding source"), "text", 200, True),
    ("okof", QT_TRANSLATE_NOOP("EquipmentColumns", "OKOF code"), "text", 120, True),
)


def columns() -> list[Column]:
    """The columns of the equipment list (and of the duplicates list)."""
    return [Column(name, QCoreApplication.translate(_C, title), attrgetter(name), kind=kind,
                   width=width, hidden=hidden)
            for name, title, kind, width, hidden in COLUMNS]


class LabelsCancelled(Exception):
    """Cancel pressed while the labels are drawn: no file is left."""


class ItemsPage(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.record_list = RecordList("equipment", self.tr("Equipment"), columns(),
                                      eq.list_items, TABLES, settings.raw(), self)
        self.record_list.openRequested.connect(self.open_item)
        self.record_list.addRequested.connect(self.add_item)
        self.record_list.deleteRequested.connect(self.delete_items)
        self._build_filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        buttons = button_row(self._buttons())
        buttons.addWidget(self.warranty_expired)
        layout.addLayout(buttons)
        layout.addWidget(self.record_list, 1)
        self.record_list.reload()
        keep_filled(self.org_filter, organizations.active_organization_choices)

    # ---------------------------------------------------------------- building
    def _combo(self, everything: str, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        combo.currentIndexChanged.connect(self.apply_filters)
        self.record_list.filters.addWidget(combo)
        return combo

    def _build_filters(self) -> None:
        self.org_filter = self._combo(self.tr("All organizations"), [])
        self.kind_filter = self._combo(self.tr("All types"), [(k, k) for k in eq.KINDS])
        self.status_filter = self._combo(self.tr("All statuses"), [
            (self.tr("all but written off"), NOT_WRITTEN_OFF), *((k, k) for k in eq.STATUSES)])
        self.age_filter = self._combo(self.tr("Any age"), [
            (self.tr("under 3 years"), 1), (self.tr("3 to 5 years"), 2),
            (self.tr("5 to 8 years"), 3), (self.tr("8 years and older"), 4)])
        self.warranty_expired = QCheckBox(self.tr("Warranty expired"))
        self.warranty_expired.toggled.connect(self.apply_filters)

    def _buttons(self) -> list[QPushButton]:
        def button(text: str, slot: Callable[[], None]) -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(slot)
            return b

        self.move_button = button(self.tr("Move…"), self.move_items)
        self.repair_button = button(self.tr("To repair…"), self.send_to_repair)
        self.back_button = button(self.tr("Back from repair…"), self.back_from_repair)
        self.write_off_button = button(self.tr("Write off…"), self.write_off)
        self.documents_button = QPushButton(self.tr("Card and labels"))
        menu = QMenu(self.documents_button)
        self.act_card = menu.addAction(self.tr("Inventory card"), self.show_card)
        self.act_labels = menu.addAction(self.tr("Labels…"), self.make_labels)
        self.act_test_page = menu.addAction(self.tr("Label test page…"), self.make_test_page)
        self.documents_button.setMenu(menu)
        return [self.move_button, self.repair_button, self.back_button, self.write_off_button,
                self.documents_button]

    # ---------------------------------------------------------------- filters
    def apply_filters(self) -> None:
        org, kind = self.org_filter.currentData(), self.kind_filter.currentData()
        status, band = self.status_filter.currentData(), self.age_filter.currentData()
        expired, today = self.warranty_expired.isChecked(), clock.today()
        low, high = AGE_BANDS[band or 0]

        def keep(row: ItemRow) -> bool:
            if (org and row.organization_id != org) or (kind and row.kind != kind):
                return False
            if status and (row.status == eq.WRITTEN_OFF if status == NOT_WRITTEN_OFF
                           else row.status != status):
                return False
            if expired and not row.warranty_expired(today):
                return False
            if band:
                age = row.age_years(today)
                return age is not None and age >= (low or 0) and (high is None or age < high)
            return True

        active = any((org, kind, status, band, expired))
        self.record_list.set_predicate(keep if active else None)

    # ---------------------------------------------------------------- commands
    def _selected_ids(self) -> list[str]:
        ids = [x.id for x in self.record_list.selected_rows()]
        if not ids:
            Ask.error(self, self.tr("Equipment"), self.tr("Select items in the list first."))
        return ids

    def _run(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except ServiceError as exc:
            Ask.error(self, self.tr("Equipment"), str(exc))
            return None

    def add_item(self) -> None:
        edit_item(ItemData(accepted_on=clock.today()), organizations.active_organization_choices(),
                  (), self)

    def open_item(self, row: ItemRow) -> None:
        data = self._run(lambda: eq.get_item(row.id))
        if isinstance(data, ItemData):
            edit_item(data, organizations.active_organization_choices(), hist.history(row.id), self)

    def delete_items(self, rows: list[ItemRow]) -> None:
        names = "\n".join(f"{x.inventory_number}: {x.name}" for x in rows[:NAMES_IN_QUESTION])
        more = "\n…" if len(rows) > NAMES_IN_QUESTION else ""
        if Ask.confirm(self, self.tr("Delete equipment"), self.tr(
                "Delete %n item(s) entered by mistake? Their inventory numbers will not be "
                "given again. Equipment that is no longer used is written off, not deleted.",
                "", len(rows)) + "\n\n" + names + more):
            self._run(lambda: eq.delete_items([x.id for x in rows]))

    def move_items(self) -> None:
        ids = self._selected_ids()
        choices = organizations.active_organization_choices()
        move = MoveDialog.ask(len(ids), choices, self) if ids else None
        act_id = self._run(lambda: hist.move_items(ids, move)) if move else None
        if isinstance(act_id, str) and Ask.confirm(self, self.tr("Move"), self.tr(
                "The transfer act is drawn up. Show it?")):
            show_act(self, act_id, acts.ACT_TRANSFER, self.settings)

    def send_to_repair(self) -> None:
        ids = self._selected_ids()
        repair = RepairStartDialog.ask(len(ids), self) if ids else None
        if repair is not None:
            self._run(lambda: hist.send_to_repair(ids, repair))

    def back_from_repair(self) -> None:
        ids = self._selected_ids()
        end = RepairEndDialog.ask(len(ids), self) if ids else None
        if end is not None:
            self._run(lambda: hist.back_from_repair(ids, end))

    def write_off(self) -> None:
        ids = self._selected_ids()
        data = WriteOffDialog.ask(len(ids), self) if ids else None
        act_id = self._run(lambda: acts.create_write_off(ids, data)) if data else None
        if isinstance(act_id, str) and Ask.confirm(self, self.tr("Write-off"), self.tr(
                "The write-off act is drawn up; the items are «awaiting write-off» until it "
                "is confirmed on the «Acts» page. Show the act?")):
            show_act(self, act_id, acts.ACT_WRITE_OFF, self.settings)

    def show_card(self) -> None:
        row = self.record_list.current_row()
        if row is None:
            Ask.error(self, self.tr("Equipment"), self.tr("Select items in the list first."))
            return
        report = self._run(lambda: reports.build("equipment-card", {"item": row.id},
                                                 self.settings))
        if report is not None:
            preview_report(self, report, self.settings)

    def make_labels(self) -> None:
        ids = self._selected_ids()
        skip = ask_used_labels(self) if ids else None
        path = ask_pdf_path(self, self.tr("Labels"), "этикетки.pdf") if skip is not None \
            else None
        if path is None:
            return
        sheet = labels.sheet_from(self.settings)

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> int:
            def tick(done: int, total: int) -> None:
                progress(done, total)
                if cancelled():
                    raise LabelsCancelled

            return labels.write_item_labels(ids, path, sheet, skip or 0, tick)

        result = run_with_progress(self, self.tr("Drawing the labels…"), work)
        if result.cancelled:
            return
        if isinstance(result.error, ServiceError):
            Ask.error(self, self.tr("Equipment"), str(result.error))
        elif result.error is not None:
            raise result.error
        else:
            self._offer_open(path)

    def make_test_page(self) -> None:
        path = ask_pdf_path(self, self.tr("Label test page"), "пробная страница.pdf")
        if path is not None and self._run(partial(_write_alignment_page, path, self.settings)):
            self._offer_open(path)

    def _offer_open(self, path: Path) -> None:
        title = QCoreApplication.translate("ReportPreview", "Report saved")
        if Ask.confirm(self, title, QCoreApplication.translate(
                "ReportPreview", "Saved: %1\n\nOpen it now?").replace("%1", str(path))):
            problem = open_file(path)
            if problem:
                Ask.error(self, title, problem)


def _write_alignment_page(path: Path, settings: config.Settings) -> bool:
    labels.write_alignment_page(path, labels.sheet_from(settings))
    return True
