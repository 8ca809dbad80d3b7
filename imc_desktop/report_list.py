"""The text of `imc-desktop report --list`, kept between runs.

The list names every registered report with its parameters and their defaults; making it
imports every report module (and with them SQLAlchemy and the models): most of a second for
a few lines of text. So the text is kept in the cache folder under a key of the program's
version, the day (the defaults are dates) and the report modules' files (a changed module
makes it anew when running from source); any other key, or no cache, makes it again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from imc_desktop import __version__, clock
from imc_desktop.paths import cache_dir

CACHE_NAME = "report-list.txt"
SOURCES = Path(__file__).resolve().parent / "services"


def render() -> str:
    """The list itself, from the registered reports."""
    from imc_desktop.services.common import reports

    lines = []
    for definition in reports.definitions():
        lines.append(f"{definition.name}\t{definition.title}")
        for param in definition.params:
            lines.append(f"\t--param {param.name}=…\t{param.title} "
                         f"(по умолчанию «{param.default()}»)")
    return "".join(line + "\n" for line in lines)


def sources_stamp(root: Path = SOURCES) -> str:
    """How many .py files the service packages have and when the newest changed ("" in a
    bundle, which has none: its version says it all)."""
    count, newest = 0, 0
    pending = [root]
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
    return f"{count}:{newest}" if count else ""


def cache_key() -> str:
    return f"{__version__}|{clock.today().isoformat()}|{sources_stamp()}"


def listing(make: Callable[[], str] = render, folder: Path | None = None) -> str:
    """The list, from the cache when its key matches, else made and kept."""
    path = (folder or cache_dir()) / CACHE_NAME
    key = cache_key()
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
        pass  # a read-only or full disk: the list is only not kept
    return text
