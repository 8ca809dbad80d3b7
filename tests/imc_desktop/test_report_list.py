"""`report --list` kept in the cache: the same text, made anew when the day or the report
modules change."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from imc_desktop import clock, report_list
from imc_desktop.kept import code_stamp


def test_the_list_names_every_report_with_its_parameters_and_defaults() -> None:
    from imc_desktop.services.common import reports

    with clock.fixed(date(2026, 3, 10)):
        text = report_list.render()
    for definition in reports.definitions():
        assert f"{definition.name}\t{definition.title}\n" in text
    assert "\t--param date=…\tДата, на которую считать (по умолчанию «10.03.2026»)\n" in text


def test_the_kept_list_is_used_until_the_day_or_a_report_module_changes(
        tmp_path: Path) -> None:
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return f"список {len(made)}\n"

    with clock.fixed(date(2026, 3, 10)):
        assert report_list.listing(make, tmp_path) == "список 1\n"
        assert report_list.listing(make, tmp_path) == "список 1\n"
    assert len(made) == 1
    with clock.fixed(date(2026, 3, 11)):
        assert report_list.listing(make, tmp_path) == "список 2\n", "a new day: new defaults"
    sources = tmp_path / "services"
    (sources / "staff").mkdir(parents=True)
    module = sources / "staff" / "reports.py"
    module.write_text("# отчёты\n", encoding="utf-8")
    before = code_stamp(sources)
    os.utime(module, ns=(10**18, 10**18))
    assert code_stamp(sources) != before
    assert code_stamp(tmp_path / "нет").startswith("program:"), "a bundle: the program file"


def test_an_unwritable_cache_folder_still_prints_the_list(tmp_path: Path) -> None:
    blocked = tmp_path / "файл"
    blocked.write_text("", encoding="utf-8")
    assert report_list.listing(lambda: "список\n", blocked / "кэш") == "список\n"
