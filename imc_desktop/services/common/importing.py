"""Imports from Excel: the registry of kinds and what every kind shares.

A module adds its kind with :func:`register`; the engine (``imc_desktop.importers``) does
the reading and checking, a kind's ``apply`` writes the valid rows in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.importers import ImportFailed as ImportFailed
from imc_desktop.importers import ImportField as ImportField  # the screens take these from here
from imc_desktop.importers import ImportKind as ImportKind
from imc_desktop.importers import ImportOptions as ImportOptions
from imc_desktop.importers import ImportPreview as ImportPreview
from imc_desktop.importers import ImportSummary as ImportSummary
from imc_desktop.importers import SheetHeader as SheetHeader
from imc_desktop.importers import cell_text as cell_text
from imc_desktop.importers import column_letter as column_letter
from imc_desktop.importers import guess_mapping as guess_mapping
from imc_desktop.importers import load_mapping as load_mapping
from imc_desktop.importers import mapping_signature as mapping_signature
from imc_desktop.importers import missing_required as missing_required
from imc_desktop.importers import open_workbook as open_workbook
from imc_desktop.importers import prepare as prepare
from imc_desktop.importers import read_header as read_header
from imc_desktop.importers import run as run
from imc_desktop.importers import save_mapping as save_mapping
from imc_desktop.services.common.errors import ServiceError
from models import Organization

MAPPINGS_FILE = "import-mappings.json"
KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    KINDS[kind.name] = kind
    return kind


def all_kinds() -> dict[str, ImportKind]:
    """Every kind: the modules of :mod:`imc_desktop.services.catalog` register them on import."""
    from imc_desktop.services import catalog

    catalog.load_import_kinds()
    return dict(KINDS)


def get_kind(name: str) -> ImportKind:
    all_kinds()
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise ServiceError(f"Неизвестный вид импорта «{name}». Допустимые: {known}.") from None


def mapping_store(data_dir: Path) -> Path:
    """Where remembered column mappings are kept: a JSON file in the user's data folder."""
    return data_dir / MAPPINGS_FILE


@contextmanager
def unit_of_work(dry_run: bool) -> Iterator[Session]:
    """One transaction for a whole import; a dry run rolls it back at the end."""
    with session_scope() as session:
        yield session
        session.flush()
        if dry_run:
            session.rollback()


def organization_references(_field: str = "") -> dict[str, str]:
    """{name: id} of every ОО by short and by full name: for kinds that refer to an ОО."""
    with session_scope() as s:
        rows = s.execute(select(Organization.id, Organization.short_name,
                                Organization.full_name)).all()
    names = {full: org_id for org_id, _short, full in rows if full}
    names.update({short: org_id for org_id, short, _full in rows})
    return names


# ---------------------------------------------------------------- templates

EXAMPLES: dict[str, dict[str, object]] = {
    "organizations": {
        "full_name": "Муниципальное бюджетное общеобразовательное учреждение "
                     "«Ивановская средняя общеобразовательная школа»",
        "short_name": "МБОУ «Ивановская СОШ»", "kind": "школа", "legal_form": "МБОУ",
        "inn": "7205011944", "kpp": "720501001", "ogrn": "1027201234565",
        "okpo": "45781234", "legal_address": "Тюменская область, с. Ивановка, ул. Школьная, 1",
        "actual_address": "Тюменская область, с. Ивановка, ул. Школьная, 1",
        "head_name": "Иванова Мария Петровна", "head_phone": "+7 (34535) 2-11-11",
        "head_email": "school@example.ru", "website": "ivanovka.example.ru", "pupils": 254},
    "staff": {
        "last_name": "Петрова", "first_name": "Анна", "middle_name": "Сергеевна",
        "sex": "ж", "birth_date": date(1985, 3, 12), "snils": "112-233-445 95",
        "inn": "", "phone": "+7 912 000-00-00", "email": "petrova@example.ru",
        "organization": "МБОУ «Ивановская СОШ»", "position": "учитель",
        "job_type": "основное", "load": 1.0, "subjects": "математика, информатика",
        "hired_on": date(2010, 9, 1), "appointed_on": date(2010, 9, 1),
        "education": "высшее", "institution": "Тюменский государственный университет",
        "graduation_year": 2007, "speciality": "Математика",
        "qualification": "Учитель математики", "ped_experience": "16 лет 3 мес.",
        "total_experience": "18 лет", "experience_as_of": date(2026, 9, 1),
        "category": "первая"},
}


def template(kind_name: str, folder: Path) -> Path:
    """The kind's template workbook in `folder`: its headings and one example row."""
    from exports.import_template import write_import_template

    kind = get_kind(kind_name)
    examples = EXAMPLES.get(kind_name, {})
    fields = kind.fields
    return write_import_template(
        folder / f"Шаблон — {kind.title}.xlsx", kind.title, [f.title for f in fields],
        [f.required for f in fields], [examples.get(f.name, _example(f)) for f in fields])


def _example(field: ImportField) -> object:
    if field.choices:
        return field.choices[0]
    return {"date": date(2026, 9, 1), "int": 1, "number": 1, "bool": "да"}.get(field.kind, "")
