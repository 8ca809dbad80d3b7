"""The district sync key in the window: a new folder's key shown once, the key typed on a
workstation that does not know it, a wrong key asked again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from imc_desktop import config, paths
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.sync import keys
from imc_desktop.sync.sealing import check_passphrase
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation
from ui.main_window import MainWindow
from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog
from ui.widgets.messages import Ask

WRONG = "юрта ящик язык яйцо юмор юла юбка эхо этаж щука"


@pytest.fixture
def window(qtbot: Any, russian: Any, database: DatabaseInfo, settings: config.Settings,
           share: Share, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    settings.set(config.SYNC_LOCATION, str(share.root))
    settings.set(config.SYNC_WORKSTATION, "Каб. 7")
    settings.set(config.SYNC_AUTOMATIC, False)
    monkeypatch.delenv(keys.PASSPHRASE_ENV)  # as on a methodist's PC
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *_a: None))
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def test_the_new_key_dialog_needs_the_written_down_box_before_ok(qtbot: Any,
                                                                 russian: Any) -> None:
    phrase = "адрес аист акула ангел арбуз армия астра атлас багаж банан"
    dialog = NewKeyDialog(phrase)
    qtbot.addWidget(dialog)
    assert dialog.words.text().split() == phrase.split()
    assert dialog.words.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.words.font().pointSize() >= 18
    assert not dialog.ok.isEnabled()
    dialog.written.click()
    assert dialog.ok.isEnabled() and dialog.written.text() == "Я записал(а) ключ"
    dialog.written.click()
    assert not dialog.ok.isEnabled()


def test_a_new_folder_shows_its_key_once_and_another_pc_enters_it(
        window: MainWindow, qtbot: Any, database: DatabaseInfo, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def write_down(passphrase: str, parent: Any = None) -> bool:
        dialog = NewKeyDialog(passphrase, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append(dialog.words.text())
        box = dialog.written  # its box is at the left edge of a full-width row
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result() == NewKeyDialog.DialogCode.Accepted

    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(write_down))
    here = Workstation(database.path, share, "Каб. 7")
    here.insert("persons", last_name="Ключевая")
    assert window.sync.sync_now(interactive=True) is not None
    [words] = shown
    phrase = " ".join(words.split())
    assert check_passphrase(phrase) == phrase
    assert (share.root / "store.json").exists()
    assert (paths.config_dir() / keys.KEY_FILE).exists(), "remembered here"
    window.sync.sync_now(interactive=True)
    assert len(shown) == 1, "shown once: the next sync uses the remembered key"
    monkeypatch.setenv(keys.PASSPHRASE_ENV, phrase)
    other = Workstation(tmp_path / "other" / "imc.sqlite", share, "Каб. 8")
    other.sync()
    assert other.sql("SELECT last_name FROM persons") == [("Ключевая",)]


def test_cancelling_the_new_key_makes_no_folder(window: MainWindow, share: Share,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(lambda *_a: False))
    assert window.sync.sync_now(interactive=True) is None
    assert not (share.root / "store.json").exists()
    assert "ключ" in window.sync.status_label.text()


def test_a_pc_without_the_key_asks_for_it_again_after_a_wrong_one(
        window: MainWindow, qtbot: Any, database: DatabaseInfo, share: Share, tmp_path: Path,
        sync_passphrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, sync_passphrase)
    first = Workstation(tmp_path / "first" / "imc.sqlite", share, "Каб. 1")
    first.insert("persons", last_name="Пришедшая")
    first.sync()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    reasons: list[str] = []
    answers = iter([WRONG, "адрес аист", sync_passphrase.upper()])

    def enter(reason: str, parent: Any = None) -> tuple[str, bool] | None:
        reasons.append(reason)
        dialog = EnterKeyDialog(reason, parent)
        qtbot.addWidget(dialog)
        assert dialog.remember.isChecked(), "remembered by default"
        assert dialog.phrase.echoMode() == dialog.phrase.EchoMode.Password
        typed = next(answers)
        while True:
            dialog.phrase.setText(typed)
            dialog._accept_if_words()
            if dialog.result() == EnterKeyDialog.DialogCode.Accepted:
                return dialog.phrase.text(), dialog.remember.isChecked()
            reasons.append("problem: " + dialog.problem.text())
            typed = next(answers)

    monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(enter))
    assert window.sync.sync_now(interactive=True) is not None
    assert "не знает" in reasons[0]
    assert "не подходит" in reasons[1], "the wrong words: asked again"
    assert reasons[2].startswith("problem: ") and "10 слов" in reasons[2]
    here = Workstation(database.path, share, "Каб. 7")
    assert here.sql("SELECT last_name FROM persons") == [("Пришедшая",)]
    assert window.sync.sync_now(interactive=True) is not None
    assert len(reasons) == 3, "remembered: not asked again"


def test_an_automatic_sync_without_the_key_asks_nothing_and_says_so(
        window: MainWindow, share: Share, tmp_path: Path, sync_passphrase: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, sync_passphrase)
    Workstation(tmp_path / "first" / "imc.sqlite", share, "Каб. 1").sync()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(
        lambda *_a: pytest.fail("no dialog in an automatic sync")))
    assert window.sync.sync_now(interactive=False) is None
    assert "ключ" in window.sync.status_label.text()
