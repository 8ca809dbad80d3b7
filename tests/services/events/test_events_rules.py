"""Repeats, clashes, capacity and missing results as pure rules."""

from __future__ import annotations

from datetime import date, datetime

from imc_desktop.services.events import rules as r


def test_weekly_until_a_date_includes_that_date() -> None:
    days = r.repeat_dates(date(2026, 3, 3), r.WEEKLY, until=date(2026, 3, 24))
    assert days == [date(2026, 3, d) for d in (3, 10, 17, 24)]


def test_monthly_on_the_31st_falls_on_the_last_day_of_short_months() -> None:
    days = r.repeat_dates(date(2026, 1, 31), r.MONTHLY, count=4)
    assert days == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
                    date(2026, 4, 30)]


def test_count_and_until_the_earlier_wins_and_no_repeat_is_one_date() -> None:
    assert len(r.repeat_dates(date(2026, 3, 3), r.WEEKLY, date(2026, 12, 31), 3)) == 3
    assert r.repeat_dates(date(2026, 3, 3), "") == [date(2026, 3, 3)]
    assert r.repeat_problems(date(2026, 3, 3), r.WEEKLY, None, None)
    assert r.repeat_problems(date(2026, 3, 3), r.WEEKLY, date(2026, 3, 1), None)
    assert r.repeat_problems(date(2026, 3, 3), r.WEEKLY, None, 0)
    assert not r.repeat_problems(date(2026, 3, 3), r.MONTHLY, None, 9)


def slot(id_: str, place: str, start: int, end: int, status: str = r.PLANNED) -> r.Slot:
    return r.Slot(id_, id_, r.place_key(None, place), datetime(2026, 3, 5, start),
                  datetime(2026, 3, 5, end), status)


def test_a_clash_needs_the_same_place_and_overlapping_time() -> None:
    new = slot("new", "ИМЦ,  каб. 12", 10, 12)
    others = [slot("a", "имц, каб. 12", 11, 13), slot("b", "ИМЦ, каб. 12", 12, 14),
              slot("c", "Школа № 1", 10, 12), slot("d", "ИМЦ, каб. 12", 9, 11, r.CANCELLED),
              slot("new", "ИМЦ, каб. 12", 10, 12)]
    assert [x.id for x in r.clashes(new, others)] == ["a"]
    assert r.clashes(slot("x", "", 10, 12), others) == []
    assert r.place_key("org-1", "актовый зал") == "org-1"


def test_capacity_counts_participants_and_speakers_not_the_jury() -> None:
    roles = ["участник", "докладчик", "член жюри", "организатор"]
    assert r.free_seats(3, roles) == 1 and r.free_seats(None, roles) is None
    assert r.capacity_problem(3, roles, ["участник"]) == ""
    assert r.capacity_problem(3, roles, ["член жюри"] * 5) == ""
    assert "добавить можно ещё 1, а выбрано 2" in r.capacity_problem(3, roles,
                                                                       ["участник"] * 2)


def test_results_missing_after_the_event_only() -> None:
    past, future = datetime(2026, 3, 1, 12), datetime(2026, 3, 20, 12)
    today = date(2026, 3, 10)
    assert r.results_missing("семинар", r.PLANNED, past, today, 0, 0, 0) == \
        "не отмечено, что проведено"
    assert r.results_missing("семинар", r.PLANNED, future, today, 0, 0, 0) == ""
    assert r.results_missing("семинар", r.HELD, past, today, 0, 0, 5) == "не отмечена явка"
    assert r.results_missing("конкурс", r.HELD, past, today, 5, 0, 5) == \
        "нет итогов конкурса"
    assert r.results_missing("конкурс", r.HELD, past, today, 5, 3, 5) == ""
    assert r.results_missing("конкурс", r.CANCELLED, past, today, 0, 0, 5) == ""
