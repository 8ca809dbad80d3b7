"""The line at the top of a card that cannot be changed, saying why (a written-off item, a
posted document): greyed fields alone leave the user guessing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

STYLE = ("QLabel { background: #fff4ce; border: 1px solid #e0c97a; border-radius: 3px; "
         "padding: 4px 6px; }")


def read_only_note(text: str, parent: QWidget | None = None) -> QLabel:
    note = QLabel(text, parent)
    note.setObjectName("read_only_note")
    note.setWordWrap(True)
    note.setStyleSheet(STYLE)
    return note
