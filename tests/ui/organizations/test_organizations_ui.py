"""The «Организации» tab and the ОО card, driven as a user would."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL
from ui.organizations.dialog import OrganizationDialog
from ui.organizations.tab import OrganizationsTab
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a changed card at teardown must not wait for an answer."""
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


@pytest.fixture
def tab(qtbot: object, database: DatabaseInfo, settings: object) -> OrganizationsTab:
    widget = OrganizationsTab(settings.raw())  # type: ignore[attr-defined]
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    return widget


def test_dialog_shows_inline_messages_and_refuses_to_close(qtbot: object,
                                                           database: DatabaseInfo) -> None:
    dialog = OrganizationDialog(orgs.OrganizationData())
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    editor = dialog.editor("inn")
    assert isinstance(editor, QLineEdit)
    editor.setText("1234567895")
    dialog.editor("reorganized_on").setText("31.02.2024")  # type: ignore[attr-defined]
    dialog.try_accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert "31.02.2024" in dialog._errors["reorganized_on"].text()
    dialog.editor("reorganized_on").setText("")  # type: ignore[attr-defined]
    dialog.try_accept()
    assert dialog._errors["short_name"].isVisible()
    assert "ИНН" in dialog._errors["inn"].text()
    assert not dialog._errors["kpp"].isVisible()


def test_valid_card_is_accepted_with_its_values(qtbot: object, database: DatabaseInfo) -> None:
    dialog = OrganizationDialog(SCHOOL)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.editor("pupils").setValue(400)  # type: ignore[attr-defined]
    dialog.try_accept()
    assert dialog.result() == 1
    assert dialog.result_data() == replace(SCHOOL, pupils=400)


def test_closing_with_unsaved_changes_asks(qtbot: object, database: DatabaseInfo,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = OrganizationDialog(SCHOOL)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    asked: list[bool] = []

    def answer(_parent: object) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(RecordForm, "confirm_discard", staticmethod(answer))
    dialog.reject()
    assert asked == [] and not dialog.isVisible(), "no changes: closes without a question"
    dialog.show()
    dialog.editor("website").setText("https://pokrov.ru")  # type: ignore[attr-defined]
    dialog.reject()
    assert asked == [True] and dialog.isVisible(), "Cancel keeps the card open"
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()


def test_add_edit_and_delete_through_the_tab(tab: OrganizationsTab,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OrganizationDialog, "ask", staticmethod(lambda data, *_a: SCHOOL))
    tab.add_record()
    assert tab.record_list.model.total_count() == 1
    saved = tab.record_list.current_row()
    assert saved is not None and saved.short_name == SCHOOL.short_name
    monkeypatch.setattr(OrganizationDialog, "ask",
                        staticmethod(lambda data, *_a: replace(data, pupils=10)))
    tab.open_record()
    assert orgs.get_organization(saved.id).pupils == 10
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: False))
    tab.delete_records([saved])
    assert tab.record_list.model.total_count() == 1, "not confirmed: nothing deleted"
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: True))
    tab.delete_records([saved])
    assert tab.record_list.model.total_count() == 0


def test_filters_by_type_and_activity(qtbot: object, demo_database: DatabaseInfo,
                                      settings: object) -> None:
    first = orgs.list_organizations()[0]
    orgs.save_organization(replace(first, is_active=False, reorganized_on=SCHOOL_DATE))
    widget = OrganizationsTab(settings.raw())  # type: ignore[attr-defined]
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    assert widget.record_list.model.rowCount() == 39
    widget.active_only.setChecked(False)
    assert widget.record_list.model.rowCount() == 40
    widget.kind_filter.setCurrentIndex(widget.kind_filter.findData("детский сад"))
    kinds = {o.kind for o in widget.record_list.model.visible_rows()}
    assert kinds == {"детский сад"}


def test_refused_delete_is_explained(tab: OrganizationsTab, monkeypatch: pytest.MonkeyPatch
                                     ) -> None:
    from sqlalchemy import text

    from imc_desktop import db

    org_id = orgs.save_organization(SCHOOL)
    with db.session_scope() as s:
        s.execute(text("CREATE TABLE probe (id TEXT, org TEXT REFERENCES organizations(id))"))
        s.execute(text("INSERT INTO probe VALUES ('1', :o)"), {"o": org_id})
    errors: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: True))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    tab.delete_records([orgs.get_organization(org_id)])
    assert len(errors) == 1 and "Нельзя удалить" in errors[0]
    assert tab.record_list.model.total_count() == 1


SCHOOL_DATE = __import__("datetime").date(2025, 9, 1)


def test_a_card_opened_from_a_stale_list_keeps_the_newer_values(
        tab: OrganizationsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.services.organizations.test_organizations import _changed_elsewhere

    org_id = orgs.save_organization(SCHOOL)
    tab.record_list.reload()
    stale = tab.record_list.current_row() or orgs.get_organization(org_id)
    _changed_elsewhere(org_id, pupils=400, website="pokrov.ru")
    monkeypatch.setattr(OrganizationDialog, "ask",
                        staticmethod(lambda data, parent, *_: replace(data, pupils=350)))
    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda _p, _t, text: asked.append(text)
                                                     or False))
    tab.open_record(stale)
    assert asked and "400" in asked[0] and "350" in asked[0]
    assert orgs.get_organization(org_id).pupils == 400, "«No» keeps the other value"
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: True))
    tab.open_record(stale)
    saved = orgs.get_organization(org_id)
    assert (saved.pupils, saved.website) == (350, "pokrov.ru"), "the unchanged field stays"
