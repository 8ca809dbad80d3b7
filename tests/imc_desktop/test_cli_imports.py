"""The command line imports what its sub-command needs: no window, no report engine for
--help, report --list, sync and check (each run as a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imc_desktop import cli

ENGINES = ("openpyxl", "docx", "reportlab", "segno", "exports.docx_writer",
           "exports.xlsx_writer", "exports.pdf_writer", "imc_desktop.importers")
WINDOW = ("PySide6.QtWidgets", "PySide6.QtGui", "ui")

PROBE = """
import json, sys
from imc_desktop.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def imported_by(tmp_path: Path, *args: str) -> tuple[object, set[str]]:
    """The exit code and the modules a real `imc-desktop ARGS` process imported."""
    found = tmp_path / "modules.json"
    env = {**os.environ, "IMC_DESKTOP_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", PROBE, str(found), *args], env=env, check=True,
                   capture_output=True, timeout=120)
    result = json.loads(found.read_text(encoding="utf-8"))
    return result["code"], set(result["modules"])


def loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert cli.main(["demo-data", "--db", str(path), "--staff", "30"]) == 0
    return path


@pytest.mark.parametrize("args", [("--help",), ("report", "--help"), ("sync", "--help"),
                                  ("import", "--help")])
def test_help_imports_neither_qt_nor_the_database_layer(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    code, modules = imported_by(tmp_path, *args)
    assert code == 0
    assert loaded(modules, ENGINES + WINDOW + ("PySide6", "sqlalchemy", "alembic")) == []


def test_the_report_list_is_made_once_then_printed_from_the_cache(tmp_path: Path) -> None:
    code, first = imported_by(tmp_path, "report", "--list")
    assert code == 0
    assert loaded(first, ENGINES + WINDOW) == [], "made from the definitions: no engine"
    assert "sqlalchemy" in first
    code, again = imported_by(tmp_path, "report", "--list")
    assert code == 0
    assert loaded(again, ENGINES + WINDOW + ("PySide6", "sqlalchemy", "alembic")) == []


def test_check_reads_the_file_without_qt_or_the_engines(tmp_path: Path, demo: Path) -> None:
    code, modules = imported_by(tmp_path, "check", "--db", str(demo))
    assert code == 0
    assert loaded(modules, ENGINES + WINDOW + ("PySide6",)) == []


def test_a_sync_builds_no_window_and_no_report_engine(tmp_path: Path, demo: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    code, modules = imported_by(tmp_path, "sync", "--db", str(demo), "--store", str(store),
                                "--new-store", "--name", "пк-1")
    assert code == 0
    assert loaded(modules, ENGINES + WINDOW) == []
    code, modules = imported_by(tmp_path, "sync", "--db", str(demo), "--store", str(store),
                                "--name", "пк-1")
    assert code == 0
    assert loaded(modules, ENGINES + WINDOW + ("sqlalchemy", "models", "alembic")) == [], \
        "nothing to do: the tables kept from the first sync, no database layer"
    assert loaded(modules, ("PySide6", "shiboken6")) == [], "settings read without QtCore"
    code, modules = imported_by(tmp_path, "sync", "--db", str(demo), "--store", str(store),
                                "--check")
    assert loaded(modules, ENGINES + WINDOW) == []
