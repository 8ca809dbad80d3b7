"""The text of `imc-desktop report --list`, kept between runs.

The list names every registered report with its parameters and their defaults; making it
imports every report module (and with them SQLAlchemy and the models): most of a second for
a few lines of text. So it is kept (imc_desktop.kept) under the day (the defaults are dates)
and the service packages' code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from imc_desktop import clock
from imc_desktop.kept import code_stamp, kept

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


def listing(make: Callable[[], str] = render, folder: Path | None = None) -> str:
    """The list, kept until the day or the report modules change."""
    key = f"{clock.today().isoformat()}|{code_stamp(SOURCES)}"
    return kept(CACHE_NAME, key, make, folder)
