"""The recovery dialog lists every backup with its date and what it holds, offers the
newest that holds data, and never offers a damaged one."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from imc_desktop import db
from imc_desktop.services.common import maintenance
from imc_desktop.services.organizations import records as org_write
from ui.widgets.backups import RecoveryDialog


def _aged(path: Path, hours: int) -> Path:
    stamp = path.stat().st_mtime - hours * 3600
    os.utime(path, (stamp, stamp))
    return path


def test_each_backup_is_listed_with_its_counts_and_the_newest_with_data_is_offered(
        tmp_path: Path, qtbot: QtBot) -> None:
    path, backups = tmp_path / "imc.sqlite", tmp_path / "backups"
    maintenance.open_current(path, backups)
    try:
        for name in ("Школа № 1", "Школа № 2"):
            org_write.save_organization(org_write.OrganizationData(
                full_name=f"МБОУ «{name}»", short_name=name))
        with_data = _aged(db.make_backup(path, backups, "auto"), 30)
    finally:
        maintenance.close_current()
    empty_db = tmp_path / "empty" / "imc.sqlite"
    db.prepare_database(empty_db, tmp_path / "empty-b")
    empty = backups / "imc-auto-20260101-000000.sqlite"  # an emptied database, later
    empty.write_bytes(empty_db.read_bytes())
    os.utime(empty, (with_data.stat().st_mtime + 3600,) * 2)
    damaged = backups / "imc-before-restore-20260102-000000.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)

    infos = maintenance.backups(path, backups)
    assert [b.path for b in infos] == [damaged, empty, with_data]  # newest first
    assert (infos[2].organizations, infos[2].persons) == (2, 0) and infos[2].holds_data
    assert (infos[1].organizations, infos[1].persons) == (0, 0) and not infos[1].holds_data
    assert infos[0].problem and infos[0].organizations is None

    dialog = RecoveryDialog("База повреждена.", infos)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == with_data, "the newest backup that holds data is offered"
    assert dialog.restore_button.isEnabled()
    texts = [[dialog.model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert texts[2][1:3] == ["2", "0"]
    assert "повреждена" in texts[0][3] or "damaged" in texts[0][3].lower()
    dialog.table.selectRow(0)
    assert dialog.chosen() is None and not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.chosen() == empty and dialog.restore_button.isEnabled()
