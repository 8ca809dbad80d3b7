"""Open a written file in the program the system associates with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: Path) -> str | None:
    """None when the file was handed to its program; otherwise a message for the user."""
    if not path.exists():
        return QCoreApplication.translate("open_file", "File not found: %1").replace(
            "%1", str(path))
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.resolve()))):
        return QCoreApplication.translate(
            "open_file", "No program to open %1 was found. Open the file yourself from "
            "its folder: %2").replace("%1", path.name).replace("%2", str(path.parent))
    return None
