"""The methodist's journal travels through the sync location like every module's data."""

from __future__ import annotations

from datetime import date

from imc_desktop import clock
from imc_desktop.services.methodist import records, write
from imc_desktop.services.methodist.records import ConsultationData
from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync.tables import synced_tables
from tests.sync import test_modules_sync as shared
from tests.sync.helpers import Workstation

published = shared.published  # the office of the modules' sync tests, built once
pcs = shared.office
_settle, _use = shared._settle, shared._use

JOURNAL = ("methodist_profiles", "consultations", "school_visits", "methodist_plan_items")


def test_a_new_workstation_gets_the_journal(pcs: tuple[Workstation, Workstation]) -> None:
    a, b = pcs
    assert set(synced_tables()) >= set(JOURNAL)
    for table in JOURNAL:
        count = a.sql(f'SELECT count(*) FROM "{table}"')[0][0]
        assert count > 0 and b.sql(f'SELECT count(*) FROM "{table}"')[0][0] == count, table
    assert b.sql("PRAGMA foreign_key_check") == []


def test_consultations_of_two_pcs_merge_and_a_clash_is_named_in_russian(
        pcs: tuple[Workstation, Workstation]) -> None:
    a, b = pcs
    methodist, person = a.sql("SELECT methodist_id, person_id FROM consultations "
                              "WHERE person_id IS NOT NULL LIMIT 1")[0]
    _use(a)
    with clock.fixed(date(2026, 11, 20)):
        new_id = write.save_consultation(ConsultationData(
            held_on=date(2026, 11, 19), methodist_id=methodist, person_id=person,
            topic="Новая консультация с ПК 1"))
    _settle(a, b)
    assert b.value("consultations", new_id, "topic") == "Новая консультация с ПК 1"
    a.update("consultations", new_id, topic="Тема с ПК 1")
    b.update("consultations", new_id, topic="Тема с ПК 2")
    _settle(a, b)
    assert a.value("consultations", new_id, "topic") == b.value("consultations", new_id, "topic")
    rows = sync_views.conflicts(a.path)
    assert [(r.table, r.field) for r in rows] == [("Консультации", "тема")]
    _use(b)
    assert any(r.id == new_id for r in records.consultations())
