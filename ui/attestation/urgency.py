"""Rows that need attention painted red (overdue) or orange (due within a month)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import ApplicationRow, DueRow
from imc_desktop.validation import format_date
from ui.widgets.table_model import ROW_ROLE

SOON_DAYS = 30
UNTIL_KIND = "until"  # not a kind the shared model knows: shown as text, sorted as is
OVERDUE_TEXT, OVERDUE_BACKGROUND = QColor("#a4161a"), QColor("#fdecec")
SOON_TEXT, SOON_BACKGROUND = QColor("#8a4b00"), QColor("#fff1dc")
OVERDUE, SOON = "overdue", "soon"


class UntilText(str):
    """«действует до»: a date as дд.мм.гггг or «бессрочно», sorted by the date (бессрочно last)."""

    until: date

    def __new__(cls, until: date | None) -> UntilText:
        text = super().__new__(cls, format_date(until) if until else "бессрочно")
        text.until = until or date.max
        return text

    def _other(self, other: object) -> date:
        return other.until if isinstance(other, UntilText) else date.min

    def __lt__(self, other: object) -> bool:
        return self.until < self._other(other)

    def __gt__(self, other: object) -> bool:
        return self.until > self._other(other)

    def __le__(self, other: object) -> bool:
        return not self > other

    def __ge__(self, other: object) -> bool:
        return not self < other

    __hash__ = str.__hash__


class DaysText(str):
    """Days to a deadline as words — «просрочено на 392 дн.», «сегодня», «через 12 дн.» —
    sorted by the number of days."""

    days: int

    def __new__(cls, days: int) -> DaysText:
        words = (f"просрочено на {-days} дн." if days < 0 else "сегодня" if days == 0
                 else f"через {days} дн.")
        text = super().__new__(cls, words)
        text.days = days
        return text

    def _other(self, other: object) -> int:
        return other.days if isinstance(other, DaysText) else 0

    def __lt__(self, other: object) -> bool:
        return self.days < self._other(other)

    def __gt__(self, other: object) -> bool:
        return self.days > self._other(other)

    def __le__(self, other: object) -> bool:
        return not self > other

    def __ge__(self, other: object) -> bool:
        return not self < other

    __hash__ = str.__hash__


def until_text(kind: str, decision: str, decided_on: date | None, explicit: date | None,
               rules: r.AttestationRules) -> UntilText | None:
    """When a decision stops counting; «бессрочно» for a category without a term."""
    if decided_on is None or decision not in (r.ESTABLISHED, r.CONFORMS):
        return UntilText(explicit) if explicit else None
    return UntilText(r.valid_until(r.Decision(kind, decision, decided_on, explicit), rules))


def urgency(row: Any) -> str | None:
    """«overdue», «soon» or None for a row of «Сроки» or «Заявления»."""
    if isinstance(row, DueRow):
        if row.days_left < 0:
            return OVERDUE
        return SOON if row.days_left <= SOON_DAYS else None
    if isinstance(row, ApplicationRow) and row.overdue:
        return OVERDUE
    return None


class UrgencyDelegate(QStyledItemDelegate):
    """Whole rows tinted; or, with `mark_column`, only that cell marked (a red or orange
    word in bold: a long list of overdue lines stays readable, not a red wall)."""

    def __init__(self, parent: QObject | None = None, mark_column: int | None = None) -> None:
        super().__init__(parent)
        self.mark_column = mark_column

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        level = urgency(index.data(ROW_ROLE))
        if level is not None and self.mark_column is not None:
            if index.column() == self.mark_column:
                option.palette.setColor(QPalette.ColorRole.Text,
                                        OVERDUE_TEXT if level == OVERDUE else SOON_TEXT)
                option.font.setBold(True)
        elif level is not None:
            text, background = ((OVERDUE_TEXT, OVERDUE_BACKGROUND) if level == OVERDUE
                                else (SOON_TEXT, SOON_BACKGROUND))
            option.palette.setColor(QPalette.ColorRole.Text, text)
            option.backgroundBrush = QBrush(background)
