"""Demo methodological network: the district's РМО by subject for each academic year of the
demo calendar, their meetings being the calendar's «заседание РМО» events (the same rows),
protocols and decisions of the meetings held (a few left without a protocol or overdue, so the
start page has something to say), four sites, and mentors for most young specialists."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.services.network import rules
from imc_desktop.services.staff import rules as staff_rules
from models import (
    Event,
    EventParticipant,
    MentoringPair,
    MentoringPlanItem,
    NetworkAssociation,
    NetworkDecision,
    NetworkMeeting,
    NetworkMember,
    NetworkSite,
    Organization,
    Person,
)
from models.network import MEETING_EVENT_KIND, SITE_KINDS

THEMES = ("Функциональная грамотность на уроках", "Анализ результатов ГИА и ВПР",
          "Рабочие программы по обновлённым ФГОС", "Подготовка обучающихся к олимпиадам",
          "Цифровые ресурсы ФГИС «Моя школа»", "Оценивание предметных результатов")
DECISIONS = ("Провести открытые уроки в ОО района", "Обобщить опыт на сайте ИМЦ",
             "Подготовить банк заданий по функциональной грамотности",
             "Организовать взаимопосещение уроков", "Представить анализ результатов ВПР")
SITE_THEMES = ("Цифровая образовательная среда школы", "Наставничество молодых педагогов",
               "Инклюзивное образование", "Школа полного дня")
PLAN_ITEMS = ("Знакомство с ОО и документацией", "Посещение уроков наставника",
              "Разработка рабочей программы", "Открытый урок молодого специалиста",
              "Итоговая рефлексия")


def _name(p: Person) -> str:
    return " ".join(x for x in (p.last_name, p.first_name, p.middle_name) if x)


def _by_subject(s: Session) -> dict[tuple[str, int], list[Event]]:
    found: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for e in s.scalars(select(Event).where(Event.kind == MEETING_EVENT_KIND)
                       .order_by(Event.starts_at)):
        found[(e.audience_subjects, rules.academic_year_of(e.starts_at.date()))].append(e)
    return found


def _meetings(s: Session, rng: random.Random, association: NetworkAssociation,
              found: list[Event], today: date) -> list[object]:
    objects: list[object] = []
    held = [e for e in found if rules.is_held(e.status, e.starts_at.date(), today)]
    left_open = {held[-1].id} if held and rng.random() < 0.5 else set()
    for n, e in enumerate(found, 1):
        meeting = NetworkMeeting(association_id=association.id, event_id=e.id,
                                 theme=THEMES[(n - 1) % len(THEMES)], form="заседание",
                                 responsible_id=association.head_id)
        objects.append(meeting)
        if e not in held or e.id in left_open:
            continue
        meeting.protocol_number, meeting.agenda = str(n), f"1. {meeting.theme}.\n2. Разное."
        meeting.heard = "Руководителя РМО об итогах работы и задачах."
        meeting.decided = "Информацию принять к сведению; решения — в таблице решений."
        s.add(meeting)
        s.flush()
        for text in rng.sample(DECISIONS, 2):
            deadline = e.starts_at.date() + timedelta(days=rng.randint(20, 60))
            done = deadline - timedelta(days=3) if deadline < today and rng.random() < 0.7 \
                else None
            objects.append(NetworkDecision(meeting_id=meeting.id, text=text,
                                           responsible_id=association.head_id,
                                           deadline=deadline, done_on=done))
    return objects


def _associations(s: Session, rng: random.Random, people: Sequence[Person],
                  today: date) -> list[object]:
    curators = [p for p in people if p.employments and p.employments[0].position == "методист"]
    curators = curators or list(people[:3])
    objects: list[object] = []
    for (subject, year), found in sorted(_by_subject(s).items()):
        members = list(dict.fromkeys(s.scalars(select(EventParticipant.person_id).where(
            EventParticipant.event_id == found[0].id, EventParticipant.person_id.is_not(None)))))
        if not members:
            continue
        association = NetworkAssociation(
            kind="РМО", name=f"РМО учителей: {subject}", subject=subject,
            education_level="общее образование", head_id=members[0],
            curator_id=rng.choice(curators).id, year=year,
            theme=rng.choice(THEMES), status="действует")
        s.add(association)
        s.flush()
        for n, pid in enumerate(members):
            objects.append(NetworkMember(association_id=association.id, person_id=pid,
                                         role="руководитель" if n == 0 else "член",
                                         joined_on=rules.year_bounds(year)[0]))
        objects.extend(_meetings(s, rng, association, found, today))
    return objects


def _sites(rng: random.Random, orgs: Sequence[Organization], people: Sequence[Person],
           today: date) -> list[object]:
    schools = [o for o in orgs if o.kind == "школа"] or list(orgs)
    start = date(rules.academic_year_of(today), 9, 1)
    sites: list[object] = []
    for kind, theme, org in zip(SITE_KINDS, SITE_THEMES, rng.sample(schools, 4), strict=False):
        staff = [p for p in people if p.employments and p.employments[0].organization_id == org.id]
        sites.append(NetworkSite(
            kind=kind, organization_id=org.id, theme=theme,
            order_number=f"{rng.randint(40, 180)}-од",
            order_date=start - timedelta(days=10), starts_on=start,
            ends_on=date(start.year + 3, 8, 31), responsible_id=staff[0].id if staff else None,
            report_received=rng.random() < 0.5))
    return sites


def _young(p: Person, today: date) -> bool:
    ped = next((x for x in p.experiences if x.kind == "педагогический"), None)
    grad = max((e.year for e in p.educations if e.year), default=None)
    start = staff_rules.experience_start(ped.years, ped.months, ped.as_of) if ped else None
    return staff_rules.is_young_specialist(p.birth_date, grad, start, today,
                                           staff_rules.StaffRules())


def _mentoring(rng: random.Random, people: Sequence[Person], today: date) -> list[object]:
    young = [p for p in people if p.employments and _young(p, today)]
    objects: list[object] = []
    for p in young[: max(1, len(young) * 2 // 3)] if young else []:
        org = p.employments[0].organization_id
        mentors = [m for m in people if m is not p and m.employments
                   and m.employments[0].organization_id == org and m.category] or \
            [m for m in people if m is not p and m.category]
        if not mentors:
            continue
        pair = MentoringPair(mentor_id=rng.choice(mentors).id, mentee_id=p.id,
                             form="педагог – педагог",
                             starts_on=date(rules.academic_year_of(today), 9, 15))
        objects.append(pair)
        for n, text in enumerate(PLAN_ITEMS):
            deadline = pair.starts_on + timedelta(days=45 * (n + 1)) if pair.starts_on else None
            objects.append((pair, MentoringPlanItem(
                text=text, deadline=deadline,
                done_on=deadline if deadline and deadline < today else None)))
    return objects


def demo_network(s: Session, rng: random.Random, orgs: Sequence[Organization],
                 people: Sequence[Person], today: date) -> None:
    """Add the network to a session that holds the demo's ОО, pedagogues and events."""
    s.add_all(_associations(s, rng, people, today))
    s.add_all(_sites(rng, orgs, people, today))
    for obj in _mentoring(rng, people, today):
        if isinstance(obj, tuple):
            pair, item = obj
            item.pair_id = pair.id
            s.add(item)
        else:
            s.add(obj)
            s.flush()
