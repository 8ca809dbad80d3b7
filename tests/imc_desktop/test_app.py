"""The composition root: one program per database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
    lock = lock_database(path)  # the holder is gone: the system freed its lock
    assert lock is not None
    lock.release()


def test_a_refused_lock_says_why() -> None:
    from imc_desktop.app import LockRefusal, lock_message

    path = Path("/data/imc.sqlite")
    held = lock_message(LockRefusal.WINDOW, path)
    rights = lock_message(LockRefusal.RIGHTS, path)
    disk = lock_message(LockRefusal.DISK, path, "No space left on device")
    assert "already open" in held or "уже открыта" in held
    for text in (rights, disk):
        assert "already open" not in text and "уже открыта" not in text
    assert "/data" in rights and "No space left on device" in disk


def test_a_lock_in_a_folder_that_cannot_be_made_is_not_another_window(tmp_path: Path) -> None:
    from imc_desktop.app import try_lock

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    lock, why = try_lock(blocker / "sub" / "imc.sqlite")
    assert lock is None and why and "already open" not in why and "уже открыта" not in why


def test_an_unexpected_error_is_logged_and_shown(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import stat

    from ui.widgets import crash
    from ui.widgets.messages import Ask

    shown: list[str] = []
    mp = monkeypatch
    mp.setattr(Ask, "error", staticmethod(lambda _p, _t, text: shown.append(text)))
    mp.setattr(sys, "excepthook", sys.excepthook)
    crash.install(tmp_path)
    try:
        raise ValueError("деление на ноль в отчёте")
    except ValueError as exc:
        sys.excepthook(ValueError, exc, exc.__traceback__)
    logs = list((tmp_path / "logs").glob("*.log"))
    assert len(logs) == 1 and "деление на ноль в отчёте" in logs[0].read_text(encoding="utf-8")
    assert "Traceback" in logs[0].read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(logs[0]).st_mode) == 0o600
    assert len(shown) == 1 and str(logs[0]) in shown[0]


@pytest.mark.parametrize(("login", "restored"), [("IMC\\ivanova", False), ("", True)])
def test_the_recovery_at_start_is_for_an_administrator(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object, login: str,
        restored: bool) -> None:
    from PySide6.QtWidgets import QMessageBox

    from imc_desktop import app, db, identity
    from imc_desktop.services.common import access, maintenance
    from models.access import METHODIST

    path, backups = tmp_path / "imc.sqlite", tmp_path / "backups"
    maintenance.open_current(path, backups)  # its first user is the administrator
    try:
        access.save_user(access.UserRow("", "IMC\\ivanova", "Иванова А. П.", METHODIST, (),
                                        True))
        db.make_backup(path, backups, "auto")
    finally:
        maintenance.close_current()
    path.write_bytes(b"")  # what a failed copy leaves
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    from PySide6.QtWidgets import QDialog

    from ui.widgets.backups import RecoveryDialog

    offered: list[Path | None] = []

    def choose(dialog: RecoveryDialog) -> QDialog.DialogCode:
        offered.append(dialog.chosen())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", choose)
    error = db.DatabaseCorrupt(path, "файл пуст: 0 байт")
    with identity.pretend(login or identity.login()):
        assert app._recover(path, backups, error) is restored
    if restored:
        assert len(offered) == 1 and offered[0] is not None and shown == []
        assert db.current_revision(path) == db.head_revision()
    else:
        assert len(shown) == 1, "not offered: refused at once"
        assert "только администратору" in shown[0] and "ivanova" in shown[0]
        assert path.read_bytes() == b"", "nothing replaced"
