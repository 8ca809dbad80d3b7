"""Parsing and checking rows, resolving references, and the all-or-nothing run."""

from __future__ import annotations

import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from imc_desktop.importers import (
    FIO_FIELD,
    ImportCancelled,
    ImportOptions,
    ImportPreview,
    MappingIncomplete,
    RowProblem,
    guess_mapping,
    prepare,
    read_header,
    run,
)
from imc_desktop.importers.rows import UNCALCULATED
from tests.importers.workbooks import STAFF_HEADER, Recorder, staff_kind, staff_rows, write_xlsx

MAPPING = {1: FIO_FIELD, 2: "birth_date", 3: "snils", 4: "organization", 5: "position",
           6: "rate"}


def _preview(tmp_path: Path, data: list[tuple[Any, ...]], **kwargs: Any) -> ImportPreview:
    path = write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *data])
    return prepare(path, "Лист1", staff_kind(), MAPPING, **kwargs)


def _row(n: int, **changes: Any) -> tuple[Any, ...]:
    values = dict(zip(("n", "fio", "born", "snils", "org", "position", "rate"),
                      staff_rows(1, n)[0], strict=True))
    values.update(changes)
    return tuple(values.values())


def test_full_name_is_split(tmp_path: Path) -> None:
    preview = _preview(tmp_path, [_row(1, fio="  Иванова   Анна  Сергеевна "),
                                  _row(2, fio="Петров Иван"),
                                  _row(3, fio="Мамедов Рашид Гусейн оглы"),
                                  _row(4, fio="Сидоров"), _row(5, fio="Иванова А. С.")])
    names = [tuple(r.values.get(k) for k in ("last_name", "first_name", "middle_name"))
             for r in preview.rows[:3]]
    assert names == [("Иванова", "Анна", "Сергеевна"), ("Петров", "Иван", ""),
                     ("Мамедов", "Рашид", "Гусейн оглы")]
    assert [p.field for p in preview.rows[3].problems] == ["ФИО"]
    assert "фамилия и имя" in preview.rows[3].problems[0].message
    assert "инициалы" in preview.rows[4].problems[0].message


def test_dates_from_cells_text_and_serial_numbers(tmp_path: Path) -> None:
    born = [datetime(1985, 3, 12), "12.03.1985", "12.03.85", "1985-03-12", 31118,
            "12.03.1985 г.", "12.03.55", "31.02.1985", 1985]
    preview = _preview(tmp_path, [_row(i + 1, born=b) for i, b in enumerate(born)])
    dates = [r.values.get("birth_date") for r in preview.rows]
    assert dates[:6] == [date(1985, 3, 12)] * 6
    assert dates[6] == date(1955, 3, 12), "a two-digit year far in the future is the past"
    for row in preview.rows[7:]:
        assert [p.field for p in row.problems] == ["Дата рождения"]
    assert "31.02.1985" in preview.rows[7].problems[0].message


def test_bad_snils_is_reported_with_row_and_field(tmp_path: Path) -> None:
    preview = _preview(tmp_path, [_row(1), _row(2, snils="112-233-445 96"),
                                  _row(3, snils=11223344595), _row(4, snils="12-34")])
    assert preview.rows[0].values["snils"] == "11223344595"
    assert preview.rows[2].values["snils"] == "11223344595", "a number cell works too"
    problem = preview.rows[1].problems[0]
    assert (problem.row, problem.field) == (3, "СНИЛС")
    assert "контрольное число" in problem.message
    assert "11 цифр" in preview.rows[3].problems[0].message
    assert preview.counts.valid == 2 and preview.counts.invalid == 2


def test_other_kinds_of_values(tmp_path: Path) -> None:
    preview = _preview(tmp_path, [_row(1, rate="1,5", position="Учитель"),
                                  _row(2, rate="много", position="завуч"),
                                  _row(3, rate="#DIV/0!", position=None)])
    first, second, third = preview.rows
    assert first.values["rate"] == Decimal("1.5") and first.values["position"] == "учитель"
    assert {p.field for p in second.problems} == {"Ставка", "Должность"}
    assert "ошибка Excel #DIV/0!" in third.problems[0].message
    assert third.values["position"] == ""


def test_unknown_reference_is_reported_then_resolved_by_the_value_map(tmp_path: Path
                                                                        ) -> None:
    data = [_row(1, org="МБОУ СОШ №1"), _row(2, org="Школа № 99"),
            _row(3, org="ШКОЛА №99"), _row(4, org="Закрытая школа")]
    preview = _preview(tmp_path, data)
    assert preview.rows[0].values["organization"] == "org-1", "matched after normalising"
    assert preview.unknown_references == {"organization": {"Школа № 99", "Закрытая школа"}}
    assert preview.rows[1].problems == (
        RowProblem(3, "ОО", "ОО «Школа № 99» нет в справочнике"),)
    resolved = _preview(tmp_path, data, value_map={"Школа № 99": "org-2",
                                                   "Закрытая школа": None})
    assert [r.values.get("organization") for r in resolved.rows[:3]] == ["org-1", "org-2",
                                                                          "org-2"]
    assert resolved.unknown_references == {}
    skipped = resolved.rows[3]
    assert skipped.problems == () and "не импортировать" in (skipped.skip_reason or "")
    summary = run(resolved, staff_kind(), ImportOptions())
    assert (summary.created, summary.skipped) == (3, ((5, skipped.skip_reason),))


def test_formula_without_a_cached_value(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(STAFF_HEADER)
    for row in staff_rows(3):
        ws.append(list(row))
    ws["G3"] = "=G2*2"  # never calculated: openpyxl writes no value
    for col in "ABCDEFG":  # a row of formulas only is not an empty row
        ws[f"{col}5"] = f"={col}4"
    wb.save(tmp_path / "formula.xlsx")
    preview = prepare(tmp_path / "formula.xlsx", "Лист1", staff_kind(), MAPPING)
    assert preview.rows[1].problems == (RowProblem(3, "Ставка", UNCALCULATED),)
    assert preview.rows[0].ok and preview.rows[2].ok
    assert preview.rows[3].row == 5 and len(preview.rows[3].problems) == 6


def test_numbering_totals_and_empty_rows_are_not_data(tmp_path: Path) -> None:
    data = [(1, 2, 3, 4, 5, 6, 7), _row(1), (None,) * 7, (5, None, None, None, None, None),
            _row(2), ("Итого", None, None, None, None, None, 2)]
    preview = _preview(tmp_path, data)
    assert [r.row for r in preview.rows] == [3, 6]


def test_required_fields_must_have_a_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *staff_rows(1)])
    with pytest.raises(MappingIncomplete, match="«ОО»"):
        prepare(path, "Лист1", staff_kind(), {1: FIO_FIELD})


def test_any_problem_means_nothing_is_written(tmp_path: Path) -> None:
    recorder = Recorder()
    kind = staff_kind(recorder)
    path = write_xlsx(tmp_path / "staff.xlsx",
                      [STAFF_HEADER, _row(1), _row(2, snils="112-233-445 96"), _row(3)])
    preview = prepare(path, "Лист1", kind, MAPPING)
    summary = run(preview, kind, ImportOptions())
    assert summary.aborted and recorder.calls == []
    assert (summary.created, summary.updated) == (0, 0)
    assert [row for row, _reason in summary.skipped] == [3]
    assert "СНИЛС" in summary.skipped[0][1]
    summary = run(preview, kind, ImportOptions(valid_only=True, dry_run=True))
    assert not summary.aborted and summary.dry_run and summary.created == 2
    rows, options = recorder.calls[0]
    assert [r.row for r in rows] == [2, 4] and options.dry_run


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *staff_rows(1200)])
    seen: list[tuple[int, int]] = []
    preview = prepare(path, "Лист1", staff_kind(), MAPPING,
                      progress=lambda done, total: seen.append((done, total)))
    assert len(preview.rows) == 1200
    assert seen[0] == (0, 1200) and seen[-1] == (1200, 1200) and len(seen) >= 4
    with pytest.raises(ImportCancelled):
        prepare(path, "Лист1", staff_kind(), MAPPING, cancelled=lambda: True)


@pytest.mark.slow
def test_fifty_thousand_rows(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Лист1")
    ws.append(["Список педагогов"])
    ws.append(STAFF_HEADER)
    for row in staff_rows(50_000):
        ws.append(list(row))
    wb.save(tmp_path / "big.xlsx")
    kind = staff_kind()
    started = time.perf_counter()
    header = read_header(tmp_path / "big.xlsx", "Лист1", kind)
    mapping = guess_mapping(header.headers, kind)
    preview = prepare(tmp_path / "big.xlsx", "Лист1", kind, mapping)
    summary = run(preview, kind, ImportOptions())
    elapsed = time.perf_counter() - started
    assert len(preview.rows) == 50_000 and preview.rows[-1].row == 50_002
    assert summary.created == 50_000 and preview.counts.invalid == 0
    print(f"\n50,000 rows × 7 columns: prepare + run {elapsed:.1f} s")
    assert elapsed < 60
