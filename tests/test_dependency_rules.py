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


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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
