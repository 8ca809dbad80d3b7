"""Reports and import kinds come from modules imported by name: none is lost silently."""

from __future__ import annotations

import ast
from pathlib import Path

from imc_desktop.services import catalog
from imc_desktop.services.common import importing, reports

SERVICES = Path(catalog.__file__).parent


def _imported_by_catalog() -> set[str]:
    tree = ast.parse(Path(catalog.__file__).read_text(encoding="utf-8"))
    return {f"{node.module}.{alias.name}" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module for alias in node.names}


def _modules_that_register(name: str) -> set[str]:
    found = set()
    for path in SERVICES.rglob("*.py"):
        if "register(" in path.read_text(encoding="utf-8") and path.parent != SERVICES / "common":
            dotted = ".".join(path.relative_to(SERVICES.parent.parent).with_suffix("").parts)
            if path.stem.startswith(name):
                found.add(dotted)
    return found


def test_every_module_that_registers_reports_is_in_the_catalog() -> None:
    modules = _modules_that_register("reports")
    assert modules and modules <= _imported_by_catalog()


def test_every_module_that_registers_an_import_kind_is_in_the_catalog() -> None:
    modules = _modules_that_register("importing")
    assert len(modules) == 8 and modules <= _imported_by_catalog()


def test_each_domain_brings_its_reports_and_kinds() -> None:
    names = {d.name for d in reports.definitions()}
    assert {"organizations", "staff-by-organization", "attestation-plan", "events-plan",
            "literature-waybill", "equipment-card"} <= names
    kinds = importing.all_kinds()
    assert {"organizations", "staff", "attestation", "equipment", "events",
            "event_participants"} <= set(kinds)
