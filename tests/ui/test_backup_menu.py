"""«Файл → Резервная копия…» to the share seals the copy with the district sync key (asked
for when this PC does not know it; without a sync folder, with a backup key of this PC made
once), and «Восстановить из
копии…» on another PC asks for the key's words, refuses wrong ones without changing
anything, and restores with the right ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from imc_desktop import backup_crypto, config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.sync.keys import PASSPHRASE_ENV
from tests.conftest import SYNC_PASSPHRASE
from tests.district_store import OTHER_PASSPHRASE, make_store
from ui.main_window import MainWindow
from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog
from ui.widgets.messages import Ask


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


class Told:
    """What the window told the user, and the words it is given when it asks for the key."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, words: list[str | None]) -> None:
        self.infos: list[str] = []
        self.errors: list[str] = []
        self.asked: list[str] = []
        self.words = words
        monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: self.infos.append(
            text)))
        monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: self.errors.append(
            text)))
        monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: True))
        monkeypatch.setattr(EnterKeyDialog, "ask", staticmethod(self._ask))

    def _ask(self, reason: str, _parent: object = None) -> tuple[str, bool] | None:
        self.asked.append(reason)
        typed = self.words.pop(0)
        return None if typed is None else (typed, True)


def _files(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


@pytest.fixture
def share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The network share: outside the data folder (the `database` fixture's tmp_path)."""
    return tmp_path_factory.mktemp("share")


def _to_the_share(window: MainWindow, share: Path) -> Path:
    make_store(share / "sync")
    window.settings.set(config.SYNC_LOCATION, str(share / "sync"))
    return share / "копия.sqlite"


def test_a_copy_to_the_share_restores_on_another_pc_with_the_words(
        window: MainWindow, tmp_path: Path, share: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = _to_the_share(window, share)
    told = Told(monkeypatch, [OTHER_PASSPHRASE, SYNC_PASSPHRASE])
    _files(monkeypatch, target)
    window.act_backup.trigger()
    assert told.errors == [] and told.asked == [], "the key is known: nothing asked"
    assert backup_crypto.is_district(target)
    assert "ключом синхронизации района" in told.infos[-1]

    # another PC: its own home (no remembered key), no key in the environment
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))
    monkeypatch.delenv(PASSPHRASE_ENV)
    window.tabs.setCurrentWidget(window.organizations)
    orgs.save_organization(orgs.OrganizationData(full_name="Новая школа", short_name="Новая"))
    assert window.organizations.record_list.model.total_count() == 41
    window.act_restore.trigger()
    assert len(told.asked) == 2, "asked, then asked again after the wrong words"
    assert "не знает" in told.asked[0] and "не подходит" in told.asked[1]
    assert window.organizations.record_list.model.total_count() == 40, "restored"
    assert told.errors == [] and "восстановлены" in told.infos[-1].lower()


def test_cancelling_the_words_changes_nothing(
        window: MainWindow, tmp_path: Path, share: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = _to_the_share(window, share)
    _files(monkeypatch, target)
    Told(monkeypatch, [])
    window.act_backup.trigger()
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))
    monkeypatch.delenv(PASSPHRASE_ENV)
    orgs.save_organization(orgs.OrganizationData(full_name="Новая школа", short_name="Новая"))
    told = Told(monkeypatch, [None])
    window.act_restore.trigger()
    assert len(told.asked) == 1 and told.infos == [] and told.errors == []
    assert "Новая" in {o.short_name for o in orgs.list_organizations()}


def test_a_copy_to_the_share_asks_for_the_words_this_pc_does_not_know(
        window: MainWindow, tmp_path: Path, share: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = _to_the_share(window, share)
    monkeypatch.delenv(PASSPHRASE_ENV)
    _files(monkeypatch, target)
    told = Told(monkeypatch, [None, SYNC_PASSPHRASE])
    window.act_backup.trigger()
    assert len(told.asked) == 1 and not target.exists() and told.infos == []
    window.act_backup.trigger()
    assert backup_crypto.is_district(target) and len(told.asked) == 2
    window.act_backup.trigger()  # the words were remembered
    assert len(told.asked) == 2 and told.errors == []


def test_without_a_sync_folder_a_copy_outside_is_sealed_with_a_backup_key_of_this_pc(
        window: MainWindow, qtbot: Any, tmp_path: Path, share: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An office of one workstation: the first copy to a flash drive shows the ten words of
    a new backup key (asked to be written down), the next ones use it; another PC restores
    the copy with those words."""
    target = share / "флешка" / "копия.sqlite"
    target.parent.mkdir()
    _files(monkeypatch, target)
    monkeypatch.delenv(PASSPHRASE_ENV)
    shown: list[str] = []

    def write_down(passphrase: str, parent: Any = None, changing: bool = False,
                   purpose: str = "") -> bool:
        dialog = NewKeyDialog(passphrase, parent, changing, purpose)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Новый ключ резервных копий"
        shown.append(passphrase)
        return bool(shown[1:])  # cancelled the first time, written down the second

    monkeypatch.setattr(NewKeyDialog, "ask", staticmethod(write_down))
    told = Told(monkeypatch, [None, "волк гора дождь ель жук забор игла кино лес море"])
    window.act_backup.trigger()
    assert len(shown) == 1 and not target.exists() and told.infos == told.errors == []
    window.act_backup.trigger()
    assert len(shown) == 2 and backup_crypto.is_district(target) and told.errors == []
    assert "ключом резервных копий этого компьютера" in told.infos[-1]
    target.unlink()
    window.act_backup.trigger()
    assert len(shown) == 2 and target.exists(), "the key is kept: not shown again"
    assert told.asked == []

    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))  # another PC
    orgs.save_organization(orgs.OrganizationData(full_name="Новая школа", short_name="Новая"))
    told.words[:] = [SYNC_PASSPHRASE, shown[1]]
    window.act_restore.trigger()
    assert len(told.asked) == 2 and "не подходит" in told.asked[1], told.asked
    assert "Новая" not in {o.short_name for o in orgs.list_organizations()}, "restored"
    assert told.errors == [] and "восстановлены" in told.infos[-1].lower()
