"""Where the district sync key comes from on this workstation, and where it is remembered.

In order: the passphrase given to this sync (typed in the program), the environment variable
IMC_SYNC_PASSPHRASE (scheduled runs), the key this PC remembers for the store. The key is
remembered in the operating system's credential store (Windows Credential Manager, through
`keyring`) — or, in a portable or test data folder (IMC_DESKTOP_HOME) or where there is no
credential store, in an owner-only file of the configuration folder (as the backup key,
imc_desktop/backup_crypto.py). Never on the share.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path

from imc_desktop.private_files import (
    credential_store_used,
    keep_credential,
    read_credential,
    write_owner_only,
)
from imc_desktop.sync.sealing import (
    BadPassphrase,
    KeyParams,
    SyncKey,
    check_passphrase,
    derive,
    new_params,
    new_passphrase,
)
from imc_desktop.sync.store import KeyNeeded, StoreInfo, SyncStopped

PASSPHRASE_ENV = "IMC_SYNC_PASSPHRASE"
KEYRING_NAME = "sync-key"
KEY_FILE = "sync.key"


def _key_file() -> Path:
    from imc_desktop import paths

    return paths.config_dir() / KEY_FILE


def _parse(text: str | None, store_id: str) -> bytes | None:
    with suppress(ValueError, TypeError, AttributeError):
        found = json.loads(text or "")
        if found.get("store") == store_id:
            key = bytes.fromhex(found["key"])
            return key if len(key) == 32 else None
    return None


def remembered(store_id: str) -> bytes | None:
    """The key this PC remembers for the store `store_id`, if any."""
    if credential_store_used():
        found = _parse(read_credential(KEYRING_NAME), store_id)
        if found is not None:
            return found
    with suppress(OSError):
        return _parse(_key_file().read_text(encoding="utf-8"), store_id)
    return None


def remembers_any() -> bool:
    """This PC keeps the key of some store (remembering another would replace it)."""
    if credential_store_used() and read_credential(KEYRING_NAME):
        return True
    with suppress(OSError):
        return bool(_key_file().read_text(encoding="utf-8").strip())
    return False


def remember(store_id: str, key: bytes) -> None:
    """Remember the store's key on this PC (replacing the key of another store)."""
    text = json.dumps({"store": store_id, "key": key.hex()})
    if credential_store_used() and keep_credential(KEYRING_NAME, text):
        with suppress(FileNotFoundError):
            _key_file().unlink()  # one place only: an older file would outlive a new key
        return
    write_owner_only(_key_file(), text)


def _changed(store: StoreInfo) -> str:
    return f" Ключ этой папки сменён {store.rekeyed}." if store.rekeyed else ""


class KeySource:
    """The key of one sync: `passphrase` typed by the user (None: none typed), remembered
    when `keep` is set."""

    def __init__(self, passphrase: str | None = None, keep: bool = False) -> None:
        self.passphrase, self.keep = passphrase, keep

    def _given(self) -> tuple[str, str] | None:
        """The passphrase to use and where it came from."""
        if self.passphrase:
            return self.passphrase, "введённый"
        env = os.environ.get(PASSPHRASE_ENV, "").strip()
        return (env, f"из переменной окружения {PASSPHRASE_ENV}") if env else None

    def new_store(self, store_id: str) -> KeyParams:
        """The key of a store this sync creates; KeyNeeded("new") with a fresh passphrase
        when none is given."""
        given = self._given()
        if given is None:
            raise KeyNeeded("Для новой папки синхронизации нужен ключ синхронизации: создайте "
                            "её в программе (ключ будет показан, чтобы его записать) или "
                            f"задайте ключ из 10 слов в переменной окружения {PASSPHRASE_ENV}.",
                            "new", new_passphrase())
        try:
            phrase = check_passphrase(given[0])
        except BadPassphrase as exc:
            raise KeyNeeded(f"Ключ синхронизации ({given[1]}) не подходит: {exc}",
                            "wrong") from exc
        return new_params(phrase, store_id)

    def key_for(self, store: StoreInfo) -> SyncKey:
        """The store's key, checked against store.json before anything is read; KeyNeeded
        when this PC has no key for it or the passphrase is not the store's."""
        if store.key is None:
            raise SyncStopped("В файле store.json папки синхронизации нет описания ключа.")
        given = self._given()
        if given is not None:
            try:
                check_passphrase(given[0])
            except BadPassphrase as exc:
                raise KeyNeeded(f"Ключ синхронизации ({given[1]}) не подходит: {exc} Ничего не "
                                "прочитано и не изменено.", "wrong") from exc
            key = SyncKey(derive(given[0], store.key), store.store_id)
            if not key.matches(store.key):
                raise KeyNeeded(f"Ключ синхронизации ({given[1]}) не подходит к этой папке "
                                f"синхронизации: проверьте слова ключа.{_changed(store)} "
                                "Ничего не прочитано и не изменено.", "wrong")
            if self.keep:
                remember(store.store_id, key.key)
            return key
        found = remembered(store.store_id)
        if found is not None and SyncKey(found, store.store_id).matches(store.key):
            return SyncKey(found, store.store_id)
        if found is not None and store.rekeyed:
            raise KeyNeeded(f"Ключ синхронизации этой папки сменён {store.rekeyed}: введите "
                            "новый ключ (10 слов) — его сообщит тот, кто менял ключ. Ничего "
                            "не прочитано и не изменено.", "enter")
        raise KeyNeeded("Папка синхронизации зашифрована ключом, которого этот компьютер не "
                        "знает: введите ключ синхронизации (10 слов) в программе при "
                        f"синхронизации или задайте его в переменной окружения {PASSPHRASE_ENV}.",
                        "enter")
