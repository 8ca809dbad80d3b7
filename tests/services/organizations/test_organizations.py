"""The ОО directory service: validation, save, update, delete and its refusal."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from imc_desktop import db
from imc_desktop.services.common import notifier
from imc_desktop.services.common.errors import ChangedMeanwhile, InUse, ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs

SCHOOL = orgs.OrganizationData(
    full_name="Муниципальное автономное общеобразовательное учреждение «Покровская средняя "
              "общеобразовательная школа»",
    short_name="МАОУ «Покровская СОШ»", kind="школа", legal_form="МАОУ", inn="1234567894",
    kpp="720501001", ogrn="1027700132195", head_phone="+7 (34535) 2-11-45",
    head_email="pokrov@obr.ru", pupils=312,
)


def test_save_and_read_back(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    saved = orgs.get_organization(org_id)
    assert saved == replace(SCHOOL, id=org_id)
    assert [o.short_name for o in orgs.list_organizations()] == ["МАОУ «Покровская СОШ»"]


def test_update_changes_only_that_record(database: DatabaseInfo) -> None:
    first = orgs.save_organization(SCHOOL)
    second = orgs.save_organization(replace(SCHOOL, short_name="МКОУ «Ивановская ООШ»",
                                            inn=""))
    orgs.save_organization(replace(orgs.get_organization(first), pupils=300))
    assert orgs.get_organization(first).pupils == 300
    assert orgs.get_organization(second).pupils == 312


@pytest.mark.parametrize(("field", "value", "fragment"), [
    ("short_name", " ", "краткое наименование"),
    ("inn", "1234567895", "ИНН"),
    ("inn", "123456789047", "физического лица"),
    ("kpp", "7205", "КПП"),
    ("ogrn", "1027700132196", "ОГРН"),
    ("ogrn", "304500116000157", "ОГРНИП"),
    ("ogrn", "10277001321", "13 цифр"),
    ("head_email", "pokrov@", "электронной почты"),
    ("head_phone", "звоните", "Телефон"),
    ("pupils", -5, "обучающихся"),
])
def test_invalid_field_is_named_and_nothing_is_saved(database: DatabaseInfo, field: str,
                                                     value: object, fragment: str) -> None:
    bad = replace(SCHOOL, **{field: value})
    with pytest.raises(ValidationFailed) as caught:
        orgs.save_organization(bad)
    assert field in caught.value.problems
    assert fragment in caught.value.problems[field]
    assert orgs.list_organizations() == []


@pytest.mark.parametrize(("typed", "kept"), [("7205ab001", "7205AB001"),
                                              (" 720501001 ", "720501001"),
                                              ("7205Ab001", "7205AB001")])
def test_a_lower_case_kpp_is_accepted_and_upper_cased(database: DatabaseInfo, typed: str,
                                                      kept: str) -> None:
    org_id = orgs.save_organization(replace(SCHOOL, kpp=typed))
    assert orgs.get_organization(org_id).kpp == kept


def test_reorganised_needs_a_date(database: DatabaseInfo) -> None:
    problems = orgs.validate_organization(replace(SCHOOL, is_active=False))
    assert set(problems) == {"reorganized_on"}


def test_delete_is_refused_while_something_refers_to_the_organization(
        database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    with db.session_scope() as s:
        s.execute(text("CREATE TABLE staff_probe (id TEXT PRIMARY KEY, organization_id TEXT "
                       "REFERENCES organizations(id))"))
        s.execute(text("INSERT INTO staff_probe VALUES ('p1', :o)"), {"o": org_id})
    with pytest.raises(InUse, match="Покровская СОШ.*другие записи: 1"):
        orgs.delete_organization(org_id)
    assert orgs.get_organization(org_id).short_name == SCHOOL.short_name
    with db.session_scope() as s:
        s.execute(text("DELETE FROM staff_probe"))
    orgs.delete_organization(org_id)
    assert orgs.list_organizations() == []


def test_every_write_is_announced(database: DatabaseInfo) -> None:
    seen: list[frozenset[str]] = []
    notifier.subscribe(seen.append)
    try:
        org_id = orgs.save_organization(SCHOOL)
        orgs.delete_organization(org_id)
    finally:
        notifier.unsubscribe(seen.append)
    assert seen == [frozenset({"organizations"})] * 2


def test_demo_data_is_a_plausible_district(demo_database: DatabaseInfo) -> None:
    rows = orgs.list_organizations()
    assert len(rows) == 40
    assert {o.kind for o in rows} == set(orgs.KINDS)
    assert all(orgs.validate_organization(o) == {} for o in rows)
    assert len({o.short_name for o in rows}) == 40
    assert sum(o.is_rural for o in rows) >= 30


def _changed_elsewhere(org_id: str, **values: object) -> None:
    """Another workstation's edit, as a synchronisation applies it: straight into the row."""
    sets = ", ".join(f"{k} = :{k}" for k in values)
    with db.session_scope() as s:
        s.execute(text(f"UPDATE organizations SET {sets} WHERE id = :id"), {**values, "id": org_id})


def test_a_stale_card_writes_only_what_the_user_changed(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    loaded = orgs.get_organization(org_id)
    _changed_elsewhere(org_id, head_phone="+7 000", pupils=400)
    orgs.save_organization(replace(loaded, head_name="Петров П.П."), loaded)
    saved = orgs.get_organization(org_id)
    assert (saved.head_name, saved.head_phone, saved.pupils) == ("Петров П.П.", "+7 000", 400)


def test_a_field_changed_on_both_sides_is_asked_about_and_nothing_is_written(
        database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    loaded = orgs.get_organization(org_id)
    _changed_elsewhere(org_id, pupils=400)
    mine = replace(loaded, pupils=350, head_name="Петров П.П.")
    with pytest.raises(ChangedMeanwhile, match="«обучающихся»: теперь «400», у вас «350»") as err:
        orgs.save_organization(mine, loaded)
    assert len(err.value.clashes) == 1
    assert orgs.get_organization(org_id).head_name == SCHOOL.head_name, "nothing written"
    orgs.save_organization(mine, loaded, overwrite=True)
    assert orgs.get_organization(org_id).pupils == 350


def test_the_same_change_on_both_sides_is_no_clash(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    loaded = orgs.get_organization(org_id)
    _changed_elsewhere(org_id, pupils=350)
    orgs.save_organization(replace(loaded, pupils=350), loaded)
    assert orgs.get_organization(org_id).pupils == 350


def test_a_refused_delete_names_what_refers_in_russian(demo_database: object) -> None:
    """«педагоги: 18, оборудование: 11…», never a table's name."""
    import re

    from imc_desktop.services.common.errors import InUse

    busiest = max(orgs.list_organizations(), key=lambda o: o.pupils or 0)
    with pytest.raises(InUse) as refused:
        orgs.delete_organization(busiest.id)
    text = str(refused.value)
    assert re.search(r"педагоги: \d+", text) and re.search(r"оборудование: \d+", text)
    assert not re.search(r"[a-z_]{4,}", text), text
