"""Unfilled department, director or executor: the user is told before printing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from exports import ApprovalBlock, Report
from imc_desktop import config
from imc_desktop.services.common import reports
from ui.widgets import signers

REAL_QUESTION = signers.ask_signers  # taken before the UI tests' autouse answer


def _report(settings: config.Settings) -> Report:
    ctx = reports.context(settings)
    return ctx.dress(Report(title="План", approval=ctx.approval()))


def _fill(settings: config.Settings) -> None:
    settings.set(config.DEPARTMENT_NAME, "Управление образования Тогучинского округа")
    settings.set(config.DIRECTOR_NAME, "Сидорова Анна Борисовна")
    settings.set(config.EXECUTOR_NAME, "Смирнова Вера Геннадьевна")


def test_defaults_are_named(settings: config.Settings) -> None:
    missing = signers.missing_signers(_report(settings), settings)
    assert len(missing) == 3
    _fill(settings)
    assert signers.missing_signers(_report(settings), settings) == []


def test_filled_settings_print_without_a_question(settings: config.Settings,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(settings)
    asked: list[object] = []
    monkeypatch.setattr(signers, "ask_signers", lambda *a: asked.append(a) or signers.CANCEL)
    report = _report(settings)
    assert signers.ready_report(None, report, settings) is report and not asked


def test_the_settings_filled_from_the_question_reach_the_paper(
        settings: config.Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(settings)
    monkeypatch.setattr(signers, "ask_signers", lambda *_a: signers.SETTINGS)

    def fill(s: config.Settings, _parent: Any) -> bool:
        _fill(s)
        return True

    monkeypatch.setattr(signers, "open_settings", fill)
    ready = signers.ready_report(None, report, settings)
    assert ready.department == "Управление образования Тогучинского округа"
    assert ready.approval == ApprovalBlock("Директор ИМЦ", "А.Б. Сидорова")
    assert ready.signatures[0].name == "А.Б. Сидорова"
    assert ready.executor_name == "Смирнова Вера Геннадьевна"


def test_cancel_prints_nothing(settings: config.Settings,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signers, "ask_signers", lambda *_a: signers.CANCEL)
    assert signers.ready_report(None, _report(settings), settings) is None


@pytest.mark.parametrize(("button", "expected"), [(0, signers.SETTINGS), (1, signers.AS_IS),
                                                  (2, signers.CANCEL)])
def test_the_real_question_offers_the_settings(qtbot: Any, button: int, expected: str,
                                               ) -> None:
    seen: list[str] = []

    def click() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        order = box.buttons()
        roles = [box.buttonRole(b) for b in order]
        wanted = {0: QMessageBox.ButtonRole.AcceptRole,
                  1: QMessageBox.ButtonRole.DestructiveRole,
                  2: QMessageBox.ButtonRole.RejectRole}[button]
        order[roles.index(wanted)].click()

    QTimer.singleShot(200, click)
    assert REAL_QUESTION(None, ["пусто ФИО директора"]) == expected
    assert "пусто ФИО директора" in seen[0]
