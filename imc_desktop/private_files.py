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
