"""A title's and an equipment item's card loaded before a synchronisation: saving it writes
what the user changed, keeps what changed elsewhere, and asks about a field changed on both."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from imc_desktop import db
from imc_desktop.services.common.errors import ChangedMeanwhile
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.literature import records as lit
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL


def _elsewhere(statement: str, **values: object) -> None:
    with db.session_scope() as s:
        s.execute(text(statement), values)


def test_a_stale_title_card_keeps_the_other_edits(database: DatabaseInfo) -> None:
    title_id = lit.save_title(lit.TitleData(title="Математика. 5 класс", authors="Виленкин Н.Я.",
                                            grades="5", subject="Математика",
                                            price=Decimal("500.00")))
    loaded = lit.get_title(title_id)
    _elsewhere("UPDATE literature_titles SET publisher = 'Просвещение', price_kopecks = 61000 "
               "WHERE id = :i", i=title_id)
    lit.save_title(replace(loaded, year=2023), loaded)
    saved = lit.get_title(title_id)
    assert (saved.year, saved.publisher, saved.price) == (2023, "Просвещение", Decimal("610.00"))
    with pytest.raises(ChangedMeanwhile, match="Просвещение.*Дрофа"):
        lit.save_title(replace(loaded, publisher="Дрофа"), loaded)
    lit.save_title(replace(loaded, publisher="Дрофа"), loaded, overwrite=True)
    assert lit.get_title(title_id).publisher == "Дрофа"


def test_a_stale_item_card_keeps_the_other_edits(database: DatabaseInfo) -> None:
    org = orgs.save_organization(SCHOOL)
    item_id = eq.save_item(eq.ItemData(inventory_number="ИМЦ-000001", name="Ноутбук",
                                       kind="ноутбук", organization_id=org,
                                       accepted_on=date(2020, 9, 1), room="каб. 1"))
    loaded = eq.get_item(item_id)
    _elsewhere("UPDATE equipment_items SET room = 'каб. 12', user_name = 'Петрова' "
               "WHERE id = :i", i=item_id)
    eq.save_item(replace(loaded, serial_number="SN-1"), loaded=loaded)
    saved = eq.get_item(item_id)
    assert (saved.serial_number, saved.room, saved.user_name) == ("SN-1", "каб. 12", "Петрова")
    with pytest.raises(ChangedMeanwhile, match="каб. 12.*каб. 3"):
        eq.save_item(replace(loaded, room="каб. 3"), loaded=loaded)
    assert eq.get_item(item_id).room == "каб. 12"


def test_a_stale_attestation_form_keeps_the_other_edits(database: DatabaseInfo) -> None:
    from imc_desktop.services.attestation import records as att
    from imc_desktop.services.staff import write as sw
    from tests.rules import RULES
    from tests.services.staff.test_staff import TODAY, teacher

    person_id = sw.save_person(teacher(orgs.save_organization(SCHOOL)), RULES, TODAY)
    record_id = att.save_record(att.AttestationData(
        person_id=person_id, kind="первая", applied_on=date(2026, 9, 1), stage="на рассмотрении"))
    (loaded,) = [r for r in att.person_records(person_id) if r.id == record_id]
    _elsewhere("UPDATE attestation_records SET channel = 'Госуслуги' WHERE id = :i",
               i=record_id)
    att.save_record(replace(loaded, position="учитель"), loaded)
    (saved,) = att.person_records(person_id)
    assert (saved.position, saved.channel) == ("учитель", "Госуслуги")
