"""Справка → Сведения об обработке ПДн: what is stored, where, who can see it (152-ФЗ)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from imc_desktop.paths import resource_path


@dataclass(frozen=True)
class PdnFacts:
    """The places and the user the page names (given by the window)."""

    database: str
    backups: str
    data: str
    sync: str
    login: str
    role: str


def page_html(facts: PdnFacts) -> str:
    template = resource_path("help", "pdn_ru.html").read_text(encoding="utf-8")
    return template.format(**{k: html.escape(v) for k, v in facts.__dict__.items()})


class PdnInfoDialog(QDialog):
    def __init__(self, facts: PdnFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Personal data processing"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(page_html(facts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 640)

    @staticmethod
    def ask(facts: PdnFacts, parent: QWidget | None = None) -> None:
        PdnInfoDialog(facts, parent).exec()
