"""The district sync key for backups that leave this PC's data folder.

A backup written into the program's data folder (its automatic backups, a copy beside the
database) is sealed with this user's own key (backup_crypto): it restores on this PC only. A
backup written anywhere else — the network share, a flash drive, another folder — carries
the same personal data out of the PC, so it is sealed with the district sync key: the key
this PC remembers for its sync folder, or the ten words typed (or IMC_SYNC_PASSPHRASE). The
key's parameters come from the sync folder's store.json and go into the backup's header, so
any PC that has the words can restore it.

A PC without a sync folder (an office of one workstation) seals such backups with a backup
key of its own: ten words made once, shown to be written down, kept like the sync key (the
credential store; in a portable installation, an owner-only file) and never beside the
backups; its parameters go into the header in the same way, so the words restore the backup
on any PC. Without a key nothing is written: a backup never leaves the data folder readable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from imc_desktop.backup_crypto import DistrictKey, KeyNeeded

#: the store id of a backup key of a PC without a sync folder begins so
OWN_PREFIX = "backup-"
KEYRING_NAME = "backup-words-key"
KEY_FILE = "backup-words.key"


def is_local(dest: Path, data_dir: Path) -> bool:
    """Whether `dest` is inside the program's data folder (sealed with the user's key)."""
    try:
        dest.resolve().relative_to(data_dir.resolve())
    except ValueError:
        return False
    return True


def sealing_key(sync_location: str, passphrase: str | None = None,
                keep: bool = False) -> DistrictKey:
    """The district key to seal a backup with, from the sync folder `sync_location`;
    KeyNeeded (in Russian) when there is none: "newbackup" (no sync folder, no backup key
    yet: see own_key), "store", "enter" or "wrong"."""
    from imc_desktop.sync.keys import KeySource
    from imc_desktop.sync.share import Share
    from imc_desktop.sync.store import KeyNeeded as SyncKeyNeeded
    from imc_desktop.sync.store import SyncStopped, read_store

    if not sync_location.strip():
        return own_key(passphrase, keep)
    folder = Path(sync_location)
    try:
        store = read_store(Share(folder)) if folder.is_dir() else None
    except (SyncStopped, OSError) as exc:
        raise KeyNeeded(f"{exc} Копия не сделана.", "store") from exc
    if store is None or store.key is None:
        raise KeyNeeded(f"Папка синхронизации {folder} недоступна или ещё не создана: без неё "
                        "нельзя зашифровать копию ключом синхронизации района. Сохраните "
                        "копию в папку данных программы или сделайте её, когда папка "
                        "синхронизации будет доступна. Копия не сделана.", "store")
    try:
        key = KeySource(passphrase, keep).key_for(store)
    except SyncKeyNeeded as exc:
        raise KeyNeeded(f"{exc} Копия не сделана.", exc.kind) from exc
    except SyncStopped as exc:
        raise KeyNeeded(f"{exc} Копия не сделана.", "store") from exc
    return DistrictKey(store.store_id, store.key.to_json(), key.key)


def opening_key(store_id: str, params: dict[str, Any], passphrase: str | None = None,
                keep: bool = False) -> bytes:
    """The district key of a backup's header: from the words given (remembered when `keep`),
    IMC_SYNC_PASSPHRASE, or the key this PC remembers for that store; KeyNeeded "enter" /
    "wrong" (in Russian) when there is none or the words are not its key."""
    from imc_desktop.sync.keys import PASSPHRASE_ENV, remember, remembered, remembers_any
    from imc_desktop.sync.sealing import (
        BadPassphrase,
        KeyParams,
        SyncKey,
        check_passphrase,
        derive,
    )

    try:
        key_params = KeyParams.from_json(params)
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyNeeded("Заголовок резервной копии повреждён: описание ключа не читается. "
                        "Копия не может быть восстановлена.", "damaged") from exc
    env = os.environ.get(PASSPHRASE_ENV, "").strip()
    for given, where in ((passphrase, "введённый"),
                         (env, f"из переменной окружения {PASSPHRASE_ENV}")):
        if not given:
            continue
        try:
            check_passphrase(given)
        except BadPassphrase as exc:
            raise KeyNeeded(f"Ключ синхронизации ({where}) не подходит: {exc} Ничего не "
                            "изменено.", "wrong") from exc
        key = SyncKey(derive(given, key_params), store_id)
        if key.matches(key_params):
            if keep and not is_own(store_id) and not remembers_any():
                remember(store_id, key.key)  # never in place of the sync key kept here
            return key.key
        if given is passphrase:
            raise _not_its_key(where)
    found = remembered(store_id)
    if found is not None and SyncKey(found, store_id).matches(key_params):
        return found
    own = _own()
    if own is not None and own.store_id == store_id and SyncKey(own.key, store_id).matches(
            key_params):
        return own.key
    if env:
        raise _not_its_key(f"из переменной окружения {PASSPHRASE_ENV}")
    raise KeyNeeded("Резервная копия зашифрована ключом синхронизации района, которого этот "
                    "компьютер не знает. Введите ключ синхронизации (10 слов) — в программе "
                    "при восстановлении или в переменной окружения "
                    f"{PASSPHRASE_ENV}. Ничего не изменено.", "enter")


def _not_its_key(where: str) -> KeyNeeded:
    return KeyNeeded(f"Ключ синхронизации ({where}) не подходит к этой резервной копии: она "
                     "зашифрована ключом синхронизации другого района или другим (прежним) "
                     "ключом. Проверьте слова ключа. Ничего не изменено.", "wrong")


# ------------------------------------------------------------------ a PC without a sync folder


def own_key(passphrase: str | None = None, keep: bool = False) -> DistrictKey:
    """The backup key of this PC (it has no sync folder): the one it keeps; or made from the
    words `passphrase` or IMC_SYNC_PASSPHRASE (kept when `keep`); KeyNeeded "newbackup" with
    ten new words to be shown and written down when there is none."""
    from imc_desktop.sync.keys import PASSPHRASE_ENV
    from imc_desktop.sync.sealing import (
        BadPassphrase,
        KeyParams,
        SyncKey,
        check_passphrase,
        derive,
        new_params,
        new_passphrase,
    )

    found = _own()
    if passphrase is None and found is not None:
        return found  # kept here: before IMC_SYNC_PASSPHRASE, which may be another key's
    given = passphrase or os.environ.get(PASSPHRASE_ENV, "").strip()
    if not given:
        raise KeyNeeded("Синхронизация на этом компьютере не настроена, и копия вне папки "
                        "данных программы шифруется ключом резервных копий этого компьютера. "
                        "Его ещё нет: программа покажет десять слов нового ключа — запишите "
                        "их, без них копию не восстановить на другом компьютере. Копия не "
                        "сделана.", "newbackup", new_passphrase())
    try:
        words = check_passphrase(given)
    except BadPassphrase as exc:
        raise KeyNeeded(f"Ключ резервных копий не подходит: {exc} Копия не сделана.",
                        "wrong") from exc
    if found is not None and SyncKey(found.key, found.store_id).matches(
            KeyParams.from_json(found.params)):
        if SyncKey(derive(words, KeyParams.from_json(found.params)), found.store_id).key == (
                found.key):
            return found
    import uuid

    store_id = OWN_PREFIX + str(uuid.uuid4())
    params = new_params(words, store_id)
    made = DistrictKey(store_id, params.to_json(), derive(words, params))
    if keep:
        _keep_own(made)
    return made


def is_own(store_id: str) -> bool:
    """A backup sealed with a backup key of a PC without a sync folder (not the district's)."""
    return store_id.startswith(OWN_PREFIX)


def _key_file() -> Path:
    from imc_desktop import paths

    return paths.config_dir() / KEY_FILE


def _own() -> DistrictKey | None:
    import json
    from contextlib import suppress

    from imc_desktop.private_files import credential_store_used, read_credential

    texts = [read_credential(KEYRING_NAME)] if credential_store_used() else []
    with suppress(OSError):
        texts.append(_key_file().read_text(encoding="utf-8"))
    for text in texts:
        with suppress(ValueError, TypeError, KeyError, AttributeError):
            found = json.loads(text or "")
            key = bytes.fromhex(found["key"])
            if len(key) == 32 and is_own(str(found["store"])):
                return DistrictKey(str(found["store"]), dict(found["params"]), key)
    return None


def _keep_own(made: DistrictKey) -> None:
    import json
    from contextlib import suppress

    from imc_desktop.private_files import (
        credential_store_used,
        keep_credential,
        write_owner_only,
    )

    text = json.dumps({"store": made.store_id, "params": made.params, "key": made.key.hex()})
    if credential_store_used() and keep_credential(KEYRING_NAME, text):
        with suppress(FileNotFoundError):
            _key_file().unlink()
        return
    write_owner_only(_key_file(), text)
