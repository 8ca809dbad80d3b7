"""The backups the program writes itself are compressed and encrypted (AES-256-GCM).

The key is this workstation user's: kept in the operating system's credential store
(Windows Credential Manager through `keyring`), or — where there is none, or in a portable
data folder (IMC_DESKTOP_HOME) — in a file readable by its owner only in the configuration
folder, never beside the backups. So a copied backup folder is unreadable elsewhere.

A backup written outside the program's data folder (the share, a flash drive) is sealed
with the district sync key instead (imc_desktop/backup_district.py): any PC that has the
key — remembered, or its ten words typed — restores it, and no other.

A file is: MAGIC, the key's id (8 bytes: a wrong key is told from a damaged file), a nonce
prefix (8 bytes), then chunks: length (4 bytes), last-chunk flag (1 byte), and the
AES-GCM ciphertext of the zlib-compressed chunk; the chunk's number and flag are
authenticated with it, so a chunk removed, moved or cut off is found.

A district file is: DISTRICT_MAGIC, the length (4 bytes) and text of a JSON header (the
store's id and how its key is derived from the words: salt, scrypt parameters and the check
value, all of them public, as in store.json), a nonce prefix (8 bytes), then the same
chunks, sealed with a key derived (HKDF) from the district key for backups alone and
authenticated with the whole header. Plain database files (copies made by older versions)
are read as they are.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from imc_desktop.private_files import (
    KEYRING_SERVICE,  # noqa: F401 - the service the key is kept under, named here too
    credential_store_used,
    keep_credential,
    read_credential,
    write_owner_only,
)

MAGIC = b"IMC-BACKUP-AESGCM-1\n"
DISTRICT_MAGIC = b"IMC-BACKUP-DISTRICT-1\n"
CHUNK = 1 << 20
#: zlib's level. The demo database (21.2 MB): 5.4 MB at level 1 in 0.3 s, 4.8 MB at 6 in
#: 0.7 s, 4.8 MB at 9 — 6 is taken
LEVEL = 6
KEYRING_NAME = "backup-key"
KEY_FILE = "backup.key"
_HEAD = struct.Struct(">IB")


class Unreadable(Exception):
    """A backup that cannot be decrypted here: another key, or damaged (in Russian)."""


class KeyNeeded(Unreadable):
    """A backup sealed with the district sync key needs it: `kind` "enter" (this PC does not
    know the key: ask for its words), "wrong" (the words given are not its key), or, when a
    backup is to be written, "store" (the sync folder's description cannot be read: nothing
    to seal with) or "newbackup" (a PC without a sync folder has no backup key yet:
    `passphrase` is a new one, to be shown and written down)."""

    def __init__(self, message: str, kind: str, passphrase: str = "") -> None:
        super().__init__(message)
        self.kind, self.passphrase = kind, passphrase


@dataclass(frozen=True)
class DistrictKey:
    """The district key of one sync store and how it is derived from its words (the
    `sealing.KeyParams` as JSON): written into the header of a backup it seals."""

    store_id: str
    params: dict[str, Any]
    key: bytes


#: the district key of a backup's header (store id, key parameters), or KeyNeeded
DistrictOpener = Callable[[str, dict[str, Any]], bytes]


def _magic(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(max(len(MAGIC), len(DISTRICT_MAGIC)))
    except OSError:
        return b""


def is_encrypted(path: Path) -> bool:
    """Sealed with this user's key (a local backup)."""
    return _magic(path).startswith(MAGIC)


def is_district(path: Path) -> bool:
    """Sealed with the district sync key (a backup made outside the data folder)."""
    return _magic(path).startswith(DISTRICT_MAGIC)


def district_store(path: Path) -> str | None:
    """The store id in the header of a backup sealed with a district key (None for another
    file or a header that does not read)."""
    if not is_district(path):
        return None
    try:
        return district_header(path)[0]
    except (OSError, Unreadable):
        return None


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


def _aad(head: bytes, number: int, last: bool) -> bytes:
    return head + struct.pack(">QB", number, last)


def _write_whole(dest: Path, write: Callable[[BinaryIO], None]) -> Path:
    """`dest` appears whole or not at all."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        with tmp.open("wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return dest


def _seal_chunks(src: BinaryIO, out: BinaryIO, key: bytes, head: bytes) -> None:
    """`head`, a nonce prefix, then the chunks of `src`, each compressed and sealed."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead, prefix = AESGCM(key), secrets.token_bytes(8)
    out.write(head + prefix)
    number, chunk = 0, src.read(CHUNK)
    while True:
        following = src.read(CHUNK)
        last = not following
        body = aead.encrypt(prefix + struct.pack(">I", number),
                            zlib.compress(chunk, LEVEL), _aad(head, number, last))
        out.write(_HEAD.pack(len(body), last) + body)
        if last:
            return
        number, chunk = number + 1, following


def _open_chunks(src: BinaryIO, out: BinaryIO, key: bytes, head: bytes,
                 damaged: Unreadable) -> None:
    """The chunks after `head` (already read) into `out`; `damaged` at the first that does
    not authenticate, a cut-off end or anything appended."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    prefix = src.read(8)
    if len(prefix) < 8:
        raise damaged
    aead, number = AESGCM(key), 0
    while True:
        found = src.read(_HEAD.size)
        if len(found) < _HEAD.size:
            raise damaged  # cut off before its last chunk
        size, last = _HEAD.unpack(found)
        body = src.read(size)
        try:
            plain = zlib.decompress(aead.decrypt(prefix + struct.pack(">I", number), body,
                                                 _aad(head, number, bool(last))))
        except (InvalidTag, zlib.error, ValueError) as exc:
            raise damaged from exc
        out.write(plain)
        if last:
            break
        number += 1
    if src.read(1):
        raise damaged  # something appended after the last chunk


def encrypt(source: Path, dest: Path, key: bytes | None = None) -> Path:
    """Write `source` (a plain database copy) to `dest` compressed and encrypted with this
    user's key; `dest` appears whole or not at all."""
    key = key or backup_key()
    head = MAGIC + _key_id(key)

    def write(out: BinaryIO) -> None:
        with source.open("rb") as src:
            _seal_chunks(src, out, key, head)

    return _write_whole(dest, write)


def _backup_subkey(district: bytes, store_id: str) -> bytes:
    """The key of backups, derived from the district key (never the segments' own key)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, None,
                b"imc-desktop backup\n" + store_id.encode()).derive(district)


def seal_for_district(source: Path, dest: Path, district: DistrictKey) -> Path:
    """Write `source` to `dest` compressed and sealed with the district key (any PC that
    has the key restores it); whole or not at all."""
    header = json.dumps({"store": district.store_id, "key": district.params},
                        sort_keys=True).encode()
    head = DISTRICT_MAGIC + struct.pack(">I", len(header)) + header
    key = _backup_subkey(district.key, district.store_id)

    def write(out: BinaryIO) -> None:
        with source.open("rb") as src:
            _seal_chunks(src, out, key, head)

    return _write_whole(dest, write)


def district_header(path: Path) -> tuple[str, dict[str, Any]]:
    """The store id and key parameters of a district backup; Unreadable when damaged."""
    with path.open("rb") as src:
        return _district_head(src, path)[1:]


def _district_head(src: BinaryIO, path: Path) -> tuple[bytes, str, dict[str, Any]]:
    damaged = _damaged(path)
    magic = src.read(len(DISTRICT_MAGIC))
    size = src.read(4)
    if magic != DISTRICT_MAGIC or len(size) < 4 or struct.unpack(">I", size)[0] > 65536:
        raise damaged
    header = src.read(struct.unpack(">I", size)[0])
    try:
        found = json.loads(header)
        store_id, params = str(found["store"]), dict(found["key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged from exc
    return magic + size + header, store_id, params


def _damaged(source: Path) -> Unreadable:
    return Unreadable(f"Резервная копия {source.name} повреждена: она не проходит "
                      "проверку подлинности и не может быть восстановлена.")


def decrypt(source: Path, dest: Path, key: bytes | None = None,
            district: DistrictOpener | None = None) -> None:
    """The plain database of an encrypted backup. A local one needs this user's key; a
    district one the key `district` gives for its header (KeyNeeded when there is none).
    Unreadable (in Russian) for another user's key or a damaged file."""
    if is_district(source):
        _decrypt_district(source, dest, district or _no_district_key)
        return
    key = key or backup_key()
    damaged = _damaged(source)
    with source.open("rb") as src, dest.open("wb") as out:
        head = src.read(len(MAGIC) + 8)
        if len(head) < len(MAGIC) + 8 or not head.startswith(MAGIC):
            raise damaged
        if head[len(MAGIC):] != _key_id(key):
            raise Unreadable(
                f"Резервная копия {source.name} зашифрована ключом другого компьютера или "
                "другого пользователя: её можно восстановить только там, где она сделана. "
                "Чтобы перенести базу на другой компьютер, сохраните копию вне папки данных "
                "программы (Файл → Резервная копия…): она будет зашифрована ключом "
                "синхронизации района.")
        _open_chunks(src, out, key, head, damaged)


def _no_district_key(_store: str, _params: dict[str, Any]) -> bytes:
    raise KeyNeeded("Резервная копия зашифрована ключом синхронизации района: нужен ключ.",
                    "enter")


def _decrypt_district(source: Path, dest: Path, district: DistrictOpener) -> None:
    with source.open("rb") as src:
        head, store_id, params = _district_head(src, source)
        key = _backup_subkey(district(store_id, params), store_id)  # KeyNeeded: nothing written
        with dest.open("wb") as out:
            _open_chunks(src, out, key, head, _damaged(source))


@contextmanager
def readable(path: Path, district: DistrictOpener | None = None) -> Iterator[Path]:
    """`path` itself for a plain database file; for an encrypted backup, its plain copy in
    an owner-only temporary folder, removed afterwards. `district`: the district key of a
    backup sealed with it (see decrypt)."""
    if not (is_encrypted(path) or is_district(path)):
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="imc-backup-"))
    try:
        plain = folder / path.name
        decrypt(path, plain, district=district)
        yield plain
    finally:
        shutil.rmtree(folder, ignore_errors=True)
