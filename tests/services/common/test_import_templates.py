"""The templates offered for import: the expected headings, one example row, and the
template as written imports cleanly into an empty database (ОО first, then pedagogues)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from imc_desktop import importers
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff


@pytest.mark.parametrize("kind_name", ["organizations", "staff"])
def test_a_template_has_the_headings_and_an_example(tmp_path: Path, kind_name: str) -> None:
    kind = importing.get_kind(kind_name)
    path = importing.template(kind_name, tmp_path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    headings = [c.value for c in sheet[1]]
    assert headings == [f.title for f in kind.fields]
    example = [c.value for c in sheet[2]]
    for field, value in zip(kind.fields, example, strict=True):
        if field.required:
            assert value not in (None, ""), field.title
            assert sheet.cell(1, headings.index(field.title) + 1).font.bold


def _import(path: Path, kind_name: str) -> importers.ImportSummary:
    kind = importing.get_kind(kind_name)
    header = importers.read_header(path, kind.title, kind)
    mapping = importers.guess_mapping(header.headers, kind)
    assert not importers.missing_required(mapping, kind)
    preview = importers.prepare(path, header.sheet, kind, mapping)
    assert preview.problems() == []
    return importers.run(preview, kind)


def test_the_templates_import_into_an_empty_database(database: DatabaseInfo,
                                                     tmp_path: Path) -> None:
    _import(importing.template("organizations", tmp_path), "organizations")
    _import(importing.template("staff", tmp_path), "staff")
    assert [o.short_name for o in organizations.list_organizations()] == [
        "МБОУ «Ивановская СОШ»"]
    assert staff.count_persons() == 1
