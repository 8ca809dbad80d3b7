"""Справка → Руководство пользователя (F1): the Russian guide bundled with the program, one
chapter per module with its picture, opened at the chapter of the current tab."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui.help.guide import CHAPTERS, MODULE_CHAPTERS, GuideDialog, chapter_path
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_is_russian_and_its_pictures_and_links_are_bundled(name: str) -> None:
    text = chapter_path(name).read_text(encoding="utf-8")
    assert re.search(r"<h2>[А-ЯЁ]", text), "a Russian heading"
    for picture in re.findall(r'<img src="([^"]+)"', text):
        assert (chapter_path(name).parent / picture).is_file(), picture
    for link in re.findall(r'<a href="([^"#]+)', text):
        assert (chapter_path(name).parent / link).is_file(), link


def test_every_module_and_home_has_a_chapter_with_a_picture() -> None:
    for name in ("home", *MODULE_CHAPTERS):
        assert name in CHAPTERS
        assert '<img src="' in chapter_path(name).read_text(encoding="utf-8"), name


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen
def test_f1_opens_the_guide_at_the_chapter_of_the_current_tab(window: MainWindow) -> None:
    assert window.act_guide.shortcut() == QKeySequence("F1")
    assert window.act_guide in window.menuBar().actions()[-1].menu().actions()
    window.act_guide.trigger()
    guide = window.guide
    assert isinstance(guide, GuideDialog) and guide.isVisible()
    assert guide.chapter() == "home"
    for tab, chapter in zip(window.modules, MODULE_CHAPTERS, strict=True):
        window.tabs.setCurrentWidget(tab)  # type: ignore[arg-type]
        window.act_guide.trigger()
        assert window.guide is guide, "one guide window, brought forward"
        assert guide.chapter() == chapter
        assert guide.contents.currentRow() == CHAPTERS.index(chapter)
        assert "<img" in guide.browser.toHtml()


def test_the_contents_and_the_links_move_between_chapters(qtbot: Any, russian: Any) -> None:
    guide = GuideDialog()
    qtbot.addWidget(guide)
    guide.show_chapter("staff")
    assert "Кадры" in guide.browser.toPlainText()
    guide.contents.setCurrentRow(CHAPTERS.index("equipment"))
    assert guide.chapter() == "equipment"
    guide.browser.setSource(guide.browser.source().resolved(QUrl("sync.html")))  # a link
    assert guide.chapter() == "sync"
    assert guide.contents.currentRow() == CHAPTERS.index("sync")
    guide.show_chapter("no-such-chapter")
    assert guide.chapter() == "index"
    assert guide.contents.currentRow() == 0
