"""Demo requests and collections: one request overdue, one due in two days, one answered, one
far ahead; a collection past its deadline with most schools answered and one due soon."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from imc_desktop.services.requests import rules
from imc_desktop.services.requests.rules import TemplateColumn
from models import CollectionAnswer, DataCollection, IncomingRequest, Organization
from models.base import new_id

STAFFING = (TemplateColumn("Учителей", "number"), TemplateColumn("Вакансий", "number"),
            TemplateColumn("Есть логопед", "bool"),
            TemplateColumn("Форма обучения", "choice", ("очная", "очно-заочная")))
COURSES = (TemplateColumn("Курсы за 3 года", "bool"), TemplateColumn("Часов", "number"))
SENDERS = ("Департамент образования администрации района",
           "Министерство образования и науки области",
           "Институт развития образования области")


def _at(day: date, hour: int = rules.DEFAULT_HOUR) -> datetime:
    return datetime.combine(day, time(hour))


def demo_requests(rng: random.Random, orgs: Sequence[Organization],
                  today: date) -> list[list[object]]:
    """The rows to add (after the ОО are flushed), in batches to flush one after the other:
    the requests, the collections, the answers."""
    requests = [
        IncomingRequest(
            id=new_id(), sender=SENDERS[0], number="01-12/345", received_on=today - timedelta(9),
                        subject="О численности педагогических работников и вакансиях",
                        deadline_at=_at(today - timedelta(1)), responsible="Иванова А. П.",
                        status=rules.REQUEST_IN_WORK,
                        files="\\\\server\\imc\\Входящие\\01-12-345.pdf"),
        IncomingRequest(
            id=new_id(), sender=SENDERS[1], number="14-08/2211", received_on=today - timedelta(3),
                        subject="О прохождении курсов повышения квалификации",
                        deadline_at=_at(today + timedelta(2), 12), responsible="Петрова Н. В.",
                        status=rules.REQUEST_NEW),
        IncomingRequest(
            id=new_id(), sender=SENDERS[2], number="305", received_on=today - timedelta(30),
                        subject="Об участии в региональном конкурсе «Педагог года»",
                        deadline_at=_at(today - timedelta(20)), responsible="Иванова А. П.",
                        status=rules.REQUEST_ANSWERED, answer_number="112",
                        answer_date=today - timedelta(21)),
        IncomingRequest(
            id=new_id(), sender=SENDERS[0], number="01-12/401", received_on=today - timedelta(1),
                        subject="О плане методической работы на второе полугодие",
                        deadline_at=_at(today + timedelta(20)), responsible="Сидорова Е. Н.",
                        status=rules.REQUEST_NEW),
    ]
    schools = [o for o in orgs if o.kind == "школа" and o.is_active]
    staffing = DataCollection(id=new_id(), title="Кадры и вакансии на 1 декабря",
                              request_id=requests[0].id,
                              deadline_at=_at(today - timedelta(2)), addressees="kind",
                              addressee_kind="школа", template=rules.template_to_json(STAFFING),
                              created_on=today - timedelta(8))
    courses = DataCollection(id=new_id(), title="Курсы повышения квалификации",
                             request_id=requests[1].id,
                             deadline_at=_at(today + timedelta(1), 12), addressees="all",
                             mode="table", prefill="staff",
                             template=rules.template_to_json(COURSES),
                             created_on=today - timedelta(2))
    rows: list[object] = []
    for n, org in enumerate(schools):
        answered = n % 5 != 4  # every fifth school has not answered yet
        rows.append(CollectionAnswer(
            collection_id=staffing.id, organization_id=org.id,
            status=(rules.ACCEPTED if n % 3 == 0 else rules.RECEIVED) if answered else rules.SENT,
            sent_on=today - timedelta(8),
            received_on=today - timedelta(rng.randint(2, 6)) if answered else None,
            accepted_on=today - timedelta(1) if answered and n % 3 == 0 else None,
            data=json.dumps([{"Учителей": rng.randint(8, 45), "Вакансий": rng.randint(0, 3),
                              "Есть логопед": rng.random() < 0.6,
                              "Форма обучения": "очная"}], ensure_ascii=False)
            if answered else ""))
    for org in orgs:
        if org.is_active:
            rows.append(CollectionAnswer(collection_id=courses.id, organization_id=org.id,
                                         status=rules.SENT, sent_on=today - timedelta(2)))
    return [list(requests), [staffing, courses], rows]
