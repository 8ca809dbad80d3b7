"""The command line contract of DESIGN.md, run in-process and (self-check) as a real process."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from imc_desktop import cli
from imc_desktop.services.common import reports
from tests.district_store import make_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_made_by_cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`demo-data` run once for this file (in a home folder of its own); tests get copies."""
    folder = tmp_path_factory.mktemp("cli-demo")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, redirect_stdout(out):
        mp.setenv("IMC_DESKTOP_HOME", str(folder / "home"))
        code = cli.main(["demo-data", "--db", str(folder / "demo.sqlite"), "--staff", "150"])
    assert code == 0 and "организаций: 40" in out.getvalue()
    return folder / "demo.sqlite"


@pytest.fixture
def demo_db(tmp_path: Path, demo_made_by_cli: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    source, target = sqlite3.connect(demo_made_by_cli), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return path


def test_demo_data_refuses_a_filled_database(demo_db: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "demo-data", "--db", str(demo_db))
    assert code == 1 and "уже есть данные" in err


def test_report_list_prints_name_then_russian_title(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "--list")
    assert code == 0
    lines = [line for line in out.splitlines() if not line.startswith("\t")]
    names = {line.split("\t")[0] for line in lines}
    assert names == {d.name for d in reports.definitions()}
    assert "organizations\tСправочник образовательных организаций" in lines


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_every_report_in_every_format(demo_db: Path, tmp_path: Path, fmt: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    for definition in reports.definitions():
        out = tmp_path / f"{definition.name}.{fmt}"
        code, stdout, err = run(capsys, "report", definition.name, "--db", str(demo_db),
                                "--format", fmt, "--out", str(out))
        assert code == 0, err
        assert out.stat().st_size > 1000 and "записан" in stdout


def test_report_parameter_is_applied(demo_db: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kindergartens.xlsx"
    code, _, err = run(capsys, "report", "organizations", "--db", str(demo_db), "--format",
                       "xlsx", "--out", str(out), "--param", "kind=детский сад")
    assert code == 0, err
    values = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    assert any(isinstance(v, str) and "детский сад»" in v for v in values)
    assert not any(isinstance(v, str) and v.endswith("СОШ»") for v in values)


def test_bad_report_parameter_is_a_russian_error_and_no_file(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "report", "organizations", "--db", str(demo_db), "--format",
                       "pdf", "--out", str(out), "--param", "active=иногда")
    assert code == 1 and "ожидается да или нет" in err and "Traceback" not in err
    assert not out.exists()


def test_missing_database_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    code, _, err = run(capsys, "report", "organizations", "--db", str(tmp_path / "no.sqlite"),
                       "--format", "pdf", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "не найден" in err


def test_usage_errors_are_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "backup")
    assert code == 2 and "не хватает аргументов" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "недопустимое значение" in err


def test_backup_restore_and_check(demo_db: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite"  # outside the data folder: sealed with the district key
    make_store(tmp_path / "sync")
    assert run(capsys, "backup", "--db", str(demo_db), "--out", str(copy),
               "--store", str(tmp_path / "sync"))[0] == 0
    with sqlite3.connect(demo_db) as con:
        con.execute("DELETE FROM organizations")
    code, out, _ = run(capsys, "restore", "--db", str(demo_db), "--from", str(copy))
    assert code == 0 and "восстановлена" in out
    with sqlite3.connect(demo_db) as con:
        assert con.execute("SELECT count(*) FROM organizations").fetchone()[0] == 40
    code, out, _ = run(capsys, "check", "--db", str(demo_db))
    assert code == 0 and "в порядке" in out


def test_check_reports_a_corrupt_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    code, _, err = run(capsys, "check", "--db", str(broken))
    assert code == 1 and "повреждена" in err


def test_restore_refuses_a_file_that_is_not_a_backup(demo_db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(junk))
    assert code == 1 and "повреждён" in err
    with sqlite3.connect(demo_db) as con:
        assert con.execute("SELECT count(*) FROM organizations").fetchone()[0] == 40


def test_self_check_passes_as_a_real_process(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IMC_DESKTOP_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "imc_desktop", "self-check"], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("Вкладки: Главная, Организации, Кадры, Мероприятия, Аттестация, Литература, "
            "Оборудование" in result.stdout)
    assert "Этикетки: листов 1; сертификаты: страниц" in result.stdout
    assert "Синхронизация: отправлено" in result.stdout
    assert "Проверка пройдена." in result.stdout
    assert result.stderr == ""


def test_report_into_a_missing_folder_is_explained(demo_db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "нет такой папки" / "orgs.pdf"
    code, _, err = run(capsys, "report", "organizations", "--db", str(demo_db), "--format",
                       "pdf", "--out", str(out))
    assert code == 1 and "Не удалось записать файл" in err and "Traceback" not in err


def test_restore_refuses_an_empty_file(demo_db: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(empty))
    assert code == 1 and "не является копией" in err
    with sqlite3.connect(demo_db) as con:
        assert con.execute("SELECT count(*) FROM organizations").fetchone()[0] == 40


def test_check_fails_on_an_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "check", "--db", str(empty))
    assert code == 1 and "пуст" in err
    assert empty.stat().st_size == 0
