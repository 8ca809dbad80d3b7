"""Finding the table and its columns: title blocks, merged two-row headers, aliases,
and remembering a mapping for the next file of the same shape."""

from __future__ import annotations

import json
from pathlib import Path

from imc_desktop.importers import (
    FIO_FIELD,
    guess_mapping,
    load_mapping,
    mapping_signature,
    missing_required,
    read_header,
    save_mapping,
)
from imc_desktop.services.organizations.importing import ORGANIZATIONS
from tests.importers.workbooks import STAFF_HEADER, staff_kind, staff_rows, write_xlsx


def test_header_below_a_title_block(tmp_path: Path) -> None:
    rows = [("Управление образования",), ("Список педагогических работников",),
            ("по состоянию на 01.09.2025",), (), STAFF_HEADER, *staff_rows(3)]
    path = write_xlsx(tmp_path / "staff.xlsx", rows, merges=["A1:G1", "A2:G2"])
    header = read_header(path, "Лист1", staff_kind())
    assert (header.first_row, header.header_row) == (5, 5)
    assert header.headers == STAFF_HEADER
    assert [s[0] for s in header.samples] == [1, 2, 3]


def test_two_row_header_with_a_merged_parent(tmp_path: Path) -> None:
    rows = [
        ("Сведения об образовательных организациях",),
        ("Краткое наименование", "Полное наименование", "ИНН", "Руководитель", None, None),
        (None, None, None, "ФИО", "Телефон", "E-mail"),
        ("МАОУ «Покровская СОШ»", "Покровская школа", "1234567894", "Петрова Е. А.",
         "+7 (34535) 2-11-45", "pokrov@obr.ru"),
    ]
    merges = ["A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:F2"]
    path = write_xlsx(tmp_path / "oo.xlsx", rows, merges=merges)
    header = read_header(path, "Лист1", ORGANIZATIONS)
    assert (header.first_row, header.header_row) == (2, 3)
    assert header.headers == ("Краткое наименование", "Полное наименование", "ИНН",
                              "Руководитель ФИО", "Руководитель Телефон",
                              "Руководитель E-mail")
    assert guess_mapping(header.headers, ORGANIZATIONS) == {
        0: "short_name", 1: "full_name", 2: "inn", 3: "head_name", 4: "head_phone",
        5: "head_email"}


def test_aliases_are_compared_without_case_dots_and_spaces() -> None:
    kind = staff_kind()
    headers = ("№", "Ф. И. О.", "дата рожд.", "СНИЛС  ", "Место работы", "ДОЛЖНОСТЬ",
               "Примечание")
    assert guess_mapping(headers, kind) == {1: FIO_FIELD, 2: "birth_date", 3: "snils",
                                            4: "organization", 5: "position"}
    assert guess_mapping(("ФИО педагога", "Образовательная организация (ОО)"), kind) == {
        0: FIO_FIELD, 1: "organization"}


def test_aliases_of_the_organisation_kind() -> None:
    headers = ("Наименование ОО", "Тип", "Количество обучающихся (чел.)", "Контингент",
               "Сокращенное наименование")
    mapping = guess_mapping(headers, ORGANIZATIONS)
    assert mapping[0] == "short_name" and mapping[1] == "kind"
    assert 4 not in mapping, "both mean the short name: the first column takes it"
    assert "pupils" in (mapping.get(2), mapping.get(3))
    assert list(mapping.values()).count("pupils") == 1, "a field takes one column"


def test_separate_name_columns_are_not_mistaken_for_a_full_name() -> None:
    mapping = guess_mapping(("Фамилия", "Имя", "Отчество", "ОО"), staff_kind())
    assert mapping == {0: "last_name", 1: "first_name", 2: "middle_name", 3: "organization"}


def test_required_fields_without_a_column() -> None:
    kind = staff_kind()
    assert missing_required({0: FIO_FIELD}, kind) == ["ОО"]
    assert missing_required({0: "last_name", 1: "organization"}, kind) == ["Имя"]
    assert missing_required({0: FIO_FIELD, 1: "organization"}, kind) == []


def test_signature_depends_on_the_headings_only() -> None:
    assert mapping_signature(["ФИО", "Дата рождения"]) == mapping_signature(
        ["Ф.И.О.", "дата  рождения", ""])
    assert mapping_signature(["ФИО", "Дата рождения"]) != mapping_signature(
        ["Дата рождения", "ФИО"])


def test_remembered_mapping_round_trip(tmp_path: Path) -> None:
    store = tmp_path / "data" / "import-mappings.json"
    kind = staff_kind()
    signature = mapping_signature(STAFF_HEADER)
    assert load_mapping(store, kind, signature) is None
    save_mapping(store, kind, signature, {1: FIO_FIELD, 4: "organization", 6: "rate"})
    save_mapping(store, ORGANIZATIONS, signature, {0: "short_name"})
    assert load_mapping(store, kind, signature) == {1: FIO_FIELD, 4: "organization",
                                                    6: "rate"}
    assert load_mapping(store, ORGANIZATIONS, signature) == {0: "short_name"}
    assert load_mapping(store, kind, "другая форма") is None


def test_a_damaged_store_or_a_vanished_field_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "import-mappings.json"
    store.write_text("{не json", encoding="utf-8")
    assert load_mapping(store, staff_kind(), "x") is None
    store.write_text(json.dumps({"staff-test": {"x": {"0": "last_name", "1": "gone"}}}),
                     encoding="utf-8")
    assert load_mapping(store, staff_kind(), "x") == {0: "last_name"}


def test_column_letters_and_cell_texts() -> None:
    from datetime import datetime

    from imc_desktop.importers import cell_text, column_letter

    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
    assert cell_text(datetime(2025, 9, 1, 8, 30)) == "01.09.2025"
    assert cell_text(312.0) == "312" and cell_text(None) == ""
    assert cell_text("Муниципальное\n  учреждение", 10) == "Муниципал…"
