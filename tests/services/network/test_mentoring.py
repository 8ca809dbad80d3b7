"""Mentoring pairs, the young specialists without a mentor and the retention after one and
three years, computed from the staff register (at the boundaries: exactly a year, a day
less)."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import sites as ns
from imc_desktop.services.staff.rules import StaffRules
from tests.services.network.helpers import people, young

pytestmark = pytest.mark.usefixtures("database")
STAFF = StaffRules()
START = date(2023, 9, 1)


def test_a_pair_of_one_person_and_a_pair_twice_are_refused() -> None:
    ids = people()
    with pytest.raises(ValidationFailed) as caught:
        mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=ids["Иванова"]))
    assert "один и тот же" in caught.value.problems["mentee_id"]
    mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=ids["Петров"],
                             starts_on=date(2025, 9, 1)))
    with pytest.raises(ValidationFailed, match="уже есть"):
        mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=ids["Петров"]))
    with pytest.raises(ValidationFailed) as caught:
        mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=ids["Сидорова"],
                                 starts_on=date(2025, 9, 1), ends_on=date(2025, 8, 1)))
    assert "раньше начала" in caught.value.problems["ends_on"]


def test_a_young_specialist_without_a_mentor_is_listed_until_she_has_one() -> None:
    ids = people()
    newcomer = young(ids["СОШ № 1"], "Новикова", date(2025, 9, 1))
    today = date(2025, 12, 1)
    assert [r.person_id for r in mt.young_without_mentor(STAFF, today)] == [newcomer]
    pair = mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=newcomer,
                                    starts_on=date(2025, 9, 15)))
    assert mt.young_without_mentor(STAFF, today) == []
    [row] = mt.list_pairs(today)
    assert (row.mentor, row.mentee, row.mentee_organization, row.active) == (
        "Иванова Анна Ивановна", "Новикова Юлия Олеговна", "СОШ № 1", True)
    mt.save_plan_item(mt.PlanItemData(pair_id=pair, text="Посещение уроков",
                                      deadline=date(2025, 10, 30), done_on=date(2025, 10, 28)))
    mt.save_plan_item(mt.PlanItemData(pair_id=pair, text="Открытый урок",
                                      deadline=date(2026, 3, 1)))
    [row] = mt.list_pairs(today)
    assert (row.plan_items, row.plan_done) == (2, 1)
    with pytest.raises(ValidationFailed):
        mt.save_plan_item(mt.PlanItemData(pair_id=pair, text=""))


def test_retention_after_one_year_from_the_register_at_its_boundary() -> None:
    ids = people()
    young(ids["СОШ № 1"], "Ушла-в-годовщину", START, left_on=date(2024, 9, 1))
    young(ids["СОШ № 1"], "Ушла-накануне", START, left_on=date(2024, 8, 31))
    young(ids["СОШ № 1"], "Работает", START)
    [row] = mt.monitoring(STAFF, date(2025, 1, 1))
    assert row.organization == "СОШ № 1"
    assert (row.after_one.counted, row.after_one.retained) == (3, 2)
    assert row.after_three.counted == 0, "three years have not passed"


def test_retention_after_three_years_at_its_boundary() -> None:
    ids = people()
    young(ids["СОШ № 2"], "Три-года", START, left_on=date(2026, 9, 1))
    young(ids["СОШ № 2"], "Без-дня-три-года", START, left_on=date(2026, 8, 31))
    assert mt.monitoring(STAFF, date(2026, 8, 31))[0].after_three.counted == 0
    [row] = mt.monitoring(STAFF, date(2026, 9, 1))
    assert (row.after_three.counted, row.after_three.retained) == (2, 1)
    assert (row.after_one.counted, row.after_one.retained) == (2, 2)


def test_the_monitoring_counts_the_young_and_the_mentored_by_oo() -> None:
    ids = people()
    a = young(ids["СОШ № 1"], "Первая", date(2025, 9, 1))
    young(ids["СОШ № 1"], "Вторая", date(2025, 9, 1))
    young(ids["СОШ № 2"], "Немолодая", date(2025, 9, 1), born=date(1980, 1, 1))
    mt.save_pair(mt.PairData(mentor_id=ids["Иванова"], mentee_id=a))
    rows = {r.organization: r for r in mt.monitoring(STAFF, date(2025, 12, 1))}
    assert list(rows) == ["СОШ № 1"], "a newcomer of 45 is no young specialist"
    assert (rows["СОШ № 1"].young, rows["СОШ № 1"].mentored) == (2, 1)


def test_a_site_needs_an_oo_and_a_theme_and_its_report_mark() -> None:
    ids = people()
    with pytest.raises(ValidationFailed) as caught:
        ns.save_site(ns.SiteData(report_received_on=date(2026, 6, 1)))
    assert set(caught.value.problems) == {"organization_id", "theme", "report_received"}
    ns.save_site(ns.SiteData(organization_id=ids["СОШ № 1"], theme="Цифровая школа",
                             starts_on=date(2025, 9, 1), ends_on=date(2028, 8, 31)))
    [row] = ns.list_sites(date(2025, 12, 1))
    assert (row.organization, row.active) == ("СОШ № 1", True)


def test_a_pedagogue_who_began_elsewhere_long_ago_is_not_in_the_cohort() -> None:
    """She was a young specialist in 2014 at another district's school and came here in
    2024: the register does not know her first years, so she is not counted as leaving."""
    from imc_desktop.db import session_scope
    from models import Education, Experience

    ids = people()
    veteran = young(ids["СОШ № 1"], "Опытная", date(2024, 9, 1), born=date(1992, 3, 1))
    with session_scope() as s:
        s.query(Experience).filter_by(person_id=veteran).update({"as_of": date(2014, 9, 1)})
        s.query(Education).filter_by(person_id=veteran).update({"year": 2014})
    assert mt.monitoring(STAFF, date(2026, 1, 1)) == []
