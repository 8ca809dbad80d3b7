"""The log of unexpected errors: one file a day in the data folder, readable by its owner.

What the program did not expect is written here with its traceback (SQLAlchemy keeps the
values being written out of its messages), so an administrator can see what happened
without the user copying a console that the windowed program does not have.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from types import TracebackType

from imc_desktop import __version__, clock


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / f"imc-desktop-{clock.now():%Y-%m-%d}.log"


def write_crash(data_dir: Path, kind: type[BaseException], error: BaseException,
                tb: TracebackType | None) -> Path:
    """Append the error with its traceback to today's log; the log's path."""
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(traceback.format_exception(kind, error, tb))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(f"--- {clock.now():%d.%m.%Y %H:%M:%S}, IMC Desktop {__version__}\n{text}\n")
    return path
