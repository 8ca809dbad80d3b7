"""The «Запросы и мониторинги» tab, its collection card and its dialogs, driven as a user
would: lists, the deadlines in the status bar, blanks in one step, files read back, the
reminder, the summary."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from exports.collection_blank import DATA_SHEET, HEADER_ROW
from imc_desktop import clock, config
from imc_desktop.services.requests import records, rules, write
from imc_desktop.services.requests.records import CollectionData, RequestData
from tests.services.requests.conftest import TEMPLATE, make_collection, org_ids  # noqa: F401
from ui.requests.card import CollectionCard, Pick, TextDialog
from ui.requests.dialogs import CollectionDialog, ReminderDialog, RequestDialog
from ui.requests.tab import RequestsTab
from ui.widgets.messages import Ask

NOW = datetime(2026, 12, 9, 10, 0)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: said.append(text)))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: said.append(text)))
    monkeypatch.setattr(TextDialog, "show_text", staticmethod(
        lambda _t, text, _p=None: said.append(text)))
    return said


def test_the_tab_lists_requests_and_collections_and_says_the_deadlines(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings) -> None:
    write.save_request(RequestData(sender="Департамент", number="01-12/345",
                                   received_on=date(2026, 12, 1), subject="О кадрах",
                                   deadline_at=datetime(2026, 12, 11, 15)))
    make_collection()
    with clock.fixed(NOW):
        tab = RequestsTab(settings)
        qtbot.addWidget(tab)
        tab.requests.reload()
        tab.collections.reload()
    assert tab.title == "Запросы и мониторинги"
    assert tab.requests.model.total_count() == 1 and tab.collections.model.total_count() == 1
    assert "просрочено 0, скоро 2" in tab.deadline_label.text()
    tab.tabs.setCurrentIndex(1)
    assert tab.record_list is tab.collections


def test_a_request_is_registered_through_its_dialog(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = RequestsTab(settings)
    qtbot.addWidget(tab)
    dialog = RequestDialog(RequestData())
    qtbot.addWidget(dialog)
    dialog.sender_edit.setText("Министерство образования")
    dialog.subject.setPlainText("Об олимпиадах")
    dialog.deadline.enabled.setChecked(True)
    entered = dialog.result_data()
    assert entered.deadline_at is not None and entered.received_on is not None
    monkeypatch.setattr(RequestDialog, "ask", staticmethod(lambda _d, _p=None: entered))
    tab.edit_request(RequestData())
    assert [r.sender for r in records.list_requests()] == ["Министерство образования"]


def test_the_collection_dialog_gives_back_the_template_and_the_chosen_ou(
        qtbot: Any, russian: Any, org_ids: dict[str, str]) -> None:  # noqa: F811
    names = sorted(org_ids.items())
    dialog = CollectionDialog(CollectionData(title="Кадры", template=TEMPLATE), [],
                              [(i, n) for n, i in names], ("школа", "детский сад"))
    qtbot.addWidget(dialog)
    dialog.addressees.setCurrentIndex(2)
    dialog.chosen.item(0).setCheckState(Qt.CheckState.Checked)
    data = dialog.result_data()
    assert data.template == TEMPLATE
    assert data.addressees == "list" and data.chosen == (names[0][1],)


def test_the_card_prepares_blanks_reads_them_back_reminds_and_exports(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        shown: list[str]) -> None:
    collection_id = make_collection()
    card = CollectionCard(records.get_collection(collection_id), settings)
    qtbot.addWidget(card)
    monkeypatch.setattr(Pick, "folder", staticmethod(lambda *_a: tmp_path / "бланки"))
    card.prepare_blanks()
    files = sorted((tmp_path / "бланки").glob("*.xlsx"))
    assert len(files) == 3 and shown[-1].startswith("Подготовлено файлов: 3")
    book = openpyxl.load_workbook(files[0])
    book[DATA_SHEET].cell(HEADER_ROW + 1, 2, "много")
    book.save(files[0])
    book = openpyxl.load_workbook(files[1])
    book[DATA_SHEET].cell(HEADER_ROW + 1, 2, 17)
    book.save(files[1])

    card.read(files[:2])
    assert shown[-1].startswith("Принято файлов: 1 из 2.")
    assert "столбец «Учителей» (B): ожидается число, а записано «много»" in shown[-1]
    card.answers.reload()
    assert "Ответили: 1 из 3" in card.heading.text()

    letters: list[tuple[str, str]] = []
    monkeypatch.setattr(ReminderDialog, "show_text", staticmethod(
        lambda contacts, text, _p=None: letters.append((contacts, text))))
    card.reminder()
    contacts, letter = letters[0]
    assert contacts.count("\n") == 1 and "oo3@obr.ru" in contacts and "+7 (3452)" in contacts
    assert "Не представили информацию:" in letter

    monkeypatch.setattr(Pick, "save", staticmethod(lambda *_a: tmp_path / "сводная.docx"))
    card.export_summary()
    assert (tmp_path / "сводная.docx").is_file() and shown[-1].startswith("Сохранено")


def test_dropping_files_on_the_card_reads_them(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings, monkeypatch: pytest.MonkeyPatch, shown: list[str]) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    collection_id = make_collection()
    card = CollectionCard(records.get_collection(collection_id), settings)
    qtbot.addWidget(card)
    read: list[list[Path]] = []
    monkeypatch.setattr(card, "read", lambda paths: read.append(paths))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/Кадры — МБОУ СОШ № 1.xlsx"),
                  QUrl.fromLocalFile("/tmp/письмо.txt")])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    card.dropEvent(event)
    assert read == [[Path("/tmp/Кадры — МБОУ СОШ № 1.xlsx")]]


def test_status_changes_from_the_card(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings, shown: list[str]) -> None:
    collection_id = make_collection()
    card = CollectionCard(records.get_collection(collection_id), settings)
    qtbot.addWidget(card)
    card.accept_answers()  # nothing selected
    assert shown[-1] == "Выделите полученные ответы, которые нужно принять."
    answer = records.answers(collection_id)[0]
    write.set_answer_status([answer.id], rules.RECEIVED)
    card.answers.reload()
    card.answers.select_id(answer.id)
    card.accept_answers()
    assert records.answers(collection_id)[0].status == rules.ACCEPTED


def test_the_card_s_edit_opens_the_form_and_shows_the_new_version(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from imc_desktop.services.requests.rules import TemplateColumn

    collection_id = make_collection()
    tab = RequestsTab(settings)
    qtbot.addWidget(tab)
    monkeypatch.setattr(CollectionDialog, "ask", staticmethod(
        lambda data, *_a: replace(data, template=(*TEMPLATE, TemplateColumn("Вакансий",
                                                                            "number")))))
    card = CollectionCard(records.get_collection(collection_id), settings, tab,
                          lambda data: tab.edit_collection(data, open_card=False))
    qtbot.addWidget(card)
    card.edit_collection()
    assert "версия шаблона 2" in card.heading.text()


def test_the_status_bar_link_shows_the_due_records_and_the_card_narrows_to_the_missing(
        qtbot: Any, russian: Any, org_ids: dict[str, str],  # noqa: F811
        settings: config.Settings) -> None:
    collection_id = make_collection()
    write.set_answer_status([records.answers(collection_id)[0].id], rules.RECEIVED)
    with clock.fixed(NOW):
        tab = RequestsTab(settings)
        qtbot.addWidget(tab)
        tab.deadline_label.linkActivated.emit("#")
    assert tab.record_list is tab.collections
    tab.collections.reload()  # (a list reads its rows when first shown)
    assert [r.id for r in tab.collections.model.visible_rows()] == [collection_id]
    card = CollectionCard(records.get_collection(collection_id), settings)
    qtbot.addWidget(card)
    card.only_missing.setChecked(True)
    assert len(card.answers.model.visible_rows()) == 2
