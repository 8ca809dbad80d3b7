"""Every module's data travels through the sync location: the demo database (staff,
attestation, events, literature, equipment) published by one PC, rebuilt on another, and the
modules' own operations made on either PC, merged, with conflicts named in Russian."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from imc_desktop.services.common import maintenance
from imc_desktop.services.equipment import acts as equipment_acts
from imc_desktop.services.equipment import records as equipment
from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync import local
from imc_desktop.sync.share import Share
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import Workstation, admit_copy

MODULE_TABLES = ("events", "event_participants", "literature_titles", "literature_documents",
                 "literature_lines", "equipment_items", "equipment_events", "inventory_lines")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Path:
    """PC «Кабинет 1» holds the demo data and has published it; «Кабинет 2» was new and
    has synchronised once. Built once; each test works on a copy of the whole office."""
    root = tmp_path_factory.mktemp("office")
    (root / "share").mkdir()
    (root / "Кабинет 1").mkdir()
    shutil.copyfile(demo_template, root / "Кабинет 1" / "imc.sqlite")
    a = Workstation(root / "Кабинет 1" / "imc.sqlite", Share(root / "share"), "Кабинет 1")
    assert a.sync().pushed > 0
    Workstation(root / "Кабинет 2" / "imc.sqlite", Share(root / "share"), "Кабинет 2").sync()
    return root


@pytest.fixture
def office(tmp_path: Path, published: Path) -> Iterator[tuple[Workstation, Workstation]]:
    root = tmp_path / "office"
    shutil.copytree(published, root)
    share = Share(root / "share")
    pcs = (Workstation(root / "Кабинет 1" / "imc.sqlite", share, "Кабинет 1"),
           Workstation(root / "Кабинет 2" / "imc.sqlite", share, "Кабинет 2"))
    for pc in pcs:  # the copied office is the office itself: its PCs are at home here
        pc.sql("UPDATE sync_state SET value=? WHERE name=?", local.home_of(pc.path),
               local.HOME)
        admit_copy(pc)
    yield pcs
    maintenance.close_current()


def _use(pc: Workstation) -> None:
    """Make the PC's file the one the services work on (as its program would)."""
    maintenance.connect_current(pc.path, pc.path.parent / "backups")


def _settle(*pcs: Workstation) -> None:
    maintenance.close_current()
    for _round in range(2):
        for pc in pcs:
            pc.sync()


def test_a_new_workstation_gets_every_module_s_records(
        office: tuple[Workstation, Workstation]) -> None:
    a, b = office
    for table in MODULE_TABLES:
        assert a.sql(f'SELECT count(*) FROM "{table}"')[0][0] > 0, table
    assert set(synced_tables()) >= set(MODULE_TABLES)
    assert b.content() == a.content()
    assert b.sql("PRAGMA foreign_key_check") == []


def test_edits_of_different_fields_on_two_pcs_merge(
        office: tuple[Workstation, Workstation]) -> None:
    a, b = office
    item_id = a.sql("SELECT id FROM equipment_items WHERE status='в эксплуатации' "
                    "ORDER BY inventory_number LIMIT 1")[0][0]
    _use(a)
    equipment.save_item(dataclasses.replace(equipment.get_item(item_id), room="каб. 101"))
    _use(b)
    equipment.save_item(dataclasses.replace(equipment.get_item(item_id), model="Новая модель"))
    _settle(a, b)
    for pc in (a, b):
        assert pc.value("equipment_items", item_id, "room") == "каб. 101"
        assert pc.value("equipment_items", item_id, "model") == "Новая модель"
        assert pc.conflicts() == set()
    assert a.content() == b.content()


def test_a_write_off_made_on_one_pc_reaches_the_other(
        office: tuple[Workstation, Workstation]) -> None:
    a, b = office
    items = [r[0] for r in b.sql("SELECT id FROM equipment_items WHERE status='в эксплуатации' "
                                 "ORDER BY inventory_number LIMIT 2")]
    _use(b)
    act = equipment_acts.create_write_off(items, equipment_acts.WriteOffData(
        date(2026, 11, 20), "С-77", "износ", "Петрова А.И.", ("Иванов И.И.", "Сидоров С.С.")))
    equipment_acts.confirm_write_off(act, date(2026, 11, 21))
    _settle(b, a)
    assert [a.value("equipment_items", i, "status") for i in items] == ["списано", "списано"]
    assert a.sql("SELECT number, confirmed FROM equipment_acts WHERE id=?", act) == [("С-77", 1)]
    assert a.content() == b.content()
    assert a.sql("PRAGMA foreign_key_check") == []


def test_a_conflict_on_a_module_table_is_named_in_russian(
        office: tuple[Workstation, Workstation]) -> None:
    a, b = office
    number, item_id = a.sql("SELECT inventory_number, id FROM equipment_items "
                            "ORDER BY inventory_number LIMIT 1")[0]
    a.update("equipment_items", item_id, room="каб. 1")
    b.update("equipment_items", item_id, room="каб. 2")
    _settle(a, b)
    assert a.value("equipment_items", item_id, "room") == b.value(
        "equipment_items", item_id, "room")
    rows = sync_views.conflicts(a.path)
    assert [(r.table, r.field) for r in rows] == [("Оборудование", "помещение")]
    assert rows[0].record.startswith(number)
    assert {rows[0].kept_value, rows[0].other_value} == {"каб. 1", "каб. 2"}
    assert [(r.table, r.field, r.record) for r in sync_views.conflicts(b.path)] == [
        (r.table, r.field, r.record) for r in rows]


def test_copies_issued_twice_offline_are_reported_after_the_sync(
        office: tuple[Workstation, Workstation]) -> None:
    from decimal import Decimal

    from imc_desktop.services.literature import balances as bal
    from imc_desktop.services.literature import documents as docs
    from imc_desktop.services.sync import runner as sync

    a, b = office
    _use(a)
    fund = max((r for r in bal.balances(date.today(), bal.IMC_HOLDER)),
               key=lambda r: r.quantity)
    schools = [r[0] for r in a.sql("SELECT id FROM organizations ORDER BY short_name LIMIT 2")]
    for pc, school in ((a, schools[0]), (b, schools[1])):
        _use(pc)
        docs.post_document(docs.save_document(docs.DocumentData(
            kind=docs.ISSUE, doc_date=date.today(), to_org_id=school,
            lines=(docs.LineData(fund.title_id, fund.quantity, Decimal("100.00")),))))
    maintenance.close_current()
    first = sync.run(a.path, a.share.root, a.name)
    assert not any("ниже нуля" in n for n in first.notes)
    second = sync.run(b.path, b.share.root, b.name)
    assert second.notes[0].startswith("Остатки литературы ниже нуля")
    assert any(f"Фонд ИМЦ: -{fund.quantity} экз." in n for n in second.notes[1:])
