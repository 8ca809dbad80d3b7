"""The whole way of a collection: template → one blank per ОО → filled with openpyxl → read
back → summary; and each wrong file refused with a message naming the file, the row and the
column, while the good files of the same batch are taken and the bad ones change nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from exports import write_report
from exports.collection_blank import DATA_SHEET, HEADER_ROW, META_SHEET
from imc_desktop import clock
from imc_desktop.services.requests import blanks, importing, records, reports, rules, write
from imc_desktop.services.requests.rules import TemplateColumn
from tests.services.requests.conftest import TEMPLATE, make_collection

ROW = HEADER_ROW + 1
FIRST, SECOND, KINDERGARTEN = "МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБДОУ Детский сад № 3"


def _blank(folder: Path, org: str) -> Path:
    return folder / rules.blank_name("Кадры на 01.12", org)


def _fill(path: Path, values: dict[str, object], row: int = ROW) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book[DATA_SHEET]
    titles = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    for title, value in values.items():
        sheet.cell(row, titles[title], value)
    book.save(path)
    return path


GOOD = {"Учителей": 31, "Есть логопед": "да", "Форма обучения": "очная",
        "Дата приказа": date(2026, 9, 1), "Примечание": "вакансий нет"}


@pytest.fixture
def sent(org_ids: dict[str, str], tmp_path: Path) -> tuple[str, Path]:
    collection_id = make_collection()
    with clock.fixed(date(2026, 12, 2)):
        blanks.generate_blanks(collection_id, tmp_path / "blanks")
    return collection_id, tmp_path / "blanks"


def test_one_blank_per_ou_named_protected_validated_and_marked(
        sent: tuple[str, Path], org_ids: dict[str, str]) -> None:
    collection_id, folder = sent
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        rules.blank_name("Кадры на 01.12", o) for o in org_ids)
    book = openpyxl.load_workbook(_blank(folder, FIRST))
    sheet, meta = book[DATA_SHEET], book[META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert [meta.cell(r, 2).value for r in range(2, 5)] == [collection_id, org_ids[FIRST], 1]
    assert [sheet.cell(HEADER_ROW, c).value for c in range(1, 7)] == [
        rules.ORG_COLUMN, *(c.title for c in TEMPLATE)]
    assert sheet.cell(ROW, 1).value == FIRST
    assert sheet.protection.sheet
    assert sheet.cell(HEADER_ROW, 2).protection.locked and sheet.cell(ROW, 1).protection.locked
    assert not sheet.cell(ROW, 2).protection.locked
    kinds = {str(v.sqref): (v.type, v.formula1) for v in sheet.data_validations.dataValidation}
    assert kinds["B6"][0] == "decimal"
    assert kinds["C6"] == ("list", '"да,нет"')
    assert kinds["D6"] == ("list", '"очная,очно-заочная"')
    assert kinds["E6"][0] == "date"
    assert sheet["A3"].value == "Срок представления: до 15:00 10.12.2026"
    answers = records.answers(collection_id)
    assert {(a.status, a.sent_on) for a in answers} == {(rules.SENT, date(2026, 12, 2))}


def test_filled_blanks_read_back_into_a_summary_with_totals_and_the_missing_listed(
        sent: tuple[str, Path], tmp_path: Path) -> None:
    collection_id, folder = sent
    _fill(_blank(folder, FIRST), GOOD)
    _fill(_blank(folder, SECOND), {**GOOD, "Учителей": "12", "Есть логопед": "нет",
                                   "Дата приказа": "01.10.2026", "Примечание": None})
    with clock.fixed(date(2026, 12, 9)):
        result = importing.read_returned(collection_id, [_blank(folder, FIRST),
                                                         _blank(folder, SECOND)])
    assert result.messages() == []
    assert [(f.organization, f.rows) for f in result.accepted] == [(FIRST, 1), (SECOND, 1)]
    states = {a.organization: (a.status, a.received_on) for a in records.answers(collection_id)}
    assert states[FIRST] == (rules.RECEIVED, date(2026, 12, 9))
    assert states[KINDERGARTEN] == (rules.SENT, None)
    counted = records.get_collection(collection_id)
    assert (counted.answered, counted.total) == (2, 3)
    assert [(c.answered, c.total) for c in records.list_collections()] == [(2, 3)]

    summary = reports.summary(collection_id)
    assert summary.rows == (
        (KINDERGARTEN, None, None, None, None, None, rules.SENT),
        (FIRST, 31, "да", "очная", date(2026, 9, 1), "вакансий нет", rules.RECEIVED),
        (SECOND, 12, "нет", "очная", date(2026, 10, 1), None, rules.RECEIVED))
    assert summary.totals == (43, None, None, None, None)
    assert [a.organization for a in summary.missing] == [KINDERGARTEN]

    report = reports.summary_report(summary)
    write_report(report, tmp_path / "summary.xlsx", "xlsx")
    write_report(report, tmp_path / "summary.docx", "docx")
    cells = [c for row in openpyxl.load_workbook(tmp_path / "summary.xlsx").active.iter_rows(
        values_only=True) for c in row if c is not None]
    assert FIRST in cells and 31 in cells and any(str(c).startswith("=SUM(B") for c in cells)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "summary.docx")).paragraphs
                     ).replace("\xa0", " ")
    assert f"Не представили информацию (1): {KINDERGARTEN}." in text
    assert "«Есть логопед»: да — 1, нет — 1." in text


def test_each_wrong_file_gets_its_message_and_changes_nothing(
        sent: tuple[str, Path], org_ids: dict[str, str], tmp_path: Path) -> None:
    collection_id, folder = sent
    good = _fill(_blank(folder, FIRST), GOOD)
    as_text = _fill(_blank(folder, SECOND), {**GOOD, "Учителей": "пять"})
    no_column = tmp_path / "no column" / _blank(folder, KINDERGARTEN).name
    no_column.parent.mkdir()
    shutil.copy(_blank(folder, KINDERGARTEN), no_column)
    book = openpyxl.load_workbook(no_column)
    book[DATA_SHEET].delete_cols(3)  # «Есть логопед»
    book.save(no_column)
    before = {a.organization: a for a in records.answers(collection_id)}

    result = importing.read_returned(collection_id, [good, as_text, no_column])

    assert [f.organization for f in result.accepted] == [FIRST]
    assert result.messages() == [
        f"Файл «{as_text.name}», строка 6, столбец «Учителей» (B): ожидается число, "
        "а записано «пять»",
        f"Файл «{no_column.name}», лист «Данные»: нет столбца «Есть логопед» "
        "(строка заголовков 5)."]
    after = {a.organization: a for a in records.answers(collection_id)}
    assert after[SECOND] == before[SECOND] and after[KINDERGARTEN] == before[KINDERGARTEN]
    assert after[FIRST].status == rules.RECEIVED


def test_another_school_s_file_is_refused(sent: tuple[str, Path], tmp_path: Path) -> None:
    collection_id, folder = sent
    wrong = tmp_path / _blank(folder, SECOND).name  # school 1's blank sent as school 2's
    shutil.copy(_fill(_blank(folder, FIRST), GOOD), wrong)
    result = importing.read_returned(collection_id, [wrong])
    assert result.messages() == [
        f"Файл «{wrong.name}»: назван по ОО «{SECOND}», но это бланк другой ОО — «{FIRST}». "
        "Проверьте, что ОО прислала свой файл."]
    assert {a.status for a in records.answers(collection_id)} == {rules.SENT}


def test_a_school_not_addressed_and_a_second_copy_are_refused(
        org_ids: dict[str, str], tmp_path: Path) -> None:
    only_first = make_collection(addressees="list", chosen=(org_ids[FIRST],))
    everyone = make_collection(title="Кадры на 01.12")
    blanks.generate_blanks(everyone, tmp_path / "all")
    blanks.generate_blanks(only_first, tmp_path / "one")
    other_collection = _fill(_blank(tmp_path / "all", SECOND), GOOD)
    result = importing.read_returned(only_first, [other_collection])
    assert result.messages() == [f"Файл «{other_collection.name}»: это бланк другого сбора "
                                 "данных с тем же названием, а не «Кадры на 01.12»."]
    mine = _fill(_blank(tmp_path / "one", FIRST), GOOD)
    copy = tmp_path / "копия.xlsx"
    shutil.copy(mine, copy)
    twice = importing.read_returned(only_first, [mine, copy])
    assert twice.messages() == [f"Файл «копия.xlsx»: ответ ОО «{FIRST}» уже есть среди "
                                f"выбранных файлов («{mine.name}»); взят первый."]


def test_a_blank_of_an_old_template_is_refused(sent: tuple[str, Path]) -> None:
    collection_id, folder = sent
    old = _fill(_blank(folder, FIRST), GOOD)
    write.save_collection(replace(records.get_collection(collection_id),
                                  template=(*TEMPLATE, TemplateColumn("Вакансий", "number"))))
    result = importing.read_returned(collection_id, [old])
    assert result.messages() == [
        f"Файл «{old.name}»: бланк старой версии шаблона (версия 1, действует 2) — столбцы "
        "с тех пор изменились. Отправьте ОО новый бланк."]


def test_a_file_without_the_hidden_sheet_is_matched_by_its_name(
        sent: tuple[str, Path], tmp_path: Path) -> None:
    collection_id, folder = sent
    source = _fill(_blank(folder, SECOND), GOOD)
    book = openpyxl.load_workbook(source)
    del book[META_SHEET]  # copied into a new workbook by the school
    named = tmp_path / source.name
    book.save(named)
    unnamed = tmp_path / "ответ.xlsx"
    book.save(unnamed)
    result = importing.read_returned(collection_id, [named, unnamed])
    assert [f.organization for f in result.accepted] == [SECOND]
    assert result.messages()[0].startswith("Файл «ответ.xlsx»: не удалось определить ОО")


def test_an_accepted_answer_is_not_replaced_and_a_text_file_is_not_a_workbook(
        sent: tuple[str, Path], tmp_path: Path) -> None:
    collection_id, folder = sent
    accepted = [a.id for a in records.answers(collection_id) if a.organization == FIRST]
    write.set_answer_status(accepted, rules.ACCEPTED)
    text = tmp_path / "письмо.xlsx"
    text.write_text("это не таблица", encoding="utf-8")
    result = importing.read_returned(collection_id, [_fill(_blank(folder, FIRST), GOOD), text])
    assert "уже принят" in result.messages()[0]
    assert result.messages()[1].startswith("Файл «письмо.xlsx»")


def test_the_journal_lists_incoming_and_outgoing_of_the_period(
        org_ids: dict[str, str]) -> None:
    from datetime import datetime

    request = records.RequestData(sender="Департамент", number="01-12/345",
                                  received_on=date(2026, 12, 1), subject="О кадрах",
                                  deadline_at=datetime(2026, 12, 12, 15),
                                  responsible="Иванова А. П.", status=rules.REQUEST_ANSWERED,
                                  answer_number="112", answer_date=date(2026, 12, 11))
    write.save_request(request)
    write.save_request(replace(request, number="99", received_on=date(2026, 11, 2),
                               answer_date=date(2026, 11, 5)))
    with clock.fixed(date(2026, 12, 2)):
        make_collection()
    incoming, outgoing = reports.journal_tables(date(2026, 12, 1), date(2026, 12, 31))
    assert incoming.rows == [(1, date(2026, 12, 1), "01-12/345", "Департамент", "О кадрах",
                              "15:00 12.12.2026", "Иванова А. П.", "Ответ № 112 от 11.12.2026")]
    assert [(r[1], r[2], r[4]) for r in outgoing.rows] == [
        (date(2026, 12, 2), "", "Сбор данных «Кадры на 01.12»"),
        (date(2026, 12, 11), "112", "Ответ на запрос № 01-12/345 от 01.12.2026 — О кадрах")]


def test_a_second_row_in_a_row_per_ou_blank_is_refused(sent: tuple[str, Path]) -> None:
    collection_id, folder = sent
    path = _fill(_fill(_blank(folder, FIRST), GOOD), {"Учителей": 5}, row=ROW + 1)
    result = importing.read_returned(collection_id, [path])
    assert result.messages() == [
        f"Файл «{path.name}», строка 7: лишняя строка — в бланке «строка на ОО» заполняется "
        f"одна строка, строка ОО «{FIRST}»."]
