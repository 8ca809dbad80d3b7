"""The «Аттестация» tab, the record dialog and the card's attestation page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QStyleOptionViewItem

from imc_desktop import config
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.attestation.records import AttestationData, LeaveData
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.card import open_card
from imc_desktop.services.staff.records import PersonRow
from imc_desktop.services.staff.rules import add_months
from tests.rules import RULES
from ui.attestation.card_page import AttestationPage
from ui.attestation.record_dialog import (
    AttestationDialog,
    LeaveForm,
    PersonChoice,
    RecordContext,
)
from ui.attestation.tab import AttestationTab
from ui.attestation.urgency import OVERDUE_TEXT, SOON_TEXT
from ui.composition import STAFF_CARD_PAGES
from ui.staff.card import CardContext, PersonDialog
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm

DECIDED = attestation.STAGES[2]


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


@pytest.fixture
def tab(qtbot: Any, demo_database: DatabaseInfo, settings: config.Settings) -> AttestationTab:
    widget = AttestationTab(settings)
    qtbot.addWidget(widget)
    return widget


def staff_rows() -> list[PersonRow]:
    return staff.list_staff(RULES, date.today())


def due_keys(rows: list[attestation.DueRow]) -> list[tuple[str, str, date]]:
    return sorted((x.person_id, x.what, x.due) for x in rows)


def text_colour(records: Any, row: int, column: int = 0) -> Any:
    option = style_of(records, row, column)
    return QColor(option.palette.text().color())


def style_of(records: Any, row: int, column: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    records.view.itemDelegate().initStyleOption(
        option, records.model.index(row, column, QModelIndex()))
    return option


def test_deadlines_show_the_service_rows_for_the_horizon(
        tab: AttestationTab, settings: config.Settings) -> None:
    rules = Rules.from_settings(settings)
    page = tab.deadlines
    assert page.until() == add_months(date.today(), 6)
    shown = list(page.record_list.model.visible_rows())
    assert shown
    assert due_keys(shown) == due_keys(attestation.deadlines(page.until(), rules))
    page.horizon.setCurrentIndex(2)
    assert page.until() == add_months(date.today(), 12)
    shown = list(page.record_list.model.visible_rows())
    assert due_keys(shown) == due_keys(attestation.deadlines(page.until(), rules))


def test_deadlines_mark_the_days_overdue_red_and_soon_orange(tab: AttestationTab) -> None:
    """A red word in the days' cell, not a red wall: the other cells stay plain."""
    from ui.attestation.deadlines import DAYS_COLUMN

    records = tab.deadlines.record_list
    assert records.model.columns[DAYS_COLUMN].key == "days_left"
    rows = list(records.model.visible_rows())
    overdue = next(i for i, x in enumerate(rows) if x.days_left < 0)
    assert text_colour(records, overdue, DAYS_COLUMN) == OVERDUE_TEXT
    marked = style_of(records, overdue, DAYS_COLUMN)
    assert marked.font.bold()
    assert text_colour(records, overdue, 0) != OVERDUE_TEXT
    plain = style_of(records, overdue, 0)
    assert plain.backgroundBrush.style() == Qt.BrushStyle.NoBrush
    soon = [i for i, x in enumerate(rows) if 0 <= x.days_left <= 30]
    if soon:
        assert text_colour(records, soon[0], DAYS_COLUMN) == SOON_TEXT


def test_deadlines_say_the_days_in_words_and_sort_by_them(tab: AttestationTab) -> None:
    from ui.attestation.deadlines import DAYS_COLUMN

    records = tab.deadlines.record_list
    rows = list(records.model.visible_rows())
    late = next(i for i, x in enumerate(rows) if x.days_left < 0)
    text = records.model.index(late, DAYS_COLUMN).data()
    assert text == f"просрочено на {-rows[late].days_left} дн."
    records.model.sort(DAYS_COLUMN, Qt.SortOrder.AscendingOrder)
    days = [x.days_left for x in records.model.visible_rows()]
    assert days == sorted(days)


def test_deadlines_filter_by_kind(tab: AttestationTab) -> None:
    page = tab.deadlines
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(r.SZD))
    rows = list(page.record_list.model.visible_rows())
    assert rows and all(x.kind == r.SZD for x in rows)


def context_for(row: PersonRow) -> RecordContext:
    return RecordContext(RULES, (PersonChoice(row.id, row.full_name, row.organization_id,
                                       row.position),), today=date.today())


def test_szd_offers_only_its_decisions_and_refuses_a_missing_one(
        qtbot: Any, demo_database: DatabaseInfo) -> None:
    person = staff_rows()[0]
    data = AttestationData(person_id=person.id, kind=r.SZD, stage=DECIDED,
                           decision=r.ESTABLISHED, decided_on=date.today())
    dialog = AttestationDialog(data, context_for(person))
    qtbot.addWidget(dialog)
    choices = [dialog.decision.itemText(i) for i in range(dialog.decision.count())]
    assert r.ESTABLISHED not in choices and r.CONFORMS in choices
    dialog.try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "соответствует" in dialog._errors["decision"].text()
    with pytest.raises(attestation.ValidationFailed):
        attestation.save_record(data)


def test_methodist_without_the_highest_category_asks_then_saves(
        qtbot: Any, demo_database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    person = next(x for x in staff_rows() if x.category != r.HIGHEST)
    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(
        lambda _p, _t, text: asked.append(text) or True))
    data = AttestationData(person_id=person.id, kind=r.METHODIST, stage=DECIDED,
                           decision=r.ESTABLISHED, decided_on=date.today())
    dialog = AttestationDialog(data, context_for(person))
    qtbot.addWidget(dialog)
    assert dialog.organization.currentData() == ""  # as given: no ОО in the data
    dialog.try_accept()
    assert asked and "высш" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = attestation.save_record(dialog.data())
    assert any(x.id == saved for x in attestation.person_records(person.id))


def test_deciding_an_application_moves_it_to_history_and_sets_the_category(
        tab: AttestationTab, monkeypatch: pytest.MonkeyPatch) -> None:
    row = next(x for x in tab.applications.model.visible_rows()
               if x.kind in (r.FIRST, r.HIGHEST))
    given: list[AttestationData] = []

    def decide(data: AttestationData, context: RecordContext, _parent: Any) -> AttestationData:
        given.append(data)
        assert [p.id for p in context.people] == [row.person_id]
        return replace(data, decision=r.ESTABLISHED, decided_on=date.today())

    monkeypatch.setattr(AttestationDialog, "ask", staticmethod(decide))
    tab.decide(row)
    assert given[0].stage == DECIDED and given[0].id == row.id
    assert row.id not in {x.id for x in tab.applications.model.visible_rows()}
    history = {x.id: x for x in tab.history.model.visible_rows()}
    assert history[row.id].decision == r.ESTABLISHED
    person = next(x for x in staff_rows() if x.id == row.person_id)
    assert person.category == row.kind


def test_delete_asks_first(tab: AttestationTab, monkeypatch: pytest.MonkeyPatch) -> None:
    row = tab.history.model.row_at(0)
    answers = iter([False, True])
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: next(answers)))
    tab.delete_records([row])
    assert row.id in {x.id for x in tab.history.model.visible_rows()}
    tab.delete_records([row])
    assert row.id not in {x.id for x in tab.history.model.visible_rows()}


def card_dialog(qtbot: Any, person: PersonRow) -> PersonDialog:
    """The card as the «Кадры» tab opens it: «Сохранить» writes the card with its tabs."""
    data = open_card(person.id, RULES)
    context = replace(CardContext.of(data, RULES, STAFF_CARD_PAGES),
                      save=lambda card, also: staff_write.save_person(
                          card, RULES, date.today(), data.person, also=also))
    dialog = PersonDialog(data.person, context)
    qtbot.addWidget(dialog)
    return dialog


def test_card_tab_keeps_a_leave_until_the_card_is_saved(
        qtbot: Any, demo_database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    person = next(x for x in staff_rows() if x.category)
    before = attestation.person_leaves(person.id)
    dialog = card_dialog(qtbot, person)
    page = dialog.findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    assert dialog.tabs.indexOf(page) == dialog.tabs.count() - 2  # before the log
    assert person.category in page.status_label.text()
    assert page.records.rowCount() == len(attestation.person_records(person.id))
    assert not dialog.is_dirty()
    leave = LeaveData(kind=r.PARENTAL, start=date(2025, 3, 1))
    monkeypatch.setattr(LeaveForm, "ask", staticmethod(lambda _l, _p=None: leave))
    page.add_leave()
    assert page.leaves.rowCount() == len(before) + 1
    assert attestation.person_leaves(person.id) == before  # nothing written yet
    assert dialog.is_dirty()
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(x.kind, x.start) for x in attestation.person_leaves(person.id)][-1] == (
        r.PARENTAL, date(2025, 3, 1))


def test_cancelling_the_card_drops_what_was_changed_on_the_attestation_tab(
        qtbot: Any, demo_database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    person = next(x for x in staff_rows() if attestation.person_records(x.id))
    records = attestation.person_records(person.id)
    dialog = card_dialog(qtbot, person)
    page = dialog.findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    page.records_view.selectRow(0)
    page.delete_record()
    assert page.records.rowCount() == len(records) - 1
    asked: list[bool] = []

    def discard(_parent: Any) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(RecordForm, "confirm_discard", staticmethod(discard))
    dialog.reject()
    assert asked == [True]  # the tab's change counts as unsaved
    assert attestation.person_records(person.id) == records


def test_the_card_writes_only_the_record_fields_changed_on_it(
        qtbot: Any, demo_database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    person = next(x for x in staff_rows() if any(
        y.order_number for y in attestation.person_records(x.id)))
    record = next(y for y in attestation.person_records(person.id) if y.order_number)
    dialog = card_dialog(qtbot, person)
    page = dialog.findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    monkeypatch.setattr(AttestationDialog, "ask", staticmethod(
        lambda data, _c, _p: replace(data, order_number="77-к")))
    page.records_view.selectRow([x.id for x in page.records.visible_rows()].index(record.id))
    page.edit_record()
    attestation.save_record(replace(record, order_body="Минобр"), record)  # elsewhere, meanwhile
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = next(y for y in attestation.person_records(person.id) if y.id == record.id)
    assert (stored.order_number, stored.order_body) == ("77-к", "Минобр")


def test_card_of_a_new_pedagogue_asks_to_save_first(qtbot: Any, database: DatabaseInfo) -> None:
    dialog = PersonDialog(staff.PersonCard(), CardContext(RULES, pages=STAFF_CARD_PAGES))
    qtbot.addWidget(dialog)
    page = dialog.findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    texts = [x.text() for x in page.findChildren(QLabel)]
    assert any("Save the card" in t or "Сохраните карточку" in t for t in texts)


def test_history_says_without_a_term_and_sorts_by_valid_until(tab: AttestationTab) -> None:
    model = tab.history.model
    column = next(i for i, c in enumerate(model.columns) if c.key == "valid_until")
    texts = {model.index(i, column).data() for i in range(model.rowCount())}
    assert "бессрочно" in texts
    model.sort(column)
    values = [model.columns[column].value(model.row_at(i)) for i in range(model.rowCount())]
    dated = [v.until for v in values if v is not None]
    assert dated == sorted(dated)


def test_the_tab_follows_the_sub_tab_for_export(tab: AttestationTab) -> None:
    for index, records in enumerate(tab.lists()):
        tab.tabs.setCurrentIndex(index)
        assert tab.record_list is records


def test_a_record_added_on_the_card_shows_the_category_and_is_saved_with_the_card(
        qtbot: Any, demo_database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    person = next(x for x in staff_rows() if not x.category)
    dialog = card_dialog(qtbot, person)
    monkeypatch.setattr(AttestationDialog, "ask", staticmethod(
        lambda data, _c, _p: replace(data, kind=r.FIRST, stage=DECIDED,
                                     decision=r.ESTABLISHED, decided_on=date.today())))
    page = dialog.findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    page.add_record()
    assert dialog.values()["category"] == r.FIRST
    assert dialog.values()["category_date"] == date.today()
    assert r.FIRST in page.status_label.text()
    assert dialog.is_dirty()  # the new record waits for «Сохранить»
    assert next(x for x in staff_rows() if x.id == person.id).category == ""
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert next(x for x in staff_rows() if x.id == person.id).category == r.FIRST


def test_the_dialog_keeps_the_start_of_the_attestation(
        qtbot: Any, demo_database: DatabaseInfo) -> None:
    person = staff_rows()[0]
    data = AttestationData(person_id=person.id, kind=r.HIGHEST, stage=attestation.STAGES[1],
                           applied_on=date(2026, 9, 1), started_on=date(2026, 9, 20))
    dialog = AttestationDialog(data, context_for(person))
    qtbot.addWidget(dialog)
    assert dialog.data().started_on == date(2026, 9, 20)
    dialog.set_values({"started_on": date(2026, 8, 31)})
    dialog.try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "заявления" in dialog._errors["started_on"].text()


def test_the_card_shows_the_exemption_and_the_senior_category(
        qtbot: Any, demo_database: DatabaseInfo) -> None:
    person = next(x for x in staff_rows() if not x.category)
    page = card_dialog(qtbot, person).findChild(AttestationPage)
    assert isinstance(page, AttestationPage)
    attestation.save_leaves(person.id, [LeaveData(kind=r.PARENTAL, start=date.today())])
    page.refresh()
    assert "освобождение от СЗД" in page.status_label.text()
    attestation.save_record(AttestationData(
        person_id=person.id, kind=r.HIGHEST, stage=DECIDED, decision=r.ESTABLISHED,
        decided_on=date(2019, 1, 10)))
    attestation.save_record(AttestationData(
        person_id=person.id, kind=r.MENTOR, stage=DECIDED, decision=r.ESTABLISHED,
        decided_on=date(2023, 10, 2)))
    page.refresh()  # the высшая of 2019 expired: the card shows педагог-наставник
    assert r.MENTOR in page.status_label.text()
    assert staff.list_staff(RULES, date.today())[
        [x.id for x in staff_rows()].index(person.id)].category == r.MENTOR


def test_deadlines_name_the_true_reason_and_skip_those_exempt(tab: AttestationTab) -> None:
    page = tab.deadlines
    page.horizon.setCurrentIndex(2)
    rows = list(page.record_list.model.visible_rows())
    reasons = [x.reason for x in rows]
    assert any(x.startswith("истекла категория") for x in reasons)
    assert any("в должности (назначение" in x for x in reasons)
    listed = {x.person_id for x in rows}
    exempt = [p for p in staff_rows() if (status := attestation.person_attestation(
        p.id, RULES)).next_date is None and "освобождение от СЗД" in status.next_reason]
    assert exempt and not {p.id for p in exempt} & listed


def test_history_opens_sorted_by_the_decision_date_newest_first(tab: AttestationTab) -> None:
    from ui.attestation.tab import HISTORY_DATE_COLUMN

    records = tab.history
    assert records.model.columns[HISTORY_DATE_COLUMN].key == "decided_on"
    days = [x.decided_on for x in records.model.visible_rows() if x.decided_on]
    assert len(days) > 10 and days == sorted(days, reverse=True)


def test_the_summary_by_organization_counts_overdue_and_soon() -> None:
    from ui.attestation.deadlines import OrgDue, summary_by_org

    def due(org: str, days: int) -> attestation.DueRow:
        return attestation.DueRow("p", "П", org, "o", "учитель", "СЗД", r.SZD,
                                  date(2026, 1, 1), "", days)

    rows = [due("Б", -3), due("Б", 10), due("А", 31), due("А", 30), due("В", -1)]
    assert summary_by_org(rows) == [OrgDue("Б", 2, 1, 1), OrgDue("В", 1, 1, 0),
                                    OrgDue("А", 2, 0, 1)]


def test_deadlines_show_a_summary_by_organization_that_filters_the_list(
        tab: AttestationTab) -> None:
    page = tab.deadlines
    assert not page.summary_view.isVisibleTo(page)
    page.summary_button.click()
    assert page.summary_view.isVisibleTo(page)
    shown = page.record_list.model.visible_rows()
    summary = page.summary.visible_rows()
    assert sum(x.total for x in summary) == len(shown) > 0
    assert {x.organization for x in summary} == {x.organization for x in shown}
    chosen = summary[0].organization
    page.show_organization(chosen)
    assert {x.organization for x in page.record_list.model.visible_rows()} == {chosen}
    assert [x.organization for x in page.summary.visible_rows()] == [chosen]


def test_a_leave_is_marked_from_the_deadlines(tab: AttestationTab,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    page = tab.deadlines
    row = next(x for x in page.record_list.model.visible_rows() if x.kind == r.SZD)
    page.record_list.select_row_where(lambda x: x is row)
    leave = LeaveData(kind=r.PARENTAL, start=date.today())
    monkeypatch.setattr(LeaveForm, "ask", staticmethod(lambda _l, _p=None: leave))
    before = attestation.person_leaves(row.person_id)
    page.mark_leave()
    after = attestation.person_leaves(row.person_id)
    assert len(after) == len(before) + 1 and after[-1].start == date.today()
