"""The composition root: one program per database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from imc_desktop.app import lock_database


def test_a_second_program_on_the_same_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "imc.sqlite"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from imc_desktop.app import "
        "lock_database; lock = lock_database(Path(sys.argv[1])); print('held', flush=True); "
        "time.sleep(30)"), str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert lock_database(path) is None
    finally:
        holder.kill()
        holder.wait()
    lock = lock_database(path)  # the holder is gone: its lock is stale and taken over
    assert lock is not None
    lock.unlock()
