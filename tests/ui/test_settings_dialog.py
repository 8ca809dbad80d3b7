"""Settings: sections listed beside their pages, long pages scrolled, the dialog (with its
OK button) inside a 1366×768 screen; every setting still has its editor."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from imc_desktop import config
from ui.settings_dialog import SettingsDialog

SMALL_SCREEN = QSize(1366, 728)  # 1366×768 less a taskbar


@pytest.fixture
def dialog(qtbot: Any, russian: Any, settings: config.Settings) -> SettingsDialog:
    widget = SettingsDialog(settings)
    qtbot.addWidget(widget)
    return widget


def test_sections_are_listed_beside_their_pages(dialog: SettingsDialog) -> None:
    titles = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert titles[:4] == ["Организация", "Отчёты", "Кадры", "Аттестация"]
    assert dialog.pages.count() == len(titles) == len({s.section for s in config.ALL})
    dialog.sections.setCurrentRow(2)
    assert dialog.pages.currentIndex() == 2
    assert all(isinstance(dialog.pages.widget(i), QScrollArea) for i in range(len(titles)))
    assert set(dialog._editors) == {s.key for s in config.ALL}


def test_the_dialog_fits_a_1366_by_768_screen(dialog: SettingsDialog) -> None:
    size = dialog.fitting_size(SMALL_SCREEN)
    assert size.width() <= 1366 - 40 and size.height() <= 728 - 80
    assert dialog.minimumSizeHint().height() <= size.height()
    assert dialog.minimumSizeHint().width() <= size.width()
    dialog.resize(size)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    top_left = ok.mapTo(dialog, ok.rect().topLeft())
    assert QRect(0, 0, size.width(), size.height()).contains(QRect(top_left, ok.size()))


def test_a_long_page_scrolls_instead_of_growing(dialog: SettingsDialog) -> None:
    dialog.resize(dialog.fitting_size(SMALL_SCREEN))
    dialog.show()
    longest = max(range(dialog.pages.count()),
                  key=lambda i: dialog.pages.widget(i).widget().sizeHint().height())  # type: ignore[attr-defined]
    dialog.sections.setCurrentRow(longest)
    page = dialog.pages.widget(longest)
    assert isinstance(page, QScrollArea)
    assert page.height() <= dialog.height()
