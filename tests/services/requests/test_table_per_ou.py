"""A table per ОО pre-filled from a module: each school's blank lists its own pedagogues (or
equipment) from the database; the rows come back into the summary grouped by ОО."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from exports.collection_blank import DATA_SHEET, HEADER_ROW
from imc_desktop.db import session_scope
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.requests import blanks, importing, records, reports, rules, write
from imc_desktop.services.requests.records import CollectionData
from imc_desktop.services.requests.rules import TemplateColumn
from models import EquipmentItem, Organization
from models.staff import Employment

TEMPLATE = (TemplateColumn("Курсы за 3 года", "bool"), TemplateColumn("Часов", "number"))


def _busiest_school() -> tuple[str, str, int]:
    with session_scope() as s:
        org_id, count = s.execute(
            select(Employment.organization_id, func.count()).where(
                Employment.left_on.is_(None)).group_by(Employment.organization_id)
            .order_by(func.count().desc())).first()  # type: ignore[misc]
        return org_id, s.get(Organization, org_id).short_name, count  # type: ignore[union-attr]


def test_each_blank_lists_the_school_s_pedagogues_and_comes_back_grouped(
        demo_database: DatabaseInfo, tmp_path: Path) -> None:
    org_id, name, staff = _busiest_school()
    collection_id = write.save_collection(CollectionData(
        title="Курсы педагогов", mode="table", prefill="staff", template=TEMPLATE,
        addressees="list", chosen=(org_id,)))
    result = blanks.generate_blanks(collection_id, tmp_path)
    path = result.files[0]
    book = openpyxl.load_workbook(path)
    sheet = book[DATA_SHEET]
    assert [sheet.cell(HEADER_ROW, c).value for c in range(1, 5)] == [
        "ФИО педагога", "Должность", "Курсы за 3 года", "Часов"]
    names = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + staff)]
    assert all(names) and sheet.cell(HEADER_ROW + 1 + staff, 1).value is None
    sheet.cell(HEADER_ROW + 1, 3, "да")
    sheet.cell(HEADER_ROW + 1, 4, 72)
    sheet.cell(HEADER_ROW + 2, 4, 36)
    book.save(path)

    read = importing.read_returned(collection_id, [path])
    assert read.messages() == [] and read.accepted[0].rows == staff
    summary = reports.summary(collection_id)
    assert len(summary.rows) == staff and {r[0] for r in summary.rows} == {name}
    assert summary.totals == (None, None, None, 108)
    assert records.answers(collection_id)[0].status == rules.RECEIVED


def test_a_blank_pre_filled_with_equipment_lists_what_is_not_written_off(
        demo_database: DatabaseInfo, tmp_path: Path) -> None:
    with session_scope() as s:
        org_id, count = s.execute(
            select(EquipmentItem.organization_id, func.count()).where(
                EquipmentItem.status != "списано").group_by(EquipmentItem.organization_id)
            .order_by(func.count().desc())).first()  # type: ignore[misc]
    collection_id = write.save_collection(CollectionData(
        title="Оборудование", mode="table", prefill="equipment",
        template=(TemplateColumn("Исправно", "bool"),), addressees="list", chosen=(org_id,)))
    path = blanks.generate_blanks(collection_id, tmp_path).files[0]
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    filled = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, HEADER_ROW + 2 + count)]
    assert sum(1 for v in filled if v) == count
