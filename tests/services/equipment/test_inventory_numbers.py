"""Inventory numbers are compared after folding look-alike letters, dashes and spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.equipment import records as eq
from tests.importers.workbooks import write_xlsx
from tests.services.equipment.test_equipment import TODAY, item, schools  # noqa: F401

LATIN_M = "ИMЦ-000001"  # the M is Latin
SAME = [
    ("ИМЦ-000001", LATIN_M),
    ("ВА-0001", "BA-0001"),  # both letters Latin
    ("ВА-0001", "ba-0001"),
    ("АВС-12", "ABC-12"),
    ("ЕНКМОРТХУ-1", "EHKMOPTXY-1"),
    ("ИМЦ-000001", "ИМЦ–000001"),  # en dash
    ("ИМЦ-000001", "ИМЦ—000001"),  # em dash
    ("ИМЦ-000001", "ИМЦ‐000001"),  # hyphen
    ("ИМЦ-000001", "ИМЦ‑000001"),  # non-breaking hyphen
    ("ИМЦ-000001", "ИМЦ−000001"),  # minus
    ("ИМЦ-000001", " ИМЦ - 000 001 "),
    ("ИМЦ-000001", "ИМЦ\u00a0-000001"),
    ("ЁЛКА-1", "ЕЛКА-1"),
    ("INV-7", "ІNV-7"),  # a Ukrainian І in a Latin number
]
DIFFERENT = [
    ("ИМЦ-000001", "ИМЦ-000002"),
    ("ИМЦ-000001", "ИМЦ000001"),  # a dash is not nothing
    ("ВА-0001", "ВА-OOO1"),  # letter O is not zero
    ("ИМЦ-1", "ИНЦ-1"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_numbers_written_differently_are_one_number(a: str, b: str) -> None:
    assert eq.normalise_number(a) == eq.normalise_number(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_numbers_stay_different(a: str, b: str) -> None:
    assert eq.normalise_number(a) != eq.normalise_number(b)


def test_a_latin_look_alike_number_is_refused_on_the_card(
        schools: tuple[str, str]) -> None:  # noqa: F811
    eq.save_item(item(schools[0], "ИМЦ-000001"), TODAY)
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(item(schools[0], LATIN_M), TODAY)
    assert "уже присвоен" in caught.value.problems["inventory_number"]


def test_an_import_finds_the_item_by_a_look_alike_number(
        schools: tuple[str, str], tmp_path: Path) -> None:  # noqa: F811
    item_id = eq.save_item(item(schools[0], "ИМЦ-000001"), TODAY)
    path = write_xlsx(tmp_path / "eq.xlsx", [["Инвентарный номер", "Наименование", "Кабинет"],
                                             [LATIN_M, "Ноутбук Lenovo", "каб. 7"]])
    kind = importing.get_kind("equipment")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    summary = importers.run(preview, kind, ImportOptions())
    assert (summary.created, summary.updated) == (0, 1)
    assert eq.get_item(item_id).room == "каб. 7"
    assert len(eq.list_items()) == 1
