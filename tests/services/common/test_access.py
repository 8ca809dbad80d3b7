"""Roles: the first user is the administrator; a methodist edits only his ОО; restore,
roles and full СНИЛС/ИНН in exports need the administrator (152-ФЗ)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from imc_desktop import identity
from imc_desktop.services.common import access, maintenance
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from models.access import ADMIN, METHODIST
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL
from tests.services.staff.test_staff import teacher

OTHER = replace(SCHOOL, short_name="МБОУ «Вагайская СОШ»", inn="",
                full_name="МБОУ «Вагайская средняя общеобразовательная школа»")


@pytest.fixture
def two_schools(database: DatabaseInfo) -> tuple[str, str]:
    return orgs.save_organization(SCHOOL), orgs.save_organization(OTHER)


def _methodist(login: str, *org_ids: str, active: bool = True) -> str:
    return access.save_user(access.UserRow("", login, "Иванова А. П.", METHODIST,
                                           tuple(org_ids), active))


def test_first_user_of_a_new_database_is_its_administrator(database: DatabaseInfo) -> None:
    [user] = access.users()
    assert identity.same_login(user.login, identity.login())
    assert user.role == ADMIN and access.current().is_admin
    # opening again adds nobody, and another user of that database is not an administrator
    maintenance.open_current(database.path, database.backup_dir)
    assert len(access.users()) == 1
    with identity.pretend("IMC\\stranger"):
        assert access.current().role == ""


def test_a_methodist_edits_his_ou_and_is_refused_outside_it(
        two_schools: tuple[str, str]) -> None:
    mine, other = two_schools
    _methodist("IMC\\ivanova", mine)
    with identity.pretend("IMC\\ivanova"):
        assert orgs.organization_choices()  # lists show every ОО
        own = orgs.get_organization(mine)
        orgs.save_organization(replace(own, pupils=400))
        person_id = sw.save_person(teacher(mine), RULES)
        foreign = orgs.get_organization(other)
        with pytest.raises(access.AccessDenied, match="МБОУ «Вагайская СОШ».*не сохранены"):
            orgs.save_organization(replace(foreign, pupils=1))
        with pytest.raises(access.AccessDenied, match="Вагайская"):
            sw.save_person(teacher(other, last_name="Чужая"), RULES)
        with pytest.raises(access.AccessDenied):
            orgs.save_organization(replace(OTHER, short_name="Новая школа", inn=""))
    assert orgs.get_organization(mine).pupils == 400
    assert orgs.get_organization(other).pupils == SCHOOL.pupils
    assert staff.get_person(person_id).last_name == "Смирнова"
    assert [p.last_name for p in staff.list_staff(RULES)] == ["Смирнова"]


def test_unknown_or_disabled_users_change_nothing(two_schools: tuple[str, str]) -> None:
    mine, _other = two_schools
    _methodist("IMC\\petrov", mine, active=False)
    for login in ("IMC\\stranger", "IMC\\petrov"):
        with identity.pretend(login), pytest.raises(access.AccessDenied,
                                                     match="не зарегистрирован"):
            orgs.save_organization(replace(orgs.get_organization(mine), pupils=1))


def test_only_an_administrator_changes_roles_and_one_always_stays(
        two_schools: tuple[str, str]) -> None:
    mine, _other = two_schools
    ivanova = _methodist("IMC\\ivanova", mine)
    with identity.pretend("IMC\\ivanova"), pytest.raises(access.AccessDenied,
                                                          match="только администратору"):
        _methodist("IMC\\ivanova", *two_schools)
    [me] = [u for u in access.users() if u.role == ADMIN]
    with pytest.raises(ValidationFailed, match="хотя бы один"):
        access.save_user(replace(me, role=METHODIST))
    access.save_user(access.UserRow(ivanova, "IMC\\ivanova", "", ADMIN, (), True))
    with pytest.raises(ValidationFailed, match="самого себя"):
        access.save_user(replace(me, is_active=False))
    with identity.pretend("IMC\\ivanova"):
        access.save_user(replace(me, role=METHODIST))  # another administrator may
    assert not access.current().is_admin


def test_restore_needs_an_administrator(database: DatabaseInfo, tmp_path: Path) -> None:
    copy = maintenance.backup_now(tmp_path / "copy.sqlite")
    with identity.pretend("IMC\\stranger"), pytest.raises(access.AccessDenied,
                                                           match="Восстановление"):
        maintenance.restore(copy)
    maintenance.restore(copy)


def test_full_numbers_in_an_export_need_an_administrator(school_with_teacher: str,
                                                          tmp_path: Path) -> None:
    from imc_desktop import config
    from imc_desktop.services.common import reports

    settings = config.Settings(tmp_path / "s.ini")
    shown = reports.list_report("Педагоги", [("ФИО", "text", 200), ("СНИЛС", "text", 100)],
                                [("Смирнова О. П.", "112-233-445 95")], settings)
    masked = reports.list_report("Педагоги", [("ФИО", "text", 200), ("СНИЛС", "text", 100)],
                                 [("Смирнова О. П.", "***-***-445 **")], settings)
    _methodist("IMC\\ivanova", school_with_teacher)
    with identity.pretend("IMC\\ivanova"):
        with pytest.raises(access.AccessDenied, match="СНИЛС и ИНН доступно только"):
            reports.write(shown, "xlsx", tmp_path / "full.xlsx", settings)
        assert not (tmp_path / "full.xlsx").exists()
        reports.write(masked, "xlsx", tmp_path / "masked.xlsx", settings)
    reports.write(shown, "xlsx", tmp_path / "full.xlsx", settings)
    assert (tmp_path / "full.xlsx").exists()


@pytest.fixture
def school_with_teacher(database: DatabaseInfo) -> str:
    school = orgs.save_organization(SCHOOL)
    sw.save_person(teacher(school), RULES)
    return school


def test_restore_on_the_command_line_needs_an_administrator(
        database: DatabaseInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from imc_desktop import cli

    copy = maintenance.backup_now(tmp_path / "copy.sqlite")
    maintenance.close_current()
    args = ["restore", "--db", str(database.path), "--from", str(copy)]
    with identity.pretend("IMC\\stranger"):
        assert cli.main(args) == 1
    assert "доступно только администратору" in capsys.readouterr().err
    assert cli.main(args) == 0


def test_a_new_pc_joining_the_district_does_not_make_its_user_an_administrator(
        tmp_path: Path) -> None:
    """The first user's role stays on his PC until the district's roles arrive."""
    from imc_desktop.sync.share import Share
    from tests.sync.helpers import Workstation

    (tmp_path / "share").mkdir()
    share = Share(tmp_path / "share")
    office, new = (Workstation(tmp_path / n / "imc.sqlite", share, n) for n in ("ИМЦ", "ПК-2"))
    maintenance.open_current(office.path, tmp_path / "ИМЦ" / "backups")
    _methodist("IMC\\ivanova")  # the administrator writes the roles: himself first
    maintenance.close_current()
    office.sync()
    with identity.pretend("IMC\\ivanova"):
        maintenance.open_current(new.path, tmp_path / "ПК-2" / "backups")
        assert access.current().is_admin  # alone on a new PC: may set up the sync folder
        maintenance.close_current()
        new.sync()
        maintenance.open_current(new.path, tmp_path / "ПК-2" / "backups")
        assert access.current().role == METHODIST
        maintenance.close_current()
    office.sync()
    assert {(u, r) for u, r in office.sql("SELECT login, role FROM user_roles")} == {
        (identity.login(), ADMIN), ("IMC\\ivanova", METHODIST)}


def test_a_pedagogue_of_no_ou_is_the_administrators_a_district_record_everyones(
        two_schools: tuple[str, str], database: DatabaseInfo) -> None:
    """A card needs a job, but a pedagogue can have none (brought by an old version, by
    another import): he is in no methodist's scope until one of them gives him a job."""
    import sqlite3
    from datetime import date, datetime

    from imc_desktop.services.attestation import records as att
    from imc_desktop.services.attestation import rules as ar
    from imc_desktop.services.events import records as events

    mine, _other = two_schools
    con = sqlite3.connect(database.path)
    con.execute("INSERT INTO persons (id, last_name, first_name, middle_name, sex, snils, inn, "
                "phone, email, category, academic_degree, notes, created_at, updated_at) "
                "VALUES ('jobless', 'Безместная', 'Анна', 'Ивановна', 'ж', '', '', '', '', '', "
                "'', '', '2026-01-01', '2026-01-01')")
    con.commit()
    con.close()
    record = att.AttestationData(person_id="jobless", kind=ar.FIRST, decision=ar.ESTABLISHED,
                                 decided_on=date(2025, 3, 1))
    _methodist("IMC\\ivanova", mine)
    with identity.pretend("IMC\\ivanova"):
        with pytest.raises(access.AccessDenied, match="не работает ни в одном ОО"):
            att.save_record(record)
        event = events.save_event(events.EventData(
            title="Районный семинар", starts_at=datetime(2026, 3, 2, 10),
            ends_at=datetime(2026, 3, 2, 12)))  # the district's record: no ОО, anyone's
        assert event
        card = staff.get_person("jobless")
        hired = replace(card, employments=teacher(mine).employments,
                        birth_date=date(1990, 5, 6))
        sw.save_person(hired, RULES)  # he starts to work in her ОО: hers from now on
        att.save_record(record)
    assert att.save_record(replace(record, decided_on=date(2025, 4, 1)))  # the administrator
