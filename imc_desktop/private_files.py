"""Files the program makes are readable by their owner only (152-ФЗ: the database, its
backups, the logs, the exports, the folders made for them).

On Linux and macOS the process's umask is set to 077 before anything is written, so every
file is created 0600 and every folder 0700 — SQLite's own files (-wal, -shm, journals)
included. Folders and files made by an earlier version are tightened at start.
On Windows the user's profile folders (AppData) are already the user's own; the data folder
inherits their access list.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

OWNER_ONLY = 0o077


def restrict_new_files() -> None:
    """From now on this process creates files 0600 and folders 0700 (POSIX)."""
    if os.name == "posix":
        os.umask(OWNER_ONLY)


def tighten(folder: Path) -> None:
    """Take group and others' rights off `folder`, its files and its sub-folders that this
    user owns (made before the program restricted them)."""
    if os.name != "posix" or not folder.is_dir():
        return
    for path in (folder, *folder.rglob("*")):
        with suppress(OSError):
            info = path.lstat()
            if info.st_uid != os.geteuid() or stat.S_ISLNK(info.st_mode):
                continue
            if info.st_mode & OWNER_ONLY:
                os.chmod(path, stat.S_IMODE(info.st_mode) & ~OWNER_ONLY)


KEYRING_SERVICE = "IMC Desktop"


def credential_store_used() -> bool:
    """Secrets go to the OS credential store, unless the data folder is a portable or test
    one (IMC_DESKTOP_HOME): then to owner-only files in its configuration folder."""
    from imc_desktop import paths

    return not os.environ.get(paths.HOME_ENV)


def read_credential(name: str) -> str | None:
    """The secret `name` of the credential store; None when absent or there is none."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, name) or None
    except Exception:  # noqa: BLE001 - no credential store here (keyring's errors vary)
        return None


def keep_credential(name: str, value: str) -> bool:
    """Keep `value` in the credential store; whether it is really there now."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, name, value)
        return keyring.get_password(KEYRING_SERVICE, name) == value
    except Exception:  # noqa: BLE001 - no credential store here (keyring's errors vary)
        return False


def write_owner_only(path: Path, text: str, exclusive: bool = False) -> None:
    """Write `text` to a file readable by its owner only (0600, whatever the umask);
    `exclusive`: FileExistsError when it is there already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    if os.name == "posix":
        os.chmod(path, 0o600)
