"""Dispatch, progress, cancellation and atomic writing shared by all renderers."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports import (
    FORMATS,
    ExportError,
    FileWriteError,
    ReportCancelled,
    ReportColumn,
    write_report,
)
from exports import _io as io_module
from exports.errors import FontNotFoundError
from exports.fonts import find_cyrillic_font
from exports.model import Report

from .conftest import make_report


def _big_report(rows: int = 1200) -> Report:
    cols = (ReportColumn("Имя"), ReportColumn("Число", kind="int", total=True))
    return make_report([(f"Строка {i}", i) for i in range(rows)], columns=cols, group_by=None)


def _needs_font(fmt: str) -> None:
    if fmt == "pdf":
        try:
            find_cyrillic_font()
        except FontNotFoundError:
            pytest.skip("no Cyrillic TrueType font on this machine")


def test_formats() -> None:
    assert FORMATS == ("docx", "xlsx", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_report_dispatches_and_reports_progress(tmp_path: Path, fmt: str) -> None:
    _needs_font(fmt)
    calls: list[tuple[int, int]] = []
    path = tmp_path / f"отчёт.{fmt}"
    write_report(_big_report(), path, fmt, progress=lambda d, t: calls.append((d, t)))
    assert path.stat().st_size > 0
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_midway_leaves_no_file(tmp_path: Path, fmt: str) -> None:
    _needs_font(fmt)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 2

    path = tmp_path / f"отчёт.{fmt}"
    with pytest.raises(ReportCancelled) as info:
        write_report(_big_report(), path, fmt, cancelled=cancelled)
    assert "отменено" in str(info.value)
    assert asked == 3
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_keeps_previous_file(tmp_path: Path, fmt: str) -> None:
    _needs_font(fmt)
    path = tmp_path / f"old.{fmt}"
    path.write_bytes(b"old content")
    with pytest.raises(ReportCancelled):
        write_report(_big_report(), path, fmt, cancelled=lambda: True)
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_locked_target_gives_russian_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(io_module.os, "replace", locked)
    path = tmp_path / "отчёт.xlsx"
    with pytest.raises(FileWriteError) as info:
        write_report(_big_report(10), path, "xlsx")
    message = str(info.value)
    assert "Не удалось записать файл" in message and "отчёт.xlsx" in message
    assert "открыт в другой программе" in message
    assert isinstance(info.value, ExportError)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_gives_russian_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="папка не найдена"):
        write_report(_big_report(10), tmp_path / "нет" / "отчёт.docx", "docx")


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Неизвестный формат"):
        write_report(_big_report(1), tmp_path / "x.odt", "odt")


def test_format_name_is_lenient(tmp_path: Path) -> None:
    write_report(_big_report(1), tmp_path / "x.docx", ".DOCX")
    assert (tmp_path / "x.docx").exists()


def test_no_qt_or_database_imports() -> None:
    import exports

    root = Path(exports.__file__).parent
    for source in root.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "PySide6" not in text and "sqlalchemy" not in text, source.name
