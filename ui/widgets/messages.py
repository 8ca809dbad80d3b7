"""Questions and messages every screen asks the same way; tests replace them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from imc_desktop.services.common.errors import ChangedMeanwhile

T = TypeVar("T")


class Ask:
    """Static entry points so tests can answer without a modal dialog."""

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


def save_over_changes(parent: QWidget | None, title: str, save: Callable[[bool], T]) -> T | None:
    """Run ``save(overwrite=False)``; when fields the user changed were changed elsewhere
    since the form was loaded, show them and ask before ``save(overwrite=True)``.
    None when the user keeps the other values (nothing is saved)."""
    try:
        return save(False)
    except ChangedMeanwhile as exc:
        question = QCoreApplication.translate(
            "Ask", "Save your values over them? (No keeps the other values; reopen the card "
                   "to see them.)")
        if not Ask.confirm(parent, title, f"{exc}\n\n{question}"):
            return None
    return save(True)


def unsaved_box(parent: QWidget | None, text: str) -> QMessageBox:
    """«Сохранить / Не сохранять / Отмена» about unsaved changes (Qt's own «Discard» reads
    «Отклонить» in Russian, which is not what the user is deciding)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("RecordForm", "Unsaved changes"), text,
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("RecordForm", "Don't save"))
    return box


def ask_unsaved(parent: QWidget | None, text: str) -> QMessageBox.StandardButton:
    return QMessageBox.StandardButton(unsaved_box(parent, text).exec())
