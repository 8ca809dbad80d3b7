"""Every export is written to the audit trail (report, format, file, number of persons), and
one that carries a person's full СНИЛС or ИНН needs the administrator role (152-ФЗ).

The numbers are found in the report's cells themselves, whatever the report: a СНИЛС with
a valid check number (written `000-000-000 00` or as 11 digits) or a person's 12-digit ИНН
with valid check digits. Masked numbers (`***-***-123 **`) and an ОО's 10-digit ИНН pass.
"""

from __future__ import annotations

import re
from pathlib import Path

from exports import Report
from imc_desktop import db
from imc_desktop.services.common import access, audit
from imc_desktop.validation import inn_is_valid, snils_is_valid

_SNILS = re.compile(r"^\d{3}-?\d{3}-?\d{3}[ -]?\d{2}$")
_PERSON_INN = re.compile(r"^\d{12}$")
_PERSON_COLUMNS = ("фио", "фамилия", "педагог", "участник", "работник", "сотрудник")


def personal_numbers(report: Report) -> int:
    """How many cells of the report hold a full СНИЛС or a person's ИНН."""
    found = 0
    for table in report.tables:
        for row in table.rows:
            for cell in row:
                if isinstance(cell, str) and _is_number(cell.strip()):
                    found += 1
    return found


def _is_number(text: str) -> bool:
    if _SNILS.match(text):
        return snils_is_valid(text)
    return bool(_PERSON_INN.match(text)) and inn_is_valid(text)


def persons(report: Report) -> int:
    """Rows of the tables that list people (a column of names), 0 if none does."""
    count = 0
    for table in report.tables:
        titles = " ".join(c.title.casefold() for c in table.columns)
        if any(word in titles for word in _PERSON_COLUMNS):
            count += len(table.rows)
    return count


def before_export(report: Report) -> None:
    """Refuse (AccessDenied) an export of full СНИЛС/ИНН by anyone but an administrator,
    and (JournalUnavailable) an export of an archive that could not be audit-logged."""
    current = db.current_or_none()
    if current is not None:
        audit.require_journal(current)
    if current is not None and personal_numbers(report):
        access.require_admin("Выгрузка и печать полных СНИЛС и ИНН")


def after_export(report: Report, fmt: str, path: Path) -> None:
    if db.current_or_none() is None:
        return
    rows = sum(len(t.rows) for t in report.tables)
    numbers = personal_numbers(report)
    detail = f"{fmt}, файл {path.name}; строк: {rows}" + (
        f"; полных СНИЛС/ИНН: {numbers}" if numbers else "")
    audit.record(audit.EXPORT, report.title, detail, persons(report))
