"""Справка → Руководство пользователя (F1): the Russian guide bundled in resources/help/guide,
one HTML chapter per module with its screenshot, opened at the chapter of the current tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.paths import resource_path

CHAPTERS = ("index", "home", "organizations", "staff", "events", "attestation", "literature",
            "equipment", "network", "requests", "methodist",
            "sync")
"""The chapters' files (resources/help/guide/<name>.html), in the order of the contents."""
MODULE_CHAPTERS = ("organizations", "staff", "events", "attestation", "literature", "equipment",
                   "network", "requests",
                   "methodist")
"""The chapter of each module tab, in the order of MainWindow.modules."""


def chapter_path(name: str) -> Path:
    return resource_path("help", "guide", f"{name}.html")


class GuideDialog(QDialog):
    """The guide beside the main window (not modal): the chapters on the left, the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.contents = QListWidget()
        self.contents.setMaximumWidth(240)
        for name in CHAPTERS:
            item = QListWidgetItem(self._title_of(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.contents.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.contents.currentRowChanged.connect(self._row_chosen)
        self.browser.sourceChanged.connect(self._source_shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.contents)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(1180, 760)

    @staticmethod
    def _title_of(name: str) -> str:
        """The chapter's <title>, as written in its file."""
        text = chapter_path(name).read_text(encoding="utf-8")
        start = text.find("<title>") + len("<title>")
        return text[start:text.find("</title>", start)]

    def show_chapter(self, name: str) -> None:
        """Open the chapter `name` (the contents when there is no such chapter)."""
        self.browser.setSource(QUrl.fromLocalFile(str(chapter_path(
            name if name in CHAPTERS else "index"))))
        self._source_shown(self.browser.source())

    def chapter(self) -> str:
        """The chapter shown."""
        return Path(self.browser.source().toLocalFile()).stem

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(CHAPTERS) and self.chapter() != CHAPTERS[row]:
            self.show_chapter(CHAPTERS[row])

    def _source_shown(self, url: QUrl) -> None:
        name = Path(url.toLocalFile()).stem  # source() may not be the new one yet
        if name in CHAPTERS:
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(CHAPTERS.index(name))
            self.contents.blockSignals(False)
