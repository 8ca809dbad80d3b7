"""The recovery offered at start for a damaged database also lists a backup sealed with the
district sync key this PC does not know, and asks for the key's words when it is chosen:
wrong words are refused and asked again, cancelling changes nothing, the right ones restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from imc_desktop import app, backup_district, db
from imc_desktop.services.common import maintenance
from imc_desktop.services.organizations import records as orgs
from imc_desktop.sync.keys import PASSPHRASE_ENV
from tests.conftest import SYNC_PASSPHRASE
from tests.district_store import OTHER_PASSPHRASE, make_store
from ui.sync.key_dialogs import EnterKeyDialog
from ui.widgets.backups import RecoveryDialog


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A database whose only backup was sealed with the district key (brought from the
    share); then the file is emptied, on a PC that does not know the key."""
    path, backups = tmp_path / "imc.sqlite", tmp_path / "backups"
    maintenance.open_current(path, backups)
    try:
        orgs.save_organization(orgs.OrganizationData(full_name="МБОУ «Школа № 1»",
                                                     short_name="Школа № 1"))
    finally:
        maintenance.close_current()
    store = tmp_path / "share" / "sync"
    make_store(store)
    db.write_backup(path, backups / "imc-from-share.sqlite",
                    backup_district.sealing_key(str(store)))
    path.write_bytes(b"")  # what a failed copy leaves
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))
    monkeypatch.delenv(PASSPHRASE_ENV)
    return path, backups


def _run(path: Path, backups: Path, monkeypatch: pytest.MonkeyPatch,
         words: list[str | None]) -> tuple[bool, list[str], list[str], list[str]]:
    asked: list[str] = []
    shown: list[str] = []
    states: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def choose(dialog: RecoveryDialog) -> QDialog.DialogCode:
        if not words:
            return QDialog.DialogCode.Rejected
        states.append(dialog.model.index(0, 3).data())
        return QDialog.DialogCode.Accepted

    def enter(reason: str, _parent: object = None) -> tuple[str, bool] | None:
        asked.append(reason)
        typed = words.pop(0)
        return None if typed is None else (typed, False)

    monkeypatch.setattr(RecoveryDialog, "exec", choose)
    monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(enter))
    done = app._recover(path, backups, db.DatabaseCorrupt(path, "файл пуст: 0 байт"))
    return done, asked, shown, states


def test_the_words_are_asked_and_the_right_ones_restore(
        damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, russian: object) -> None:
    path, backups = damaged
    infos = maintenance.backups(path, backups)
    assert len(infos) == 1 and infos[0].needs_key and not infos[0].problem
    done, asked, shown, states = _run(path, backups, monkeypatch,
                                      [OTHER_PASSPHRASE, SYNC_PASSPHRASE])
    assert done and shown == []
    assert "ключом синхронизации района" in states[0]
    assert len(asked) == 2 and "не знает" in asked[0] and "не подходит" in asked[1]
    assert db.full_check(path) == []
    maintenance.open_current(path, backups)
    try:
        assert [o.short_name for o in orgs.list_organizations()] == ["Школа № 1"]
    finally:
        maintenance.close_current()


def test_cancelling_the_words_replaces_nothing(
        damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, russian: object) -> None:
    path, backups = damaged
    done, asked, _shown, _states = _run(path, backups, monkeypatch, [None])
    assert not done and len(asked) == 1
    assert path.read_bytes() == b""
