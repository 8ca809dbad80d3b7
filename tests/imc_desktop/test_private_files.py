"""Files the program makes are its user's alone: 0600 files, 0700 folders (Linux)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from imc_desktop import private_files
from tests.district_store import make_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IMC_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "imc_desktop", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=False,
                          cwd=Path(__file__).resolve().parents[2])


def test_database_backups_and_folders_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a usual umask: files would be world-readable
    try:
        base = tmp_path / "new-folder"
        made = _cli("demo-data", "--db", str(base / "imc.sqlite"), "--staff", "3",
                    home=tmp_path / "home")
        assert made.returncode == 0, made.stderr
        make_store(tmp_path / "district")  # a copy outside the data folder: sealed with it
        copy = _cli("backup", "--db", str(base / "imc.sqlite"), "--out",
                    str(tmp_path / "copies" / "copy.sqlite"), "--store",
                    str(tmp_path / "district"), home=tmp_path / "home")
        assert copy.returncode == 0, copy.stderr
    finally:
        os.umask(old)
    assert _mode(base) == 0o700
    assert _mode(tmp_path / "copies") == 0o700
    for path in (base / "imc.sqlite", tmp_path / "copies" / "copy.sqlite",
                 *base.glob("imc.sqlite-*")):
        assert _mode(path) == 0o600, path
    for path in (tmp_path / "home").rglob("*"):  # settings, backups before migration…
        assert _mode(path) & 0o077 == 0, path


def test_files_of_an_earlier_version_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    (folder / "imc.sqlite").write_bytes(b"x")
    (folder / "backups" / "old.sqlite").write_bytes(b"x")
    os.chmod(folder, 0o755)
    os.chmod(folder / "imc.sqlite", 0o644)
    os.chmod(folder / "backups" / "old.sqlite", 0o664)
    private_files.tighten(folder)
    assert _mode(folder) == 0o700 and _mode(folder / "backups") & 0o077 == 0
    assert _mode(folder / "imc.sqlite") == 0o600
    assert _mode(folder / "backups" / "old.sqlite") == 0o600
