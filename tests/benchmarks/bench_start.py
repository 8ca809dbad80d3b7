"""How fast the program starts and the command line answers, as whole processes.

    uv run python tests/benchmarks/bench_start.py [--runs 7] [--staff 1500]

Makes a demo database in a temporary folder, then runs each pair of processes in turn
(A B A B …, after one warm-up of each, which also leaves the bytecode cached as an installed
program has it) and prints the median wall time of each and the median of the ratios A/B
taken run by run, so that a machine busy with other work slows both alike. Targets (issue
«Fast to start and fast on the command line»):

- the start until «Главная» is usable (window shown, its figures shown: those kept at the
  last close while they are fresh, else computed) ≤ 2× a bare PySide6 window with six tabs;
  the start computing them is printed too;
- `imc-desktop --help` and `imc-desktop report --list` ≤ 3× `python -c "import sqlite3"`;
- a sync with nothing to do on the demo ≤ 0.5 s;
- the first display of each tab ≤ 300 ms (measured inside the program, median of the runs);
- 300 equipment labels ≤ 3 s.

The processes run offscreen (QT_QPA_PLATFORM=offscreen) with their own IMC_DESKTOP_HOME.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PYTHON = sys.executable
ENTRY = str(Path(sys.executable).with_name("imc-desktop"))

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for n in range(6):
    tabs.addTab(QTableView(), f"Tab {n}")
window.setCentralWidget(tabs)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""

# The program's own start (imc_desktop.app.run_gui), ended once «Главная» is usable (the
# other tabs are built after it, one per turn of the event loop) — or, with "all", once
# every tab is built as well. A start finds the page's figures kept at the last close (the
# warm-up leaves them, as any close does); with "computed" they are removed first, as the
# first start of a day or after a change finds them stale, and the page is computed.
PROGRAM = """
import sys
from pathlib import Path
from imc_desktop.qt_start import skip_feature_scan
skip_feature_scan()
from imc_desktop import app
from PySide6.QtWidgets import QApplication

if "computed" in sys.argv[2:]:
    Path(sys.argv[1] + ".home.json").unlink(missing_ok=True)
if "all" in sys.argv[2:]:
    after = app._after_modules
    def after_then_quit(*args):
        after(*args)
        QApplication.quit()
    app._after_modules = after_then_quit
else:
    app.start_page_usable = lambda _window: QApplication.quit()
sys.exit(app.run_gui(Path(sys.argv[1]), False))
"""

# The first display of every tab, timed inside the program; prints JSON {title: seconds}.
TABS = """
import json, sys, time
from pathlib import Path
from imc_desktop.qt_start import skip_feature_scan
skip_feature_scan()
from imc_desktop import app, config
from imc_desktop.services.common import maintenance
qt = app.make_application()
settings = config.Settings()
maintenance.connect_current(Path(sys.argv[1]), Path(sys.argv[1]).parent / "backups")
from ui.main_window import MainWindow
window = MainWindow(settings)
window.show()
qt.processEvents()
times = {}
for index in range(1, window.tabs.count()):
    started = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    qt.processEvents()
    times[window.tabs.tabText(index)] = time.perf_counter() - started
print(json.dumps(times, ensure_ascii=False))
window.close()
del window  # before the application: a window left to the interpreter's exit may crash it
maintenance.close_current()
"""

LABELS = """
import sys, time
from exports.labels import Label, LabelSheet, write_labels
labels = [Label(f"ВА-{n:05d}", "Ноутбук Lenovo ThinkPad E14 Gen 5",
                "МБОУ «Средняя общеобразовательная школа № 12»") for n in range(300)]
started = time.perf_counter()
write_labels(labels, LabelSheet(), sys.argv[1])
print(time.perf_counter() - started)
"""


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "IMC_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if not env.get("IMC_SYNC_PASSPHRASE"):  # the district key of the benchmark's sync folder
        from imc_desktop.sync.sealing import new_passphrase

        env["IMC_SYNC_PASSPHRASE"] = new_passphrase()
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode
    return env


def wall(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def pair(name: str, a: Sequence[str], b: Sequence[str], runs: int,
         env: dict[str, str]) -> tuple[float, float, float]:
    """Medians of A, of B and of the ratios A/B run by run; printed."""
    wall(a, env), wall(b, env)  # warm-up: caches, bytecode
    times_a, times_b, ratios = [], [], []
    for _ in range(runs):
        ta, tb = wall(a, env), wall(b, env)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    result = (statistics.median(times_a), statistics.median(times_b),
              statistics.median(ratios))
    print(f"{name}: {result[0]:.3f} s vs {result[1]:.3f} s, ratio {result[2]:.2f} "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
    return result


def alone(name: str, command: Sequence[str], runs: int, env: dict[str, str]) -> float:
    wall(command, env)
    times = [wall(command, env) for _ in range(runs)]
    median = statistics.median(times)
    print(f"{name}: {median:.3f} s (min {min(times):.3f}, max {max(times):.3f})")
    return median


def first_display(database: Path, runs: int, env: dict[str, str]) -> None:
    samples: dict[str, list[float]] = {}
    for _ in range(runs + 1):
        out = subprocess.run([PYTHON, "-c", TABS, str(database)], env=env, check=True,
                             capture_output=True, text=True).stdout
        for title, seconds in json.loads(out.strip().splitlines()[-1]).items():
            samples.setdefault(title, []).append(seconds)
    for title, values in samples.items():
        values = values[1:]  # the first run warms the caches
        print(f"first display of «{title}»: {statistics.median(values) * 1000:.0f} ms "
              f"(max {max(values) * 1000:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--staff", type=int, default=None, help="pedagogues in the demo")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="imc-bench-"))
    try:
        env = environment(folder / "home")
        database, store = folder / "demo.sqlite", folder / "store"
        store.mkdir()
        staff = [] if args.staff is None else ["--staff", str(args.staff)]
        subprocess.run([ENTRY, "demo-data", "--db", str(database), *staff], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([ENTRY, "sync", "--db", str(database), "--store", str(store),
                        "--new-store", "--name", "пк-1"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"demo database: {database.stat().st_size / 2**20:.1f} MiB; {args.runs} runs")
        sqlite = [PYTHON, "-c", "import sqlite3"]
        pair("start until «Главная» is usable / bare PySide6 window with six tabs (≤ 2)",
             [PYTHON, "-c", PROGRAM, str(database)], [PYTHON, "-c", BARE_WINDOW],
             args.runs, env)
        pair("start until «Главная» is usable, its figures computed (none kept) / bare window",
             [PYTHON, "-c", PROGRAM, str(database), "computed"], [PYTHON, "-c", BARE_WINDOW],
             args.runs, env)
        pair("start until every tab is built / bare PySide6 window with six tabs",
             [PYTHON, "-c", PROGRAM, str(database), "all"], [PYTHON, "-c", BARE_WINDOW],
             args.runs, env)
        pair("imc-desktop --help / python -c 'import sqlite3' (≤ 3)",
             [ENTRY, "--help"], sqlite, args.runs, env)
        pair("imc-desktop report --list / python -c 'import sqlite3' (≤ 3)",
             [ENTRY, "report", "--list"], sqlite, args.runs, env)
        alone("imc-desktop sync with nothing to do (≤ 0.5 s)",
              [ENTRY, "sync", "--db", str(database), "--store", str(store), "--name", "пк-1"],
              args.runs, env)
        first_display(database, args.runs, env)
        labels = [float(subprocess.run([PYTHON, "-c", LABELS, str(folder / "labels.pdf")],
                                       env=env, check=True, capture_output=True,
                                       text=True).stdout) for _ in range(3)]
        print(f"300 equipment labels (≤ 3 s): {statistics.median(labels):.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
