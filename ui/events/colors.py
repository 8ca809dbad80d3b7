"""A colour for each kind of event, the same in the month, the week and the legend."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor

KIND_COLORS = {
    "семинар": "#3b7dd8", "мастер-класс": "#2a9d8f", "конкурс": "#d1495b",
    "конференция": "#8e5ad6", "педагогические чтения": "#b5838d", "заседание РМО": "#e09f3e",
    "курсы": "#4f772d", "совещание": "#6c757d", "другое": "#8d99ae",
}
CANCELLED_COLOR = "#b0b0b0"
TODAY_SHADE = QColor("#fff4ce")  # today's day in the month and the week


def legend_html(cancelled: str) -> str:
    """Each kind in its colour, for a line above the calendar; `cancelled` names the grey."""
    chips = [(kind, colour) for kind, colour in KIND_COLORS.items()]
    chips.append((cancelled, CANCELLED_COLOR))
    return "&nbsp; ".join(
        f'<span style="background-color:{colour}; color:#ffffff;">&nbsp;{html.escape(kind)}'
        "&nbsp;</span>" for kind, colour in chips)


def kind_color(kind: str, status: str = "") -> QColor:
    if status in ("отменено", "перенесено"):
        return QColor(CANCELLED_COLOR)
    return QColor(KIND_COLORS.get(kind, KIND_COLORS["другое"]))
