"""Names in sentences: sex from the patronymic, verbs that agree, names declined by the
dictionary (pymorphy3), not by a table of endings."""

from __future__ import annotations

import pytest

from imc_desktop.services.common.russian_names import (
    agree,
    decline_name,
    decline_phrase,
    sex_from_patronymic,
)


@pytest.mark.parametrize(("middle", "sex"), [
    ("Сергеевна", "ж"), ("Ильинична", "ж"), ("Петрович", "м"), ("Ильич", "м"),
    ("Гусейн оглы", "м"), ("Алиевна", "ж"), ("Ахмед кызы", "ж"), ("", ""), ("Джонсон", ""),
])
def test_sex_from_patronymic(middle: str, sex: str) -> None:
    assert sex_from_patronymic(middle) == sex


def test_verbs_agree_with_the_sex_or_stay_when_it_is_unknown() -> None:
    text = "принял(а) участие и награждён(а)"
    assert agree(text, "ж") == "приняла участие и награждена"
    assert agree(text, "м") == "принял участие и награждён"
    assert agree(text, "") == text


@pytest.mark.parametrize(("name", "sex", "dative", "genitive"), [
    ("Иванова Анна Сергеевна", "", "Ивановой Анне Сергеевне", "Ивановой Анны Сергеевны"),
    ("Петров Пётр Петрович", "", "Петрову Петру Петровичу", "Петрова Петра Петровича"),
    ("Воробьёва Ольга Викторовна", "ж", "Воробьёвой Ольге Викторовне",
     "Воробьёвой Ольги Викторовны"),
    ("Долгих Никита Сергеевич", "м", "Долгих Никите Сергеевичу", "Долгих Никиты Сергеевича"),
    ("Ткач Мария Ивановна", "ж", "Ткач Марии Ивановне", "Ткач Марии Ивановны"),
    ("Гончаренко Ольга Петровна", "", "Гончаренко Ольге Петровне",
     "Гончаренко Ольги Петровны"),
    ("Шевчук Иван Иванович", "", "Шевчуку Ивану Ивановичу", "Шевчука Ивана Ивановича"),
    ("Кузьмина Любовь Ильинична", "", "Кузьминой Любови Ильиничне",
     "Кузьминой Любови Ильиничны"),
    ("Гусейнов Эльдар Гусейн оглы", "м", "Гусейнову Эльдару Гусейн оглы",
     "Гусейнова Эльдара Гусейн оглы"),
])
def test_names_declined(name: str, sex: str, dative: str, genitive: str) -> None:
    assert decline_name(name, "datv", sex) == dative  # type: ignore[arg-type]
    assert decline_name(name, "gent", sex) == genitive  # type: ignore[arg-type]


def test_a_kind_of_event_in_the_prepositional() -> None:
    assert decline_phrase("конкурс", "loct") == "конкурсе"
    assert decline_phrase("педагогические чтения", "loct") == "педагогических чтениях"
    assert decline_phrase("заседание РМО", "loct") == "заседании РМО"
