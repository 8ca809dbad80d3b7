"""Demo journal: the ИМЦ's methodists (the events' organisers), their consultations and
visits of this school year and the last one, and month plans linked with what was done."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from imc_desktop.services.methodist import rules
from models import (
    Consultation,
    Event,
    MethodistProfile,
    Organization,
    Person,
    PlanItem,
    SchoolVisit,
)
from models.base import new_id
from models.methodist import CONSULTATION_CATEGORIES, CONSULTATION_MODES

TOPICS = {
    "аттестация": ("Порядок аттестации на первую категорию", "Заявление через Госуслуги",
                   "Портфолио на высшую категорию", "Аттестация на СЗД в ОО"),
    "КПК": ("Выбор курсов повышения квалификации", "Курсы по обновлённым ФГОС",
            "Профессиональная переподготовка"),
    "ФГОС": ("Функциональная грамотность на уроке", "Требования обновлённых ФГОС ООО",
             "Формирующее оценивание"),
    "рабочие программы": ("Рабочая программа в конструкторе", "Тематическое планирование",
                          "Рабочая программа внеурочной деятельности"),
    "ГИА": ("Подготовка к ОГЭ по предмету", "Разбор демоверсии ЕГЭ", "Итоговое собеседование"),
    "конкурсы": ("Подготовка к конкурсу «Учитель года»", "Оформление конкурсных материалов"),
    "молодые специалисты": ("Наставничество для молодого педагога", "Первый год в школе"),
    "воспитательная работа": ("План воспитательной работы класса", "Работа с родителями"),
    "документация": ("Электронный журнал", "Технологическая карта урока"),
    "другое": ("Участие в сетевом проекте", "Публикация методической разработки"),
}
RESULTS = ("Даны рекомендации", "Предоставлены образцы документов", "Вопрос решён",
           "Назначена повторная консультация")
PURPOSES = ("Изучение методической работы ОО", "Методическая помощь молодому специалисту",
            "Посещение уроков аттестуемого педагога", "Контроль реализации рабочих программ")
RECOMMENDATIONS = ("Шире использовать формы самооценки и взаимооценки.",
                   "Уделить внимание дифференциации домашнего задания.",
                   "Включать задания на функциональную грамотность.",
                   "Рационально распределять время урока, оставлять время на рефлексию.")
LESSON_TOPICS = ("Повторение и обобщение", "Решение задач", "Практическая работа",
                 "Изучение нового материала")
CLASSES = ("2А", "4Б", "5А", "6Б", "7А", "8В", "9А", "10", "11")


def _methodists(people: Sequence[Person]) -> list[Person]:
    """The organisers of the demo events (the same choice the events' demo makes)."""
    chosen = [p for p in people if p.employments[0].position in (
        "методист", "заместитель директора")]
    return chosen[:6] or list(people[:3])


def demo_methodist(rng: random.Random, orgs: Sequence[Organization], people: Sequence[Person],
                   events: Sequence[object], criteria: Sequence[str], today: date
                   ) -> tuple[list[object], list[PlanItem]]:
    """Objects to add: profiles, consultations and visits from the start of the school year
    before last to today; then (flushed after them) the plans of the months up to the next one."""
    methodists = _methodists(people)
    if not methodists or not orgs:
        return [], []
    schools = [o for o in orgs if o.kind == "школа"] or list(orgs)
    teachers = [p for p in people if p.employments[0].position == "учитель"] or list(people)
    out: list[object] = []
    for n, m in enumerate(methodists):
        curated = schools[n::len(methodists)]
        out.append(MethodistProfile(
            id=new_id(), person_id=m.id, organization_ids="; ".join(o.id for o in curated),
            subjects=", ".join(["математика", "физика"] if n % 2 else ["русский язык",
                                                                     "литература"]),
            associations=f"РМО учителей: {'математика' if n % 2 else 'русский язык'}"))
    first = rules.previous_school_year(rules.previous_school_year(
        rules.school_year(today)[0])[0])[0]  # the year before last: the analysis compares
    month, plans = first, []
    while month <= rules.add_months(today, 1):
        for m in methodists:
            done, planned = _month(rng, m, month, today, orgs, schools, teachers, events,
                                   criteria)
            out += done
            plans += planned
        month = rules.add_months(month, 1)
    return out, plans


def _day(rng: random.Random, month: date, today: date) -> date | None:
    day = month + timedelta(days=rng.randint(0, rules.month_end(month).day - 1))
    if day.weekday() >= 5:
        day -= timedelta(days=day.weekday() - 4)
    return day if day <= today and day.month not in (7,) else None


def _month(rng: random.Random, m: Person, month: date, today: date,
           orgs: Sequence[Organization], schools: Sequence[Organization],
           teachers: Sequence[Person], events: Sequence[object], criteria: Sequence[str]
           ) -> tuple[list[object], list[PlanItem]]:
    out: list[object] = []
    plan: list[PlanItem] = []
    for _ in range(rng.randint(3, 8)):
        day = _day(rng, month, today)
        if day is None:
            continue
        out.append(_consultation(rng, m, day, orgs, teachers))
    for _ in range(rng.randint(0, 3)):
        day = _day(rng, month, today)
        if day is None:
            continue
        visit = _visit(rng, m, day, schools, teachers, criteria)
        out.append(visit)
        plan.append(PlanItem(id=new_id(), methodist_id=m.id, month=month, planned_on=day,
                             kind="посещение", title=f"Посещение: {visit.purpose}",
                             visit_id=visit.id))
    own = [e for e in events if isinstance(e, Event) and e.organizer_id == m.id
           and rules.month_start(e.starts_at.date()) == month]
    for event in own:
        plan.append(PlanItem(id=new_id(), methodist_id=m.id, month=month,
                             planned_on=event.starts_at.date(), kind="мероприятие",
                             title=event.title, event_id=event.id))
    for title in ("Консультации педагогов по графику", "Отчёт о работе за месяц"):
        plan.append(PlanItem(id=new_id(), methodist_id=m.id, month=month, kind="другое",
                             title=title, done_by_hand=rules.month_end(month) < today
                             and rng.random() < 0.9))
    return out, plan


def _consultation(rng: random.Random, m: Person, day: date, orgs: Sequence[Organization],
                  teachers: Sequence[Person]) -> Consultation:
    category = rng.choice(CONSULTATION_CATEGORIES[:-1] * 3 + ("другое",))
    group = rng.random() < 0.2
    person = None if group else rng.choice(teachers)
    org_id = person.employments[0].organization_id if person else rng.choice(orgs).id
    return Consultation(
        id=new_id(), held_on=day, methodist_id=m.id, person_id=person.id if person else None,
        organization_id=org_id, whom_text="Педагоги ОО" if group else "",
        form="групповая" if group else "индивидуальная",
        mode=rng.choice(CONSULTATION_MODES + ("очно",) * 2), category=category,
        topic=rng.choice(TOPICS[category]), participants=rng.randint(3, 15) if group else 1,
        minutes=rng.choice((15, 20, 30, 30, 45, 60)), result=rng.choice(RESULTS))


def _visit(rng: random.Random, m: Person, day: date, schools: Sequence[Organization],
           teachers: Sequence[Person], criteria: Sequence[str]) -> SchoolVisit:
    lesson = rng.random() < 0.75
    if not lesson:
        return SchoolVisit(id=new_id(), visited_on=day, methodist_id=m.id,
                           organization_id=rng.choice(schools).id, kind="выезд в ОО",
                           purpose=PURPOSES[0], recommendations=rng.choice(RECOMMENDATIONS))
    teacher = rng.choice(teachers)
    job = teacher.employments[0]
    skill = rng.choice((1, 2, 2, 2))
    marks = tuple(rules.Mark(c, min(rules.MARK_MAX, max(0, skill + rng.choice((-1, 0, 0, 1)))))
                  for c in criteria)
    return SchoolVisit(
        id=new_id(), visited_on=day, methodist_id=m.id, organization_id=job.organization_id,
        kind="посещение урока", purpose=rng.choice(PURPOSES[1:]), person_id=teacher.id,
        class_name=rng.choice(CLASSES),
        subject=(job.subjects.split("; ")[0] if job.subjects else "математика"),
        lesson_topic=rng.choice(LESSON_TOPICS), marks=rules.format_marks(marks),
        recommendations=rng.choice(RECOMMENDATIONS))
