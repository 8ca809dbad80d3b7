"""The «Методическая сеть» tab and the association's card, driven as a user would."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.events import records as events
from imc_desktop.services.network import card as network_card
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import records as net
from tests.services.network.helpers import people, rmo, young
from ui.network.card import AssociationCardDialog
from ui.network.dialogs import AssociationDialog, Lookups, MeetingDialog, MeetingForm
from ui.network.members import MembersDialog
from ui.network.tab import NetworkTab
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


@pytest.fixture
def tab(qtbot: Any, database: DatabaseInfo, settings: Any) -> NetworkTab:
    widget = NetworkTab(settings)
    qtbot.addWidget(widget)
    return widget


def _card(qtbot: Any, association: str, today: date = date(2025, 10, 1)
          ) -> AssociationCardDialog:
    data = network_card.association_card(association, today)
    options = net.person_options()
    dialog = AssociationCardDialog(data, lambda i: network_card.association_card(i, today),
                                   Lookups.of(options, ()), options, ("учитель", "методист"))
    qtbot.addWidget(dialog)
    return dialog


def test_the_tab_lists_the_associations_of_the_year(tab: NetworkTab) -> None:
    ids = people()
    rmo(ids, year=2025)
    tab.year_filter.setCurrentIndex(0)  # all years
    tab.associations.reload()
    assert [r.data.name for r in tab.associations.model.visible_rows()] == [
        "РМО учителей математики"]
    assert len(tab.lists()) == 6 and tab.record_list is tab.associations
    tab.tabs.setCurrentWidget(tab.sites)
    assert tab.record_list is tab.sites


def test_a_new_association_is_saved_from_its_form(tab: NetworkTab, qtbot: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ids = people()
    monkeypatch.setattr(AssociationDialog, "ask", staticmethod(
        lambda data, lookups, parent=None: net.AssociationData(
            name="Творческая группа", kind="творческая группа", year=data.year,
            head_id=ids["Петров"])))
    monkeypatch.setattr(NetworkTab, "open_association_id", lambda self, i: None)
    tab.add_association()
    [row] = net.list_associations()
    assert row.data.name == "Творческая группа" and row.head == "Петров Пётр Ивановна"


def test_the_association_form_says_what_is_wrong_under_the_field(qtbot: Any,
                                                                 database: DatabaseInfo) -> None:
    ids = people()
    options = net.person_options()
    dialog = AssociationDialog(net.AssociationData(head_id=ids["Иванова"],
                                                   curator_id=ids["Иванова"]),
                               Lookups.of(options, ()))
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert dialog.result() == 0
    assert "наименование" in dialog._errors["name"].text()
    assert "Куратор" in dialog._errors["curator_id"].text()


def test_members_are_added_in_bulk_and_a_member_twice_is_named(
        qtbot: Any, database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = people()
    association = rmo(ids)
    card = _card(qtbot, association)
    picker = MembersDialog(net.person_options(), (), ("учитель",), "математика")
    qtbot.addWidget(picker)
    picker.select_matching()
    chosen = picker.result_members()
    assert set(chosen.person_ids) == {ids["Иванова"], ids["Сидорова"]}
    said: list[str] = []
    monkeypatch.setattr(MembersDialog, "ask", staticmethod(lambda *a, **k: chosen))
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: said.append(text)))
    card.add_members()
    assert card.members.rowCount() == 2
    assert "Иванова Анна Ивановна" in said[0]


def test_a_meeting_is_planned_from_the_card_and_appears_in_the_calendar(
        qtbot: Any, database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = people()
    association = rmo(ids)
    card = _card(qtbot, association)
    form = MeetingForm(nm.MeetingData(association_id=association, theme="Анализ ВПР"),
                       nm.Slot(datetime(2025, 10, 16, 14), datetime(2025, 10, 16, 16)))
    monkeypatch.setattr(MeetingDialog, "ask", staticmethod(lambda *a, **k: form))
    card.plan_meeting()
    assert card.plan.rowCount() == 1
    [event] = events.list_events()
    assert event.kind == "заседание РМО" and event.starts_at == datetime(2025, 10, 16, 14)


def test_the_meeting_form_refuses_a_date_outside_the_year(qtbot: Any,
                                                          database: DatabaseInfo) -> None:
    dialog = MeetingDialog(nm.MeetingData(association_id="x", theme="Итоги"),
                           date(2026, 9, 3), ("14:00", "16:00"), (None, ""), 2025, Lookups())
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert dialog.result() == 0
    assert "2025–2026" in dialog._errors["day"].text()


def test_the_young_without_a_mentor_open_a_pair_for_her(
        tab: NetworkTab, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = people()
    newcomer = young(ids["СОШ № 1"], "Новикова", date.today().replace(day=1))
    tab.mentoring.young.reload()
    [row] = tab.mentoring.young.model.visible_rows()
    assert row.person_id == newcomer
    from ui.network.dialogs import PairDialog
    monkeypatch.setattr(PairDialog, "ask", staticmethod(
        lambda data, lookups, parent=None: mt.PairData(mentor_id=ids["Иванова"],
                                                       mentee_id=data.mentee_id)))
    tab.mentoring.mentor_for(row)
    tab.mentoring.young.reload()
    assert tab.mentoring.young.model.visible_rows() == []


def test_the_pedagogue_s_card_shows_her_associations(qtbot: Any, database: DatabaseInfo) -> None:
    from imc_desktop.services.attestation.rules import AttestationRules
    from imc_desktop.services.common.rules import Rules
    from imc_desktop.services.staff.card import open_card
    from imc_desktop.services.staff.rules import StaffRules
    from ui.composition import STAFF_CARD_PAGES
    from ui.network.card_page import AssociationsPage
    from ui.staff.card import CardContext, PersonDialog

    ids = people()
    rmo(ids)
    rules = Rules(StaffRules(), AttestationRules())
    data = open_card(ids["Иванова"], rules)
    dialog = PersonDialog(data.person, CardContext.of(data, rules, STAFF_CARD_PAGES))
    qtbot.addWidget(dialog)
    page = dialog.findChild(AssociationsPage)
    assert page is not None
    [row] = page.model.visible_rows()
    assert (row.name, row.role) == ("РМО учителей математики", "руководитель")


def test_members_and_plans_are_imported_with_the_shared_wizard(
        tab: NetworkTab, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.widgets.import_wizard import ImportWizard

    asked: list[str] = []
    monkeypatch.setattr(ImportWizard, "ask", staticmethod(lambda kind, *_a, **_k: asked.append(
        kind)))
    tab.import_from_excel("network-members")
    tab.import_from_excel("network-plan")
    assert asked == ["network-members", "network-plan"]


def test_the_card_prints_the_plan_and_the_protocol_of_the_chosen_meeting(
        qtbot: Any, database: DatabaseInfo) -> None:
    ids = people()
    association = rmo(ids)
    meeting = nm.plan_meeting(nm.MeetingData(association_id=association, theme="ГИА"),
                              nm.Slot(datetime(2025, 10, 16, 14), datetime(2025, 10, 16, 16)))
    printed: list[tuple[str, dict[str, str]]] = []
    data = network_card.association_card(association, date(2025, 10, 1))
    options = net.person_options()
    card = AssociationCardDialog(data, lambda i: network_card.association_card(i),
                                 Lookups.of(options, ()), options, ("учитель",), None,
                                 lambda _p, name, params: printed.append((name, params)))
    qtbot.addWidget(card)
    card.print_report("network-plan", {"association": association})
    card.plan_view.selectRow(0)
    card.print_protocol()
    assert printed == [("network-plan", {"association": association}),
                       ("network-protocol", {"meeting": meeting})]


def test_the_protocol_of_a_meeting_whose_event_was_deleted_can_still_be_saved(
        qtbot: Any, database: DatabaseInfo) -> None:
    data = nm.MeetingData(id="m1", association_id="a1", event_id=None, theme="Итоги")
    dialog = MeetingDialog(data, None, ("", ""), (None, ""), 2025, Lookups())
    qtbot.addWidget(dialog)
    dialog.editor("decided").setPlainText("Принять к сведению")  # type: ignore[attr-defined]
    dialog.try_accept()
    assert dialog.result() == 1
    assert dialog.result_form().data.decided == "Принять к сведению"
