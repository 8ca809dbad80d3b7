"""Saving requests and collections: the checks, the addressees, the template's version, the
answers' statuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.requests import records, rules, write
from imc_desktop.services.requests.records import RequestData
from imc_desktop.services.requests.rules import TemplateColumn
from tests.services.requests.conftest import TEMPLATE, make_collection

REQUEST = RequestData(sender="Департамент образования", number="01-12/345",
                      received_on=date(2026, 12, 1), subject="О численности педагогов",
                      deadline_at=datetime(2026, 12, 12, 15), responsible="Иванова А. П.",
                      files=("\\\\srv\\imc\\запрос.pdf", " "))


def test_a_request_is_saved_with_its_files_as_paths(org_ids: dict[str, str]) -> None:
    request_id = write.save_request(REQUEST)
    saved = records.get_request(request_id)
    assert saved == replace(REQUEST, id=request_id, files=("\\\\srv\\imc\\запрос.pdf",))


def test_a_request_without_sender_or_with_an_answer_before_it_is_refused(
        org_ids: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        write.save_request(replace(REQUEST, sender=" ", answer_date=date(2026, 11, 30)))
    assert set(refused.value.problems) == {"sender", "answer_date"}
    with pytest.raises(ValidationFailed) as no_date:
        write.save_request(replace(REQUEST, status=rules.REQUEST_ANSWERED))
    assert no_date.value.problems == {"answer_date": "Укажите дату отправленного ответа."}
    assert records.list_requests() == []


def test_addressees_all_by_type_or_a_chosen_list(org_ids: dict[str, str]) -> None:
    everyone = make_collection()
    schools = make_collection(addressees="kind", addressee_kind="школа")
    chosen = make_collection(addressees="list", chosen=(org_ids["МБОУ СОШ № 2"],))
    assert len(records.answers(everyone)) == 3
    assert [a.organization for a in records.answers(schools)] == ["МБОУ СОШ № 1",
                                                                  "МБОУ СОШ № 2"]
    assert [a.organization for a in records.answers(chosen)] == ["МБОУ СОШ № 2"]
    assert {a.status for a in records.answers(everyone)} == {rules.NOT_SENT}


def test_a_list_with_nobody_and_a_bad_template_are_refused(org_ids: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as refused:
        make_collection(addressees="list", template=())
    assert set(refused.value.problems) == {"chosen", "template"}


def test_changing_the_columns_raises_the_version_other_changes_do_not(
        org_ids: dict[str, str]) -> None:
    collection_id = make_collection()
    saved = records.get_collection(collection_id)
    write.save_collection(replace(saved, title="Кадры на 01.12.2026"))
    assert records.get_collection(collection_id).template_version == 1
    write.save_collection(replace(saved, template=(*TEMPLATE, TemplateColumn("Вакансий",
                                                                             "number"))))
    assert records.get_collection(collection_id).template_version == 2


def test_an_ou_taken_off_the_list_keeps_its_answer_once_received(
        org_ids: dict[str, str]) -> None:
    first, second = org_ids["МБОУ СОШ № 1"], org_ids["МБОУ СОШ № 2"]
    collection_id = make_collection(addressees="list", chosen=(first, second))
    received = [a.id for a in records.answers(collection_id) if a.organization_id == first]
    write.set_answer_status(received, rules.RECEIVED, on=date(2026, 12, 5))
    write.save_collection(replace(records.get_collection(collection_id),
                                  chosen=(org_ids["МБДОУ Детский сад № 3"],)))
    left = {a.organization: a.status for a in records.answers(collection_id)}
    assert left == {"МБОУ СОШ № 1": rules.RECEIVED, "МБДОУ Детский сад № 3": rules.NOT_SENT}


def test_returning_an_answer_wants_remarks_and_statuses_stamp_their_dates(
        org_ids: dict[str, str]) -> None:
    collection_id = make_collection()
    answer = records.answers(collection_id)[0]
    with pytest.raises(ValidationFailed):
        write.set_answer_status([answer.id], rules.RETURNED, remarks=" ")
    write.set_answer_status([answer.id], rules.ACCEPTED, on=date(2026, 12, 8))
    accepted = records.answers(collection_id)[0]
    assert (accepted.status, accepted.received_on, accepted.accepted_on) == (
        rules.ACCEPTED, date(2026, 12, 8), date(2026, 12, 8))
    write.set_answer_status([answer.id], rules.RETURNED, remarks="Нет даты приказа")
    assert records.answers(collection_id)[0].remarks == "Нет даты приказа"


def test_due_items_list_near_and_past_deadlines_not_answered_ones(
        org_ids: dict[str, str]) -> None:
    from imc_desktop import clock

    write.save_request(REQUEST)
    write.save_request(replace(REQUEST, number="2", deadline_at=datetime(2026, 12, 30, 15)))
    write.save_request(replace(REQUEST, number="3", status=rules.REQUEST_ANSWERED,
                               answer_date=date(2026, 12, 2)))
    make_collection()
    with clock.fixed(datetime(2026, 12, 10, 16)):
        items = records.due_items()
    assert [(i.kind, i.state) for i in items] == [("collection", "overdue"),
                                                  ("request", "soon")]
    assert items[0].missing == 3
