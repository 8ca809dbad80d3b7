"""The «Кадры» list's sortable стаж and the colour of pedagogues with overdue courses."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from imc_desktop.services.staff.records import PersonRow
from imc_desktop.services.staff.rules import KPK_OVERDUE, format_experience
from ui.widgets.table_model import ROW_ROLE

OVERDUE_TEXT = QColor("#a4161a")
OVERDUE_BACKGROUND = QColor("#fdecec")
EXPERIENCE_KIND = "experience"  # not a kind the shared model knows: shown as text, sorted as is


class ExperienceText(str):
    """«12 л. 3 мес.»: shown and exported as text, sorted by the number of months."""

    months: int

    def __new__(cls, years: int, months: int) -> ExperienceText:
        text = super().__new__(cls, format_experience(years, months))
        text.months = years * 12 + months
        return text

    def _key(self, other: object) -> tuple[int, int]:
        theirs = other.months if isinstance(other, ExperienceText) else -1
        return self.months, theirs

    def __lt__(self, other: object) -> bool:
        mine, theirs = self._key(other)
        return mine < theirs

    def __gt__(self, other: object) -> bool:
        mine, theirs = self._key(other)
        return mine > theirs

    def __le__(self, other: object) -> bool:
        return not self > other

    def __ge__(self, other: object) -> bool:
        return not self < other

    __hash__ = str.__hash__


def experience_of(row: PersonRow) -> ExperienceText | None:
    if row.ped_years is None or row.ped_months is None:
        return None
    return ExperienceText(row.ped_years, row.ped_months)


def is_overdue(row: Any) -> bool:
    return isinstance(row, PersonRow) and row.kpk_status == KPK_OVERDUE


class OverdueDelegate(QStyledItemDelegate):
    """Paints the rows of pedagogues whose courses are overdue in a warning colour."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if is_overdue(index.data(ROW_ROLE)):
            option.palette.setColor(QPalette.ColorRole.Text, OVERDUE_TEXT)
            option.backgroundBrush = QBrush(OVERDUE_BACKGROUND)
