"""An archive (a file on read-only media, last year's database) opens for reading: lists,
cards, reports and a backup — and the file is never written, not even to migrate it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from imc_desktop import config, db
from imc_desktop.services.common import maintenance, reports
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff
from imc_desktop.storage_errors import StorageFailed
from tests.models.test_upgrades import _database_at, _fill


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def archive(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "archive" / "imc-2025.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    return path


def test_an_archive_is_read_and_never_written(archive: Path, tmp_path: Path) -> None:
    before = _digest(archive)
    info = maintenance.open_read_only(archive, tmp_path / "backups")
    try:
        assert info.read_only and info.path == archive.resolve()
        schools = organizations.list_organizations()
        assert schools and staff.count_persons() > 0
        with pytest.raises(StorageFailed) as refused:
            organizations.save_organization(organizations.OrganizationData(
                full_name="МБОУ «Новая школа»", short_name="Новая", legal_form="МБОУ"))
        assert refused.value.kind == "SQLITE_READONLY"
        assert "только для чтения" in str(refused.value)
        copy = maintenance.backup_now(tmp_path / "copy.sqlite")  # compressed, encrypted
        with db.readable_backup(copy) as plain:
            assert sqlite3.connect(plain).execute("SELECT count(*) FROM organizations"
                                                  ).fetchone()[0] == len(schools)
    finally:
        maintenance.close_current()
    assert _digest(archive) == before
    assert not list(archive.parent.glob("*.checked")), "no note of a check beside it"


def test_a_report_renders_from_an_archive(archive: Path, tmp_path: Path,
                                         settings: config.Settings) -> None:
    from imc_desktop.services.common import audit

    before = _digest(archive)
    own = tmp_path / "own" / "imc.sqlite"
    maintenance.open_read_only(archive, tmp_path / "backups", own)
    out = tmp_path / "plan.pdf"
    try:
        report = reports.build("attestation-plan", {}, settings)
        with pytest.raises(audit.JournalUnavailable):  # nothing to log it in: no file
            reports.write(report, "pdf", out, settings)
        assert not out.exists()
    finally:
        maintenance.close_current()
    maintenance.open_current(own, tmp_path / "backups")
    maintenance.close_current()
    maintenance.open_read_only(archive, tmp_path / "backups", own)
    try:
        reports.write(report, "pdf", out, settings)
        assert out.exists() and out.read_bytes().startswith(b"%PDF")
    finally:
        maintenance.close_current()
    assert _digest(archive) == before


def test_an_archive_of_an_older_version_is_read_from_an_updated_copy(tmp_path: Path) -> None:
    archive = tmp_path / "old.sqlite"
    _database_at(archive, "0008")
    written = _fill(archive, "0008")
    before = _digest(archive)
    info = maintenance.open_read_only(archive, tmp_path / "backups")
    try:
        read_from = db.current().path
        assert read_from != archive.resolve() and read_from.exists()
        assert db.current_revision(read_from) == db.head_revision()
        assert info.path == archive.resolve()  # the user sees the file he chose
        assert len(organizations.list_organizations()) == len(written["organizations"])
    finally:
        maintenance.close_current()
    assert _digest(archive) == before
    assert db.current_revision(archive) == "0008"
    assert not read_from.exists()  # the copy goes when the archive is closed


def test_a_damaged_archive_is_refused_not_opened(tmp_path: Path) -> None:
    archive = tmp_path / "broken.sqlite"
    archive.write_bytes(b"\0" * 100)
    with pytest.raises(db.DatabaseCorrupt):
        maintenance.open_read_only(archive, tmp_path / "backups")


def _with_snils(path: Path) -> str:
    with sqlite3.connect(path) as con:
        found = con.execute("SELECT id FROM persons WHERE snils != '' LIMIT 1").fetchone()
    con.close()
    return str(found[0])


def _entries(path: Path) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT action, subject, detail FROM audit_log ORDER BY at").fetchall()
    finally:
        con.close()


def test_the_views_and_exports_of_an_archive_go_to_the_workstations_audit_trail(
        archive: Path, tmp_path: Path, settings: config.Settings) -> None:
    from imc_desktop.services.common import audit
    from imc_desktop.services.staff import card
    from tests.rules import RULES

    own = tmp_path / "own" / "imc.sqlite"
    maintenance.open_current(own, tmp_path / "backups")
    maintenance.close_current()
    before, entries_before = _digest(archive), len(_entries(own))
    maintenance.open_read_only(archive, tmp_path / "backups", own)
    try:
        shown = card.open_card(_with_snils(archive), RULES)
        assert shown.person.snils, "the card of an archive opens, with its СНИЛС"
        report = reports.build("attestation-plan", {}, settings)
        reports.write(report, "xlsx", tmp_path / "plan.xlsx", settings)
    finally:
        maintenance.close_current()
    assert _digest(archive) == before, "the archive is not written"
    added = _entries(own)[entries_before:]
    assert [a for a, _s, _d in added] == [audit.VIEW, audit.EXPORT]
    assert all(f"архив {archive.name}" in d for _a, _s, d in added)
    assert "Карточка педагога" == added[0][1] and "СНИЛС" in added[0][2]
    assert audit.verify_file(own) == [], "the chain of the workstation holds"


def test_an_archive_without_a_workstation_database_shows_no_personal_data(
        archive: Path, tmp_path: Path) -> None:
    from imc_desktop.services.common import audit
    from imc_desktop.services.staff import card
    from tests.rules import RULES

    before = _digest(archive)
    missing = tmp_path / "none" / "imc.sqlite"
    maintenance.open_read_only(archive, tmp_path / "backups", missing)
    try:
        with pytest.raises(audit.JournalUnavailable, match="журнал аудита.*рабочей базы нет"):
            card.open_card(_with_snils(archive), RULES)
        assert staff.count_persons() > 0, "the lists still read"
    finally:
        maintenance.close_current()
    assert _digest(archive) == before and not missing.exists()
