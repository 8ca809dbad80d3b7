"""`imc-desktop import`: exit codes, problems on stderr with file, row and field, dry run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from imc_desktop.cli import RussianParser
from imc_desktop.cli_import import add_import_parser, cmd_import
from imc_desktop.importers import mapping_signature, save_mapping
from imc_desktop.services.common import importing, maintenance
from imc_desktop.services.organizations import importing as org_importing
from imc_desktop.services.organizations import records as orgs
from tests.importers.test_organizations_import import DDT, HEADER, POKROV, SAD, replace_cells
from tests.importers.workbooks import write_xlsx


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "base.sqlite"
    maintenance.open_current(path, tmp_path / "backups")
    maintenance.close_current()
    yield path
    maintenance.close_current()


def run_import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = RussianParser(prog="imc-desktop")
    add_import_parser(parser.add_subparsers(dest="command", parser_class=RussianParser))
    code = cmd_import(parser.parse_args(["import", *argv]))
    maintenance.close_current()
    out, err = capsys.readouterr()
    return code, out, err


def _count(db: Path) -> int:
    maintenance.open_current(db, db.parent / "backups")
    try:
        return orgs.count_organizations()
    finally:
        maintenance.close_current()


def test_import_then_reimport(tmp_path: Path, db: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV, SAD, DDT])
    code, out, err = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert (code, err) == (0, "")
    assert "Создано: 3, обновлено: 0, пропущено: 0" in out
    code, out, _ = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert code == 0 and "Создано: 0, обновлено: 0, пропущено: 0, без изменений: 3" in out
    assert _count(db) == 3


def test_a_bad_row_is_reported_and_nothing_is_written(tmp_path: Path, db: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx",
                      [HEADER, POKROV, replace_cells(SAD, inn="1234567895"), DDT])
    code, out, err = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert code == 1
    assert (f"Файл {book}, строка 3, поле «ИНН»: 1234567895 — неверный ИНН: не сходится "
            "контрольная цифра") in err.splitlines()
    assert "Ничего не записано" in err and "--valid-only" in err
    assert "Создано: 0, обновлено: 0, пропущено: 1" in out
    assert _count(db) == 0
    code, out, _ = run_import(capsys, "organizations", str(book), "--db", str(db),
                              "--valid-only")
    assert code == 1, "a row was still rejected"
    assert "Создано: 2, обновлено: 0, пропущено: 1" in out
    assert _count(db) == 2


def test_dry_run_writes_nothing(tmp_path: Path, db: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV, SAD])
    code, out, _ = run_import(capsys, "organizations", str(book), "--db", str(db),
                              "--dry-run")
    assert code == 0
    assert "Создано: 2, обновлено: 0, пропущено: 0 (пробный запуск, ничего не записано)" in out
    assert _count(db) == 0


@pytest.mark.parametrize(("content", "fragment"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97–2003"),
    ("ФИО;ИНН\n".encode(), "CSV"),
])
def test_a_bad_file_is_one_line_without_a_traceback(tmp_path: Path, db: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    content: bytes, fragment: str) -> None:
    book = tmp_path / "oo.xlsx"
    book.write_bytes(content)
    code, out, err = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err and "oo.xlsx" in err
    assert "Traceback" not in err


def test_unknown_kind_missing_db_and_sheet(tmp_path: Path, db: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV])
    code, _, err = run_import(capsys, "кадры", str(book), "--db", str(db))
    assert code == 1 and "Допустимые: " in err and "organizations" in err
    code, _, err = run_import(capsys, "organizations", str(book), "--db",
                              str(tmp_path / "нет.sqlite"))
    assert code == 1 and "не найден" in err
    code, _, err = run_import(capsys, "organizations", str(book), "--db", str(db),
                              "--sheet", "ОО")
    assert code == 1 and "нет листа «ОО»" in err


def test_the_table_is_found_on_a_later_sheet(tmp_path: Path, db: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Пояснения"
    wb.active.append(["Заполните лист «ОО»"])
    sheet = wb.create_sheet("ОО")
    for row in (HEADER, POKROV):
        sheet.append(list(row))
    wb.save(tmp_path / "oo.xlsx")
    code, out, _ = run_import(capsys, "organizations", str(tmp_path / "oo.xlsx"), "--db",
                              str(db))
    assert code == 0 and "Лист «ОО»" in out and "Создано: 1" in out


def test_a_mapping_remembered_in_the_wizard_is_used(tmp_path: Path, db: Path,
                                                    capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    from imc_desktop import config

    headers = ("Краткое наименование", "Официальное название", "ИНН")
    book = write_xlsx(tmp_path / "oo.xlsx",
                      [headers, ("МАОУ «Покровская СОШ»", "Покровская школа", "1234567894")])
    code, _, err = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert code == 1 and "Не выбраны столбцы для обязательных полей: «Полное наименование»" in err
    store = importing.mapping_store(config.Settings().data_dir())
    save_mapping(store, org_importing.ORGANIZATIONS, mapping_signature(headers),
                 {0: "short_name", 1: "full_name", 2: "inn"})
    code, out, err = run_import(capsys, "organizations", str(book), "--db", str(db))
    assert (code, err) == (0, "") and "Создано: 1" in out


def test_a_fpu_import_prints_what_changed(tmp_path: Path, db: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from tests.importers.test_literature_import import FPU_DETAILS, fpu_changes_file

    maintenance.open_current(db, tmp_path / "backups")
    book = fpu_changes_file(tmp_path)
    maintenance.close_current()
    code, out, err = run_import(capsys, "fpu", str(book), "--db", str(db), "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-5:] == ["Создано: 0, обновлено: 3, пропущено: 0, без изменений: 1 "
                          "(пробный запуск, ничего не записано)", *FPU_DETAILS]
    code, out, err = run_import(capsys, "fpu", str(book), "--db", str(db))
    assert (code, err) == (0, "")
    assert out.splitlines()[-5:] == ["Создано: 0, обновлено: 3, пропущено: 0, без "
                                     "изменений: 1", *FPU_DETAILS]
    code, out, _ = run_import(capsys, "fpu", str(book), "--db", str(db))
    assert code == 0 and out.splitlines()[-1] == ("Создано: 0, обновлено: 0, пропущено: 0, "
                                                  "без изменений: 4")
