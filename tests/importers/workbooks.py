"""Real .xlsx files for the import tests, built with openpyxl."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary

STAFF_HEADER = ("№ п/п", "Ф.И.О.", "Дата рождения", "СНИЛС", "ОО", "Должность", "Ставка")
POSITIONS = ("учитель", "воспитатель", "методист")


def write_xlsx(path: Path, rows: Iterable[Sequence[Any]], merges: Sequence[str] = (),
               sheet: str = "Лист1", extra_sheets: Sequence[str] = ()) -> Path:
    """A workbook with one sheet of these rows (None for an empty cell) and merged ranges."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for name in extra_sheets:
        wb.create_sheet(name)
    wb.save(path)
    return path


def staff_rows(n: int, start: int = 1) -> list[tuple[Any, ...]]:
    return [(i, "Иванова Анна Сергеевна", date(1980, 1, 1 + i % 28),
             "112-233-445 95", "МБОУ СОШ № 1", "учитель", 1.0)
            for i in range(start, start + n)]


class Recorder:
    """A kind's apply that keeps what it was given instead of writing to a database."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[ImportRow], ImportOptions]] = []

    def __call__(self, rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
        self.calls.append((rows, options))
        return ImportSummary(len(rows), 0, (), options.dry_run)


def staff_kind(apply: Recorder | None = None,
               references: dict[str, str] | None = None) -> ImportKind:
    """A pedagogue-like kind: split ФИО, a date, СНИЛС, ИНН, a reference to the ОО."""
    known = {"МБОУ СОШ № 1": "org-1", "МАОУ «Покровская СОШ»": "org-2"}
    known.update(references or {})
    return ImportKind(
        name="staff-test", title="Педагоги", full_name_field=True,
        fields=(
            ImportField("last_name", "Фамилия", required=True),
            ImportField("first_name", "Имя", required=True),
            ImportField("middle_name", "Отчество"),
            ImportField("birth_date", "Дата рождения", "date", aliases=("Дата рожд.",)),
            ImportField("snils", "СНИЛС", "snils", aliases=("Страховой номер",)),
            ImportField("inn", "ИНН", "inn"),
            ImportField("organization", "ОО", "reference", required=True,
                        aliases=("Образовательная организация", "Место работы")),
            ImportField("position", "Должность", "choice", choices=POSITIONS),
            ImportField("rate", "Ставка", "number"),
            ImportField("main_job", "Основное место работы", "bool"),
        ),
        apply=apply or Recorder(),
        references=lambda _field: dict(known),
    )
