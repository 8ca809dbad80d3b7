"""``imc-desktop self-check``: the installed program proves it works, headless.

Migrates a temporary database, fills it with the demo, builds the main window with every
tab, writes one file of every report and document and reads it back, synchronises a record
between two workstations, and checks that both translations (the program's and Qt's) load.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from imc_desktop import config
from imc_desktop.app import make_application
from imc_desktop.services.common import maintenance


def self_check(out: list[str]) -> int:
    """Every check in turn; the lines go to ``out``; 0 when all worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    problems = _translation_problems()
    with tempfile.TemporaryDirectory() as tmp:
        problems += _database_problems(Path(tmp), out)
    app.processEvents()
    for problem in problems:
        out.append(f"ОШИБКА: {problem}")
    return 1 if problems else 0


def _translation_problems() -> list[str]:
    problems: list[str] = []
    probe = QCoreApplication.translate("MainWindow", "&File")
    if probe != "&Файл":
        problems.append(f"перевод интерфейса не загружен («{probe}»)")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own qtbase_ru
    qt_probe = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
    if qt_probe != "Отмена":
        problems.append(f"перевод Qt (qtbase_ru) не загружен («{qt_probe}»)")
    return problems


def _database_problems(tmp: Path, out: list[str]) -> list[str]:
    from imc_desktop.services import demo
    from imc_desktop.services.common import reports
    from imc_desktop.services.common.report_check import documents_self_check
    from imc_desktop.services.sync import runner as sync

    settings = config.Settings(tmp / "settings.ini")
    maintenance.open_current(tmp / "check.sqlite", tmp / "backups")
    try:
        out.append(f"База данных: схема {maintenance.info().revision}")
        out.append(f"Демо-данные: организаций {demo.fill_demo()}")
        problems = _check_window(settings, out)
        problems += reports.self_check(tmp / "reports", out)
        problems += documents_self_check(tmp / "documents", settings, out)
        problems += sync.self_check(tmp / "sync", out)
    finally:
        maintenance.close_current()
    return problems


def _check_window(settings: config.Settings, out: list[str]) -> list[str]:
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    titles = window.tab_titles()
    out.append("Вкладки: " + ", ".join(titles))
    window.close()
    window.deleteLater()
    return [] if titles else ["главное окно без вкладок"]
