"""Audit the locked dependencies (uv.lock) for known vulnerabilities with pip-audit.

    uv run python tools/audit_dependencies.py

Exit 1 when any locked package has a known vulnerability (each is printed with its fix
versions); exit 0 otherwise. Packages the vulnerability service could not look up (an offline
machine, a mirror without them) are counted and named on stderr, so a run that audited
nothing says so instead of passing silently.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = "pip-audit==2.10.1"


@dataclass
class Audit:
    vulnerable: list[str] = field(default_factory=list)
    unaudited: list[str] = field(default_factory=list)
    audited: int = 0


def read_report(report: dict[str, object]) -> Audit:
    """pip-audit's JSON report: what is vulnerable, what could not be looked up."""
    audit = Audit()
    dependencies = report.get("dependencies", [])
    assert isinstance(dependencies, list)
    for dep in dependencies:
        name, version = dep.get("name", "?"), dep.get("version", "")
        if "skip_reason" in dep:
            audit.unaudited.append(name)
            continue
        audit.audited += 1
        for vuln in dep.get("vulns", []):
            fixes = ", ".join(vuln.get("fix_versions", [])) or "нет"
            audit.vulnerable.append(
                f"{name} {version}: {vuln.get('id', '?')} (исправлено в: {fixes})")
    return audit


def run_pip_audit() -> dict[str, object] | None:
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        subprocess.run(["uv", "export", "--locked", "--format", "requirements-txt",
                        "--no-emit-project", "--quiet", "-o", str(requirements)],
                       cwd=ROOT, check=True)
        done = subprocess.run(["uvx", PIP_AUDIT, "-r", str(requirements), "--disable-pip",
                               "--require-hashes", "--format", "json", "--progress-spinner",
                               "off"], capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit не выполнен (код {done.returncode}): "
              f"{done.stderr.strip().splitlines()[-1:] or ''}", file=sys.stderr)
        return None
    return report if isinstance(report, dict) else None


def main() -> int:
    report = run_pip_audit()
    if report is None:
        print("Зависимости не проверены: сервис уязвимостей недоступен.", file=sys.stderr)
        return 0
    audit = read_report(report)
    for line in audit.vulnerable:
        print(f"УЯЗВИМОСТЬ: {line}")
    if audit.unaudited:
        print(f"Не проверено пакетов: {len(audit.unaudited)} (сервис их не знает или "
              f"недоступен): {', '.join(audit.unaudited)}", file=sys.stderr)
    print(f"Проверено пакетов: {audit.audited}, уязвимостей: {len(audit.vulnerable)}.")
    return 1 if audit.vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
