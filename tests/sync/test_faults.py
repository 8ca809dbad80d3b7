"""Smaller faults of a sync location and of the machines around it."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from imc_desktop.sync import engine
from imc_desktop.sync import share as share_module
from imc_desktop.sync.share import Share
from imc_desktop.sync.store import SyncStopped
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def test_a_plain_file_in_sites_is_ignored(make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Школа № 2")
    a.sync()
    (share.root / "sites" / "Thumbs.db").write_bytes(b"\x00" * 10)
    (share.root / "sites" / "desktop.ini").write_text("[.ShellClassInfo]")
    result = b.sync()
    assert result.ok and b.value("organizations", org, "short_name") == "Школа № 2"


@pytest.fixture
def read_only(share: Share) -> Iterator[Callable[[], None]]:
    def lock() -> None:
        for folder, dirs, files in os.walk(share.root):
            for name in files:
                os.chmod(os.path.join(folder, name), stat.S_IRUSR)
            for name in dirs:
                os.chmod(os.path.join(folder, name), stat.S_IRUSR | stat.S_IXUSR)
        os.chmod(share.root, stat.S_IRUSR | stat.S_IXUSR)

    yield lock
    for folder, dirs, _files in os.walk(share.root):
        os.chmod(folder, stat.S_IRWXU)
        for name in dirs:
            os.chmod(os.path.join(folder, name), stat.S_IRWXU)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="permissions are not enforced for root")
def test_a_read_only_share_is_still_read_from(make_pc: MakePC,
                                              read_only: Callable[[], None]) -> None:
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Только чтение")
    a.sync()
    b.insert("persons", last_name="Неотправленная")
    read_only()
    result = b.sync()
    assert b.value("organizations", org, "short_name") == "Только чтение"
    assert result.pushed == 0 and result.unsent == 1 and not result.ok
    assert any("только для чтения" in n for n in result.notes)


def test_the_clock_check_does_not_need_to_write(make_pc: MakePC, share: Share,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing is refused (a read-only share, as root sees it in a test): still received."""
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Только чтение")
    a.sync()
    b.insert("persons", last_name="Неотправленная")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Отказано в доступе")

    monkeypatch.setattr(share_module, "_write_synced", refuse)
    monkeypatch.setattr(Share, "make_dir", refuse)
    result = b.sync()
    assert b.value("organizations", org, "short_name") == "Только чтение"
    assert result.pushed == 0 and result.unsent == 1 and not result.ok
    assert any("только для чтения" in n for n in result.notes)


def test_temp_files_of_a_killed_sync_go_after_an_hour(make_pc: MakePC, share: Share) -> None:
    a = make_pc("a")
    a.sync()
    folder = share.root / "sites" / _site(a)
    old, fresh = folder / ".tmp-000000000001-dead", folder / ".tmp-000000000002-live"
    for tmp in (old, fresh):
        tmp.write_bytes(b"half")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    a.sync()
    assert not old.exists() and fresh.exists()


def test_a_non_publishing_pc_with_unsent_edits_still_receives(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its unsent edit of one field and another PC's edit of another field of the same
    record: the record is updated, not inserted again without the unsent field."""
    a, b = make_pc("a"), make_pc("b")
    person = b.insert("persons", last_name="Петрова")
    b.sync()
    a.sync()
    a.update("persons", person, notes="заметка А")
    b.update("persons", person, phone="+7 900 000-00-00")
    b.sync()
    with monkeypatch.context() as patch:  # not undo(): that would undo the isolated home
        patch.setattr(engine, "now_ms", lambda: int(time.time() * 1000) + 11 * 60_000)
        result = a.sync()
    assert result.pushed == 0 and result.unsent == 1
    assert a.value("persons", person, "phone") == "+7 900 000-00-00"
    assert a.value("persons", person, "notes") == "заметка А"
    a.sync()
    b.sync()
    assert a.content() == b.content()


def test_two_processes_creating_one_workstation_wait_for_each_other(tmp_path: Path) -> None:
    from imc_desktop.db_lock import COMMAND, DatabaseLock

    path = tmp_path / "new" / "imc.sqlite"
    order: list[str] = []

    def create(name: str) -> None:
        lock = DatabaseLock(path, COMMAND)
        lock.acquire(wait_s=30)
        try:
            order.append(f"{name}+")
            time.sleep(0.2)
            order.append(f"{name}-")
        finally:
            lock.release()

    threads = [threading.Thread(target=create, args=(n,)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(order) == 4, f"one of them was refused instead of waiting: {order}"
    assert order[0][1] == "+" and order[1][1] == "-" and order[0][0] == order[1][0]
    assert not list(path.parent.glob("*.lock"))


def test_another_districts_folder_says_what_it_holds(make_pc: MakePC, share: Share,
                                                     tmp_path: Path) -> None:
    other_root = tmp_path / "other"
    other_root.mkdir()
    other = Workstation(tmp_path / "x" / "imc.sqlite", Share(other_root), "Соседний ИМЦ")
    for n in range(3):
        other.insert("persons", last_name=f"Чужая {n}")
    other.sync()
    a = make_pc("a")
    a.sync()
    a.share = Share(other_root)
    with pytest.raises(SyncStopped) as stopped:
        a.sync()
    assert "файлов изменений: 1; рабочих мест: 1." in str(stopped.value)
    assert "Соседний ИМЦ" not in str(stopped.value), "its name is sealed with its own key"


def test_an_empty_read_only_share_says_it_cannot_become_a_sync_location(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Отказано в доступе")

    monkeypatch.setattr(share_module, "_write_synced", refuse)
    monkeypatch.setattr(Share, "make_dir", refuse)
    with pytest.raises(SyncStopped, match="только для чтения"):
        make_pc("a").sync()
