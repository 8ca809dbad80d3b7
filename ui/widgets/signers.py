"""Before a report is printed or saved: the department, the director and the executor
still at their defaults would print a placeholder or a blank name, so say so first."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from imc_desktop import config
from imc_desktop.services.common import reports

SETTINGS, AS_IS, CANCEL = "settings", "as-is", "cancel"


def missing_signers(report: Any, settings: config.Settings) -> list[str]:
    """What the report would print unfilled, in the order of the form."""
    missing: list[str] = []
    department = settings.get(config.DEPARTMENT_NAME)
    if report.department and department == config.DEPARTMENT_NAME.default:
        missing.append(QCoreApplication.translate(
            "Signers", "the education authority's name is the sample one"))
    signs = report.approval is not None or not report.signatures
    if signs and not settings.get(config.DIRECTOR_NAME).strip():
        missing.append(QCoreApplication.translate("Signers", "the director's name is empty"))
    if report.department and not settings.get(config.EXECUTOR_NAME).strip():  # the ИМЦ's
        missing.append(QCoreApplication.translate("Signers", "the executor's name is empty"))
    return missing


def ask_signers(parent: QWidget | None, missing: list[str]) -> str:
    """SETTINGS, AS_IS or CANCEL (tests replace this)."""
    intro = QCoreApplication.translate(
        "Signers", "The report would come out with a placeholder or a blank name:")
    question = QCoreApplication.translate("Signers", "Fill them in the settings first?")
    title = QCoreApplication.translate("Signers", "Signatures not filled in")
    text = intro + "\n— " + "\n— ".join(missing) + "\n\n" + question
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    role = QMessageBox.ButtonRole
    settings_button = box.addButton(
        QCoreApplication.translate("Signers", "Open settings…"), role.AcceptRole)
    as_is = box.addButton(
        QCoreApplication.translate("Signers", "Continue as is"), role.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(settings_button)
    box.exec()
    clicked = box.clickedButton()
    return SETTINGS if clicked is settings_button else AS_IS if clicked is as_is else CANCEL


def open_settings(settings: config.Settings, parent: QWidget | None) -> bool:
    """The settings dialog; True when saved (tests replace this)."""
    from ui.settings_dialog import SettingsDialog

    return SettingsDialog.ask(settings, parent)


def ready_report(parent: QWidget | None, report: Any, settings: config.Settings) -> Any:
    """The report to print: as it is, with the settings just filled in, or None."""
    missing = missing_signers(report, settings)
    if not missing:
        return report
    answer = ask_signers(parent, missing)
    if answer == AS_IS:
        return report
    if answer == CANCEL:
        return None
    before = reports.context(settings)
    if not open_settings(settings, parent):
        return None
    after = reports.context(settings)
    if (report.department, report.organization) == (before.department, before.organization):
        report = replace(report, department="", organization="")  # the ИМЦ's header, anew
    if report.signatures == before.signatures():
        report = replace(report, signatures=())
    if report.approval is not None and report.approval == before.approval():
        report = replace(report, approval=after.approval())
    return after.dress(report)
