"""A real `imc-desktop sync` killed at random moments, many times: after each kill the next
sync finishes the job, both databases stay sound, and the PCs converge with nothing lost."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from imc_desktop import cli, db
from imc_desktop.cli_sync import EXIT_AWAITING
from imc_desktop.sync.share import Share
from tests.sync.conftest import LONG
from tests.sync.helpers import Workstation, admit_all

KILLS = 30 if LONG else 3


def _command(path: Path, store: Path, home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "IMC_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "imc_desktop", "sync", "--db", str(path),
                             "--store", str(store), "--name", path.parent.name],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _run(path: Path, store: Path, home: Path) -> float:
    started = time.monotonic()
    process = _command(path, store, home)
    out, err = process.communicate(timeout=120)
    if process.returncode == EXIT_AWAITING:  # its first sync: a methodist admits it
        assert admit_all(Share(store)) == [path.parent.name], err.decode()
    else:
        assert process.returncode == 0, err.decode()
    assert out.decode().startswith("Синхронизация:") and b"Traceback" not in err
    return time.monotonic() - started


def _kill_at(path: Path, store: Path, home: Path, delay: float) -> None:
    process = _command(path, store, home)
    time.sleep(delay)
    process.kill()
    process.communicate(timeout=60)


def _edit(path: Path, rng: random.Random, tag: str) -> None:
    with sqlite3.connect(path) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM persons")]
        for person in rng.sample(ids, min(5, len(ids))):
            con.execute("UPDATE persons SET notes=? WHERE id=?", (f"{tag}-{person}", person))
    con.close()


@pytest.mark.slow
def test_killed_syncs_leave_everything_sound_and_the_next_one_finishes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, store = tmp_path / "home", tmp_path / "store"
    store.mkdir()
    a, b = tmp_path / "Каб1" / "imc.sqlite", tmp_path / "Каб2" / "imc.sqlite"
    a.parent.mkdir()
    assert cli.main(["demo-data", "--db", str(a), "--staff", "30"]) == 0
    capsys.readouterr()
    full = _run(a, store, home)
    rng = random.Random(5)
    for kill in range(KILLS):
        target = (a, b)[kill % 2]
        _edit(a, rng, f"a{kill}")
        if b.exists():
            _edit(b, rng, f"b{kill}")
        _kill_at(target, store, home, rng.uniform(0.0, full * 1.5))
        admit_all(Share(store))  # if the killed sync had declared a new PC's key
        for path in (a, b):
            if path.exists():
                assert db.full_check(path) == [], f"after kill {kill}: {path}"
        _run(target, store, home)
    for path in (a, b, a, b):
        _run(path, store, home)
    pcs = [Workstation(p, None, p.parent.name) for p in (a, b)]  # type: ignore[arg-type]
    assert pcs[0].content() == pcs[1].content()
    assert pcs[0].conflicts() == pcs[1].conflicts()
    for pc in pcs:
        assert pc.sql("SELECT count(*) FROM sync_pending") == [(0,)]
        assert pc.sql("SELECT count(*) FROM sync_published WHERE published=0") == [(0,)]
    assert db.full_check(a) == db.full_check(b) == []
