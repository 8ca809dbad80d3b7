"""Smoke test of the frozen bundle built by `uv run pyinstaller --noconfirm build.spec`.

    uv run python tools/smoke_frozen.py [dist/imc-desktop]

1. the bundle holds what the program reads from disk at run time (Qt plugins and Qt's
   Russian translation, our translation and icon, the Alembic migrations as files,
   python-docx's templates, pdfium);
2. the frozen `self-check` passes offscreen in a temporary IMC_DESKTOP_HOME (it migrates a
   new database, fills demo data, builds every tab, writes and reads back every report);
3. the frozen program opens a database made by the first released schema, backs it up and
   migrates it, keeping its row.

Anything the frozen program prints on stderr — an error or a mere warning — fails the
smoke test. On Windows the console twin `imc-desktop-cli.exe` is run (the windowed
`imc-desktop.exe` has no stdout or stderr).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
EXE = "imc-desktop-cli.exe" if WINDOWS else "imc-desktop"

#: (what, glob under the bundle's _internal folder) that must match at least one file
REQUIRED = [
    ("Qt offscreen platform", "PySide6/**/plugins/platforms/*qoffscreen*"),
    ("Qt desktop platform",
     "PySide6/**/plugins/platforms/" + ("qwindows*" if WINDOWS else "*qxcb*")),
    ("Qt SVG image format", "PySide6/**/plugins/imageformats/*qsvg*"),
    ("Qt SVG icon engine", "PySide6/**/plugins/iconengines/*qsvgicon*"),
    ("Qt print support", "PySide6/QtPrintSupport*"),
    ("Qt's Russian translation", "PySide6/**/translations/qtbase_ru.qm"),
    ("our Russian translation", "resources/translations/imc_desktop_ru.qm"),
    ("application icon", "resources/icons/app.svg"),
    ("toolbar, menu and tab icons", "resources/icons/tabler/*.svg"),
    ("the icon set's licence", "resources/icons/tabler/LICENSE"),
    ("Alembic environment", "imc_desktop/migrations/env.py"),
    ("python-docx template", "docx/templates/default.docx"),
    ("python-docx parts folder", "docx/parts/*.py"),
    ("pdfium library", "pypdfium2_raw/*pdfium*"),
    ("reportlab", "reportlab/**/*"),
]
if not WINDOWS:
    REQUIRED.append(("Qt CUPS print support", "PySide6/**/plugins/printsupport/*cups*"))


def check_contents(internal: Path) -> list[str]:
    problems = [f"в сборке нет: {what} ({pattern})" for what, pattern in REQUIRED
                if not any(internal.glob(pattern))]
    source = {p.name for p in (ROOT / "imc_desktop" / "migrations" / "versions").glob("*.py")}
    bundled = {p.name for p in (internal / "imc_desktop" / "migrations" / "versions").glob("*.py")}
    if source != bundled:
        problems.append(f"миграции в сборке {sorted(bundled)} не совпадают с {sorted(source)}")
    return problems


def run(exe: Path, home: Path, *args: str) -> tuple[int, str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMC_DESKTOP_HOME=str(home))
    started = time.monotonic()
    result = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=300)
    print(f"$ {exe.name} {' '.join(args)}  ({time.monotonic() - started:.1f} s, "
          f"код {result.returncode})")
    print(result.stdout, end="")
    return result.returncode, result.stdout, result.stderr


def old_database(path: Path) -> str:
    """A database of the first released schema with one organisation; its revision."""
    from alembic import command

    from imc_desktop import db

    first = "0001"
    engine = db.make_engine(path)
    try:
        with engine.begin() as conn:
            command.upgrade(db._alembic_config(conn), first)
    finally:
        engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO organizations (id, created_at, updated_at, full_name, short_name, kind,"
            " legal_form, inn, kpp, ogrn, okpo, legal_address, actual_address, is_rural,"
            " head_name, head_phone, head_email, website, is_active) VALUES ('smoke',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 'Школа № 1', 'СОШ № 1', 'школа',"
            " '', '', '', '', '', '', '', 1, '', '', '', '', 1)")
    con.close()
    return first


def check_upgrade(exe: Path, home: Path) -> tuple[list[str], str]:
    from imc_desktop import db

    home.mkdir(parents=True, exist_ok=True)
    path = home / "old.sqlite"
    revision = old_database(path)
    # (into the data folder: a copy anywhere else is sealed with the district sync key)
    code, _out, err = run(exe, home, "backup", "--db", str(path), "--out",
                          str(home / "data" / "copy.sqlite"))
    problems = [] if code == 0 else [f"база схемы {revision} не открылась (код {code})"]
    if db.current_revision(path) != db.head_revision():
        problems.append(f"база не обновлена до схемы {db.head_revision()}")
    with sqlite3.connect(path) as con:
        names = con.execute("SELECT short_name FROM organizations").fetchall()
    con.close()
    if names != [("СОШ № 1",)]:
        problems.append(f"после обновления в базе {names} вместо [('СОШ № 1',)]")
    backups = list((home / "data" / "backups").glob(f"old-before-migration-{revision}-*.sqlite"))
    if len(backups) != 1:
        problems.append(f"нет резервной копии перед обновлением схемы {revision}")
    return problems, err


def main(bundle: Path) -> int:
    exe = bundle / EXE
    internal = bundle / "_internal"
    if not exe.is_file():
        print(f"Нет программы {exe}: сначала `uv run pyinstaller --noconfirm build.spec`.",
              file=sys.stderr)
        return 1
    problems = check_contents(internal)
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="imc-smoke-") as tmp:
        code, out, err = run(exe, Path(tmp) / "check", "self-check")
        errors.append(err)
        if code != 0 or "Проверка пройдена." not in out:
            problems.append(f"self-check не пройден (код {code})")
        more, err = check_upgrade(exe, Path(tmp) / "upgrade")
        problems += more
        errors.append(err)
    stderr = "".join(errors)
    if stderr:
        problems.append("программа писала в stderr:\n" + stderr.rstrip())
    if not WINDOWS:
        pycache = [str(p) for p in bundle.rglob("__pycache__")]
        if pycache:
            problems.append(f"программа записала в папку сборки: {pycache}")
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"Размер сборки: {size / 2**20:.0f} МБ")
    for problem in problems:
        print(f"ОШИБКА: {problem}", file=sys.stderr)
    print("Сборка в порядке." if not problems else "Сборка не прошла проверку.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "imc-desktop"))
