"""The icons of the toolbar, menus and tabs: one free set (Tabler Icons, MIT, in
resources/icons/tabler with its LICENSE), SVG drawn by Qt's SVG icon engine — from source,
offscreen and in the frozen bundle alike."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from imc_desktop.paths import resource_path

SET = "tabler"


def icon_path(name: str) -> str:
    return str(resource_path("icons", SET, f"{name}.svg"))


@cache
def icon(name: str) -> QIcon:
    """The icon `name` of the set («plus», «trash»…); a name not bundled is an error, so a
    typo fails the tests instead of showing an empty button."""
    path = resource_path("icons", SET, f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"no icon «{name}» in resources/icons/{SET}")
    return QIcon(str(path))
