"""Refresh the Russian translation: extract the strings (lupdate), compile them (lrelease).

    uv run python tools/translations.py            # update .ts from the sources, compile .qm
    uv run python tools/translations.py --check    # exit 1 when .ts or .qm are out of date
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "imc_desktop_ru.ts"
QM = TS.with_suffix(".qm")
SOURCE_DIRS = ("ui", "imc_desktop")


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"{name} not found beside PySide6")


def sources() -> list[str]:
    files = []
    for folder in SOURCE_DIRS:
        files += sorted(str(p) for p in (ROOT / folder).rglob("*.py")
                        if "migrations" not in p.parts)
    return files


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources(),
                    "-ts", str(ts)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
            ts.write_bytes(TS.read_bytes())
            lupdate(ts)
            lrelease(TS, qm)
            stale = ts.read_bytes() != TS.read_bytes() or qm.read_bytes() != QM.read_bytes()
        print("translations are out of date" if stale else "translations are up to date")
        return 1 if stale else 0
    lupdate(TS)
    lrelease(TS, QM)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
