"""`imc-desktop backup` and `restore` with the district key: a copy outside the data folder
is sealed with the key of the sync folder (none: with the words of a backup key), holds no
readable personal data, and another PC restores it with the key; without it nothing
changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from imc_desktop import backup_crypto, config
from imc_desktop.sync.keys import PASSPHRASE_ENV
from tests.district_store import make_store
from tests.imc_desktop.test_cli import demo_db, demo_made_by_cli, run

__all__ = ["demo_db", "demo_made_by_cli"]  # the fixtures of test_cli, used here too


def _people(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT last_name, first_name, snils FROM persons WHERE snils != '' "
                           "ORDER BY id").fetchall()


def _count(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("SELECT count(*) FROM persons").fetchone()[0])


def test_a_backup_to_the_share_is_sealed_and_restores_on_another_pc(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    make_store(share / "sync")
    backup = share / "backups" / "imc-2026-03-01.sqlite"
    code, out, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(backup),
                         "--store", str(share / "sync"))
    assert code == 0 and str(backup) in out, err
    assert backup_crypto.is_district(backup)
    people = _people(demo_db)
    data = backup.read_bytes()
    assert len(people) >= 100
    for last, first, snils in people:
        for secret in (last, first + " ", snils):
            assert secret.encode() not in data and secret.encode("utf-16-le") not in data
    assert backup.stat().st_size < demo_db.stat().st_size / 3

    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))  # another PC, same key
    target = tmp_path / "pc2-data" / "imc.sqlite"
    target.parent.mkdir()
    code, out, err = run(capsys, "restore", "--db", str(target), "--from", str(backup))
    assert code == 0 and "восстановлена" in out, err
    assert _people(target) == people
    code, out, _ = run(capsys, "check", "--db", str(target))
    assert code == 0 and "в порядке" in out


def test_without_the_key_another_pc_is_told_and_nothing_changes(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_store(tmp_path / "sync")
    backup = tmp_path / "flash" / "copy.sqlite"
    assert run(capsys, "backup", "--db", str(demo_db), "--out", str(backup),
               "--store", str(tmp_path / "sync"))[0] == 0
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))
    monkeypatch.delenv(PASSPHRASE_ENV)
    with sqlite3.connect(demo_db) as con:
        con.execute("DELETE FROM employments")
        con.execute("DELETE FROM persons WHERE id IN (SELECT id FROM persons LIMIT 5)")
    before = demo_db.read_bytes()
    code, out, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(backup))
    assert code == 1 and out == ""
    assert "ключом синхронизации района" in err and PASSPHRASE_ENV in err
    assert "Traceback" not in err
    assert demo_db.read_bytes() == before


def test_without_a_sync_folder_the_words_in_the_environment_seal_it_and_none_refuse(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup = tmp_path / "flash" / "copy.sqlite"
    monkeypatch.delenv(PASSPHRASE_ENV)
    code, out, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(backup))
    assert code == 1 and "не настроена" in err and "Копия не сделана" in err
    assert PASSPHRASE_ENV in err and "например:" in err and "Traceback" not in err
    assert not backup.exists()
    words = err.split("например: ")[1].split(".")[0]
    monkeypatch.setenv(PASSPHRASE_ENV, words)  # a scheduled run of an office of one PC
    code, out, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(backup))
    assert code == 0 and backup_crypto.is_district(backup), err
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2"))  # another PC, the words
    target = tmp_path / "pc2-data" / "imc.sqlite"
    target.parent.mkdir()
    code, out, err = run(capsys, "restore", "--db", str(target), "--from", str(backup))
    assert code == 0 and _people(target) == _people(demo_db), err
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(backup),
                       "--store", str(tmp_path / "empty"))
    assert code == 1 and "недоступна или ещё не создана" in err


def test_the_sync_folder_of_the_settings_seals_and_the_data_folder_needs_none(
        demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = config.Settings()
    inside = settings.data_dir() / "by-hand.sqlite"
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(inside))
    assert code == 0, err
    assert backup_crypto.is_encrypted(inside) and not backup_crypto.is_district(inside)
    make_store(tmp_path / "sync")
    settings.set(config.SYNC_LOCATION, str(tmp_path / "sync"))
    settings.sync()
    outside = tmp_path / "copy.sqlite"
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(outside))
    assert code == 0, err
    assert backup_crypto.is_district(outside)
    count = _count(demo_db)
    with sqlite3.connect(demo_db) as con:
        con.execute("DELETE FROM employments")
        con.execute("DELETE FROM persons")
    assert run(capsys, "restore", "--db", str(demo_db), "--from", str(inside))[0] == 0
    assert _count(demo_db) == count
