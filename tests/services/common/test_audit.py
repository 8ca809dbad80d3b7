"""The audit trail: append-only, hash-chained per PC, verified by `check`, travels with the
sync; views of personal data and every export are in it, with numbers masked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from imc_desktop import cli, identity
from imc_desktop.services.common import audit, maintenance
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.sync.share import Share
from tests.sync.helpers import Workstation


def _actions() -> list[tuple[str, str]]:
    return [(e.action, e.subject) for e in audit.entries()]


def test_entries_chain_and_a_sound_trail_passes_check(database: DatabaseInfo,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    with identity.pretend("IMC\\ivanova"):
        audit.record(audit.EXPORT, "Список педагогов", "xlsx", 12)
    [newest, first] = audit.entries()
    assert (newest.user_name, newest.persons, newest.action) == ("IMC\\ivanova", 12,
                                                                  audit.EXPORT)
    assert first.action == "роли"  # the first administrator, made when the file was new
    assert maintenance.check() == []
    maintenance.close_current()
    assert cli.main(["check", "--db", str(database.path)]) == 0


def test_update_and_delete_are_refused_by_the_database(database: DatabaseInfo) -> None:
    con = sqlite3.connect(database.path)
    try:
        for statement in ("UPDATE audit_log SET detail='x'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.DatabaseError, match="только добавляются"):
                con.execute(statement)
    finally:
        con.close()


def _tamper(path: Path, statement: str) -> None:
    """What someone with another tool can do: drop the guards and edit the file."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("DROP TRIGGER audit_log_no_delete")
        con.execute(statement)
    finally:
        con.close()


@pytest.mark.parametrize(("statement", "named"), [
    ("UPDATE audit_log SET persons=1 WHERE seq=2", "запись № 2 .*изменена"),
    ("DELETE FROM audit_log WHERE seq=2", "нет записей № 2 \\(удалены\\)"),
    ("DELETE FROM audit_log WHERE seq=3", "последние записи № 3–3 удалены"),
    ("UPDATE audit_log SET prev_hash='', hash='0' WHERE seq=3", "№ 3 .*изменена"),
])
def test_check_names_an_edited_or_removed_entry(database: DatabaseInfo, statement: str,
                                                named: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    audit.record(audit.EXPORT, "Список педагогов", "xlsx", 1500)
    audit.record(audit.VIEW, "Журнал изменений")
    maintenance.close_current()
    _tamper(database.path, statement)
    assert cli.main(["check", "--db", str(database.path)]) == 1
    err = capsys.readouterr().err
    assert "Журнал аудита" in err
    assert __import__("re").search(named, err), err


def test_the_trail_travels_and_a_gap_on_one_pc_is_seen_on_the_other(tmp_path: Path) -> None:
    share_dir = tmp_path / "share"
    share_dir.mkdir()
    share = Share(share_dir)
    a = Workstation(tmp_path / "a" / "imc.sqlite", share, "ПК-1")
    b = Workstation(tmp_path / "b" / "imc.sqlite", share, "ПК-2")
    maintenance.open_current(a.path, tmp_path / "a" / "backups")
    for n in range(4):
        audit.record(audit.EXPORT, f"Отчёт {n}", "pdf", n)
    maintenance.close_current()
    a.sync()
    b.sync()
    assert len(b.sql("SELECT * FROM audit_log")) == 5
    assert audit.verify_file(b.path) == []
    _tamper(a.path, "DELETE FROM audit_log WHERE subject='Отчёт 1'")
    a.sync()
    b.sync()
    problems = audit.verify_file(b.path)
    assert any("компьютера «" in p and "нет записей № 3" in p for p in problems), problems


def test_views_of_journal_conflicts_and_cards_are_logged(database: DatabaseInfo) -> None:
    from imc_desktop.services.organizations import records as orgs
    from imc_desktop.services.staff import card
    from imc_desktop.services.staff import write as sw
    from imc_desktop.services.sync import views
    from tests.rules import RULES
    from tests.services.organizations.test_organizations import SCHOOL
    from tests.services.staff.test_staff import teacher

    person = sw.save_person(teacher(orgs.save_organization(SCHOOL)), RULES)
    card.open_card(person, RULES)
    views.log_opened("Журнал изменений", person)
    views.log_opened("Конфликты синхронизации")
    found = _actions()
    assert (audit.VIEW, "Карточка педагога") in found
    assert (audit.VIEW, "Журнал изменений") in found
    assert (audit.VIEW, "Конфликты синхронизации") in found
    change = next(e for e in audit.entries()
                  if e.action == audit.CHANGE and "snils" in e.detail)
    assert "112-233-445 95" not in change.detail and "***" in change.detail


def test_every_export_is_logged_with_its_persons(database: DatabaseInfo,
                                                 tmp_path: Path) -> None:
    from imc_desktop import config
    from imc_desktop.services.common import reports

    settings = config.Settings(tmp_path / "s.ini")
    report = reports.list_report("Педагоги ОО", [("ФИО", "text", 200), ("Стаж", "int", 50)],
                                 [("Смирнова О. П.", 15), ("Петров И. И.", 3)], settings)
    reports.write(report, "pdf", tmp_path / "list.pdf", settings)
    entry = audit.entries()[0]
    assert (entry.action, entry.subject, entry.persons) == (audit.EXPORT, "Педагоги ОО", 2)
    assert "list.pdf" in entry.detail


def test_journal_and_conflicts_mask_personal_numbers() -> None:
    from imc_desktop.services.sync.titles import shown_value

    assert shown_value("persons", "snils", '"11223344595"') == "***-***-445 **"
    assert shown_value("persons", "inn", '"772012345678"') == "********5678"
    assert shown_value("organizations", "inn", '"1234567894"') == "1234567894"
