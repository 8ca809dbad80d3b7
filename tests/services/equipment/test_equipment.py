"""Equipment: inventory-number rules, history after moves and repairs, the write-off flow,
an inventory session with found / missing / surplus, the informatisation figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import acts, stats
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.organizations import records as orgs
from models import EquipmentEvent
from models.equipment import (
    EVENT_MOVE,
    EVENT_RECEIVED,
    EVENT_REPAIR,
    EVENT_STATUS,
    EVENT_WRITE_OFF,
)
from tests.services.organizations.test_organizations import SCHOOL

TODAY = date(2026, 1, 5)


@pytest.fixture
def schools(database: DatabaseInfo) -> tuple[str, str]:
    first = orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1", pupils=200))
    second = orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 2",
                                            full_name="Школа № 2", inn="", pupils=50))
    return first, second


def item(org: str | None, number: str, **more: object) -> eq.ItemData:
    values: dict[str, object] = {"inventory_number": number, "name": "Ноутбук Lenovo",
                                 "kind": "ноутбук", "organization_id": org,
                                 "accepted_on": date(2020, 9, 1), "cost": 50000.0,
                                 "serial_number": f"SN-{number}", "room": "каб. 1"}
    return eq.ItemData(**(values | more))  # type: ignore[arg-type]


def kinds(item_id: str) -> list[str]:
    return [e.kind for e in hist.history(item_id)]


# ---------------------------------------------------------------- inventory numbers

def test_a_taken_number_is_refused_even_written_differently(schools: tuple[str, str]) -> None:
    eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(item(schools[0], " ва-0001 "), TODAY)
    assert "уже присвоен" in caught.value.problems["inventory_number"]


def test_a_deleted_items_number_is_never_reused(schools: tuple[str, str]) -> None:
    first = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    assert eq.delete_items([first], TODAY) == 1
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    assert "удалено из реестра" in caught.value.problems["inventory_number"]


def test_a_renumbered_items_old_number_stays_issued(schools: tuple[str, str]) -> None:
    first = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    eq.save_item(replace(eq.get_item(first), inventory_number="ВА-0002"), TODAY)
    with pytest.raises(ValidationFailed):
        eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    # saving the item again under its own number is fine
    eq.save_item(replace(eq.get_item(first), room="каб. 2"), TODAY)


def test_a_written_off_items_number_is_refused(schools: tuple[str, str]) -> None:
    first = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    act = acts.create_write_off([first], acts.WriteOffData(
        TODAY, "1", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    acts.confirm_write_off(act, TODAY)
    with pytest.raises(ValidationFailed) as caught:
        eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    assert "(списано)" in caught.value.problems["inventory_number"]


def test_duplicates_that_arrived_otherwise_are_listed(schools: tuple[str, str]) -> None:
    from imc_desktop.db import session_scope
    from models import EquipmentItem

    eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    eq.save_item(item(schools[0], "ВА-0002"), TODAY)
    with session_scope() as s:  # as an import or a sync would bring it
        s.add(EquipmentItem(inventory_number="ва-0001", name="Принтер", kind="принтер"))
    found = eq.duplicates()
    assert [d.inventory_number for d in found] == ["ВА-0001"]
    assert sorted(x.name for x in found[0].items) == ["Ноутбук Lenovo", "Принтер"]
    assert len(eq.duplicate_ids()) == 2


@pytest.mark.parametrize(("changes", "field"), [
    ({"inventory_number": " "}, "inventory_number"), ({"name": ""}, "name"),
    ({"kind": "пылесос"}, "kind"), ({"cost": -1.0}, "cost"),
    ({"warranty_until": date(2019, 1, 1)}, "warranty_until"),
])
def test_bad_items_are_refused_field_by_field(changes: dict[str, object], field: str) -> None:
    assert field in eq.validate_item(replace(item(None, "1"), **changes))  # type: ignore[arg-type]


# ---------------------------------------------------------------- history

def test_a_move_makes_an_act_and_an_event(schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    b = eq.save_item(item(schools[0], "ВА-0002"), TODAY)
    act_id = hist.move_items([a, b], hist.MoveData(schools[1], "каб. 7", "Орлова О.О.",
                                                   TODAY, "15"))
    moved = eq.get_item(a)
    assert (moved.organization_id, moved.room, moved.responsible) == (
        schools[1], "каб. 7", "Орлова О.О.")
    assert kinds(a) == [EVENT_RECEIVED, EVENT_MOVE]
    event = hist.history(a)[-1]
    assert event.act_number == "15"
    assert "МБОУ СОШ № 1, каб. 1 → МБОУ СОШ № 2, каб. 7" in event.description
    detail = acts.act_detail(act_id)
    assert detail.kind == acts.ACT_TRANSFER and len(detail.lines) == 2
    assert detail.from_organization and detail.to_organization == "Школа № 2"


def test_a_repair_goes_and_comes_back_into_the_history(schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    hist.send_to_repair([a], hist.RepairStart(date(2025, 3, 1), "ООО «Сервис»"))
    assert eq.get_item(a).status == eq.IN_REPAIR
    with pytest.raises(ServiceError, match="Уже в ремонте"):
        hist.send_to_repair([a], hist.RepairStart(date(2025, 3, 2)))
    with pytest.raises(ServiceError, match="раньше"):
        hist.back_from_repair([a], hist.RepairEnd(date(2025, 2, 1)))
    hist.back_from_repair([a], hist.RepairEnd(date(2025, 3, 12), "заменён диск", 3500.0))
    assert eq.get_item(a).status == eq.IN_USE
    repair = hist.history(a)[-1]
    assert (repair.kind, repair.finished_on, repair.cost) == (
        EVENT_REPAIR, date(2025, 3, 12), 3500.0)
    assert "ООО «Сервис»" in repair.description and "заменён диск" in repair.description


def test_a_status_change_on_the_card_is_an_event(schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    eq.save_item(replace(eq.get_item(a), status=eq.RESERVE), TODAY)
    assert kinds(a) == [EVENT_RECEIVED, EVENT_STATUS]
    assert "в эксплуатации → резерв" in hist.history(a)[-1].description


# ---------------------------------------------------------------- write-off

COMMISSION = acts.WriteOffData(TODAY, "3", "физический износ, ремонт нецелесообразен",
                               "Иванов И.И.", ("Петров П.П.", "Сидоров С.С."))


def test_items_are_written_off_only_when_the_act_is_confirmed(
        schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    act_id = acts.create_write_off([a], COMMISSION)
    assert eq.get_item(a).status == eq.TO_WRITE_OFF
    assert not acts.list_acts()[0].confirmed
    with pytest.raises(ServiceError, match="неутверждённом"):
        acts.create_write_off([a], COMMISSION)
    assert acts.confirm_write_off(act_id, TODAY) == 1
    assert eq.get_item(a).status == eq.WRITTEN_OFF
    assert kinds(a)[-1] == EVENT_WRITE_OFF
    with pytest.raises(ServiceError, match="Списанное"):
        hist.move_items([a], hist.MoveData(schools[1]))
    with pytest.raises(ServiceError, match="Списанное оборудование «ВА-0001» не изменяется"):
        eq.save_item(replace(eq.get_item(a), room="склад"), TODAY)
    assert eq.get_item(a).room != "склад"
    row = acts.list_acts()[0]
    assert (row.confirmed, row.items, row.total_cost) == (True, 1, 50000.0)


def test_a_withdrawn_act_gives_the_former_status_back(schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001", status=eq.RESERVE), TODAY)
    act_id = acts.create_write_off([a], COMMISSION)
    acts.cancel_write_off(act_id, TODAY)
    assert eq.get_item(a).status == eq.RESERVE
    assert acts.list_acts() == []


def test_a_write_off_needs_a_commission(schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    with pytest.raises(ServiceError, match="не менее двух членов"):
        acts.create_write_off([a], replace(COMMISSION, members=("Петров П.П.",)))
    assert eq.get_item(a).status == eq.IN_USE


# ---------------------------------------------------------------- inventory

def test_an_inventory_session_with_found_missing_and_surplus(
        schools: tuple[str, str]) -> None:
    a = eq.save_item(item(schools[0], "ВА-0001"), TODAY)
    eq.save_item(item(schools[0], "ВА-0002"), TODAY)
    eq.save_item(item(schools[0], "ВА-0003"), TODAY)
    elsewhere = eq.save_item(item(schools[1], "ВА-0100", name="Проектор Epson"), TODAY)
    session = inv.start_session(inv.SessionData(schools[0], TODAY, "1", "Иванов И.И."))
    eq.save_item(item(schools[0], "ВА-0004"), TODAY)  # after the start: not expected
    with pytest.raises(ServiceError, match="уже идёт"):
        inv.start_session(inv.SessionData(schools[0], TODAY))
    assert inv.check_in(session, "ва-0001; Ноутбук Lenovo; МБОУ СОШ № 1").line_id is not None
    assert not inv.check_in(session, "SN-ВА-0002").surplus  # by serial
    surplus = inv.check_in(session, "ВА-0100")
    unknown = inv.check_in(session, "X-77", name="Сканер")
    assert surplus.surplus and unknown.surplus
    assert inv.close_session(session, TODAY) == 1
    detail = inv.session_detail(session)
    states = {x.inventory_number: (x.expected, x.state) for x in detail.lines}
    assert states == {"ВА-0001": (True, inv.LINE_FOUND), "ВА-0002": (True, inv.LINE_FOUND),
                      "ВА-0003": (True, inv.LINE_MISSING), "ВА-0100": (False, inv.LINE_SURPLUS),
                      "X-77": (False, inv.LINE_SURPLUS)}
    assert next(x for x in detail.lines if x.inventory_number == "ВА-0100").item_id == elsewhere
    row = detail.row
    assert (row.expected, row.found, row.missing, row.surplus) == (3, 2, 1, 2)
    with pytest.raises(ServiceError, match="закрыта"):
        inv.mark([detail.lines[0].id], inv.LINE_MISSING)
    assert a


# ---------------------------------------------------------------- informatisation

def test_the_informatisation_figures(schools: tuple[str, str]) -> None:
    for n in range(4):
        eq.save_item(item(schools[0], f"П-{n}", kind="ПК", accepted_on=date(2015 + n, 1, 1)),
                     TODAY)
    worn = eq.save_item(item(schools[0], "П-9", kind="ПК"), TODAY)
    acts.create_write_off([worn], acts.WriteOffData(TODAY, "С-1", "износ", "Иванов И.И.",
                                                    ("Петров П.П.", "Сидоров С.С.")))
    eq.save_item(item(schools[1], "М-1", kind="МФУ", accepted_on=date(2015, 6, 1)), TODAY)
    repaired = eq.save_item(item(schools[1], "Н-1"), TODAY)
    hist.send_to_repair([repaired], hist.RepairStart(TODAY))
    pupils = {r.organization: (r.pupils, r.computers, r.per_100)
              for r in stats.computers_per_pupil()}
    assert pupils == {"МБОУ СОШ № 1": (200, 4, 2.0), "МБОУ СОШ № 2": (50, 1, 2.0),
                      stats.TOTAL: (250, 5, 2.0)}
    ages = {r.year: (r.computers, r.other) for r in stats.fleet_age(TODAY)}
    assert ages == {2015: (1, 1), 2016: (1, 0), 2017: (1, 0), 2018: (1, 0), 2019: (0, 0),
                    2020: (2, 0)}
    state = {r.organization: (r.total, r.in_repair, r.to_write_off, r.share)
             for r in stats.out_of_order()}
    assert state == {"МБОУ СОШ № 1": (5, 0, 1, 20.0), "МБОУ СОШ № 2": (2, 1, 0, 50.0),
                     stats.TOTAL: (7, 1, 1, 28.6)}


# ---------------------------------------------------------------- demo

def test_the_demo_has_thousands_of_items_with_histories(demo_database: DatabaseInfo) -> None:
    rows = eq.list_items()
    assert len(rows) > 2000 and eq.duplicates() == []
    assert len({r.organization_id for r in rows}) == len(orgs.list_organizations())
    statuses = {r.status for r in rows}
    assert statuses == set(eq.STATUSES)
    written_off = next(r for r in rows if r.status == eq.WRITTEN_OFF)
    assert [e.kind for e in hist.history(written_off.id)][-1] == EVENT_WRITE_OFF
    assert any(not a.confirmed for a in acts.list_acts())
    assert any(a.kind == acts.ACT_TRANSFER for a in acts.list_acts())
    assert inv.list_sessions()[0].missing == 3


def test_an_item_in_an_act_is_not_deleted_but_one_counted_is(
        schools: tuple[str, str]) -> None:
    from imc_desktop.services.common.errors import InUse

    moved = eq.save_item(item(schools[0], "ВА-1"), TODAY)
    counted = eq.save_item(item(schools[0], "ВА-2"), TODAY)
    hist.move_items([moved], hist.MoveData(schools[1]))
    with pytest.raises(InUse, match="ВА-1"):
        eq.delete_items([moved, counted], TODAY)
    session = inv.start_session(inv.SessionData(schools[0], TODAY))
    assert eq.delete_items([counted], TODAY) == 1
    [line] = inv.session_detail(session).lines
    assert (line.item_id, line.inventory_number) == (None, "ВА-2")


# ---------------------------------------------------------------- the district on a past date

def on_date(on: date) -> dict[str, tuple[int, int, int]]:
    """ОО → (items, in repair, awaiting write-off) as the register stood on the date."""
    return {r.organization: (r.total, r.in_repair, r.to_write_off)
            for r in stats.out_of_order(stats.fleet(on))}


def test_a_moved_item_counts_where_it_stood_on_the_date(schools: tuple[str, str]) -> None:
    a, b = schools
    c = orgs.save_organization(replace(SCHOOL, short_name="МБОУ ООШ № 3", inn="",
                                       full_name="Школа № 3", pupils=30))
    moved = eq.save_item(item(a, "ПМ-1", kind="ПК"), TODAY)
    eq.save_item(item(a, "ПМ-2", kind="ПК"), TODAY)
    hist.move_items([moved], hist.MoveData(b, act_date=date(2025, 3, 12)))
    assert on_date(date(2025, 2, 15))["МБОУ СОШ № 1"] == (2, 0, 0)
    assert "МБОУ СОШ № 2" not in on_date(date(2025, 2, 15))
    assert on_date(date(2025, 4, 15))["МБОУ СОШ № 2"] == (1, 0, 0)
    assert on_date(date(2025, 3, 12))["МБОУ СОШ № 1"] == (1, 0, 0)  # moved that day
    pupils = {r.organization: r.computers for r in stats.computers_per_pupil(
        stats.fleet(date(2025, 2, 15)))}
    assert pupils["МБОУ СОШ № 1"] == 2 and pupils["МБОУ СОШ № 2"] == 0
    # one act from two ОО records each item's source only as text «ОО, room»
    hist.move_items([moved, eq.find_by_number("ПМ-2")[0].id or ""],
                    hist.MoveData(c, act_date=date(2025, 5, 20)))
    may = on_date(date(2025, 5, 1))
    assert (may["МБОУ СОШ № 1"], may["МБОУ СОШ № 2"]) == ((1, 0, 0), (1, 0, 0))
    assert on_date(date(2025, 6, 1)) == {"МБОУ ООШ № 3": (2, 0, 0),
                                         stats.TOTAL: (2, 0, 0)}


def test_a_holder_changed_on_the_card_is_kept_in_the_history(
        schools: tuple[str, str]) -> None:
    a, b = schools
    item_id = eq.save_item(item(a, "ПК-5", kind="ПК"), TODAY)
    eq.save_item(replace(eq.get_item(item_id), organization_id=b), date(2025, 8, 1))
    assert kinds(item_id) == [EVENT_RECEIVED, EVENT_MOVE]
    assert "МБОУ СОШ № 1, каб. 1 → МБОУ СОШ № 2, каб. 1" in hist.history(item_id)[-1].description
    assert list(on_date(date(2025, 7, 31))) == ["МБОУ СОШ № 1", stats.TOTAL]
    assert list(on_date(date(2025, 8, 1))) == ["МБОУ СОШ № 2", stats.TOTAL]


def test_an_item_in_repair_has_that_status_only_on_those_dates(
        schools: tuple[str, str]) -> None:
    a = schools[0]
    repaired = eq.save_item(item(a, "Р-1", kind="ПК"), TODAY)
    eq.save_item(item(a, "Р-2", kind="ПК"), TODAY)
    hist.send_to_repair([repaired], hist.RepairStart(date(2025, 5, 6), "ООО «Ремонт»"))
    hist.back_from_repair([repaired], hist.RepairEnd(date(2025, 6, 16), "исправлен"))
    assert on_date(date(2025, 5, 20))["МБОУ СОШ № 1"] == (2, 1, 0)
    assert on_date(date(2025, 7, 1))["МБОУ СОШ № 1"] == (2, 0, 0)
    assert on_date(date(2025, 4, 1))["МБОУ СОШ № 1"] == (2, 0, 0)
    # back as reserve, then in use again: each date has its own status
    hist.send_to_repair([repaired], hist.RepairStart(date(2025, 9, 1)))
    hist.back_from_repair([repaired], hist.RepairEnd(date(2025, 9, 10),
                                                     status_after=eq.RESERVE))
    eq.save_item(replace(eq.get_item(repaired), status=eq.IN_USE), date(2025, 11, 1))
    statuses = {x.status for x in stats.fleet(date(2025, 10, 1)).items}
    assert statuses == {eq.RESERVE, eq.IN_USE}
    with session_scope() as s:  # each repair records the status after it
        after = s.scalars(select(EquipmentEvent.to_text).where(
            EquipmentEvent.item_id == repaired, EquipmentEvent.kind == EVENT_REPAIR)
            .order_by(EquipmentEvent.event_date))
        assert list(after) == [eq.IN_USE, eq.RESERVE]
    assert on_date(date(2025, 9, 5))["МБОУ СОШ № 1"] == (2, 1, 0)


def test_an_item_written_off_leaves_the_fleet_from_that_date(
        schools: tuple[str, str]) -> None:
    a = schools[0]
    old = eq.save_item(item(a, "С-1", kind="ПК"), TODAY)
    eq.save_item(item(a, "С-2", kind="ПК"), TODAY)
    act = acts.create_write_off([old], acts.WriteOffData(
        date(2025, 6, 2), "С-5", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    acts.confirm_write_off(act, date(2025, 6, 20))
    assert on_date(date(2025, 5, 15))["МБОУ СОШ № 1"] == (2, 0, 0)
    assert on_date(date(2025, 6, 10))["МБОУ СОШ № 1"] == (2, 0, 1)
    assert on_date(date(2025, 7, 1))["МБОУ СОШ № 1"] == (1, 0, 0)
    may = {r.organization: r.computers for r in stats.computers_per_pupil(
        stats.fleet(date(2025, 5, 15)))}
    assert may["МБОУ СОШ № 1"] == 2
    assert on_date(TODAY)["МБОУ СОШ № 1"] == (1, 0, 0)


def test_an_item_is_left_out_before_it_came(schools: tuple[str, str]) -> None:
    eq.save_item(item(schools[0], "Б-1", accepted_on=None), date(2025, 9, 1))
    eq.save_item(item(schools[0], "Б-2", accepted_on=date(2025, 10, 1)), TODAY)
    assert stats.fleet(date(2025, 8, 1)).items == ()
    assert len(stats.fleet(date(2025, 9, 1)).items) == 1
    assert len(stats.fleet(date(2025, 10, 1)).items) == 2


def test_an_organization_reorganised_later_is_in_the_report_before(
        schools: tuple[str, str]) -> None:
    eq.save_item(item(schools[1], "Л-1", kind="ПК"), TODAY)
    orgs.save_organization(replace(orgs.get_organization(schools[1]), is_active=False,
                                   reorganized_on=date(2025, 9, 1)))
    assert "МБОУ СОШ № 2" in on_date(date(2025, 8, 31))
    assert "МБОУ СОШ № 2" not in on_date(date(2025, 9, 1))
