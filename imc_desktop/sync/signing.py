"""Each workstation's own signing key (Ed25519): a file it writes into the sync folder is
signed by it, so that whoever learned the district passphrase still cannot write changes
that others take for a workstation's.

A file of the share is sealed with the district key (imc_desktop/sync/sealing.py); what is
sealed is SIGNED_MAGIC, the signer's public key (32 bytes), the signature (64 bytes) and the
content. The signature covers a label, the file's associated data (store, workstation,
number) and the content: a signature moved to another file, another place or another store
does not verify. Being inside the sealed file, it survives a change of the district key (the
file is opened with the old key and sealed with the new one, imc_desktop/sync/rekey.py), and
the share does not show which workstation signed what.

The private key belongs to one database in one place on one computer (local.home_of): kept
in the operating system's credential store, or — in a portable or test data folder, or
where there is none — in an owner-only file of the configuration folder, as the sync key
(imc_desktop/sync/keys.py). Never on the share. A database copied to another computer or
folder makes a key of its own there and is admitted anew.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from imc_desktop.private_files import (
    credential_store_used,
    keep_credential,
    read_credential,
    write_owner_only,
)
from imc_desktop.sync.segment import BadSegment

if TYPE_CHECKING:
    from imc_desktop.sync.sealing import SyncKey

SIGNED_MAGIC = b"IMC-SYNC-SIGNED-1\n"
PUBLIC_BYTES, SIGNATURE_BYTES = 32, 64
#: what a signed file holds before its content
SIGNED_HEAD = len(SIGNED_MAGIC) + PUBLIC_BYTES + SIGNATURE_BYTES
SIGN_LABEL = b"imc-sync-signature\n"
KEYRING_PREFIX = "sync-signing-"
KEY_FILE = "sync-signing.json"
CODE_DIGITS = 8


def fingerprint(public: str) -> str:
    """A short stable name of a public key (hex): 16 hex digits of its SHA-256."""
    return hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16]


def verification_code(public: str) -> str:
    """The code a methodist compares on both PCs: 8 digits of the key's SHA-256, «1234 5678»."""
    digest = hashlib.sha256(b"imc-sync-code\n" + bytes.fromhex(public)).digest()
    digits = f"{int.from_bytes(digest[:8], 'big') % 10 ** CODE_DIGITS:0{CODE_DIGITS}d}"
    return f"{digits[:4]} {digits[4:]}"


def same_code(typed: str, public: str) -> bool:
    """The code typed (spaces and dashes do not matter) is the key's."""
    return "".join(ch for ch in typed if ch.isdigit()) == verification_code(public).replace(
        " ", "")


def is_public_key(text: object) -> bool:
    try:
        return isinstance(text, str) and len(bytes.fromhex(text)) == PUBLIC_BYTES
    except ValueError:
        return False


def _message(ad: bytes, plain: bytes) -> bytes:
    return SIGN_LABEL + len(ad).to_bytes(4, "big") + ad + plain


class Signer:
    """This workstation's key pair."""

    def __init__(self, private: bytes) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        self.private = private
        self._key = Ed25519PrivateKey.from_private_bytes(private)
        self.public = self._key.public_key().public_bytes(Encoding.Raw,
                                                          PublicFormat.Raw).hex()

    @staticmethod
    def new() -> Signer:
        import secrets

        return Signer(secrets.token_bytes(32))

    @property
    def code(self) -> str:
        return verification_code(self.public)

    def sign(self, plain: bytes, ad: bytes) -> bytes:
        """The content with this workstation's signature in front (to be sealed)."""
        signature = self._key.sign(_message(ad, plain))
        return SIGNED_MAGIC + bytes.fromhex(self.public) + signature + plain


def seal_signed(key: SyncKey, signer: Signer, plain: bytes, ad: bytes) -> bytes:
    """The file of the share holding `plain`: signed by `signer`, sealed with `key`."""
    return key.seal(signer.sign(plain, ad), ad)


def open_signed(key: SyncKey, data: bytes, ad: bytes, where: str) -> tuple[str, bytes]:
    """The signer's public key (hex) and the content of a file of the share; BadSegment
    naming `where` when it does not open with `key` for this place or is not signed."""
    return unwrap(key.open(data, ad, where), ad, where)


def unwrap(data: bytes, ad: bytes, where: str) -> tuple[str, bytes]:
    """The signer's public key (hex) and the content of an opened file; BadSegment naming
    `where` when it is not signed or its signature does not verify for this place."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    head = SIGNED_HEAD
    if not data.startswith(SIGNED_MAGIC) or len(data) < head:
        raise BadSegment(f"{where}: файл не подписан рабочим местом — это не файл этой папки "
                         "синхронизации или он подделан")
    public = data[len(SIGNED_MAGIC):len(SIGNED_MAGIC) + PUBLIC_BYTES]
    signature, plain = data[head - SIGNATURE_BYTES:head], data[head:]
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _message(ad, plain))
    except (InvalidSignature, ValueError) as exc:
        raise BadSegment(f"{where}: подпись рабочего места не сходится — файл изменён, "
                         "перенесён или подделан") from exc
    return public.hex(), plain


# ------------------------------------------------------------------ where the key is kept


def _slot(home: str) -> str:
    return hashlib.sha256(home.encode()).hexdigest()[:24]


def _key_file() -> Path:
    from imc_desktop import paths

    return paths.config_dir() / KEY_FILE


def _file_keys() -> dict[str, str]:
    with suppress(OSError, ValueError):
        found = json.loads(_key_file().read_text(encoding="utf-8"))
        if isinstance(found, dict):
            return {str(k): str(v) for k, v in found.items()}
    return {}


def _parse(text: str | None) -> bytes | None:
    with suppress(ValueError, TypeError):
        key = bytes.fromhex(text or "")
        return key if len(key) == 32 else None
    return None


def _remembered(slot: str) -> bytes | None:
    if credential_store_used():
        found = _parse(read_credential(KEYRING_PREFIX + slot))
        if found is not None:
            return found
    return _parse(_file_keys().get(slot))


def _remember(slot: str, private: bytes) -> None:
    if credential_store_used() and keep_credential(KEYRING_PREFIX + slot, private.hex()):
        return
    keys = _file_keys()
    keys[slot] = private.hex()
    write_owner_only(_key_file(), json.dumps(keys, indent=1))


def kept_signer(home: str) -> Signer | None:
    """The key pair kept here for the database at `home`, if one was made."""
    found = _remembered(_slot(home))
    return None if found is None else Signer(found)


def signer_for(home: str) -> Signer:
    """The key pair of the database at `home` (local.home_of) on this computer: the one kept
    here, or a new one, kept from now on."""
    slot = _slot(home)
    found = _remembered(slot)
    if found is not None:
        return Signer(found)
    signer = Signer.new()
    _remember(slot, signer.private)
    return signer
