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
        copy = maintenance.backup_now(tmp_path / "copy.sqlite")
        assert sqlite3.connect(copy).execute("SELECT count(*) FROM organizations"
                                             ).fetchone()[0] == len(schools)
    finally:
        maintenance.close_current()
    assert _digest(archive) == before


def test_a_report_renders_from_an_archive(archive: Path, tmp_path: Path,
                                         settings: config.Settings) -> None:
    before = _digest(archive)
    maintenance.open_read_only(archive, tmp_path / "backups")
    try:
        out = tmp_path / "plan.pdf"
        report = reports.build("attestation-plan", {}, settings)
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
