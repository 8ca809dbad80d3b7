"""Demo ОО: the educational organisations of a rural district."""

from __future__ import annotations

import random

from models import Organization

VILLAGES = (
    "Покровское", "Никольское", "Богородское", "Сосновка", "Берёзовка", "Ивановка", "Михайловка",
    "Каменка", "Красный Яр", "Луговое", "Петропавловка", "Знаменское", "Вознесенка",
    "Троицкое", "Успенка", "Ольховка", "Малиновка", "Заречное", "Степное", "Озёрное",
    "Кирсановка", "Воскресенское", "Дубровное", "Ключи", "Липовка", "Рябиновка",
)
CENTRE = "Боровское"
LAST = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Соколова",
        "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева",
        "Семёнова", "Егорова", "Павлова", "Козлова", "Степанова", "Николаева")
FIRST = ("Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Марина", "Галина",
         "Людмила", "Надежда", "Анна", "Юлия")
MIDDLE = ("Александровна", "Сергеевна", "Владимировна", "Николаевна", "Викторовна",
          "Ивановна", "Петровна", "Михайловна", "Анатольевна", "Юрьевна")
STREETS = ("ул. Центральная", "ул. Школьная", "ул. Советская", "ул. Молодёжная", "ул. Мира",
           "ул. Садовая", "ул. Ленина", "ул. Набережная")
REGION = "Тюменская область, Боровский муниципальный округ"


_IRREGULAR = {"Ключи": "Ключевская", "Красный Яр": "Красноярская"}


def _adjective(village: str) -> str:
    """«Покровское» → «Покровская», «Сосновка» → «Сосновская»."""
    if village in _IRREGULAR:
        return _IRREGULAR[village]
    word = village.split()[-1]
    for ending, repl in (("ское", "ская"), ("ное", "ная"), ("ка", "ская"), ("ки", "ская"),
                         ("ое", "ая"), ("и", "ская")):
        if word.endswith(ending):
            return word[: -len(ending)] + repl
    return word


def _masculine(adjective: str) -> str:
    """«Покровская» → «Покровский», «Луговая» → «Луговой», «Заречная» → «Заречный»."""
    if adjective.endswith("ская"):
        return adjective[:-4] + "ский"
    if adjective in ("Луговая", "Степная"):
        return adjective[:-2] + "ой"
    return adjective[:-2] + "ый"


def _inn(rng: random.Random) -> str:
    body = "7205" + "".join(str(rng.randint(0, 9)) for _ in range(5))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    check = sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11 % 10
    return body + str(check)


def _ogrn(rng: random.Random) -> str:
    body = "102720" + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return body + str(int(body) % 11 % 10)


def _head(rng: random.Random) -> str:
    return f"{rng.choice(LAST)} {rng.choice(FIRST)} {rng.choice(MIDDLE)}"


def _school(rng: random.Random, village: str, kind: str) -> Organization:
    adj = _adjective(village)
    if kind == "школа":
        full_type = rng.choice(["средняя общеобразовательная школа",
                                "основная общеобразовательная школа"])
        abbrev = "СОШ" if full_type.startswith("средняя") else "ООШ"
        form = rng.choice(["МБОУ", "МАОУ", "МКОУ"])
        short = f"{form} «{adj} {abbrev}»"
        pupils = rng.randint(40, 620) if abbrev == "СОШ" else rng.randint(15, 140)
    elif kind == "детский сад":
        full_type = "детский сад"
        form = rng.choice(["МБДОУ", "МАДОУ"])
        short = f"{form} «{_masculine(adj)} детский сад»"
        pupils = rng.randint(20, 180)
    else:
        full_type = "центр дополнительного образования"
        form = "МБУ ДО"
        short = f"{form} «{_masculine(adj)} ЦДО»"
        pupils = rng.randint(150, 900)
    org_type = {"МБОУ": "муниципальное бюджетное общеобразовательное учреждение",
                "МАОУ": "муниципальное автономное общеобразовательное учреждение",
                "МКОУ": "муниципальное казённое общеобразовательное учреждение",
                "МБДОУ": "муниципальное бюджетное дошкольное образовательное учреждение",
                "МАДОУ": "муниципальное автономное дошкольное образовательное учреждение",
                "МБУ ДО": "муниципальное бюджетное учреждение дополнительного образования"}[form]
    name_adj = adj if kind == "школа" else _masculine(adj)
    full = f"{org_type[0].upper()}{org_type[1:]} «{name_adj} {full_type}»"
    address = f"{REGION}, с. {village}, {rng.choice(STREETS)}, д. {rng.randint(1, 60)}"
    return Organization(
        full_name=full, short_name=short, kind=kind, legal_form=form, inn=_inn(rng),
        kpp="720501001", ogrn=_ogrn(rng), okpo=str(rng.randint(10_000_000, 99_999_999)),
        legal_address=address, actual_address=address, is_rural=village != CENTRE,
        head_name=_head(rng), head_phone=f"+7 (34535) {rng.randint(2, 6)}-{rng.randint(10, 99)}"
        f"-{rng.randint(10, 99)}", head_email=f"school{rng.randint(100, 999)}@obr-borovo.ru",
        website=f"https://{form.split()[0].lower()}{rng.randint(1, 99)}.borovo-edu.ru",
        pupils=pupils, is_active=True,
    )


def demo_organizations(rng: random.Random) -> list[Organization]:
    orgs = [_school(rng, CENTRE, "школа"), _school(rng, CENTRE, "детский сад"),
            _school(rng, CENTRE, "учреждение доп. образования")]
    for village in VILLAGES:
        orgs.append(_school(rng, village, "школа"))
    for village in rng.sample(VILLAGES, 11):
        orgs.append(_school(rng, village, "детский сад"))
    return orgs


DEMO_STAFF = 1500
