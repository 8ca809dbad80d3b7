"""The «Литература» tab: catalogue, the document editor with posting, balances, pupils."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.organizations import records as orgs
from ui.literature.balances import OUTDATED_TEXT
from ui.literature.catalogue import TitleDialog
from ui.literature.document_dialog import DocumentContext, DocumentDialog
from ui.literature.grade_pupils import GradePupilsDialog, edit_grade_pupils
from ui.literature.lines_model import LinesTableModel
from ui.literature.tab import LiteratureTab
from ui.organizations.dialog import OrganizationDialog
from ui.widgets.messages import Ask

ISBN = "978-0-306-40615-7"


@pytest.fixture
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(orgs.OrganizationData(full_name="Школа А",
                                                        short_name="Школа А"))


@pytest.fixture
def title_id(school: str) -> str:
    return lit.save_title(lit.TitleData(title="Физика. 7 класс", authors="Пёрышкин А.В.",
                                        grades="7", subject="Физика", isbn=ISBN,
                                        price=Decimal("612.50")))


@pytest.fixture
def tab(qtbot: Any, title_id: str, settings: config.Settings) -> LiteratureTab:
    widget = LiteratureTab(settings)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: shown.append(text)))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    return shown


def _dialog(qtbot: Any, data: docs.DocumentData) -> DocumentDialog:
    context = DocumentContext(tuple(lit.list_titles()), tuple(lit.holder_choices()),
                              lit.IMC_FUND)
    dialog = DocumentDialog(data, context)
    qtbot.addWidget(dialog)
    return dialog


def test_catalogue_lists_filters_and_adds_titles(tab: LiteratureTab, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    records = tab.catalogue.record_list
    assert records.model.rowCount() == 1
    new = lit.TitleData(kind="методическое пособие", title="Методика", grades="")
    monkeypatch.setattr(TitleDialog, "ask", staticmethod(lambda *_a: new))
    records.addRequested.emit()
    assert records.model.rowCount() == 2
    tab.catalogue.grade_filter.setCurrentIndex(tab.catalogue.grade_filter.findData(7))
    assert [records.model.row_at(i).title for i in range(records.model.rowCount())] == [
        "Физика. 7 класс"]
    tab.catalogue.subject_filter.setCurrentIndex(tab.catalogue.subject_filter.findData("Физика"))
    tab.catalogue.grade_filter.setCurrentIndex(0)
    assert records.model.rowCount() == 1
    assert tab.lists()[tab.tabs.currentIndex()] is tab.record_list


def test_the_title_form_checks_the_isbn(qtbot: Any, database: DatabaseInfo) -> None:
    dialog = TitleDialog(lit.TitleData(title="X", isbn="978-0-306-40615-8"), [])
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert "ISBN" in dialog._errors["isbn"].text()
    dialog.editor("isbn").setText("0-306-40615-2")  # type: ignore[attr-defined]
    dialog.editor("price").setText("12,5")  # type: ignore[attr-defined]
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_data().price == Decimal("12.50")


def test_a_document_is_typed_saved_posted_and_unposted(qtbot: Any, school: str,
                                                       title_id: str, errors: list[str]) -> None:
    receipt = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=date.today() - timedelta(days=5), supplier="Просвещение",
        lines=(docs.LineData(title_id, 30, Decimal("612.50")),)))
    docs.post_document(receipt)
    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.ISSUE, doc_date=date.today()))
    assert dialog.to_holder.currentData() == school and not dialog.from_holder.isEnabled()
    assert not dialog.supplier.isVisibleTo(dialog) and dialog.return_by.isVisibleTo(dialog)
    dialog.show()
    dialog.title_search.setText("9780306406157")
    qtbot.keyClick(dialog.title_search, Qt.Key.Key_Return)
    assert errors == [] and dialog.isVisible()
    dialog.title_search.setText("пёрышкин")
    dialog.add_from_search()
    assert [(x.quantity, x.price) for x in dialog.lines.lines] == [(2, Decimal("612.50"))]
    dialog.lines.setData(dialog.lines.index(0, 1), 40)
    assert "1 225,00" not in dialog.total.text() and "24 500,00" in dialog.total.text()
    dialog.post()
    assert errors and "не хватает 10 экз." in errors[-1]
    assert dialog.data.id is not None and not dialog.data.posted  # saved as a draft
    assert not dialog.read_only_note.isVisibleTo(dialog)
    dialog.lines.setData(dialog.lines.index(0, 1), 25)
    dialog.post()
    assert dialog.data.posted and not dialog.save_button.isEnabled()
    assert dialog.read_only_note.isVisibleTo(dialog), "a posted document says why"
    assert not dialog.lines.flags(dialog.lines.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert bal.quantity(title_id, school, date.today()) == 25
    dialog.unpost()
    assert not dialog.data.posted and bal.quantity(title_id, school, date.today()) == 0
    assert not dialog.read_only_note.isVisibleTo(dialog)


def test_print_shows_the_document_s_waybill(tab: LiteratureTab, school: str, title_id: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("ui.literature.tab.preview_report",
                        lambda _parent, report, _settings: shown.append(report))
    receipt = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=date.today(), supplier="Просвещение",
        lines=(docs.LineData(title_id, 3, Decimal("612.50")),)))
    tab.print_document(tab, receipt)
    assert [r.title for r in shown] == ["Акт приёма учебной литературы №\u00a01"]
    assert "Черновик: документ не проведён." in shown[0].paragraphs


def test_closing_with_changes_saves_the_draft_when_asked(qtbot: Any, title_id: str,
                                                         errors: list[str]) -> None:
    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.RECEIPT, doc_date=date.today()))
    dialog.close_button.click()  # nothing typed: closes without a question
    assert docs.list_documents() == []
    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.RECEIPT, doc_date=date.today()))
    dialog.supplier.setText("Просвещение")
    dialog.title_search.setText(ISBN)
    dialog.add_from_search()
    dialog.close_button.click()
    assert [(r.kind, r.posted, r.quantity) for r in docs.list_documents()] == [
        (docs.RECEIPT, False, 1)]


def test_an_overdue_transfer_is_red_and_brought_back_from_the_editor(
        tab: LiteratureTab, qtbot: Any, school: str, title_id: str, errors: list[str]) -> None:
    day = date.today() - timedelta(days=30)
    receipt = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=day, supplier="Просвещение",
        lines=(docs.LineData(title_id, 8, Decimal("612.50")),)))
    docs.post_document(receipt)
    lent = docs.save_document(docs.DocumentData(
        kind=docs.ISSUE, doc_date=day, to_org_id=school, return_by=day + timedelta(days=7),
        lines=(docs.LineData(title_id, 8, Decimal("612.50")),)))
    docs.post_document(lent)
    page = tab.documents
    page.state_filter.setCurrentIndex(page.state_filter.findData("overdue"))
    records = page.record_list
    assert [records.model.row_at(i).id for i in range(records.model.rowCount())] == [lent]
    option = QStyleOptionViewItem()
    records.view.itemDelegate().initStyleOption(option, records.model.index(0, 0, QModelIndex()))
    assert option.palette.text().color() == OUTDATED_TEXT
    dialog = _dialog(qtbot, docs.get_document(lent))
    assert dialog.return_button.isVisibleTo(dialog)
    dialog.return_button.click()
    assert (dialog.data.kind, dialog.data.id, dialog.lines.rowCount()) == (docs.RETURN, None, 1)
    dialog.post()
    assert dialog.data.posted and bal.quantity(title_id, school, date.today()) == 0
    assert records.model.rowCount() == 0  # no longer overdue


def _lent(title_id: str, school: str) -> str:
    day = date.today() - timedelta(days=10)
    receipt = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=day, supplier="Просвещение",
        lines=(docs.LineData(title_id, 5, Decimal("612.50")),)))
    docs.post_document(receipt)
    lent = docs.save_document(docs.DocumentData(
        kind=docs.ISSUE, doc_date=day, to_org_id=school, return_by=day + timedelta(days=30),
        lines=(docs.LineData(title_id, 5, Decimal("612.50")),)))
    docs.post_document(lent)
    return lent


def test_a_brought_back_draft_is_not_dropped_silently(
        qtbot: Any, school: str, title_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(
        lambda _p, title, _t: asked.append(title) or True))
    dialog = _dialog(qtbot, docs.get_document(_lent(title_id, school)))
    dialog.return_button.click()
    assert dialog.data.id is None and dialog.is_dirty()
    dialog.close_button.click()
    assert asked == [dialog.tr("Unsaved changes")]
    kinds = [(r.kind, r.posted) for r in docs.list_documents()]
    assert sorted(kinds) == sorted([(docs.RECEIPT, True), (docs.ISSUE, True),
                                    (docs.RETURN, False)])


def test_ctrl_s_saves_and_ctrl_enter_posts(qtbot: Any, title_id: str,
                                           errors: list[str]) -> None:
    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.RECEIPT, doc_date=date.today()))
    assert "Ctrl+S" in dialog.save_button.toolTip()
    assert "Ctrl+Enter" in dialog.post_button.toolTip()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.supplier.setText("Просвещение")
    dialog.title_search.setText(ISBN)
    dialog.add_from_search()
    dialog.title_search.setFocus()
    qtbot.keyClick(dialog.title_search, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.data.id is not None and not dialog.data.posted and errors == []
    qtbot.keyClick(dialog.title_search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.data.posted and errors == []
    qtbot.keyClick(dialog.title_search, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.data.posted and dialog.isVisible()
    qtbot.keyClick(dialog.title_search, Qt.Key.Key_End)  # Qt forgets the Ctrl for the next tests


def test_an_unknown_title_is_reported(qtbot: Any, title_id: str, errors: list[str]) -> None:
    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.RECEIPT, doc_date=date.today()))
    dialog.title_search.setText("химия")
    dialog.add_from_search()
    assert dialog.lines.rowCount() == 0 and "химия" in errors[-1]


def test_balances_highlight_outdated_titles_at_schools(tab: LiteratureTab, school: str,
                                                       title_id: str) -> None:
    old = replace(lit.get_title(title_id), fpu_status=lit.EXCLUDED,
                  use_until=date.today() - timedelta(days=1))
    lit.save_title(old)
    for kind, dst in ((docs.RECEIPT, None), (docs.ISSUE, school)):
        doc_id = docs.save_document(docs.DocumentData(
            kind=kind, doc_date=date.today() - timedelta(days=3), to_org_id=dst, supplier="П",
            lines=(docs.LineData(title_id, 10 if dst is None else 4, Decimal(1)),)))
        docs.post_document(doc_id)
    page = tab.balances
    records = page.record_list
    rows = [records.model.row_at(i) for i in range(records.model.rowCount())]
    assert [(r.holder, r.quantity, r.outdated) for r in rows] == [
        (lit.IMC_FUND, 6, False), ("Школа А", 4, True)]
    option = QStyleOptionViewItem()
    records.view.itemDelegate().initStyleOption(option, records.model.index(1, 0, QModelIndex()))
    assert option.palette.text().color() == OUTDATED_TEXT
    page.outdated_only.setChecked(True)
    assert records.model.rowCount() == 1
    page.show_holder(bal.IMC_HOLDER)
    page.outdated_only.setChecked(False)
    assert [records.model.row_at(0).holder] == [lit.IMC_FUND] and records.model.rowCount() == 1
    page.on_date.set_date_value(date.today() - timedelta(days=10))
    page.on_date.editingFinished.emit()
    assert records.model.rowCount() == 0


def test_lines_model(qtmodeltester: Any) -> None:
    model = LinesTableModel((docs.LineData("t", 2, Decimal("10.00"), "Книга"),))
    qtmodeltester.check(model)
    assert not model.setData(model.index(0, 2), "abc")
    assert model.setData(model.index(0, 2), "12,30") and model.lines[0].amount == Decimal("24.60")


def test_pupils_by_grade_from_the_card(qtbot: Any, school: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = GradePupilsDialog("Школа А", {5: 20})
    qtbot.addWidget(dialog)
    assert dialog.values()[5] == 20 and "20" in dialog.total.text()
    monkeypatch.setattr(GradePupilsDialog, "ask", staticmethod(lambda *_a: {1: 12, 5: 0}))
    edit_grade_pupils(school, "Школа А")
    assert lit.grade_pupils(school) == {1: 12}
    asked: list[str] = []
    monkeypatch.setattr(GradePupilsDialog, "ask",
                        staticmethod(lambda name, *_a: asked.append(name) or None))
    card = OrganizationDialog(orgs.get_organization(school), None, edit_grade_pupils)
    qtbot.addWidget(card)
    card.grades_button.click()
    assert asked == ["Школа А"] and lit.grade_pupils(school) == {1: 12}
    new_card = OrganizationDialog(orgs.OrganizationData(), None, edit_grade_pupils)
    qtbot.addWidget(new_card)
    assert not new_card.grades_button.isEnabled()


def test_an_organization_added_later_appears_in_the_filters_and_the_choice_stays(
        tab: LiteratureTab, school: str, settings: config.Settings, qtbot: Any) -> None:
    from ui.equipment.tab import EquipmentTab

    equipment = EquipmentTab(settings)
    qtbot.addWidget(equipment)
    combos = (tab.documents.holder_filter, tab.balances.holder, equipment.items.org_filter)
    for combo in combos:
        combo.setCurrentIndex(combo.findData(school))
    new = orgs.save_organization(orgs.OrganizationData(full_name="Школа Б",
                                                       short_name="Школа Б"))
    for combo in combos:
        assert combo.findData(new) > 0
        assert combo.currentData() == school
    orgs.delete_organization(new)
    assert [combo.findData(new) for combo in combos] == [-1, -1, -1]


@pytest.mark.parametrize(("answer", "posted"), [(False, False), (True, True)])
def test_issuing_an_excluded_title_is_asked_about_before_posting(
        qtbot: Any, school: str, title_id: str, monkeypatch: pytest.MonkeyPatch,
        answer: bool, posted: bool) -> None:
    lit.save_title(replace(lit.get_title(title_id), fpu_status=lit.EXCLUDED,
                           excluded_on=date(2019, 9, 1)))
    receipt = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=date(2019, 1, 10), supplier="Просвещение",
        lines=(docs.LineData(title_id, 30, Decimal("612.50")),)))
    docs.post_document(receipt)
    asked: list[tuple[str, str]] = []

    def confirm(_parent: object, title: str, text: str) -> bool:
        asked.append((title, text))
        return answer

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda *_a: None))
    dialog = _dialog(qtbot, docs.DocumentData(
        kind=docs.ISSUE, doc_date=date.today(), to_org_id=school,
        lines=(docs.LineData(title_id, 5, Decimal("612.50")),)))
    dialog.post()
    ((title, text),) = asked
    assert title == "Excluded textbooks" or title == "Исключённые учебники"
    assert "«Пёрышкин А.В. Физика. 7 класс»: срок использования истёк 01.09.2024" in text
    assert dialog.data.posted is posted
    assert bal.quantity(title_id, school, date.today()) == (5 if posted else 0)


def test_the_document_form_checks_a_field_as_it_is_left_and_shows_every_problem_on_save(
        qtbot: Any, title_id: str, errors: list[str]) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    dialog = _dialog(qtbot, docs.DocumentData(kind=docs.WRITE_OFF, doc_date=date.today()))
    dialog.show()
    assert not any(e.isVisible() for e in dialog.errors.values()), "quiet before a visit"
    QApplication.sendEvent(dialog.reason, QFocusEvent(QEvent.Type.FocusOut))
    assert dialog.errors[dialog.reason].isVisible()
    assert "причину списания" in dialog.errors[dialog.reason].text()
    assert not dialog.errors[dialog.doc_date].isVisible()
    dialog.doc_date.setText("31.02.2026")  # not a date: said with the rest on «Save»
    assert dialog.save() is False and errors == [], "no message box: under the fields"
    assert "Not a date" in dialog.errors[dialog.doc_date].text() or \
        "не дата" in dialog.errors[dialog.doc_date].text().lower()
    assert dialog.errors[dialog.reason].isVisible()
    assert dialog.summary.isVisible() and "строку" in dialog.summary.text()
    dialog.reason.setText("ветхость")
    QApplication.sendEvent(dialog.reason, QFocusEvent(QEvent.Type.FocusOut))
    assert not dialog.errors[dialog.reason].isVisible()
