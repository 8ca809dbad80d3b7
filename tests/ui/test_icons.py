"""Icons on the toolbar, the menus and the module tabs: one free set bundled with its licence,
drawn offscreen (as in the tests and the frozen bundle's self-check)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor

from imc_desktop import config
from imc_desktop.paths import resource_path
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui.main_window import MainWindow
from ui.widgets.icons import SET, icon

ROOT = Path(__file__).resolve().parents[2]
ICONS = resource_path("icons", SET)


def drawn(name: str) -> bool:
    """Some pixel of the 24×24 picture is not transparent."""
    image = icon(name).pixmap(24, 24).toImage()
    return any(QColor(image.pixel(x, y)).alpha() > 0 for x in range(24) for y in range(24))


def test_the_set_comes_with_its_licence() -> None:
    text = (ICONS / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")


@pytest.mark.parametrize("name", sorted(p.stem for p in ICONS.glob("*.svg")))
def test_every_bundled_icon_is_drawn(qapp: Any, name: str) -> None:
    assert drawn(name)


def test_a_name_not_bundled_is_an_error(qapp: Any) -> None:
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")


def test_every_icon_named_in_the_code_is_bundled(qapp: Any) -> None:
    """icon("…") with a literal name anywhere in ui/: the file is there."""
    names = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "icon"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                names.add(node.args[0].value)
    from ui.window_icons import MODULE_ICONS

    names |= set(MODULE_ICONS)
    assert names and all((ICONS / f"{n}.svg").is_file() for n in names), names


def test_the_toolbar_menus_and_tabs_have_icons(qtbot: Any, russian: Any,
                                               demo_database: DatabaseInfo,
                                               settings: config.Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    for act in window.toolbar.actions():
        assert act.isSeparator() or not act.icon().isNull(), act.text()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        for act in menu.actions():
            assert act.isSeparator() or not act.icon().isNull(), act.text()
    for index in range(window.tabs.count()):
        assert not window.tabs.tabIcon(index).isNull(), window.tabs.tabText(index)
