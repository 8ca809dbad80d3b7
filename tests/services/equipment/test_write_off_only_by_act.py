"""«списано» is reached only through a confirmed write-off act (and «к списанию» is set by
the act): not from the card, not for a new item, not by an import row; items written off in
the past come in by import as history, with the date and the act's number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import records as eq
from tests.importers.workbooks import write_xlsx
from tests.services.equipment.test_equipment import TODAY, item, schools  # noqa: F401


@pytest.mark.parametrize(("status", "allowed"), [
    (eq.IN_USE, True), (eq.RESERVE, True),
    (eq.TO_WRITE_OFF, False), (eq.WRITTEN_OFF, False),
])
def test_a_new_item_is_not_created_written_off(schools: tuple[str, str],  # noqa: F811
                                               status: str, allowed: bool) -> None:
    data = item(schools[0], "ВА-1", status=status)
    if allowed:
        assert eq.get_item(eq.save_item(data, TODAY)).status == status
        return
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(data, TODAY)
    assert "акт" in caught.value.problems["status"]
    assert eq.list_items() == []


@pytest.mark.parametrize(("status", "allowed"), [
    (eq.IN_USE, True), (eq.RESERVE, True),
    (eq.TO_WRITE_OFF, False), (eq.WRITTEN_OFF, False),
])
def test_the_card_does_not_write_off(schools: tuple[str, str],  # noqa: F811
                                     status: str, allowed: bool) -> None:
    item_id = eq.save_item(item(schools[0], "ВА-1", status=eq.RESERVE), TODAY)
    data = replace(eq.get_item(item_id), status=status)
    if allowed:
        eq.save_item(data, TODAY)
        assert eq.get_item(item_id).status == status
        return
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(data, TODAY)
    assert "Списать…" in caught.value.problems["status"]
    assert eq.get_item(item_id).status == eq.RESERVE


HEADER = ["Инв. номер", "Наименование", "Учреждение", "Состояние", "Дата списания",
          "Номер акта списания"]


def run(tmp_path: Path, *rows: list[object]) -> importers.ImportPreview:
    path = write_xlsx(tmp_path / "eq.xlsx", [HEADER, *rows])
    kind = importing.get_kind("equipment")
    header = importers.find_sheet(path, kind)
    return importers.prepare(path, header.sheet, kind,
                             importers.guess_mapping(header.headers, kind))


@pytest.mark.parametrize("before", [eq.IN_USE, eq.RESERVE])
def test_an_import_row_that_would_write_off_an_item_is_skipped(
        schools: tuple[str, str], tmp_path: Path, before: str) -> None:  # noqa: F811
    item_id = eq.save_item(item(schools[0], "ВА-1", status=before), TODAY)
    preview = run(tmp_path, ["ВА-1", "Ноутбук", "МБОУ СОШ № 1", "списано", None, None])
    summary = importers.run(preview, importing.get_kind("equipment"), ImportOptions())
    assert summary.skipped == ((2, "оборудование ВА-1 не списано импортом: списывают актом "
                                   "(Оборудование → Списать…, затем утвердить акт)"),)
    assert eq.get_item(item_id).status == before


@pytest.mark.parametrize(("day", "act", "field"), [
    (None, None, "Дата списания"),
    (date(2019, 5, 20), None, "Номер акта списания"),
    (None, "С-7", "Дата списания"),
])
def test_a_new_written_off_row_needs_the_date_and_the_act(
        schools: tuple[str, str], tmp_path: Path, day: date | None, act: str | None,  # noqa: F811
        field: str) -> None:
    preview = run(tmp_path, ["ВА-9", "Проектор Epson", "МБОУ СОШ № 1", "списано", day, act])
    summary = importers.run(preview, importing.get_kind("equipment"), ImportOptions())
    ((row, reason),) = summary.skipped
    assert row == 2 and f"не заполнено: «{field}»" in reason
    assert eq.list_items() == []


def test_an_item_written_off_in_the_past_comes_in_as_history(
        schools: tuple[str, str], tmp_path: Path) -> None:  # noqa: F811
    preview = run(tmp_path, ["ВА-9", "Проектор Epson", "МБОУ СОШ № 1", "списан",
                             date(2019, 5, 20), "С-7"])
    assert preview.problems() == []
    summary = importers.run(preview, importing.get_kind("equipment"), ImportOptions())
    assert summary.created == 1
    (found,) = eq.find_by_number("ВА-9")
    assert found.status == eq.WRITTEN_OFF
    events = hist.history(found.id or "")
    assert [e.kind for e in events][-1] == "списание"
    assert events[-1].event_date == date(2019, 5, 20) and "С-7" in events[-1].description


def test_a_write_off_date_and_act_are_refused_for_an_item_not_written_off(
        schools: tuple[str, str], tmp_path: Path) -> None:  # noqa: F811
    preview = run(tmp_path, ["ВА-9", "Проектор Epson", "МБОУ СОШ № 1", "в эксплуатации",
                             date(2019, 5, 20), "С-7"])
    assert {p.field for p in preview.problems()} == {"Дата списания", "Номер акта списания"}
