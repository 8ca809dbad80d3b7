"""Пользователи и роли, the audit trail, the ПДн page, and what a methodist is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from imc_desktop import config, identity
from imc_desktop.services.common import access
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from models.access import ADMIN, METHODIST
from ui.access.users_dialog import UsersDialog
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.widgets.messages import Ask


@pytest.fixture
def window(qtbot: Any, russian: Any, demo_database: DatabaseInfo,
           settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    return widget


def _dialog(qtbot: Any) -> UsersDialog:
    dialog = UsersDialog(access.users(), orgs.organization_choices(), access.save_user,
                         access.users)
    qtbot.addWidget(dialog)
    return dialog


def test_the_administrator_adds_a_methodist_with_two_ou(qtbot: Any,
                                                        demo_database: DatabaseInfo) -> None:
    dialog = _dialog(qtbot)
    assert dialog.model.rowCount() == 1  # the first user, the administrator
    dialog.new_user()
    dialog.login.setText("IMC\\ivanova")
    dialog.full_name.setText("Иванова Анна Петровна")
    dialog.role.setCurrentText(METHODIST)
    ticked = [dialog.organizations.item(i) for i in (0, 3)]
    for item in ticked:
        item.setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    assert dialog.model.rowCount() == 2
    [ivanova] = [u for u in access.users() if u.login == "IMC\\ivanova"]
    assert ivanova.role == METHODIST and ivanova.is_active
    assert set(ivanova.organizations) == {i.data(Qt.ItemDataRole.UserRole) for i in ticked}
    with identity.pretend("IMC\\ivanova"):
        assert access.current().organizations == frozenset(ivanova.organizations)


def test_a_bad_entry_is_explained_and_nothing_saved(qtbot: Any, demo_database: DatabaseInfo,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    dialog = _dialog(qtbot)
    dialog.new_user()
    assert not dialog.save()
    assert "имя входа" in errors[0]
    dialog.view.selectRow(0)  # the only administrator cannot step down
    dialog.role.setCurrentText(METHODIST)
    assert not dialog.save()
    assert "хотя бы один" in errors[1]
    assert [u.role for u in access.users()] == [ADMIN]


def test_a_methodist_is_refused_users_restore_and_sync_settings(
        window: MainWindow, settings: config.Settings, monkeypatch: pytest.MonkeyPatch,
        qtbot: Any) -> None:
    errors: list[str] = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    access.save_user(access.UserRow("", "IMC\\ivanova", "", METHODIST, (), True))
    with identity.pretend("IMC\\ivanova"):
        window.act_users.trigger()  # no dialog opens: the refusal is said instead
        window.act_restore.trigger()  # QFileDialog would fail the test (conftest)
        dialog = SettingsDialog(settings, None, access.current().is_admin)
        qtbot.addWidget(dialog)
    assert len(errors) == 2 and all("только администратору" in e for e in errors)
    assert not dialog._editors[config.SYNC_LOCATION.key].isEnabled()
    assert dialog._editors[config.DIRECTOR_NAME.key].isEnabled()
    assert QFileDialog  # the file dialog was never asked for


def test_the_personal_data_page_says_what_where_and_who(window: MainWindow) -> None:
    from ui.help.pdn_page import PdnInfoDialog

    help_menu = window.menuBar().actions()[-1].menu()
    assert window.act_pdn_info in help_menu.actions()
    assert window.act_pdn_info.text() == "&Сведения об обработке ПДн"
    dialog = PdnInfoDialog(window.pdn_facts())
    text = dialog.browser.toPlainText()
    for expected in ("Что хранится", "Где хранится", "Кто может видеть", "СНИЛС",
                     str(window.pdn_facts().database), "администратор", "BitLocker",
                     "зашифрованы"):
        assert expected in text, expected
    assert "{" not in text


def test_the_audit_trail_lists_views_and_exports(window: MainWindow, tmp_path: Path,
                                                 settings: config.Settings,
                                                 qtbot: Any) -> None:
    from imc_desktop.services.common import audit, reports
    from ui.access.audit_log import AuditLogDialog

    report = reports.list_report("Педагоги", [("ФИО", "text", 200)], [("Смирнова",)],
                                 settings)
    reports.write(report, "xlsx", tmp_path / "p.xlsx", settings)
    dialog = AuditLogDialog(settings.raw())
    qtbot.addWidget(dialog)
    model = dialog.record_list.model
    assert model.data(model.index(0, 3)) == audit.EXPORT
    assert model.data(model.index(0, 4)) == "Педагоги"
    assert model.data(model.index(0, 5)) == "1"
