"""A backup that leaves the data folder is sealed with the district sync key: no name or
СНИЛС can be read from it, another PC that has the key (remembered, typed or in
IMC_SYNC_PASSPHRASE) restores it into a real database, and one without the key, a wrong key
or a changed file is refused with a Russian message and changes nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from imc_desktop import backup_crypto, backup_district, db
from imc_desktop.sync.keys import PASSPHRASE_ENV, remember
from tests.conftest import SYNC_PASSPHRASE
from tests.district_store import OTHER_PASSPHRASE, make_store

SURNAME, SNILS = "Шереметьева", "11223344595"


def _database(folder: Path) -> Path:
    path = folder / "imc.sqlite"
    db.prepare_database(path, folder / "backups")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO persons (id, last_name, first_name, middle_name, sex, snils, "
                    "inn, phone, email, category, academic_degree, notes, created_at, "
                    "updated_at) VALUES ('p1', ?, 'Анна', '', 'ж', ?, '', '', '', '', '', "
                    "'', '2026-01-01', '2026-01-01')", (SURNAME, SNILS))
    return path


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _people(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT last_name, snils FROM persons").fetchall()


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, Path, str]:
    """A database on PC 1 and its backup on the share, sealed with the district key."""
    source = _database(tmp_path / "pc1")
    store = tmp_path / "share" / "sync"
    store_id = make_store(store)
    key = backup_district.sealing_key(str(store))
    backup = db.write_backup(source, tmp_path / "share" / "копия.sqlite", key)
    return source, backup, store_id


def _other_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another PC: its own home (no remembered key, another backup key), no key in the
    environment, and its own database with other data."""
    monkeypatch.setenv("IMC_DESKTOP_HOME", str(tmp_path / "pc2-home"))
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    target = tmp_path / "pc2" / "imc.sqlite"
    target.parent.mkdir()
    db.prepare_database(target, tmp_path / "pc2" / "backups")
    return target


def test_a_district_backup_holds_no_readable_personal_data(
        sealed: tuple[Path, Path, str]) -> None:
    source, backup, store_id = sealed
    data = backup.read_bytes()
    assert backup_crypto.is_district(backup) and not backup_crypto.is_encrypted(backup)
    for secret in (SURNAME.encode(), SNILS.encode(), SURNAME.encode("utf-16-le"),
                   SURNAME.encode("cp1251")):
        assert secret not in data
    assert len(data) < source.stat().st_size / 3, "compressed"
    assert backup_crypto.district_header(backup)[0] == store_id


def test_another_pc_restores_it_with_the_words(sealed: tuple[Path, Path, str],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _source, backup, store_id = sealed
    target = _other_pc(tmp_path, monkeypatch)

    def typed(store: str, params: dict[str, object]) -> bytes:
        return backup_district.opening_key(store, params, SYNC_PASSPHRASE.upper(), keep=True)

    db.restore_backup(backup, target, tmp_path / "pc2" / "backups", typed)
    database = db.open_database(target, tmp_path / "pc2" / "backups")  # opens, checked
    database.close()
    assert db.full_check(target) == [] and _people(target) == [(SURNAME, SNILS)]
    # the words were remembered: the next restore on this PC needs none
    with sqlite3.connect(target) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert _people(target) == [(SURNAME, SNILS)]
    assert store_id


def test_the_key_in_the_environment_or_remembered_is_enough(
        sealed: tuple[Path, Path, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source, backup, store_id = sealed
    target = _other_pc(tmp_path, monkeypatch)
    monkeypatch.setenv(PASSPHRASE_ENV, SYNC_PASSPHRASE)
    db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert _people(target) == [(SURNAME, SNILS)]
    monkeypatch.delenv(PASSPHRASE_ENV)
    from imc_desktop.sync.keys import remembered
    assert remembered(store_id) is None  # the environment's key is not remembered
    store_key = backup_district.opening_key(*backup_crypto.district_header(backup),
                                            SYNC_PASSPHRASE)
    remember(store_id, store_key)
    with sqlite3.connect(target) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert _people(target) == [(SURNAME, SNILS)]
    assert source.exists()


def test_without_the_key_nothing_is_changed(sealed: tuple[Path, Path, str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _source, backup, _store = sealed
    target = _other_pc(tmp_path, monkeypatch)
    before = _hash(target)
    with pytest.raises(db.BackupKeyNeeded) as caught:
        db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert caught.value.kind == "enter"
    assert "ключом синхронизации района" in str(caught.value)
    assert "Ничего не изменено" in str(caught.value)
    assert _hash(target) == before
    assert not list((tmp_path / "pc2" / "backups").glob("*before-restore*"))


@pytest.mark.parametrize("words", [OTHER_PASSPHRASE, "адрес аист акула"])
def test_a_wrong_key_is_told_and_changes_nothing(sealed: tuple[Path, Path, str],
                                                 tmp_path: Path, words: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _source, backup, _store = sealed
    target = _other_pc(tmp_path, monkeypatch)
    before = _hash(target)

    def typed(store: str, params: dict[str, object]) -> bytes:
        return backup_district.opening_key(store, params, words, keep=True)

    with pytest.raises(db.BackupKeyNeeded) as caught:
        db.restore_backup(backup, target, tmp_path / "pc2" / "backups", typed)
    assert caught.value.kind == "wrong" and "не подходит" in str(caught.value)
    assert _hash(target) == before


@pytest.mark.parametrize("where", ["header", "middle", "end"])
def test_a_changed_file_is_refused_as_damaged(sealed: tuple[Path, Path, str], tmp_path: Path,
                                              where: str) -> None:
    source, backup, _store = sealed
    data = bytearray(backup.read_bytes())
    at = {"header": len(backup_crypto.DISTRICT_MAGIC) + 20, "middle": len(data) // 2,
          "end": len(data) - 1}[where]
    data[at] ^= 0x01
    backup.write_bytes(bytes(data))
    before = _hash(source)
    with pytest.raises(db.BackupUnreadable) as caught:
        db.restore_backup(backup, source, tmp_path / "pc1" / "backups")
    assert "повреждена" in str(caught.value) or "не подходит" in str(caught.value)
    assert _hash(source) == before


def test_sealing_is_refused_without_the_sync_folders_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(backup_crypto.KeyNeeded) as caught:
        backup_district.sealing_key(str(tmp_path / "нет такой папки"))
    assert caught.value.kind == "store"
    store = tmp_path / "sync"
    make_store(store)
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(backup_crypto.KeyNeeded) as caught:
        backup_district.sealing_key(str(store))
    assert caught.value.kind == "enter"
    with pytest.raises(backup_crypto.KeyNeeded) as caught:
        backup_district.sealing_key(str(store), OTHER_PASSPHRASE)
    assert caught.value.kind == "wrong"
    assert backup_district.sealing_key(str(store), SYNC_PASSPHRASE).key


def test_the_data_folder_is_local_everything_else_is_not(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert backup_district.is_local(data / "backups" / "x.sqlite", data)
    assert backup_district.is_local(data / "x.sqlite", data)
    assert not backup_district.is_local(tmp_path / "x.sqlite", data)
    assert not backup_district.is_local(tmp_path / "data-2" / "x.sqlite", data)
    assert not backup_district.is_local(data / ".." / "x.sqlite", data)


def test_backups_of_older_versions_still_restore(tmp_path: Path) -> None:
    """A plain database file (a copy made by hand before) and a backup written by the
    previous version with a user's key (zlib level 1; data/backup-format-1.bin, its key
    0x11 × 32) both restore."""
    source = _database(tmp_path)
    plain = tmp_path / "old-plain.sqlite"
    db.backup_to(source, plain)
    with sqlite3.connect(source) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(plain, source, tmp_path / "backups")
    assert _people(source) == [(SURNAME, SNILS)]
    old = Path(__file__).parent / "data" / "backup-format-1.bin"
    assert backup_crypto.is_encrypted(old)
    backup_crypto.decrypt(old, tmp_path / "old.sqlite", bytes([0x11]) * 32)
    with sqlite3.connect(source) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(tmp_path / "old.sqlite", source, tmp_path / "backups")
    assert _people(source) == [(SURNAME, SNILS)]
    assert os.path.getsize(old) < os.path.getsize(tmp_path / "old.sqlite") / 10


def test_a_wrong_key_in_the_environment_is_named(sealed: tuple[Path, Path, str],
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _source, backup, _store = sealed
    target = _other_pc(tmp_path, monkeypatch)
    monkeypatch.setenv(PASSPHRASE_ENV, OTHER_PASSPHRASE)
    before = _hash(target)
    with pytest.raises(db.BackupKeyNeeded) as caught:
        db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert caught.value.kind == "wrong"
    assert f"из переменной окружения {PASSPHRASE_ENV}) не подходит" in str(caught.value)
    assert _hash(target) == before


def test_a_pc_without_a_sync_folder_makes_a_backup_key_and_its_words_restore_elsewhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An office of one workstation: the first backup outside the data folder asks for a
    backup key (ten new words to write down), kept from then on; another PC restores the
    backup with those words, and without them (or with others) changes nothing."""
    source = _database(tmp_path / "pc1")
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(backup_crypto.KeyNeeded) as caught:
        backup_district.sealing_key("")
    assert caught.value.kind == "newbackup" and "не настроена" in str(caught.value)
    words = caught.value.passphrase
    assert len(words.split()) == 10
    made = backup_district.sealing_key("", words, keep=True)
    assert backup_district.is_own(made.store_id)
    assert backup_district.sealing_key("") == made, "kept: not asked again"
    monkeypatch.setenv(PASSPHRASE_ENV, SYNC_PASSPHRASE)  # another key's words, for sync jobs
    assert backup_district.sealing_key("") == made, "the kept key before the environment's"
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(backup_crypto.KeyNeeded) as wrong:
        backup_district.sealing_key("", "волк гора дождь")
    assert wrong.value.kind == "wrong"
    backup = db.write_backup(source, tmp_path / "флешка" / "копия.sqlite", made)
    data = backup.read_bytes()
    assert SURNAME.encode() not in data and SNILS.encode() not in data
    before = db.restore_backup(backup, source, tmp_path / "pc1" / "backups")  # kept key: here
    assert before is not None and _people(source) == [(SURNAME, SNILS)]
    target = _other_pc(tmp_path, monkeypatch)
    untouched = _hash(target)
    with pytest.raises(db.BackupKeyNeeded) as asked:
        db.restore_backup(backup, target, tmp_path / "pc2" / "backups")
    assert asked.value.kind == "enter" and _hash(target) == untouched

    def typed(phrase: str) -> backup_crypto.DistrictOpener:
        return lambda store, params: backup_district.opening_key(store, params, phrase)

    with pytest.raises(db.BackupKeyNeeded) as refused:
        db.restore_backup(backup, target, tmp_path / "pc2" / "backups", typed(SYNC_PASSPHRASE))
    assert refused.value.kind == "wrong" and _hash(target) == untouched
    db.restore_backup(backup, target, tmp_path / "pc2" / "backups", typed(words))
    assert _people(target) == [(SURNAME, SNILS)]


def test_restoring_with_other_words_never_replaces_the_sync_key_kept_here(
        sealed: tuple[Path, Path, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An old backup restored with the old words (after a change of the key) or another
    district's: «Запомнить» keeps them only where no sync key is kept yet."""
    from imc_desktop.sync.keys import remembered

    _source, backup, store_id = sealed
    target = _other_pc(tmp_path, monkeypatch)
    remember("другая-папка", b"\x07" * 32)  # this PC's own sync key, of its own folder
    db.restore_backup(backup, target, tmp_path / "pc2" / "backups",
                      lambda s, p: backup_district.opening_key(s, p, SYNC_PASSPHRASE, True))
    assert _people(target) == [(SURNAME, SNILS)]
    assert remembered("другая-папка") == b"\x07" * 32 and remembered(store_id) is None
