"""The backups the program writes itself are encrypted with this user's key: no name or
СНИЛС can be read from them, they restore where they were made, and a wrong key, a
changed, cut or extended file is refused with its reason — never restored half-way."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from imc_desktop import backup_crypto, db, paths
from imc_desktop.backup_crypto import CHUNK, MAGIC

SURNAME, SNILS = "Шереметьева", "11223344595"


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "imc.sqlite"
    db.prepare_database(path, tmp_path / "backups")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO persons (id, last_name, first_name, middle_name, sex, snils, "
                    "inn, phone, email, category, academic_degree, notes, created_at, "
                    "updated_at) VALUES ('p1', ?, 'Анна', '', 'ж', ?, '', '', '', '', '', "
                    "'', '2026-01-01', '2026-01-01')", (SURNAME, SNILS))
    return path


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK])
def test_any_size_comes_back_byte_for_byte(tmp_path: Path, size: int) -> None:
    source = tmp_path / "plain"
    source.write_bytes(os.urandom(size))
    backup_crypto.encrypt(source, tmp_path / "enc")
    backup_crypto.decrypt(tmp_path / "enc", tmp_path / "back")
    assert (tmp_path / "back").read_bytes() == source.read_bytes()


def test_an_automatic_backup_holds_no_readable_personal_data_and_restores(
        tmp_path: Path) -> None:
    path = _database(tmp_path)
    backup = db.make_backup(path, tmp_path / "backups", "auto")
    data = backup.read_bytes()
    assert data.startswith(MAGIC) and backup_crypto.is_encrypted(backup)
    for secret in (SURNAME.encode(), SNILS.encode(), SURNAME.encode("utf-16-le")):
        assert secret not in data
    assert len(data) < path.stat().st_size, "compressed as well"
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(backup, path, tmp_path / "backups")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT last_name, snils FROM persons").fetchall() == [
            (SURNAME, SNILS)]
    before = next((tmp_path / "backups").glob("imc-before-restore-*.sqlite"))
    assert backup_crypto.is_encrypted(before), "the copy made before a restore too"
    [info] = [b for b in db.backup_infos(path, tmp_path / "backups") if b.path == backup]
    assert (info.persons, info.problem) == (1, "")
    assert db.latest_backup(path, tmp_path / "backups") is not None


def test_the_key_file_is_the_owners_only_and_not_beside_the_backups(tmp_path: Path) -> None:
    path = _database(tmp_path)
    db.make_backup(path, tmp_path / "backups", "auto")
    key_file = paths.config_dir() / backup_crypto.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not list((tmp_path / "backups").glob("*.key"))


def _corrupt(kind: str, backup: Path) -> None:
    data = bytearray(backup.read_bytes())
    if kind == "changed":
        data[len(data) // 2] ^= 0x01
    elif kind == "cut":
        del data[-50:]
    elif kind == "extended":
        data += b"\x00" * 10
    backup.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["changed", "cut", "extended"])
def test_a_damaged_encrypted_backup_is_refused_and_the_database_untouched(
        tmp_path: Path, kind: str) -> None:
    path = _database(tmp_path)
    backup = db.make_backup(path, tmp_path / "backups", "auto")
    _corrupt(kind, backup)
    before = _hash(path)
    with pytest.raises(db.BackupUnreadable, match="повреждена"):
        db.restore_backup(backup, path, tmp_path / "backups")
    assert _hash(path) == before
    [info] = db.backup_infos(path, tmp_path / "backups")
    assert info.problem == "повреждена"
    assert db.latest_backup(path, tmp_path / "backups") is None


def test_a_backup_of_another_key_says_so(tmp_path: Path) -> None:
    path = _database(tmp_path)
    backup = db.make_backup(path, tmp_path / "backups", "auto")
    (paths.config_dir() / backup_crypto.KEY_FILE).write_text(os.urandom(32).hex())
    with pytest.raises(db.BackupUnreadable, match="другого компьютера"):
        db.restore_backup(backup, path, tmp_path / "backups")
    [info] = db.backup_infos(path, tmp_path / "backups")
    assert "другого компьютера" in info.problem


def test_a_plain_backup_of_an_earlier_version_still_restores(tmp_path: Path) -> None:
    path = _database(tmp_path)
    plain = db.backup_to(path, tmp_path / "backups" / "imc-auto-20250101-000000.sqlite")
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM persons")
    db.restore_backup(plain, path, tmp_path / "backups")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM persons").fetchone() == (1,)


def test_the_key_lives_in_the_credential_store_when_there_is_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        stored: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        monkeypatch.delenv(paths.HOME_ENV)
        monkeypatch.setattr(paths, "config_dir", lambda: tmp_path / "config")
        first = backup_crypto.backup_key()
        assert backup_crypto.backup_key() == first and len(first) == 32
        assert Memory.stored == {(backup_crypto.KEYRING_SERVICE, backup_crypto.KEYRING_NAME):
                                 first.hex()}
        assert not (tmp_path / "config" / backup_crypto.KEY_FILE).exists()
    finally:
        keyring.set_keyring(previous)
