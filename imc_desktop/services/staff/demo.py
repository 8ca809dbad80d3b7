"""Demo pedagogues: plausible names, positions, subjects, education, стаж and courses."""

from __future__ import annotations

import random
from datetime import date, timedelta

from imc_desktop.services.staff.rules import experience_on
from models import Course, Education, Employment, Experience, Organization, Person

FEMALE = (("Иванова", "Елена", "Александровна"), ("Петрова", "Ольга", "Сергеевна"))
LAST_F = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Соколова",
          "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева",
          "Семёнова", "Егорова", "Павлова", "Козлова", "Степанова", "Николаева", "Орлова",
          "Андреева", "Макарова", "Никитина", "Захарова", "Зайцева", "Соловьёва", "Борисова",
          "Яковлева", "Григорьева", "Романова", "Воробьёва", "Сергеева", "Кузьмина", "Фролова")
FIRST_F = ("Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Марина", "Галина",
           "Людмила", "Надежда", "Анна", "Юлия", "Екатерина", "Мария", "Оксана", "Анастасия",
           "Валентина", "Любовь", "Дарья", "Ксения")
FIRST_M = ("Сергей", "Александр", "Андрей", "Алексей", "Дмитрий", "Владимир", "Николай",
           "Иван", "Евгений", "Михаил", "Павел", "Виктор")
FATHERS = ("Александр", "Сергей", "Владимир", "Николай", "Виктор", "Иван", "Пётр", "Михаил",
           "Анатолий", "Юрий", "Геннадий", "Василий")
SUBJECTS = ("русский язык", "литература", "математика", "информатика", "физика", "химия",
            "биология", "география", "история", "обществознание", "английский язык",
            "немецкий язык", "физическая культура", "музыка", "изобразительное искусство",
            "труд (технология)", "ОБЗР", "начальные классы")
PROVIDERS = ("ГАОУ ТО ДПО «ТОГИРРО»", "ФГАОУ ВО «Тюменский государственный университет»",
             "АНО ДПО «Московская академия профессиональных компетенций»",
             "ФГАОУ ДПО «Академия Минпросвещения России»", "ООО «Инфоурок»")
PROGRAMS = ("Реализация требований обновлённых ФГОС ООО, ФГОС СОО в работе учителя",
            "Школа современного учителя: развитие функциональной грамотности",
            "Методика преподавания предмета в условиях реализации ФГОС",
            "Организация работы с обучающимися с ОВЗ в соответствии с ФГОС",
            "Оказание первой помощи в образовательной организации",
            "Цифровая образовательная среда: инструменты педагога",
            "Разговоры о важном: система работы классного руководителя")
INSTITUTIONS = ("Тобольский государственный педагогический институт им. Д.И. Менделеева",
                "Тюменский государственный университет", "Ишимский педагогический институт",
                "Тобольский педагогический колледж", "Ишимский педагогический колледж")


#: Patronymics that do not follow the endings' rule.
_IRREGULAR_MIDDLE = {"Пётр": "Петрович", "Михаил": "Михайлович", "Лев": "Львович",
                     "Павел": "Павлович"}


def _male_middle(father: str) -> str:
    """The patronymic by the Russian rule: -ий → -ьевич, -ей/-ай → -еевич/-аевич, else
    -ович (Анатолий → Анатольевич, Сергей → Сергеевич, Иван → Иванович)."""
    if father in _IRREGULAR_MIDDLE:
        return _IRREGULAR_MIDDLE[father]
    if father.endswith("ий"):
        return father[:-2] + "ьевич"
    if father.endswith(("ей", "ай")):
        return father[:-1] + "евич"
    return father + "ович"


def _female_middle(father: str) -> str:
    return _male_middle(father)[:-2] + "на"  # Сергеевич → Сергеевна, Петрович → Петровна


def _masculine(last: str) -> str:
    return last[:-1] if last.endswith("а") else last


def _snils(rng: random.Random) -> str:
    body = "".join(str(rng.randint(0, 9)) for _ in range(9))
    total = sum(int(c) * w for c, w in zip(body, range(9, 0, -1), strict=True))
    total = total % 101 if total > 101 else total
    return body + f"{0 if total in (100, 101) else total:02d}"


def _position(rng: random.Random, org: Organization) -> str:
    if org.kind == "детский сад":
        return rng.choice(("воспитатель",) * 6 + ("музыкальный руководитель",
                                                   "старший воспитатель", "учитель-логопед"))
    if org.kind == "учреждение доп. образования":
        return "педагог дополнительного образования"
    return rng.choice(("учитель",) * 12 + ("педагог-психолог", "социальный педагог",
                                           "заместитель директора", "педагог-организатор"))


def _person(rng: random.Random, org: Organization, today: date) -> Person:
    female = rng.random() < 0.86
    father = rng.choice(FATHERS)
    last = rng.choice(LAST_F)
    age = rng.choice(range(22, 66))
    birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
    person = Person(
        last_name=last if female else _masculine(last),
        first_name=rng.choice(FIRST_F if female else FIRST_M),
        middle_name=_female_middle(father) if female else _male_middle(father),
        sex="ж" if female else "м", birth_date=birth, snils=_snils(rng),
        phone=f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-"
              f"{rng.randint(10, 99)}",
        category=rng.choice(("", "", "первая", "первая", "высшая")))
    _career(rng, person, org, birth, today)
    return person


def _career(rng: random.Random, person: Person, org: Organization, birth: date,
            today: date) -> None:
    graduated = birth.year + rng.choice((21, 22, 22, 23, 24, 26))
    graduated = min(graduated, today.year - 1)
    start = date(graduated, 8, 15) + timedelta(days=rng.randint(0, 330))  # any month
    start = min(start, today - timedelta(days=60))
    position = _position(rng, org)
    subjects = ""
    if position == "учитель":
        subjects = "; ".join(rng.sample(SUBJECTS, rng.choice((1, 1, 2))))
    hired = start if rng.random() < 0.4 else start + timedelta(days=rng.randint(0, 6000))
    hired = min(hired, today - timedelta(days=30))
    person.employments.append(Employment(
        organization_id=org.id, position=position, load=rng.choice((1.0, 1.0, 1.25, 1.5, 0.5)),
        subjects=subjects, hired_on=hired, appointed_on=hired))
    person.educations.append(Education(
        level="высшее" if rng.random() < 0.75 else "среднее профессиональное",
        is_pedagogical=rng.random() < 0.9, institution=rng.choice(INSTITUTIONS),
        year=graduated, speciality="педагогическое образование", qualification="учитель"))
    person.experiences.append(_experience("педагогический", start, today))
    person.experiences.append(_experience(
        "общий", start - timedelta(days=rng.choice((0, 0, 400))), today))
    _courses(rng, person, hired, today)


def _experience(kind: str, start: date, today: date) -> Experience:
    """Стаж as a personnel department writes it: years and months «на 01.09» of the school
    year (months vary with the start); one who started later, from the start."""
    as_of = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    if start >= as_of:
        return Experience(kind=kind, years=0, months=0, as_of=start)
    years, months = experience_on(0, 0, start, as_of)
    return Experience(kind=kind, years=years, months=months, as_of=as_of)


def _courses(rng: random.Random, person: Person, hired: date, today: date) -> None:
    when = hired + timedelta(days=rng.randint(200, 900))
    while when < today - timedelta(days=10):
        hours = rng.choice((16, 36, 36, 72, 72, 72, 108, 144))
        person.courses.append(Course(
            kind="ПК", program=rng.choice(PROGRAMS), provider=rng.choice(PROVIDERS),
            form=rng.choice(("очная", "дистанционная", "дистанционная", "очно-заочная")),
            start_date=when - timedelta(days=max(2, hours // 8)), end_date=when, hours=hours,
            document_kind="удостоверение", document_number=str(rng.randint(100000, 999999)),
            registration_number=str(rng.randint(1000, 99999)), issued_on=when))
        when += timedelta(days=rng.randint(500, 1500))


def demo_persons(rng: random.Random, orgs: list[Organization], count: int,
                 today: date) -> list[Person]:
    """About `count` pedagogues spread over the ОО by their size."""
    weights = [max(o.pupils or 30, 30) for o in orgs]
    return [_person(rng, rng.choices(orgs, weights)[0], today) for _ in range(count)]
