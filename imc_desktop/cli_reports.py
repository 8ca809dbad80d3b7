"""`imc-desktop report`: list the registered reports or write one to a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from imc_desktop.errors import ServiceError


def add_report_parser(sub: Any) -> None:
    p = sub.add_parser("report", help="список отчётов или запись отчёта в файл")
    p.add_argument("name", nargs="?", help="имя отчёта (см. --list)")
    p.add_argument("--list", action="store_true", help="показать список отчётов")
    p.add_argument("--db", type=Path, help="файл базы данных")
    p.add_argument("--format", choices=("docx", "xlsx", "pdf"), help="формат файла")
    p.add_argument("--out", type=Path, help="файл отчёта")
    p.add_argument("--param", action="append", default=[], metavar="K=V",
                   help="параметр отчёта (можно несколько раз)")


def _params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ServiceError(f"Параметр «{pair}» записан неверно: нужно ИМЯ=ЗНАЧЕНИЕ.")
        params[key.strip()] = value
    return params


def _print_list() -> int:
    from imc_desktop.report_list import listing

    print(listing(), end="")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    if args.list:
        return _print_list()
    import sys

    from imc_desktop import config
    from imc_desktop.cli import open_for_reading
    from imc_desktop.services.common import reports

    missing = [flag for flag, value in (("имя отчёта", args.name), ("--db", args.db),
                                        ("--format", args.format), ("--out", args.out))
               if not value]
    if missing:
        print("Не хватает: " + ", ".join(missing) + ". Пример: imc-desktop report "
              "organizations --db база.sqlite --format pdf --out отчёт.pdf", file=sys.stderr)
        return 2
    params = _params(args.param)
    reports.get(args.name)
    open_for_reading(args.db)
    settings = config.Settings()
    report = reports.build(args.name, params, settings)
    reports.write(report, args.format, args.out, settings)
    print(f"Отчёт «{report.title}» записан: {args.out}")
    return 0
