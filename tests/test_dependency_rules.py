"""The rules of dependency in DESIGN.md: models/ and exports/ take no Qt; ui/ takes no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RULES = {
    "models": ("PySide6", "shiboken6", "ui", "imc_desktop"),
    "exports": ("PySide6", "shiboken6", "sqlalchemy", "ui", "imc_desktop", "models"),
    "ui": ("sqlalchemy", "models"),
    "imc_desktop": ("ui",),
}


# ui/ talks to the services only: never to the database, the sync engine or the importers
UI_FORBIDDEN_PREFIXES = ("imc_desktop.db", "imc_desktop.sync", "imc_desktop.importers")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def imported_names(path: Path) -> set[str]:
    """The modules imported and, for `from a import b`, also `a.b` (b may be a module)."""
    names = imported_modules(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def has_prefix(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def ui_package_of(path: Path, root: Path) -> str | None:
    """The module package a file of ui/ belongs to: ui/<domain>/... → <domain>; None for the
    shared widgets and the top-level composition (main_window, composition, dialogs)."""
    parts = path.relative_to(root / "ui").parts
    if len(parts) < 2 or parts[0] == "widgets":
        return None
    return parts[0]


def ui_violations(root: Path = ROOT) -> list[str]:
    """A module package of ui/ imports no other one; ui/ imports no db, sync or importers."""
    found = []
    for path in sorted((root / "ui").rglob("*.py")):
        own = ui_package_of(path, root)
        for name in sorted(imported_names(path)):
            parts = name.split(".")
            other = parts[1] if len(parts) > 1 and parts[0] == "ui" else None
            if (own is not None and other not in (None, own, "widgets")
                    and (root / "ui" / other).is_dir()):
                found.append(f"{path.relative_to(root)} imports {name}")
            elif has_prefix(name, UI_FORBIDDEN_PREFIXES):
                found.append(f"{path.relative_to(root)} imports {name}")
    return found


def violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in imported_modules(path):
            if name.split(".")[0] in forbidden:
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


@pytest.mark.parametrize("package", sorted(RULES))
def test_package_respects_the_rules_of_dependency(package: str) -> None:
    allowed_exceptions = {"imc_desktop": {"imc_desktop/app.py", "imc_desktop/self_check.py"}}
    found = [v for v in violations(package, RULES[package])
             if v.split(" ")[0] not in allowed_exceptions.get(package, set())]
    assert found == []


def test_the_checker_catches_a_stray_import(tmp_path: Path) -> None:
    stray = tmp_path / "bad.py"
    stray.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n")
    assert imported_modules(stray) == {"PySide6.QtWidgets", "sqlalchemy.orm"}


def test_ui_module_packages_stay_apart_and_talk_to_services_only() -> None:
    assert ui_violations() == []


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_checker_catches_a_module_package_importing_another(tmp_path: Path) -> None:
    _write(tmp_path / "ui" / "staff" / "card.py",
           "from ui.attestation.card_page import AttestationPage\n"
           "from ui.widgets.people import PersonChoice\nfrom ui.staff import card_pages\n")
    _write(tmp_path / "ui" / "events" / "tab.py", "from ui import attestation\n")
    _write(tmp_path / "ui" / "attestation" / "__init__.py", "")
    _write(tmp_path / "ui" / "main_window.py", "from ui.staff.card import PersonDialog\n")
    _write(tmp_path / "ui" / "widgets" / "x.py", "import ui.widgets.people\n")
    assert ui_violations(tmp_path) == [
        "ui/events/tab.py imports ui.attestation",
        "ui/staff/card.py imports ui.attestation.card_page",
        "ui/staff/card.py imports ui.attestation.card_page.AttestationPage",
    ]


def test_the_checker_catches_ui_importing_the_database_sync_or_importers(
        tmp_path: Path) -> None:
    _write(tmp_path / "ui" / "widgets" / "bad.py",
           "from imc_desktop import importers as imp\nimport imc_desktop.sync.engine\n"
           "from imc_desktop.db import session_scope\nfrom imc_desktop import dbx, clock\n")
    assert ui_violations(tmp_path) == [
        "ui/widgets/bad.py imports imc_desktop.db",
        "ui/widgets/bad.py imports imc_desktop.db.session_scope",
        "ui/widgets/bad.py imports imc_desktop.importers",
        "ui/widgets/bad.py imports imc_desktop.sync.engine",
    ]
