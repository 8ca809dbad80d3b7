"""A record of which only the existence (and some later edits) reached a PC — the file with
its creation was lost, or comes later — waits for its values instead of stopping the sync
(SYNC.md: a sync never stops on what another PC has not sent yet)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from imc_desktop.sync import local, merge
from imc_desktop.sync.clock import make_key
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]
SITE = str(uuid.uuid4())


def _line(job: str, column: str, kind: str, clock: int, value: object) -> tuple[object, ...]:
    text = value if kind == "e" else json.dumps(value, ensure_ascii=False)
    return ("employments", job, column, kind, make_key(clock, SITE), text, None, SITE, 1)


def _settle(pc: Workstation, lines: list[tuple[object, ...]], job: str) -> None:
    con = local.connect(pc.path)
    try:
        with local.applying(con):
            con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, "
                            "column_name, kind, key, value, seen, site, segment) "
                            "VALUES (?,?,?,?,?,?,?,?,?)", lines)
            merge.settle(con, [("employments", job)], list(synced_tables()), {})
    finally:
        con.close()


def test_a_job_known_only_by_its_existence_waits_for_its_values(make_pc: MakePC) -> None:
    pc = make_pc("ПК")
    person = pc.insert("persons", last_name="Иванова")
    school = pc.insert("organizations", short_name="Школа")
    job = str(uuid.uuid4())
    # only the existence and a later edit of the position: no person_id, no organization
    _settle(pc, [_line(job, "", "e", 5, "1"), _line(job, "position", "v", 6, "директор")], job)
    assert pc.sql("SELECT count(*) FROM employments WHERE id=?", job) == [(0,)]
    # the creation's values arrive later: the job appears, with the later position
    created = {"person_id": person, "organization_id": school, "position": "учитель",
               "job_type": "основное место работы", "subjects": "",
               "created_at": "2026-01-01 00:00:00.000000",
               "updated_at": "2026-01-01 00:00:00.000000"}
    _settle(pc, [_line(job, col, "v", 4, value) for col, value in created.items()], job)
    assert pc.sql("SELECT person_id, position FROM employments WHERE id=?", job) == [
        (person, "директор")]
