"""Сервис → Сменить ключ синхронизации: the new words shown once, «Сменить ключ» only after
«записал(а)», the folder encrypted with progress, a change begun elsewhere finished with its
words, the folder's own key asked for when this PC does not know it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.sync import keys, rekey
from imc_desktop.sync.sealing import check_passphrase
from imc_desktop.sync.share import Share
from imc_desktop.sync.store import read_store
from tests.sync.helpers import Workstation, fingerprint, key_of, opens, sealed_files
from ui.main_window import MainWindow
from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog
from ui.widgets.messages import Ask

NEW = "волк гора дождь ель жук забор игла кино лес море"


@pytest.fixture
def window(qtbot: Any, russian: Any, database: DatabaseInfo, settings: config.Settings,
           share: Share, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """This PC made the folder (the tests' words in the environment); another PC, «Каб. 8»,
    synchronises too."""
    settings.set(config.SYNC_LOCATION, str(share.root))
    settings.set(config.SYNC_WORKSTATION, "Каб. 7")
    settings.set(config.SYNC_AUTOMATIC, False)
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    Workstation(database.path, share, "Каб. 7").insert("persons", last_name="Ключевая")
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *_a: None))
    assert widget.sync.sync_now(interactive=True) is not None
    Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8").sync()
    return widget


def _all_open_with(share: Share, phrase: str) -> bool:
    key = key_of(share, phrase)
    return all(opens(key, share, rel, ad) for rel, ad in sealed_files(share).items())


def test_the_service_menu_has_the_command(window: MainWindow) -> None:
    service = [m for m in window.menuBar().actions() if m.text() == "&Сервис"][0].menu()
    found = [a for a in service.actions() if a.text() == "Сменить &ключ синхронизации…"]
    assert found and not found[0].icon().isNull()


def test_a_methodist_changes_the_key_and_the_other_pc_goes_on_with_the_new_words(
        window: MainWindow, qtbot: Any, share: Share, tmp_path: Path, sync_passphrase: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    infos: list[str] = []

    def write_down(passphrase: str, parent: Any = None, changing: bool = False) -> bool:
        dialog = NewKeyDialog(passphrase, parent, changing)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "Смена ключа синхронизации"
        assert dialog.ok.text() == "Сменить ключ" and not dialog.ok.isEnabled()
        shown.append(dialog.words.text())
        box = dialog.written
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result() == NewKeyDialog.DialogCode.Accepted

    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(write_down))
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    window.sync.act_change_key.trigger()
    [words] = shown
    phrase = " ".join(words.split())
    assert check_passphrase(phrase) == phrase and phrase != sync_passphrase
    assert infos and infos[-1].startswith("Ключ синхронизации сменён"), infos
    assert _all_open_with(share, phrase) and not _all_open_with(share, sync_passphrase)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, phrase)  # typed on the other PC
    other = Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8")
    assert not other.sync().bad_files
    assert ("Ключевая",) in other.sql("SELECT last_name FROM persons")


def test_cancelling_changes_nothing(window: MainWindow, share: Share,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint(share)
    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(lambda *_a, **_k: False))
    window.sync.act_change_key.trigger()
    assert fingerprint(share) == before


def test_a_change_interrupted_elsewhere_is_finished_with_its_words(
        window: MainWindow, qtbot: Any, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, _total: int, _rel: str) -> None:
        if done >= 2:
            raise Stop

    with pytest.raises(Stop):
        rekey.change(tmp_path / "other" / "imc.sqlite", share, NEW, "Каб. 8", progress=stop)
    reasons: list[str] = []

    def enter(reason: str, parent: Any = None, remember: bool = True) -> tuple[str, bool]:
        dialog = EnterKeyDialog(reason, parent)
        qtbot.addWidget(dialog)
        dialog.remember.setVisible(remember)
        reasons.append(reason)
        assert not remember, "the new words are not remembered before the change is done"
        dialog.phrase.setText(NEW)
        dialog._accept_if_words()
        return dialog.phrase.text(), False

    monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(enter))
    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(
        lambda *_a, **_k: pytest.fail("no new words while a change is under way")))
    window.sync.act_change_key.trigger()
    assert "«Каб. 8»" in reasons[0] and "меняют ключ" in reasons[0]
    assert not share.exists(rekey.MARKER) and _all_open_with(share, NEW)


def test_a_pc_that_does_not_know_the_key_is_asked_for_it_first(
        window: MainWindow, qtbot: Any, share: Share, sync_passphrase: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keys.PASSPHRASE_ENV)  # this PC has the key from no source
    store = read_store(share)
    assert store is not None and keys.remembered(store.store_id) is None
    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(lambda *_a, **_k: True))
    reasons: list[str] = []

    def enter(reason: str, parent: Any = None, remember: bool = True) -> tuple[str, bool]:
        reasons.append(reason)
        return sync_passphrase, False

    monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(enter))
    window.sync.act_change_key.trigger()
    assert len(reasons) == 1 and "не знает" in reasons[0]
    assert not _all_open_with(share, sync_passphrase)
    assert keys.remembered(store.store_id) is not None, "the new key is remembered here"
