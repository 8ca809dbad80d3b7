"""One lock per database, shared by the program and the commands that write (DESIGN.md's
command line): a command refuses a database open in the program, two commands take turns,
a killed holder frees it at once."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from imc_desktop.db_lock import COMMAND, PROGRAM, DatabaseLock, read_holder
from tests.district_store import make_store


def env() -> dict[str, str]:
    """The environment of a child program, taken when it starts (with the district sync key
    the test session sets)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def hold(path: Path, kind: str) -> subprocess.Popen[str]:
    """Another process holding the database's lock as the program (or a command) does."""
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from imc_desktop.db_lock import "
        "DatabaseLock; lock = DatabaseLock(Path(sys.argv[1]), sys.argv[2]); "
        "assert lock.try_acquire(); print('held', flush=True); time.sleep(60)"),
        str(path), kind], stdout=subprocess.PIPE, text=True, env=env())
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.fixture
def program_open(demo_file: Path) -> Iterator[Path]:
    holder = hold(demo_file, PROGRAM)
    try:
        yield demo_file
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "imc.sqlite"
    done = subprocess.run([sys.executable, "-m", "imc_desktop", "demo-data", "--db", str(path),
                           "--staff", "20"], capture_output=True, text=True, env=env())
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "imc.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


def imc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "imc_desktop", *args], capture_output=True,
                          text=True, env=env(), timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def staff_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Фамилия", "Имя", "Отчество", "Дата рождения"])
    sheet.append(["Новикова", "Анна", "Петровна", "12.03.1985"])
    book.save(path)
    return path


def test_commands_that_write_refuse_a_database_open_in_the_program(
        program_open: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copy.sqlite"
    make_store(tmp_path / "district")  # a copy outside the data folder: sealed with its key
    assert imc("backup", "--db", str(program_open), "--out", str(backup),
               "--store", str(tmp_path / "district")).returncode == 0
    before = digest(program_open)
    share = tmp_path / "share"
    share.mkdir()
    attempts = {
        "restore": ("restore", "--db", str(program_open), "--from", str(backup)),
        "import": ("import", "staff", str(staff_workbook(tmp_path / "staff.xlsx")),
                   "--db", str(program_open)),
        "demo-data": ("demo-data", "--db", str(program_open)),
        "sync": ("sync", "--db", str(program_open), "--store", str(share)),
    }
    for name, args in attempts.items():
        done = imc(*args)
        assert done.returncode == 4, (name, done.stderr)
        assert "открыта в программе" in done.stderr, name
        assert "Traceback" not in done.stderr
    assert digest(program_open) == before  # nothing written by any of them
    assert not any(share.iterdir())


def test_reading_commands_still_work_while_the_program_is_open(program_open: Path,
                                                               tmp_path: Path) -> None:
    assert imc("check", "--db", str(program_open)).returncode == 0
    out = tmp_path / "list.xlsx"
    done = imc("report", "organizations", "--db", str(program_open), "--format", "xlsx",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_a_command_holding_the_database_keeps_the_program_out(demo_file: Path) -> None:
    from imc_desktop.app import try_lock

    holder = hold(demo_file, COMMAND)
    try:
        lock, why = try_lock(demo_file)
        assert lock is None
        assert "already open in another window" not in why
        assert "imc-desktop" in why
    finally:
        holder.kill()
        holder.wait()


def test_a_second_command_waits_for_the_first(tmp_path: Path) -> None:
    path = tmp_path / "imc.sqlite"
    first = DatabaseLock(path, COMMAND)
    first.acquire()
    second = DatabaseLock(path, COMMAND)
    assert not second.try_acquire()
    started = time.monotonic()
    import threading

    threading.Timer(0.3, first.release).start()
    second.acquire(wait_s=10)
    assert second.held and time.monotonic() - started >= 0.25
    assert read_holder(path).kind == COMMAND
    second.release()


def test_a_command_does_not_wait_for_the_program(tmp_path: Path) -> None:
    from imc_desktop.db_lock import DatabaseBusy

    path = tmp_path / "imc.sqlite"
    program = DatabaseLock(path, PROGRAM)
    assert program.try_acquire()
    started = time.monotonic()
    with pytest.raises(DatabaseBusy) as refused:
        DatabaseLock(path, COMMAND).acquire(wait_s=30)
    assert time.monotonic() - started < 5
    assert refused.value.holder == PROGRAM and "открыта в программе" in str(refused.value)
    program.release()


def test_a_killed_holder_frees_the_database_at_once_however_old(tmp_path: Path) -> None:
    path = tmp_path / "imc.sqlite"
    holder = hold(path, PROGRAM)
    lock_file = path.with_name(path.name + ".lock")
    old = time.time() - 24 * 3600
    os.utime(lock_file, (old, old))  # a day-old lock of a live program is still held
    assert not DatabaseLock(path, COMMAND).try_acquire()
    holder.kill()
    holder.wait()
    lock = DatabaseLock(path, COMMAND)
    assert lock.try_acquire()  # the system freed it with the process; the note is left
    lock.release()
    assert not lock_file.exists()


def test_lock_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    path = tmp_path / "imc.sqlite"
    lock = DatabaseLock(path, PROGRAM)
    assert lock.try_acquire()
    assert (path.with_name(path.name + ".lock").stat().st_mode & 0o077) == 0
    lock.release()


def test_two_scheduled_syncs_making_one_new_workstation_take_turns(demo_file: Path,
                                                                   tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    first = imc("sync", "--db", str(demo_file), "--store", str(share), "--name", "ИМЦ")
    assert first.returncode == 0, first.stderr
    new = tmp_path / "school" / "imc.sqlite"
    runs = [subprocess.Popen([sys.executable, "-m", "imc_desktop", "sync", "--db", str(new),
                              "--store", str(share), "--name", "Школа"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
            for _ in range(2)]
    results = [run.communicate(timeout=300) + (run.returncode,) for run in runs]
    from imc_desktop.cli_sync import EXIT_AWAITING  # done; the new PC waits for admission

    assert [code for _out, _err, code in results] == [EXIT_AWAITING] * 2, results
    assert imc("check", "--db", str(new)).returncode == 0
    assert not new.with_name(new.name + ".lock").exists()
