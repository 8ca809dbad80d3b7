"""Text made from the program's own code, kept in the cache folder between runs.

Some answers need a heavy import only to be worked out (every report module for the list of
reports, SQLAlchemy and every model for the sync engine's tables) although they change only
with the code. They are kept under a key of the program's version and a stamp of the code
they come from: from source the number and the newest change of its .py files, in a bundle
the program file itself (a new installation is a new file). Another key, no cache, or a
cache that cannot be read or written: the answer is worked out again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from imc_desktop import __version__
from imc_desktop.paths import cache_dir


def code_stamp(root: Path | None) -> str:
    """How many .py files are under `root` and when the newest changed; for a bundle
    (no sources) the size and time of the program file."""
    count, newest = 0, 0
    pending = [root] if root is not None else []
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__":
                pending.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                count += 1
                newest = max(newest, entry.stat().st_mtime_ns)
    if count:
        return f"{count}:{newest}"
    try:
        program = Path(sys.executable).stat()
    except OSError:
        return ""
    return f"program:{program.st_size}:{program.st_mtime_ns}"


def kept(name: str, key: str, make: Callable[[], str], folder: Path | None = None) -> str:
    """The text kept as `name` under `key`, else `make()` kept there for the next time."""
    path = (folder or cache_dir()) / name
    key = f"{__version__}|{key}"
    try:
        kept_key, _, text = path.read_text(encoding="utf-8").partition("\n")
        if kept_key == key:
            return text
    except (OSError, UnicodeDecodeError):
        pass
    text = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(f"{key}\n{text}", encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # a read-only or full disk: the answer is only not kept
    return text
