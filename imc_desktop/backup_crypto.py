"""The backups the program writes itself are compressed and encrypted (AES-256-GCM).

The key is this workstation user's: kept in the operating system's credential store
(Windows Credential Manager through `keyring`), or — where there is none, or in a portable
data folder (IMC_DESKTOP_HOME) — in a file readable by its owner only in the configuration
folder, never beside the backups. So a copied backup folder is unreadable elsewhere; a
backup to take to another PC is made with «Файл → Резервная копия…», which writes a plain
database file (README: it must go to encrypted media).

A file is: MAGIC, the key's id (8 bytes: a wrong key is told from a damaged file), a nonce
prefix (8 bytes), then chunks: length (4 bytes), last-chunk flag (1 byte), and the
AES-GCM ciphertext of the zlib-compressed chunk; the chunk's number and flag are
authenticated with it, so a chunk removed, moved or cut off is found.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import struct
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from imc_desktop.private_files import (
    KEYRING_SERVICE,  # noqa: F401 - the service the key is kept under, named here too
    credential_store_used,
    keep_credential,
    read_credential,
    write_owner_only,
)

MAGIC = b"IMC-BACKUP-AESGCM-1\n"
CHUNK = 1 << 20
KEYRING_NAME = "backup-key"
KEY_FILE = "backup.key"
_HEAD = struct.Struct(">IB")


class Unreadable(Exception):
    """A backup that cannot be decrypted here: another key, or damaged (in Russian)."""


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def backup_key() -> bytes:
    """This user's backup key: from the credential store, else from the owner-only key
    file; made on first use."""
    from imc_desktop import paths

    if credential_store_used():
        found = _from_keyring()
        if found is not None:
            return found
    return _from_file(paths.config_dir() / KEY_FILE)


def _from_keyring() -> bytes | None:
    stored = read_credential(KEYRING_NAME)
    if stored:
        with suppress(ValueError):
            return bytes.fromhex(stored)
        return None
    key = secrets.token_bytes(32)
    return key if keep_credential(KEYRING_NAME, key.hex()) else None


def _from_file(path: Path) -> bytes:
    with suppress(FileNotFoundError, ValueError):
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) == 32:
            return key
    key = secrets.token_bytes(32)
    try:
        write_owner_only(path, key.hex(), exclusive=True)
    except FileExistsError:  # another process made it meanwhile (or a broken one is there)
        text = path.read_text(encoding="ascii").strip()
        return bytes.fromhex(text)
    return key


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"imc-backup-key-id" + key).digest()[:8]


def _aad(key_id: bytes, number: int, last: bool) -> bytes:
    return MAGIC + key_id + struct.pack(">QB", number, last)


def encrypt(source: Path, dest: Path, key: bytes | None = None) -> Path:
    """Write `source` (a plain database copy) to `dest` compressed and encrypted; `dest`
    appears whole or not at all."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = key or backup_key()
    aead, key_id, prefix = AESGCM(key), _key_id(key), secrets.token_bytes(8)
    tmp = dest.with_name(dest.name + ".part")
    try:
        with source.open("rb") as src, tmp.open("wb") as out:
            out.write(MAGIC + key_id + prefix)
            number, chunk = 0, src.read(CHUNK)
            while True:
                following = src.read(CHUNK)
                last = not following
                body = aead.encrypt(prefix + struct.pack(">I", number),
                                    zlib.compress(chunk, 1), _aad(key_id, number, last))
                out.write(_HEAD.pack(len(body), last) + body)
                if last:
                    break
                number, chunk = number + 1, following
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return dest


def decrypt(source: Path, dest: Path, key: bytes | None = None) -> None:
    """The plain database of an encrypted backup; Unreadable (in Russian) if it is not
    this user's key or the file is damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = key or backup_key()
    damaged = Unreadable(f"Резервная копия {source.name} повреждена: она не проходит "
                         "проверку подлинности и не может быть восстановлена.")
    with source.open("rb") as src, dest.open("wb") as out:
        head = src.read(len(MAGIC) + 16)
        if len(head) < len(MAGIC) + 16 or not head.startswith(MAGIC):
            raise damaged
        key_id, prefix = head[len(MAGIC):len(MAGIC) + 8], head[len(MAGIC) + 8:]
        if key_id != _key_id(key):
            raise Unreadable(
                f"Резервная копия {source.name} зашифрована ключом другого компьютера или "
                "другого пользователя: её можно восстановить только там, где она сделана. "
                "Чтобы перенести базу на другой компьютер, сделайте копию командой «Файл → "
                "Резервная копия…».")
        aead, number = AESGCM(key), 0
        while True:
            found = src.read(_HEAD.size)
            if len(found) < _HEAD.size:
                raise damaged  # cut off before its last chunk
            size, last = _HEAD.unpack(found)
            body = src.read(size)
            try:
                plain = zlib.decompress(aead.decrypt(prefix + struct.pack(">I", number), body,
                                                     _aad(key_id, number, bool(last))))
            except (InvalidTag, zlib.error, ValueError) as exc:
                raise damaged from exc
            out.write(plain)
            if last:
                break
            number += 1
        if src.read(1):
            raise damaged  # something appended after the last chunk


@contextmanager
def readable(path: Path) -> Iterator[Path]:
    """`path` itself for a plain database file; for an encrypted backup, its plain copy in
    an owner-only temporary folder, removed afterwards."""
    if not is_encrypted(path):
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="imc-backup-"))
    try:
        plain = folder / path.name
        decrypt(path, plain)
        yield plain
    finally:
        shutil.rmtree(folder, ignore_errors=True)
