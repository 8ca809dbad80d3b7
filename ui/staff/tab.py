"""The «Кадры» tab: the district's pedagogues with filters, the card, courses for a cohort."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.card import CardData, new_card, open_card
from imc_desktop.services.staff.records import CourseData, PersonCard, PersonRow
from imc_desktop.services.staff.rules import KPK_OVERDUE
from ui.staff.card import CardContext, CardPage, PersonDialog
from ui.staff.cohort import CohortCourseDialog
from ui.staff.list_columns import EXPERIENCE_KIND, OverdueDelegate, experience_of
from ui.staff.subforms import SubformContext
from ui.widgets.changes import change_bridge
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.module_tab import ModuleTab
from ui.widgets.record_list import Column, RecordList

NUMBERS_CHUNK = 5000  # ids per query when the unmasked СНИЛС and ИНН are asked for
NAMES_IN_QUESTION = 10
COMBO_CHARACTERS = 16  # the filters' width; their lists open as wide as their longest item


class StaffTab(QWidget):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None,
                 card_pages: tuple[CardPage, ...] = ()) -> None:
        """`card_pages`: what other modules add to the pedagogue's card."""
        super().__init__(parent)
        self.settings, self.card_pages = settings, card_pages
        self.title = self.tr("Staff")
        self._numbers: dict[str, tuple[str, str]] = {}
        self.show_numbers = QCheckBox(self.tr("Show SNILS and INN"))
        self.show_numbers.setToolTip(self.tr(
            "Personal data: show the full numbers only when the work needs them"))
        self.record_list = RecordList(
            "staff", self.tr("Pedagogues"), self._columns(), self._load,
            set(staff.TABLES) | {"organizations"}, settings.raw(), self)
        self.record_list.view.setItemDelegate(OverdueDelegate(self.record_list.view))
        self._build_filters()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._action_row())
        layout.addWidget(self.record_list)
        self.record_list.openRequested.connect(self.open_record)
        self.record_list.addRequested.connect(self.add_record)
        self.record_list.deleteRequested.connect(self.delete_records)
        self.show_numbers.toggled.connect(self._toggle_numbers)
        self._apply_filters()
        self.record_list.reload()

    def lists(self) -> list[RecordList]:
        return [self.record_list]

    def rules(self) -> Rules:
        """The rules as the settings are now (they may change while the tab is open)."""
        return Rules.from_settings(self.settings)

    # ---------------------------------------------------------------- building
    def _columns(self) -> list[Column]:
        """The list's columns; СНИЛС and ИНН masked unless the user asked to see them."""
        return [
            Column("full_name", self.tr("Full name"), lambda r: r.full_name, width=270),
            Column("organization", self.tr("Organization"), lambda r: r.organization, width=190),
            Column("position", self.tr("Position"), lambda r: r.position, width=170),
            Column("subjects", self.tr("Subjects"), lambda r: r.subjects_text, width=190),
            Column("category", self.tr("Category"), lambda r: r.category, width=85),
            Column("ped_experience", self.tr("Teaching experience"), experience_of,
                   kind=EXPERIENCE_KIND, width=135),
            Column("last_course_end", self.tr("Last courses"), lambda r: r.last_course_end,
                   kind="date", width=105),
            Column("kpk_due", self.tr("Courses due"), lambda r: r.kpk_due, kind="date", width=105),
            Column("kpk_status", self.tr("Courses status"), lambda r: r.kpk_status, width=110),
            Column("is_young", self.tr("Young specialist"), lambda r: r.is_young, kind="bool",
                   width=160),
            Column("snils", self.tr("SNILS"), self._snils, width=125, hidden=True),
            Column("inn", self.tr("INN"), self._inn, width=120, hidden=True),
            Column("age", self.tr("Age"), lambda r: r.age, kind="int", width=70, hidden=True),
            Column("education", self.tr("Education"), lambda r: r.education, width=220,
                   hidden=True),
            Column("birth_date", self.tr("Date of birth"), lambda r: r.birth_date, kind="date",
                   width=110, hidden=True),
        ]

    def _build_filters(self) -> None:
        self.org_filter = self._combo(self.tr("All organizations"))
        self.position_filter = self._combo(self.tr("All positions"))
        self.subject_filter = self._combo(self.tr("All subjects"))
        for combo in (self.org_filter, self.position_filter, self.subject_filter):
            self.record_list.filters.addWidget(combo)
        self.young_only = QCheckBox(self.tr("Young specialists"))
        self.overdue_only = QCheckBox(self.tr("Courses overdue"))
        for check in (self.young_only, self.overdue_only):
            check.toggled.connect(self._apply_filters)

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    def _build_actions(self) -> None:
        self.act_cohort = QAction(self.tr("Add courses to selected…"), self)
        self.act_cohort.triggered.connect(self.add_courses_to_selected)
        view = self.record_list.view
        view.customContextMenuRequested.disconnect()
        view.customContextMenuRequested.connect(self._context_menu)

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        self.cohort_button = QPushButton(self.act_cohort.text())
        self.cohort_button.setToolTip(self.tr(
            "One finished course for every pedagogue selected in the list"))
        self.cohort_button.clicked.connect(self.act_cohort.trigger)
        row.addWidget(self.cohort_button)
        row.addSpacing(16)
        row.addWidget(self.young_only)
        row.addWidget(self.overdue_only)
        row.addStretch(1)
        row.addWidget(self.show_numbers)
        return row

    def context_menu(self) -> QMenu:
        """The list's own menu with the cohort course added; actions enabled as they apply."""
        records = self.record_list
        menu = QMenu(self)
        for act in (records.act_open, records.act_add, records.act_delete, None,
                    self.act_cohort, None, records.act_export, records.act_print, None,
                    records.act_columns):
            menu.addSeparator() if act is None else menu.addAction(act)
        selected = bool(records.selected_rows())
        records.act_open.setEnabled(records.current_row() is not None)
        records.act_delete.setEnabled(selected)
        self.act_cohort.setEnabled(selected)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        records = self.record_list
        self.context_menu().exec(records.view.viewport().mapToGlobal(pos))
        for act in (records.act_open, records.act_delete, self.act_cohort):
            act.setEnabled(True)

    # ---------------------------------------------------------------- data
    def _load(self) -> list[PersonRow]:
        rows = staff.list_staff(self.rules())
        self._numbers = self._fetch_numbers(rows) if self.show_numbers.isChecked() else {}
        self._refresh_choices(rows)
        return rows

    @staticmethod
    def _fetch_numbers(rows: Sequence[PersonRow]) -> dict[str, tuple[str, str]]:
        ids = [r.id for r in rows]
        numbers: dict[str, tuple[str, str]] = {}
        for start in range(0, len(ids), NUMBERS_CHUNK):
            numbers.update(staff.personal_numbers(ids[start:start + NUMBERS_CHUNK],
                                                  "список «Кадры»"))
        return numbers

    def _snils(self, row: PersonRow) -> str:
        numbers = self._numbers.get(row.id)
        return numbers[0] if numbers is not None else row.snils_masked

    def _inn(self, row: PersonRow) -> str:
        numbers = self._numbers.get(row.id)
        return numbers[1] if numbers is not None else row.inn_masked

    def _toggle_numbers(self, shown: bool) -> None:
        """Shown, СНИЛС and ИНН stand next to ФИО, where they are looked for."""
        if shown:
            header = self.record_list.view.horizontalHeader()
            keys = [c.key for c in self.record_list.model.columns]
            after = header.visualIndex(keys.index("full_name"))
            for key in ("snils", "inn"):
                logical = keys.index(key)
                header.setSectionHidden(logical, False)
                after += 1
                header.moveSection(header.visualIndex(logical), after)
        self.record_list.reload()

    def _refresh_choices(self, rows: Sequence[PersonRow]) -> None:
        present = (
            (self.org_filter, {o for r in rows for o in r.organizations}),
            (self.position_filter, {p for r in rows for p in r.positions}),
            (self.subject_filter, {s for r in rows for s in r.subjects}),
        )
        lost = False
        for combo, values in present:
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in sorted(v for v in values if v):
                combo.addItem(value, value)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            index = combo.findData(chosen) if chosen is not None else 0
            lost = lost or index < 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        if lost:
            self._apply_filters()

    def _apply_filters(self) -> None:
        org, position = self.org_filter.currentData(), self.position_filter.currentData()
        subject = self.subject_filter.currentData()
        young, overdue = self.young_only.isChecked(), self.overdue_only.isChecked()

        def keep(r: PersonRow) -> bool:
            return ((org is None or org in r.organizations)
                    and (position is None or position in r.positions)
                    and (subject is None or subject in r.subjects)
                    and (not young or r.is_young)
                    and (not overdue or r.kpk_status == KPK_OVERDUE))

        active = any(x is not None for x in (org, position, subject)) or young or overdue
        self.record_list.set_predicate(keep if active else None)

    # ---------------------------------------------------------------- commands
    def add_record(self) -> None:
        self._edit(new_card(), self.rules())

    def open_record(self, row: PersonRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is None:
            return
        rules = self.rules()
        try:
            data = open_card(row.id, rules)
        except ServiceError as exc:
            Ask.error(self, self.tr("Pedagogue"), str(exc))
            return
        self._edit(data, rules)

    def _edit(self, data: CardData, rules: Rules) -> None:
        card, saved_ids = data.person, []

        loaded = card if card.id else None  # a save writes only what changed on the card

        def save(edited: PersonCard, also: tuple[Any, ...] = ()) -> str | None:
            saved = save_over_changes(self, self.tr("Pedagogue not saved"), partial(
                staff_write.save_person, edited, rules, data.today, loaded, also=also))
            if saved is not None:
                saved_ids.append(saved)
            return saved

        context = replace(CardContext.of(data, rules, self.card_pages), save=save)
        while True:
            edited = PersonDialog.ask(card, context, self)
            if edited is None:
                return
            try:  # the dialog has saved, unless it was replaced (tests)
                saved = saved_ids[-1] if saved_ids else save(edited)
                if saved is None:
                    return
            except ValidationFailed as exc:
                Ask.error(self, self.tr("Pedagogue not saved"), str(exc))
                card = edited
                continue
            except ServiceError as exc:
                Ask.error(self, self.tr("Pedagogue not saved"), str(exc))
                return
            self.record_list.select_row_where(partial(_has_id, saved))
            return

    def delete_records(self, rows: list[PersonRow]) -> None:
        names = "\n".join(r.full_name for r in rows[:NAMES_IN_QUESTION])
        more = "\n…" if len(rows) > NAMES_IN_QUESTION else ""
        if not Ask.confirm(self, self.tr("Delete pedagogues"), self.tr(
                "Delete %n pedagogue(s) with their jobs, education, courses and awards?", "",
                len(rows)) + "\n\n" + names + more):
            return
        with one_reload():
            for row in rows:
                try:
                    staff_write.delete_person(row.id)
                except ServiceError as exc:
                    Ask.error(self, self.tr("Pedagogue not deleted"), str(exc))

    def add_courses_to_selected(self) -> None:
        rows = self.record_list.selected_rows()
        title = self.tr("Courses for the selected")
        if not rows:
            Ask.info(self, title, self.tr(
                "Select the pedagogues in the list first (Ctrl+click, Shift+click)."))
            return
        context = SubformContext(self.rules(), today=clock.today())
        course = CohortCourseDialog.ask(CourseData(), [r.full_name for r in rows], context, self)
        if course is None:
            return
        try:
            added = staff_write.add_course_to_many([r.id for r in rows], course, context.rules)
        except ServiceError as exc:
            Ask.error(self, title, str(exc))
            return
        Ask.info(self, title, self.tr("The course was added to %n pedagogue(s).", "", added))


def _has_id(person_id: str, row: PersonRow) -> bool:
    return row.id == person_id


@contextmanager
def one_reload() -> Iterator[None]:
    """Many writes in a row: the open lists reload once at the end, not after each."""
    bridge = change_bridge()
    bridge.blockSignals(True)
    try:
        yield
    finally:
        bridge.blockSignals(False)
        bridge.changed.emit(frozenset(staff.TABLES))


if TYPE_CHECKING:  # the main window takes the tab as a ModuleTab
    _module_tab: type[ModuleTab] = StaffTab
