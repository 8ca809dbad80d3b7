"""Memory and time of the largest import a methodist is expected to make: 50,000 pedagogues
(issue «Bad input…»: under 500 MB). A script, not a test; it prints the figures:

    uv run python tests/benchmarks/memory_import_50k.py

The workbook has the 11 columns of bench_import_staff.py; the import runs as a whole
`imc-desktop import staff --valid-only` process (random СНИЛС repeat now and then among
50,000: those rows are skipped, the rest written) into a database with the 40 demo ОО; its peak
resident memory is read from the system (ru_maxrss of the finished child).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = 50_000


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from imc_desktop.services import demo
    from imc_desktop.services.common import maintenance
    from imc_desktop.services.organizations import records as organizations
    from tests.benchmarks import bench_import_staff as staff_bench

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "district.sqlite"
        maintenance.open_current(database, folder / "backups")
        demo.fill_demo(staff=0)
        schools = [o.short_name for o in organizations.list_organizations()]
        maintenance.close_current()
        staff_bench.ROWS = ROWS
        book = staff_bench._workbook(folder / "staff-50000.xlsx", schools)
        print(f"Книга: {ROWS} строк, {book.stat().st_size / 2**20:.1f} МиБ")
        env = {**os.environ, "IMC_DESKTOP_HOME": str(folder / "home")}
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "imc_desktop", "import", "staff",
                               str(book), "--db", str(database), "--valid-only"],
                              capture_output=True,
                              text=True, env=env)
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "")
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
        print(f"Импорт: код {done.returncode}, {elapsed:.1f} с, пик памяти "
              f"{peak_kib / 1024:.0f} МиБ")
        return done.returncode


if __name__ == "__main__":
    sys.exit(main())
