"""Units of work that change requests, collections and answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError, ValidationFailed
from imc_desktop.services.requests import rules
from imc_desktop.services.requests.records import CollectionData, RequestData
from models import CollectionAnswer, DataCollection, IncomingRequest, Organization
from models.organization import ORG_KINDS
from models.requests import ADDRESSEE_MODES, ANSWER_STATUSES, REQUEST_STATUSES


def validate_request(data: RequestData) -> dict[str, str]:
    """{field: message} for every problem; empty when the request can be saved."""
    problems: dict[str, str] = {}
    if not data.sender.strip():
        problems["sender"] = "Укажите, от кого поступил запрос."
    if not data.subject.strip():
        problems["subject"] = "Укажите, о чём запрос."
    if data.received_on is None:
        problems["received_on"] = "Укажите дату запроса."
    if data.status not in REQUEST_STATUSES:
        problems["status"] = "Выберите состояние из списка."
    if data.status == rules.REQUEST_ANSWERED and data.answer_date is None:
        problems["answer_date"] = "Укажите дату отправленного ответа."
    if data.answer_date and data.received_on and data.answer_date < data.received_on:
        problems["answer_date"] = "Ответ не может быть раньше запроса."
    if (data.deadline_at and data.received_on
            and data.deadline_at.date() < data.received_on):
        problems["deadline_at"] = "Срок не может быть раньше даты запроса."
    return problems


def save_request(data: RequestData) -> str:
    """Create or update an incoming request; its id. Files are kept as paths only."""
    problems = validate_request(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        row = IncomingRequest() if data.id is None else s.get(IncomingRequest, data.id)
        if row is None:
            raise NotFound("Запрос не найден: возможно, его уже удалили.")
        for name in ("sender", "number", "subject", "responsible", "notes"):
            setattr(row, name, getattr(data, name).strip())
        row.received_on = data.received_on  # type: ignore[assignment]
        row.deadline_at, row.status = data.deadline_at, data.status
        row.answer_number, row.answer_date = data.answer_number.strip(), data.answer_date
        row.files = "\n".join(p.strip() for p in data.files if p.strip())
        s.add(row)
        s.flush()
        return row.id


def delete_request(request_id: str) -> None:
    """Delete a request; the collections made for it stay, without the link."""
    with session_scope() as s:
        row = s.get(IncomingRequest, request_id)
        if row is not None:
            for c in s.scalars(select(DataCollection).where(
                    DataCollection.request_id == request_id)):
                c.request_id = None
            s.delete(row)


# ------------------------------------------------------------------------ collections

def validate_collection(data: CollectionData) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not data.title.strip():
        problems["title"] = "Укажите название сбора данных."
    if data.addressees not in ADDRESSEE_MODES:
        problems["addressees"] = "Выберите, кому направляется сбор."
    elif data.addressees == "kind" and data.addressee_kind not in ORG_KINDS:
        problems["addressee_kind"] = "Выберите тип ОО, которым направляется сбор."
    elif data.addressees == "list" and not data.chosen:
        problems["chosen"] = "Выберите хотя бы одну ОО."
    template = rules.template_problems(data.template, data.mode, data.prefill)
    if template:
        problems["template"] = " ".join(template)
    return problems


def addressee_ids(s: Session, data: CollectionData) -> list[str]:
    """The ОО a collection goes to: all working ОО, those of one type, or the chosen list."""
    if data.addressees == "list":
        return list(dict.fromkeys(data.chosen))
    query = select(Organization.id).where(Organization.is_active.is_(True))
    if data.addressees == "kind":
        query = query.where(Organization.kind == data.addressee_kind)
    return list(s.scalars(query.order_by(Organization.short_name)))


def save_collection(data: CollectionData) -> str:
    """Create or update a collection and its answers' list. A change of the template's
    columns raises its version, so the blanks made before are known as old when they return.
    An ОО no longer addressed loses its answer only when nothing was received from it."""
    problems = validate_collection(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        row = _collection_row(s, data)
        wanted = addressee_ids(s, data)
        _sync_answers(s, row.id, wanted)
        return row.id


def _collection_row(s: Session, data: CollectionData) -> DataCollection:
    row = DataCollection(created_on=clock.today()) if data.id is None \
        else s.get(DataCollection, data.id)
    if row is None:
        raise NotFound("Сбор данных не найден: возможно, его уже удалили.")
    template = rules.template_to_json(data.template)
    layout = (template, data.mode, data.prefill)
    if data.id is not None and layout != (row.template, row.mode, row.prefill):
        row.template_version = (row.template_version or 1) + 1
    row.title, row.request_id = data.title.strip(), data.request_id or None
    row.deadline_at, row.addressees = data.deadline_at, data.addressees
    row.addressee_kind = data.addressee_kind if data.addressees == "kind" else ""
    row.mode, row.prefill, row.template = data.mode, data.prefill, template
    row.folder, row.notes = data.folder, data.notes
    s.add(row)
    s.flush()
    return row


def _sync_answers(s: Session, collection_id: str, wanted: Sequence[str]) -> None:
    have = {a.organization_id: a for a in s.scalars(select(CollectionAnswer).where(
        CollectionAnswer.collection_id == collection_id))}
    for org_id in wanted:
        if org_id not in have:
            s.add(CollectionAnswer(collection_id=collection_id, organization_id=org_id,
                                   status=rules.NOT_SENT))
    for org_id, answer in have.items():
        if org_id not in wanted and answer.status in (rules.NOT_SENT, rules.SENT):
            s.delete(answer)


def delete_collection(collection_id: str) -> None:
    """Delete a collection with its answers (the files on the disk stay)."""
    with session_scope() as s:
        row = s.get(DataCollection, collection_id)
        if row is not None:
            for answer in s.scalars(select(CollectionAnswer).where(
                    CollectionAnswer.collection_id == collection_id)):
                s.delete(answer)
            s.delete(row)


def set_answer_status(answer_ids: Sequence[str], status: str, remarks: str | None = None,
                      on: date | None = None) -> None:
    """Move answers to a status, stamping its date; «возвращено на доработку» wants remarks."""
    if status not in ANSWER_STATUSES:
        raise ServiceError(f"Неизвестное состояние ответа «{status}».")
    if status == rules.RETURNED and not (remarks or "").strip():
        raise ValidationFailed({"remarks": "Напишите, что ОО должна исправить."})
    day = on or clock.today()
    with session_scope() as s:
        for answer_id in answer_ids:
            answer = s.get(CollectionAnswer, answer_id)
            if answer is None:
                raise NotFound("Ответ ОО не найден: возможно, сбор уже удалили.")
            _stamp(answer, status, day)
            if remarks is not None:
                answer.remarks = remarks.strip()


def _stamp(answer: CollectionAnswer, status: str, day: date) -> None:
    answer.status = status
    if status == rules.SENT:
        answer.sent_on = day
    elif status == rules.RECEIVED:
        answer.received_on = day
    elif status == rules.ACCEPTED:
        answer.accepted_on = day
        answer.received_on = answer.received_on or day
    elif status == rules.NOT_SENT:
        answer.sent_on = None
