"""«Каталог»: the titles of literature, with filters by kind, subject, grade and ФПУ status."""

from __future__ import annotations

from dataclasses import asdict, fields
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from imc_desktop import config
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.records import TitleData
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.record_form import RecordForm
from ui.widgets.record_list import Column, RecordList

_NAMES = {f.name for f in fields(TitleData)}
TABLES = {lit.TITLES}


def _price(text: Any) -> Decimal | str:
    try:
        return Decimal(str(text or "0").replace(",", ".").replace(" ", "")).quantize(
            Decimal("0.01"))
    except InvalidOperation:
        return str(text)


def to_data(values: dict[str, Any], title_id: str | None) -> TitleData | dict[str, str]:
    """The title from the form, or {field: message} when the price or year is not a number."""
    known = {k: v for k, v in values.items() if k in _NAMES}
    price, year = _price(known.pop("price", "")), str(known.pop("year", "") or "").strip()
    problems = {}
    if isinstance(price, str):
        problems["price"] = "Цена — число рублей, например 512,40."
    if year and not year.isdigit():
        problems["year"] = "Год издания — четыре цифры."
    if problems:
        return problems
    return TitleData(id=title_id, price=price if isinstance(price, Decimal) else Decimal(0),
                     year=int(year) if year else None, **known)


class TitleDialog(RecordForm):
    def __init__(self, data: TitleData, subjects: list[str],
                 parent: QWidget | None = None) -> None:
        title = self.tr("New title") if data.id is None else data.title
        super().__init__(title, self._validate, parent)
        self._id = data.id
        self.add_choice("kind", self.tr("Kind"), lit.KINDS)
        self.add_line("authors", self.tr("Authors"))
        self.add_text("title", self.tr("Title"))
        self.add_line("grades", self.tr("Grades"), 10).setPlaceholderText(self.tr("5 or 10–11"))
        self.add_choice("subject", self.tr("Subject"), ["", *subjects], editable=True)
        self.add_line("publisher", self.tr("Publisher"), 200)
        self.add_line("year", self.tr("Year"), 4)
        self.add_line("isbn", self.tr("ISBN"), 20)
        self.add_line("fpu_number", self.tr("FPU position No."), 40)
        self.add_choice("level", self.tr("Level"), lit.LEVELS)
        self.add_choice("fpu_status", self.tr("FPU status"), lit.STATUSES)
        self.add_date("excluded_on", self.tr("Excluded on"))
        self.add_date("use_until", self.tr("Use until"))
        self.add_line("price", self.tr("Price, roubles"), 14)
        values = asdict(data)
        values["price"] = f"{data.price:.2f}".replace(".", ",")
        values["year"] = "" if data.year is None else str(data.year)
        self.set_values(values)
        self.resize(620, self.sizeHint().height())

    def _validate(self, values: dict[str, Any]) -> dict[str, str]:
        data = to_data(values, self._id)
        return data if isinstance(data, dict) else lit.validate_title(data)

    def result_data(self) -> TitleData:
        data = to_data(self.values(), self._id)
        assert isinstance(data, TitleData)
        return data

    @staticmethod
    def ask(data: TitleData, subjects: list[str], parent: QWidget | None = None
            ) -> TitleData | None:
        """The edited title, or None when cancelled. Tests replace this."""
        dialog = TitleDialog(data, subjects, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_data()


def _combo(first: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class CataloguePage(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_list = RecordList("literature_titles", self.tr("Literature catalogue"),
                                      self._columns(), lit.list_titles, TABLES,
                                      settings.raw(), self)
        self.kind_filter = _combo(self.tr("All kinds"), [(k, k) for k in lit.KINDS])
        self.subject_filter = _combo(self.tr("All subjects"), [])
        self.grade_filter = _combo(self.tr("All grades"),
                                   [(self.tr("Grade %1").replace("%1", str(g)), g)
                                    for g in lit.GRADES])
        self.status_filter = _combo(self.tr("Any FPU status"),
                                    [(s, s) for s in lit.STATUSES if s])
        for combo in (self.kind_filter, self.subject_filter, self.grade_filter,
                      self.status_filter):
            self.record_list.filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.settings = settings
        buttons = self._import_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.record_list)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(lambda: self._edit(TitleData()))
        self.record_list.deleteRequested.connect(self.delete_records)
        self.record_list.model.modelReset.connect(self._fill_subjects)
        self.record_list.reload()

    def _import_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 0)
        for text, kind in ((self.tr("Import the federal list (FPU)…"), "fpu"),
                           (self.tr("Import titles and balances…"), "literature")):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=kind: self.import_from_excel(k))
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("Kind"), lambda t: t.kind, width=130),
            Column("authors", self.tr("Authors"), lambda t: t.authors, width=200),
            Column("title", self.tr("Title"), lambda t: t.title, width=330),
            Column("grades", self.tr("Grades"), lambda t: t.grades, width=70),
            Column("subject", self.tr("Subject"), lambda t: t.subject, width=150),
            Column("publisher", self.tr("Publisher"), lambda t: t.publisher, width=140),
            Column("year", self.tr("Year"), lambda t: t.year, kind="int", width=60),
            Column("isbn", self.tr("ISBN"), lambda t: t.isbn, width=130),
            Column("fpu_number", self.tr("FPU No."), lambda t: t.fpu_number, width=110),
            Column("fpu_status", self.tr("FPU status"), lambda t: t.fpu_status, width=100),
            Column("use_until", self.tr("Use until"), lambda t: t.use_until, kind="date",
                   width=100),
            Column("price", self.tr("Price"), lambda t: t.price, kind="money", width=90),
            Column("level", self.tr("Level"), lambda t: t.level, width=100, hidden=True),
        ]

    def _fill_subjects(self) -> None:
        wanted = self.subject_filter.currentData()
        present = lit.subjects()
        known = [self.subject_filter.itemData(i) for i in range(1, self.subject_filter.count())]
        if present == known:
            return
        self.subject_filter.blockSignals(True)
        while self.subject_filter.count() > 1:
            self.subject_filter.removeItem(1)
        for subject in present:
            self.subject_filter.addItem(subject, subject)
        index = self.subject_filter.findData(wanted)
        self.subject_filter.setCurrentIndex(max(index, 0))
        self.subject_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        kind, subject = self.kind_filter.currentData(), self.subject_filter.currentData()
        grade, status = self.grade_filter.currentData(), self.status_filter.currentData()

        def keep(t: TitleData) -> bool:
            if (kind and t.kind != kind) or (subject and t.subject != subject):
                return False
            if status and t.fpu_status != status:
                return False
            if grade is not None:
                first, last = lit.parse_grades(t.grades) or (None, None)
                return first is not None and first <= grade <= (last or first)
            return True

        self.record_list.set_predicate(keep)

    def import_from_excel(self, kind: str) -> None:
        from imc_desktop.services.common import importing
        from ui.widgets.import_wizard import ImportWizard

        ImportWizard.ask(kind, importing.mapping_store(self.settings.data_dir()), self)

    def open_record(self, row: TitleData | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is not None:
            self._edit(row)

    def _edit(self, data: TitleData) -> None:
        loaded = data if data.id is not None else None  # only what changes on the card is saved
        while True:
            edited = TitleDialog.ask(data, lit.subjects(), self)
            if edited is None:
                return
            try:
                saved = save_over_changes(self, self.tr("Title not saved"),
                                          partial(lit.save_title, edited, loaded))
                if saved is None:
                    return
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Title not saved"), str(exc))
                data = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Title not saved"), str(exc))
                return
            self.record_list.select_id(saved)
            return

    def delete_records(self, rows: list[TitleData]) -> None:
        names = "\n".join(t.label for t in rows[:10]) + ("\n…" if len(rows) > 10 else "")
        if not Ask.confirm(self, self.tr("Delete titles"),
                           self.tr("Delete %n title(s)?", "", len(rows)) + "\n\n" + names):
            return
        for row in rows:
            try:
                lit.delete_title(row.id or "")
            except ServiceError as exc:
                Ask.error(self, self.tr("Title not deleted"), str(exc))
