"""Demo events: a school year of the district's calendar — monthly РМО meetings, seminars,
master classes, the August conference, pedagogical readings, «Учитель года» and other
contests with a jury and results, courses — with participants, attendance and diplomas.
A few past events are left without results, so the reminders have something to say."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from imc_desktop.services.events.rules import add_months
from models import Event, EventParticipant, IssuedDocument, Organization, Person
from models.base import new_id

RMO_SUBJECTS = ("математика", "русский язык", "начальные классы", "история", "биология",
                "физическая культура", "английский язык", "информатика")
SEMINARS = (
    "Функциональная грамотность: формирование и оценка", "ФГОС ООО: рабочие программы",
    "Подготовка к ГИА-2026: типичные ошибки", "Наставничество в образовательной организации",
    "Цифровая образовательная среда: ФГИС «Моя школа»", "Инклюзивное образование детей с ОВЗ",
    "Проектная деятельность обучающихся", "Воспитательная работа: Движение первых",
    "Профилактика эмоционального выгорания педагогов", "Оценка предметных результатов",
    "Работа с одарёнными детьми", "Читательская грамотность младших школьников")
MASTER_CLASSES = ("Интерактивная панель на уроке", "Игровые технологии в детском саду",
                  "Кейс-метод на уроках обществознания", "Робототехника для начинающих")
CONTESTS = (("Учитель года — {y}", "учитель"), ("Воспитатель года — {y}", "воспитатель"),
            ("Педагогический дебют — {y}", ""), ("Сердце отдаю детям — {y}",
                                                "педагог дополнительного образования"))
NOMINATIONS = ("Лучший урок", "Мастер-класс", "Педагогическое мастерство", "Открытие года")
ROOMS = ("ИМЦ, актовый зал", "ИМЦ, каб. 12", "ИМЦ, каб. 5")


class _Calendar:
    def __init__(self, rng: random.Random, orgs: Sequence[Organization],
                 people: Sequence[Person], today: date) -> None:
        self.rng, self.orgs, self.people, self.today = rng, orgs, people, today
        self.schools = [o for o in orgs if o.kind == "школа"] or list(orgs)
        methodists = [p for p in people if p.employments[0].position in (
            "методист", "заместитель директора")]
        self.organizers = methodists[:6] or list(people[:3])
        self.objects: list[object] = []
        self.numbers = 0

    def event(self, kind: str, title: str, day: date, hours: tuple[int, int] = (10, 13),
              **extra: object) -> Event:
        past = day < self.today
        event = Event(id=new_id(), kind=kind, title=title,
                      starts_at=datetime.combine(day, time(hours[0])),
                      ends_at=datetime.combine(day, time(hours[1])),
                      organizer_id=self.rng.choice(self.organizers).id,
                      status="проведено" if past else "планируется", **extra)
        if "place_organization_id" not in extra and "place_text" not in extra:
            event.place_text = self.rng.choice(ROOMS)
        self.objects.append(event)
        return event

    def join(self, event: Event, people: Sequence[Person], role: str = "участник"
             ) -> list[EventParticipant]:
        done = event.status == "проведено"
        rows = []
        for person in people:
            job = person.employments[0]
            rows.append(EventParticipant(
                id=new_id(), event_id=event.id, person_id=person.id, role=role,
                full_name=f"{person.last_name} {person.first_name} {person.middle_name}".strip(),
                organization_id=job.organization_id, position=job.position,
                registered_on=event.starts_at.date() - timedelta(days=self.rng.randint(3, 20)),
                attended=(self.rng.random() < 0.88) if done else None))
        self.objects.extend(rows)
        return rows

    def who(self, position: str = "", subject: str = "", count: int = 20) -> list[Person]:
        fitting = [p for p in self.people
                   if (not position or p.employments[0].position == position)
                   and (not subject or subject in p.employments[0].subjects)]
        return self.rng.sample(fitting, min(count, len(fitting)))


def _school_months(first: date) -> list[date]:
    """The first days of twelve months from `first`, without July and August."""
    return [m for m in (add_months(first, n) for n in range(12)) if m.month not in (7, 8)]


def _rmo(cal: _Calendar, first: date) -> None:
    for i, subject in enumerate(RMO_SUBJECTS):
        series, members = new_id(), cal.who("учитель", subject, cal.rng.randint(8, 18))
        school = cal.rng.choice(cal.schools)
        for month in _school_months(first):
            day = month + timedelta(days=7 + i)
            day += timedelta(days=(3 - day.weekday()) % 7)  # on a Thursday
            event = cal.event("заседание РМО", f"РМО учителей: {subject}", day, (14, 16),
                              series_id=series, repeat_kind="ежемесячно", repeat_count=10,
                              place_organization_id=school.id, audience_positions="учитель",
                              audience_subjects=subject)
            cal.join(event, members)


def _seminars(cal: _Calendar, first: date) -> None:
    for n, month in enumerate(_school_months(first)):
        for title in cal.rng.sample(SEMINARS, 2):
            day = month + timedelta(days=cal.rng.randint(2, 25))
            if day.weekday() >= 5:
                day -= timedelta(days=2)
            school = cal.rng.choice(cal.schools)
            event = cal.event("семинар", title, day, place_organization_id=school.id,
                              audience_positions="учитель", capacity=40)
            cal.join(event, cal.who("учитель", count=cal.rng.randint(12, 35)))
        if n % 2 == 0:
            day = month + timedelta(days=cal.rng.randint(5, 20))
            event = cal.event("мастер-класс", cal.rng.choice(MASTER_CLASSES), day, (15, 17),
                              capacity=20)
            cal.join(event, cal.who(count=cal.rng.randint(8, 20)))


def _contest(cal: _Calendar, title: str, position: str, day: date) -> None:
    event = cal.event("конкурс", title, day, all_day=True, level="муниципальный",
                      audience_positions=position)
    event.starts_at = datetime.combine(day, time())
    event.ends_at = datetime.combine(day + timedelta(days=3), time())
    jury = cal.join(event, cal.who("заместитель директора", count=3)
                    + cal.who("старший воспитатель", count=1), "член жюри")
    contestants = cal.join(event, cal.who(position, count=cal.rng.randint(6, 11)))
    if event.status != "проведено":
        return
    for j in jury:
        j.attended = True
    ranked = cal.rng.sample(contestants, len(contestants))
    for place, p in enumerate(ranked, 1):
        p.attended, p.score = True, round(100 - place * cal.rng.uniform(2, 5), 1)
        p.result = "победитель" if place == 1 else "призёр" if place <= 3 else \
            "лауреат" if place <= 5 else "участник"
        p.place = place if place <= 3 else None
        p.nomination = cal.rng.choice(NOMINATIONS) if place <= 5 else ""
        if p.result != "участник":
            cal.numbers += 1
            cal.objects.append(IssuedDocument(
                participant_id=p.id, event_id=event.id, kind="диплом", year=day.year,
                number=cal.numbers, full_name=p.full_name, event_title=event.title,
                result=p.result, issued_on=day + timedelta(days=5)))


def _big_events(cal: _Calendar, first: date) -> None:
    august = date(cal.today.year, 8, 27)
    if august > cal.today + timedelta(days=120):
        august = date(cal.today.year - 1, 8, 27)
    cal.event("конференция", "Августовская педагогическая конференция", august, (9, 14),
              capacity=300)
    for months, (title, position) in zip((0, 1, 2, 7), CONTESTS, strict=True):
        day = add_months(first, months) + timedelta(days=10)
        _contest(cal, title.format(y=day.year), position, day)
    readings = cal.event("педагогические чтения", "Районные педагогические чтения",
                         add_months(first, 6) + timedelta(days=14), (10, 15))
    cal.join(readings, cal.who(count=8), "докладчик")
    cal.join(readings, cal.who(count=30))
    courses = cal.event("курсы", "КПК «Содержание и методика преподавания по ФГОС»",
                        add_months(first, 2) + timedelta(days=3), (9, 16), capacity=25)
    cal.join(courses, cal.who("учитель", count=25))


def _loose_ends(cal: _Calendar) -> None:
    """Two past events without results and one cancelled, for the reminders."""
    past = [e for e in cal.objects if isinstance(e, Event) and e.status == "проведено"
            and e.kind == "семинар"]
    for event in past[-2:]:
        event.status = "планируется"
    future = [e for e in cal.objects if isinstance(e, Event) and e.status == "планируется"
              and e.kind == "мастер-класс"]
    if future:
        future[0].status = "отменено"
    soon = cal.today + timedelta(days=2)
    soon += timedelta(days=(7 - soon.weekday()) % 7 if soon.weekday() >= 5 else 0)
    meeting = cal.event("совещание", "Совещание заместителей директоров по УВР", soon, (10, 12))
    cal.join(meeting, cal.who("заместитель директора", count=15))


def demo_events(rng: random.Random, orgs: Sequence[Organization], people: Sequence[Person],
                today: date) -> list[object]:
    """Objects to add: a year around today, eight months back and four ahead."""
    cal = _Calendar(rng, orgs, people, today)
    if not people:
        return []
    first = add_months(today.replace(day=1), -8)
    _rmo(cal, first)
    _seminars(cal, first)
    _big_events(cal, first)
    _loose_ends(cal)
    return cal.objects
