"""Сервис → Допуск рабочих мест: the waiting workstations with «Допустить» / «Отклонить»; a
new PC shows its verification code and that it waits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation
from ui.main_window import MainWindow
from ui.sync.admission_dialog import AdmissionDialog
from ui.widgets.messages import Ask


@pytest.fixture
def window(qtbot: Any, russian: Any, database: DatabaseInfo, settings: config.Settings,
           share: Share, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    settings.set(config.SYNC_LOCATION, str(share.root))
    settings.set(config.SYNC_WORKSTATION, "Каб. 7")
    settings.set(config.SYNC_AUTOMATIC, False)
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def _shown(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> list[AdmissionDialog]:
    """The dialogs the window opens, kept open for the test instead of exec()."""
    shown: list[AdmissionDialog] = []

    def keep(state: Any, decide: Any, parent: Any = None) -> None:
        dialog = AdmissionDialog(state, decide, parent)
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(AdmissionDialog, "ask", staticmethod(keep))
    return shown


def _rows(dialog: AdmissionDialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [(model.index(r, 0).data(), model.index(r, 1).data())
            for r in range(model.rowCount())]


def test_the_menu_has_the_admission_command(window: MainWindow) -> None:
    service = [m for m in window.menuBar().actions() if m.text() == "&Сервис"][0].menu()
    assert "&Допуск рабочих мест…" in [a.text() for a in service.actions()]


def test_a_methodist_admits_a_waiting_pc_only_with_its_code(
        window: MainWindow, qtbot: Any, database: DatabaseInfo, share: Share,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    infos: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    window.sync.act_sync.trigger()  # this PC makes the folder: admitted by making it
    new = Workstation(tmp_path / "new" / "imc.sqlite", share, "Каб. 9", admitted=False)
    made = new.insert("persons", last_name="Новенькая")
    new.sync()
    code = new.signer().code
    window.sync.act_sync.trigger()
    assert any("«Каб. 9»" in line and code in line and "ожидает допуска" in line
               for line in infos[-1].splitlines()), infos[-1]
    assert Workstation(database.path, share, "Каб. 7").value("persons", made, "id") is None
    shown = _shown(monkeypatch, qtbot)
    window.sync.act_admission.trigger()
    [dialog] = shown
    assert "допущен" in dialog.own.text() and dialog.admit_button.isEnabled()
    assert _rows(dialog) == [("Каб. 9", code)]
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Код проверки"
    wrong = f"{(int(code.replace(' ', '')) + 1) % 10 ** 8:08d}"
    monkeypatch.setattr(AdmissionDialog, "ask_code", staticmethod(lambda _n, _p: wrong))
    dialog.admit_button.click()
    assert errors and "не совпадает" in errors[-1]
    assert _rows(dialog) == [("Каб. 9", code)], "nothing admitted"
    monkeypatch.setattr(AdmissionDialog, "ask_code", staticmethod(lambda _n, _p: code))
    dialog.admit_button.click()
    assert _rows(dialog) == [] and not dialog.admit_button.isEnabled()
    window.sync.act_sync.trigger()
    assert Workstation(database.path, share, "Каб. 7").value(
        "persons", made, "last_name") == "Новенькая"


def test_refusing_asks_first(window: MainWindow, qtbot: Any, share: Share, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *_a: None))
    window.sync.act_sync.trigger()
    Workstation(tmp_path / "new" / "imc.sqlite", share, "Чужой", admitted=False).sync()
    shown = _shown(monkeypatch, qtbot)
    window.sync.act_admission.trigger()
    [dialog] = shown
    asked: list[str] = []
    answer = [False]

    def confirm(_p: Any, _t: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    dialog.refuse_button.click()
    assert "«Чужой»" in asked[-1] and [r[0] for r in _rows(dialog)] == ["Чужой"]
    answer[0] = True
    dialog.refuse_button.click()
    assert _rows(dialog) == []


def test_a_new_pc_shows_its_code_and_that_it_waits(
        window: MainWindow, qtbot: Any, share: Share, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = Workstation(tmp_path / "first" / "imc.sqlite", share, "Каб. 1")
    first.sync()  # another PC made the folder
    infos: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    window.sync.act_sync.trigger()
    shown = _shown(monkeypatch, qtbot)
    window.sync.act_admission.trigger()
    [dialog] = shown
    code = dialog.own.text().split("Его код проверки: ")[1][:9]
    assert len(code.replace(" ", "")) == 8 and "ожидает допуска" in dialog.own.text()
    assert "ожидает допуска" in infos[-1] and code in infos[-1]
    assert f"ожидает допуска, код {code}" in window.sync.status_label.text()
    assert not dialog.admit_button.isEnabled() and not dialog.refuse_button.isEnabled()
    from tests.sync.helpers import admit

    assert admit(share, next(iter(_waiting_keys(share))))  # compared on the first PC
    window.sync.act_sync.trigger()
    assert "ожидает допуска" not in window.sync.status_label.text()


def _waiting_keys(share: Share) -> list[str]:
    from imc_desktop.sync import admission
    from imc_desktop.sync.store import read_store
    from tests.sync.helpers import share_key

    store = read_store(share)
    assert store is not None
    return [w.key for w in admission.read_roster(share, share_key(share), store).waiting]


def test_the_names_have_the_width_and_a_waiting_pc_sees_only_its_code(qtbot: Any) -> None:
    from imc_desktop.sync.admission import Waiting
    from imc_desktop.sync.admitting import AdmissionState
    from imc_desktop.sync.signing import Signer

    name = "Кабинет 12 — Петрова Наталья Александровна"
    waiting = (Waiting("a" * 8, name, Signer.new().public),)
    admitted = AdmissionDialog(AdmissionState("1234 5678", True, waiting), lambda *a: None)
    qtbot.addWidget(admitted)
    admitted.show()
    qtbot.waitExposed(admitted)
    header = admitted.table.horizontalHeader()
    width = admitted.table.fontMetrics().horizontalAdvance(name)
    assert header.sectionSize(0) >= width, "the workstation's name is not cut"
    assert admitted.table.isVisible() and admitted.admit_button.isVisible()
    own = AdmissionDialog(AdmissionState("8765 4321", False, ()), lambda *a: None)
    qtbot.addWidget(own)
    own.show()
    qtbot.waitExposed(own)
    assert "8765 4321" in own.own.text()
    assert not own.table.isVisible() and not own.admit_button.isVisible()
    assert own.own.height() >= own.own.heightForWidth(own.own.width()), "the text is whole"
