"""The dependency audit of .ci/run: a known vulnerability fails it, a package the service could
not look up is named rather than passed silently."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("audit_dependencies",
                                                  ROOT / "tools" / "audit_dependencies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_known_vulnerability_is_listed_with_its_fix() -> None:
    audit = _tool().read_report({"dependencies": [
        {"name": "lxml", "version": "6.1.3", "vulns": [
            {"id": "PYSEC-2099-1", "fix_versions": ["6.1.4"], "aliases": []}]},
        {"name": "openpyxl", "version": "3.1.5", "vulns": []},
    ], "fixes": []})
    assert audit.vulnerable == ["lxml 6.1.3: PYSEC-2099-1 (исправлено в: 6.1.4)"]
    assert audit.audited == 2 and audit.unaudited == []


def test_packages_not_looked_up_are_counted_not_passed() -> None:
    audit = _tool().read_report({"dependencies": [
        {"name": "alembic", "skip_reason": "Dependency not found on PyPI"},
        {"name": "openpyxl", "version": "3.1.5", "vulns": []},
    ]})
    assert audit.unaudited == ["alembic"] and audit.audited == 1 and not audit.vulnerable


def test_the_ci_script_runs_the_audit() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "tools/audit_dependencies.py" in script
