"""The start shows «Главная» from the figures kept at the last close, before SQLAlchemy, the
models and the report engines are imported — only while they are still true — and the tabs
work as on every start after it (real processes on a real database file)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from imc_desktop import cli
from imc_desktop.services.home import snapshot

NOT_BEFORE_SHOWN = ("sqlalchemy", "models", "alembic", "openpyxl", "docx", "reportlab",
                    "imc_desktop.services.home.records", "ui.staff", "ui.organizations")

# app.run_gui as the program runs it; at «usable» the page as shown (every ОО chosen in turn)
# and the modules imported by then; in "all", a count clicked at once, before the tabs exist,
# must open its list once they are built.
PROBE = """
import json, sys
from pathlib import Path

from imc_desktop.qt_start import skip_feature_scan

skip_feature_scan()
from PySide6.QtWidgets import QApplication

from imc_desktop import app

out, database, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
result = {}


def page_state(window):
    page, combo = window.home, window.home.organization
    shown = {}
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        shown[combo.itemText(index)] = {key: [button.text(), button.isEnabled(),
                                              page.district_labels[key].text()]
                                        for key, button in page.buttons.items()}
    combo.setCurrentIndex(0)
    return {"shown": shown, "heading": page.heading.text(), "sync": page.sync_state.text()}


def usable(window):
    result["modules"] = sorted(sys.modules)
    result["visible"] = window.home.isVisible() and window.tabs.currentWidget() is window.home
    result["page"] = page_state(window)
    result["tabs_then"] = window.tabs.count()
    if mode == "usable":
        QApplication.quit()
        return
    key = next(k for k, b in window.home.buttons.items() if b.isEnabled())
    result["clicked"] = [key, sorted(window.home.link(key).keys)]
    window.home.buttons[key].click()


def after(window, *rest):
    shown = window.current_list()
    result["tabs"] = window.tabs.count()
    result["opened"] = None if shown is None else [
        shown.list_id, sorted(str(getattr(r, "id", "")) for r in shown.model.visible_rows())]
    QApplication.quit()


app.start_page_usable = usable
app._after_modules = after
if len(sys.argv) > 4:  # the whole run as if at this moment
    from datetime import datetime

    from imc_desktop import clock

    with clock.fixed(datetime.fromisoformat(sys.argv[4])):
        code = app.run_gui(database, False)
else:
    code = app.run_gui(database, False)
with open(out, "w", encoding="utf-8") as file:
    json.dump(result, file)
sys.exit(code)
"""


def _start(tmp_path: Path, database: Path, mode: str = "usable",
           at: datetime | None = None) -> dict[str, Any]:
    found = tmp_path / "start.json"
    env = {**os.environ, "IMC_DESKTOP_HOME": str(tmp_path / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    moment = [] if at is None else [at.isoformat()]
    subprocess.run([sys.executable, "-c", PROBE, str(found), str(database), mode, *moment],
                   env=env, check=True, capture_output=True, timeout=300)
    result: dict[str, Any] = json.loads(found.read_text(encoding="utf-8"))
    return result


def _early(result: dict[str, Any]) -> list[str]:
    return sorted(m for m in result["modules"] if any(
        m == name or m.startswith(name + ".") for name in NOT_BEFORE_SHOWN))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    database = tmp_path / "demo.sqlite"
    assert cli.main(["demo-data", "--db", str(database), "--staff", "30"]) == 0
    return database


def test_the_second_start_shows_the_kept_page_before_the_database_layer(
        tmp_path: Path, demo: Path) -> None:
    first = _start(tmp_path, demo)
    assert "sqlalchemy" in first["modules"], "no figures kept yet: computed as always"
    assert first["visible"]
    assert snapshot.snapshot_path(demo).exists(), "kept at the close"
    second = _start(tmp_path, demo)
    assert _early(second) == []
    assert second["visible"] and second["tabs_then"] == 1
    assert second["page"] == first["page"], "the same page, for the district and every ОО"
    assert len(second["page"]["shown"]) > 2
    counts = {text for shown in second["page"]["shown"].values() for text, *_ in shown.values()}
    assert counts - {"0"}, "the demo has counts to show"


def test_a_count_clicked_before_the_tabs_exist_opens_its_list_once_they_do(
        tmp_path: Path, demo: Path) -> None:
    _start(tmp_path, demo)
    result = _start(tmp_path, demo, "all")
    assert _early(result) == []
    assert result["tabs"] == 10
    key, keys = result["clicked"]
    assert result["opened"] is not None, f"the list of {key} is in front"
    if not key.startswith(("attestation_overdue", "category_", "szd_")):
        assert result["opened"][1] == keys, "filtered to exactly the records counted"
    else:
        assert len(result["opened"][1]) == len(keys)


def test_an_edit_by_another_process_is_never_shown_as_kept(
        tmp_path: Path, demo: Path) -> None:
    first = _start(tmp_path, demo)
    district = next(iter(first["page"]["shown"].values()))  # the whole district
    with sqlite3.connect(demo) as con:  # another program: every course of one year removed
        con.execute("DELETE FROM courses")
    con.close()
    after = _start(tmp_path, demo)
    assert "sqlalchemy" in after["modules"], "computed again, not taken from the kept"
    assert next(iter(after["page"]["shown"].values())) != district
    again = _start(tmp_path, demo)
    assert _early(again) == [] and again["page"] == after["page"]


def test_a_sync_from_the_command_line_is_never_shown_as_kept(
        tmp_path: Path, demo: Path) -> None:
    _start(tmp_path, demo)
    store = tmp_path / "store"
    store.mkdir()
    assert cli.main(["sync", "--db", str(demo), "--store", str(store), "--new-store",
                     "--name", "пк-1"]) == 0
    assert "sqlalchemy" in _start(tmp_path, demo)["modules"]


def test_the_first_start_of_the_next_working_day_shows_its_own_page_kept(
        tmp_path: Path, demo: Path) -> None:
    """Closed on a Friday evening, opened on Monday morning: Monday's page is kept from the
    close and is the page Monday computes; the day after the days kept computes again."""
    friday = date.today() + timedelta(days=(4 - date.today().weekday()) % 7)
    monday = datetime.combine(friday + timedelta(days=3), time(8, 30))
    _start(tmp_path, demo, at=datetime.combine(friday, time(18, 0)))
    kept = _start(tmp_path, demo, at=monday)
    assert _early(kept) == [], "Monday's page was kept at Friday's close"
    snapshot.forget(demo)
    computed = _start(tmp_path, demo, at=monday)
    assert "sqlalchemy" in computed["modules"]
    assert kept["page"] == computed["page"], "the same page, for the district and every ОО"
    saturday = _start(tmp_path, demo, at=datetime.combine(friday + timedelta(days=1),
                                                           time(10, 0)))
    assert "sqlalchemy" in saturday["modules"], "only the next working day is kept"
