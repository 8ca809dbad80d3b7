"""Requests and monitorings travel through the sync location like every module: the demo's
requests, collections and answers reach a new PC; an answer received on one PC and another
returned for rework on the other merge; a clash on one field is named in Russian."""

from __future__ import annotations

from imc_desktop.services.requests import rules, write
from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import Workstation
from tests.sync.test_modules_sync import _settle, _use, office, published  # noqa: F401

TABLES = ("incoming_requests", "data_collections", "collection_answers")


def test_a_new_workstation_gets_the_requests_and_collections(
        office: tuple[Workstation, Workstation]) -> None:  # noqa: F811
    a, b = office
    assert set(synced_tables()) >= set(TABLES)
    for table in TABLES:
        assert b.sql(f'SELECT count(*) FROM "{table}"')[0][0] > 0, table
    assert {t: rows for t, rows in b.content().items() if t in TABLES} == {
        t: rows for t, rows in a.content().items() if t in TABLES}


def test_answers_marked_on_two_pcs_merge_and_a_clash_is_named_in_russian(
        office: tuple[Workstation, Workstation]) -> None:  # noqa: F811
    a, b = office
    first, second = [r[0] for r in a.sql(
        "SELECT id FROM collection_answers WHERE status=? ORDER BY id LIMIT 2", rules.SENT)]
    _use(a)
    write.set_answer_status([first], rules.RECEIVED)
    _use(b)
    write.set_answer_status([second], rules.RETURNED, remarks="Нет подписи руководителя")
    _settle(a, b)
    for pc in (a, b):
        assert pc.value("collection_answers", first, "status") == rules.RECEIVED
        assert pc.value("collection_answers", second, "remarks") == "Нет подписи руководителя"
    assert a.content() == b.content()

    a.update("collection_answers", first, remarks="Исправить строку 6")
    b.update("collection_answers", first, remarks="Принято по телефону")
    _settle(a, b)
    assert [(r.table, r.field) for r in sync_views.conflicts(a.path)] == [
        ("Ответы ОО на сборы данных", "замечания")]
