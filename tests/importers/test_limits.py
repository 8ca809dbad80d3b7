"""Hostile workbooks: refused before they take the memory, counted instead of listed whole,
quoted briefly, and read as Excel wrote them."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.importers import ImportFileError, ImportOptions, engine, prepare, reading, run
from imc_desktop.importers.text import shown
from tests.importers.test_engine import MAPPING, _row
from tests.importers.workbooks import STAFF_HEADER, Recorder, staff_kind, write_xlsx


def _with_member(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return path


def _staff_book(tmp_path: Path, rows: list[tuple[Any, ...]] | None = None) -> Path:
    return write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *(rows or [_row(1)])])


def test_a_part_that_unpacks_two_hundred_times_its_size_is_refused(tmp_path: Path) -> None:
    path = _with_member(_staff_book(tmp_path), "xl/media/bomb.bin", b"\0" * (40 << 20))
    with pytest.raises(ImportFileError, match="staff.xlsx» слишком большой или повреждён"):
        reading.check_file(path)


def test_a_part_over_the_limit_is_refused(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_MEMBER", 1 << 20)
    path = _with_member(_staff_book(tmp_path), "xl/media/photo.bin", os.urandom(2 << 20))
    with pytest.raises(ImportFileError, match="photo.bin"):
        reading.check_file(path)


def test_parts_over_the_total_are_refused(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_TOTAL", 3 << 20)
    path = _staff_book(tmp_path)
    for n in range(4):
        _with_member(path, f"xl/media/p{n}.bin", os.urandom(1 << 20))
    with pytest.raises(ImportFileError, match="слишком большой"):
        reading.check_file(path)


def test_an_ordinary_workbook_passes(tmp_path: Path) -> None:
    reading.check_file(_staff_book(tmp_path))


def test_more_rows_than_one_import_reads_are_refused_with_the_advice_to_split(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_ROWS", 5)
    path = _staff_book(tmp_path, [_row(n) for n in range(1, 8)])
    with pytest.raises(ImportFileError, match="листе «Лист1» больше 5 строк: разделите"):
        prepare(path, "Лист1", staff_kind(), MAPPING)


def test_the_first_problems_are_listed_and_the_rest_counted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_LISTED", 3)
    rows = [_row(n, snils="112-233-445 96") for n in range(1, 9)]
    kind = staff_kind(Recorder())
    preview = prepare(_staff_book(tmp_path, rows), "Лист1", kind, MAPPING)
    summary = run(preview, kind, ImportOptions())
    assert [r for r, _why in summary.skipped] == [2, 3, 4]
    assert summary.more_skipped == 5 and summary.skipped_count == 8


def test_a_long_value_is_quoted_briefly() -> None:
    quoted = shown("Я" * 100_000)
    assert len(quoted) == 80 and quoted.endswith("…")
    assert shown("короткое  значение\n") == "короткое значение"


def test_a_hundred_thousand_characters_in_a_cell_is_a_short_message(tmp_path: Path) -> None:
    preview = prepare(_staff_book(tmp_path, [_row(1, snils="1" * 100_000)]), "Лист1",
                      staff_kind(), MAPPING)
    message = preview.problems()[0].message
    assert len(message) < 200 and "…" in message


@pytest.mark.parametrize(("raw", "text"), [
    ("Иванов_x000D_\nИван", "Иванов\nИван"),  # Excel writes a line break as CR LF
    ("Фамилия_x000A_Имя", "Фамилия\nИмя"),
    ("литерал _x005F_x000D_ остаётся", "литерал _x000D_ остаётся"),
    ("табуляция_x0009_есть", "табуляция\tесть"),
    ("звонок\x07 и _x0001_ убраны", "звонок и  убраны"),
    ("строка\r\nперенос", "строка\nперенос"),
])
def test_excel_escapes_are_decoded_and_control_characters_removed(raw: str, text: str) -> None:
    assert reading.clean_text(raw) == text


def test_cells_are_read_with_their_escapes_decoded(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", [["Анна_x000A_Ивановна"]])
    with reading.opened(path) as book:
        assert list(book.rows("Лист1")) == [("Анна\nИвановна",)]
