"""One handler for what the program did not expect: a Russian message and a log file."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from imc_desktop.crash_log import write_crash
from ui.widgets.messages import Ask


def crash_message(log: Path | None) -> str:
    text = QCoreApplication.translate(
        "Crash", "Unexpected error. What was saved before it is not lost; the operation that "
                 "failed may not have been completed.")
    if log is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Crash", "The details are in the file %1: send it to your administrator.").replace(
            "%1", str(log))
    return text


def install(data_dir: Path) -> None:
    """Every exception nobody caught: written to the log and shown to the user."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        try:
            log: Path | None = write_crash(data_dir, kind, error, tb)
        except OSError:
            log = None
        Ask.error(None, QCoreApplication.translate("Crash", "Error"), crash_message(log))

    sys.excepthook = hook
