"""The demo pedagogues look like real ones: proper patronymics, стаж in varied months."""

from __future__ import annotations

import re
from datetime import date

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.staff import demo
from imc_desktop.services.staff import records as staff
from tests.rules import RULES


def test_patronymics_follow_the_russian_rule() -> None:
    pairs = {"Сергей": ("Сергеевич", "Сергеевна"), "Михаил": ("Михайлович", "Михайловна"),
             "Анатолий": ("Анатольевич", "Анатольевна"), "Николай": ("Николаевич",
                                                                   "Николаевна"),
             "Пётр": ("Петрович", "Петровна"), "Иван": ("Иванович", "Ивановна"),
             "Юрий": ("Юрьевич", "Юрьевна")}
    for father, (male, female) in pairs.items():
        assert (demo._male_middle(father), demo._female_middle(father)) == (male, female)


def test_demo_staff_have_proper_patronymics_and_varied_months(
        demo_database: DatabaseInfo) -> None:
    people = staff.list_staff(RULES, date(2026, 12, 4))
    middles = {p.full_name.split()[-1] for p in people}
    assert not [m for m in middles if re.search(r"йов|йев|иловн|илович", m)]
    assert all(re.fullmatch(r"[А-ЯЁ][а-яё]+(ович|евич|ьевич|овна|евна|ьевна)", m)
               for m in middles), middles
    months = {re.findall(r"(\d+) мес", p.ped_experience)[0] for p in people
              if "мес" in p.ped_experience}
    assert len(months) >= 6, months


def test_demo_staff_is_recorded_in_years_and_months_as_of_a_date(
        demo_database: DatabaseInfo) -> None:
    from sqlalchemy import select

    from imc_desktop.db import session_scope
    from models import Experience

    with session_scope() as s:
        rows = s.execute(select(Experience.years, Experience.months)).all()
    assert len({months for _years, months in rows}) == 12
    assert sum(1 for years, _months in rows if years) > len(rows) * 0.8
