"""The district sync key for backups that leave this PC's data folder.

A backup written into the program's data folder (its automatic backups, a copy beside the
database) is sealed with this user's own key (backup_crypto): it restores on this PC only. A
backup written anywhere else — the network share, a flash drive, another folder — carries
the same personal data out of the PC, so it is sealed with the district sync key: the key
this PC remembers for its sync folder, or the ten words typed (or IMC_SYNC_PASSPHRASE). The
key's parameters come from the sync folder's store.json and go into the backup's header, so
any PC that has the words can restore it. Without a sync folder and its key nothing is
written: a backup never leaves the data folder readable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from imc_desktop.backup_crypto import DistrictKey, KeyNeeded


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
    KeyNeeded (in Russian) when there is none: "nosync", "store", "enter" or "wrong"."""
    from imc_desktop.sync.keys import KeySource
    from imc_desktop.sync.share import Share
    from imc_desktop.sync.store import KeyNeeded as SyncKeyNeeded
    from imc_desktop.sync.store import SyncStopped, read_store

    if not sync_location.strip():
        raise KeyNeeded("Резервная копия вне папки данных программы шифруется ключом "
                        "синхронизации района, а синхронизация на этом компьютере не "
                        "настроена. Сохраните копию в папку данных программы или настройте "
                        "синхронизацию (Сервис → Настройки). Копия не сделана.", "nosync")
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
    from imc_desktop.sync.keys import PASSPHRASE_ENV, remember, remembered
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
            if keep:
                remember(store_id, key.key)
            return key.key
        if given is passphrase:
            raise _not_its_key(where)
    found = remembered(store_id)
    if found is not None and SyncKey(found, store_id).matches(key_params):
        return found
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
