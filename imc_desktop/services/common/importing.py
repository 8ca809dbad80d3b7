"""Imports from Excel: the registry of kinds and what every kind shares.

A module adds its kind with :func:`register`; the engine (``imc_desktop.importers``) does
the reading and checking, a kind's ``apply`` writes the valid rows in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.importers import ImportFailed as ImportFailed  # the screens take these from here
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
