"""A sync folder with a district key, as the first sync makes it (store.json only): what a
backup outside the data folder is sealed with."""

from __future__ import annotations

import uuid
from pathlib import Path

from imc_desktop.sync.keys import KeySource
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer
from imc_desktop.sync.store import create_store

#: ten words of the key's list, another district's key than the tests' own
OTHER_PASSPHRASE = "юла юмор юрта язык яйцо ящик эхо юбка щука этаж"


def make_store(folder: Path, passphrase: str | None = None) -> str:
    """store.json in `folder` with the key of `passphrase` (default: IMC_SYNC_PASSPHRASE,
    the tests' district key), made by a workstation of its own; the store's id."""
    folder.mkdir(parents=True, exist_ok=True)
    return create_store(Share(folder), KeySource(passphrase).new_store,
                        Signer.new().public, str(uuid.uuid4())).store_id
