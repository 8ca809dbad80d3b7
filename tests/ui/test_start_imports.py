"""Starting the program imports only what its first screen needs (a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from imc_desktop import cli

NOT_AT_START = ("openpyxl", "docx", "reportlab", "segno", "PIL", "imc_desktop.importers",
                "imc_desktop.sync.engine", "imc_desktop.sync.merge", "exports.fonts",
                "exports.docx_writer", "exports.xlsx_writer", "exports.pdf_writer",
                "exports.label_pdf", "exports.certificates", "alembic", "pypdfium2")

PROBE = """
import json, sys
from pathlib import Path

from imc_desktop.qt_start import skip_feature_scan

skip_feature_scan()
from imc_desktop import app, config

qt = app.make_application()
settings = config.Settings()
path = app.prepare_interactive(Path(sys.argv[2]), Path(sys.argv[2]).parent / "backups")
backups = Path(sys.argv[2]).parent / "backups"
from ui.main_window import MainWindow

window = MainWindow(settings, deferred=True)
window.show()
usable = []
app.start_page_usable = lambda w: usable.append((w.home.isVisible(), sorted(sys.modules)))
app._finish_start(window, path, backups, False, settings)
while not window.modules:
    qt.processEvents()
qt.processEvents()
shown = window.organizations.record_list.model.total_count() + 1000 * (
    window.tabs.currentWidget() is window.home)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"shown": shown, "modules": sorted(sys.modules), "home_shown": usable[0][0],
               "at_usable": usable[0][1], "tabs": window.tabs.count()}, out)
"""


def test_the_main_window_starts_without_the_engines_importers_and_sync(
        tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite"
    assert cli.main(["demo-data", "--db", str(database), "--staff", "30"]) == 0
    found = tmp_path / "modules.json"
    env = {**os.environ, "IMC_DESKTOP_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", PROBE, str(found), str(database)], env=env,
                   check=True, capture_output=True, timeout=300)
    result = json.loads(found.read_text(encoding="utf-8"))
    assert result["shown"] == 1000, "«Главная» is in front; the ОО list waits to be shown"
    modules = set(result["modules"])
    assert "ui.main_window" in modules and "sqlalchemy" in modules
    early = sorted(m for m in modules
                   if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert early == []
    assert result["tabs"] == 10
    assert result["home_shown"], "«Главная» is usable before the module tabs are built…"
    tabs = [m for m in result["at_usable"] if m.startswith("ui.") and m.endswith(".tab")]
    assert tabs == [], "…and before their modules are imported"
