"""п. 22 of the Порядок (Приказ № 196) as tables at the boundaries: who is exempt from the
СЗД, until when, and why — the day before, the day of and the day after each limit."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop.services.attestation import rules as a
from imc_desktop.services.attestation.rules import Decision, Leave

RULES = a.AttestationRules()
TODAY = date(2026, 1, 5)
APPOINTED = date(2015, 9, 1)
SZD_OVERDUE = Decision(a.SZD, a.CONFORMS, date(2020, 3, 1))   # due 01.03.2025: overdue
SZD_2021 = Decision(a.SZD, a.CONFORMS, date(2021, 10, 1))     # due 01.10.2026


def due(decisions: list[Decision], leaves: list[Leave], today: date = TODAY,
        appointed: date = APPOINTED) -> date | None:
    return a.szd_due(decisions, appointed, leaves, today, RULES).due


# ---------------------------------------------------------------- exempt while it lasts

@pytest.mark.parametrize("kind", [a.PREGNANCY, a.MATERNITY, a.PARENTAL])
@pytest.mark.parametrize(("start", "exempt"), [
    (date(2025, 6, 1), True),    # began after the СЗД fell due: exempt all the same
    (date(2026, 1, 4), True),    # began yesterday
    (date(2026, 1, 5), True),    # begins today
    (date(2026, 1, 6), False),   # begins tomorrow, after the due date: the СЗД comes first
])
def test_an_open_leave_exempts_whatever_the_due_date_was(kind: str, start: date,
                                                          exempt: bool) -> None:
    result = a.szd_due([SZD_OVERDUE], APPOINTED, [Leave(kind, start)], TODAY, RULES)
    assert (result.due is None) == exempt
    if exempt:
        assert "освобожден" in result.reason and kind in result.reason
    else:
        assert result.due == date(2025, 3, 1)


@pytest.mark.parametrize(("start", "exempt"), [
    (date(2025, 9, 4), True),    # absent over 4 months by today
    (date(2025, 9, 5), True),    # 05.09–05.01: 4 months and a day
    (date(2025, 9, 6), False),   # 06.09–05.01: exactly 4 months, not more
])
def test_an_open_illness_exempts_once_it_is_over_4_months(start: date, exempt: bool) -> None:
    result = a.szd_due([SZD_OVERDUE], APPOINTED, [Leave(a.SICKNESS, start)], TODAY, RULES)
    assert (result.due is None) == exempt
    if not exempt:
        assert result.due == date(2025, 3, 1)


def test_a_leave_with_a_known_end_exempts_until_the_return_and_2_years_after() -> None:
    leave = Leave(a.PARENTAL, date(2025, 6, 1), date(2026, 6, 30))
    assert due([SZD_OVERDUE], [leave]) == date(2028, 7, 1)


# ---------------------------------------------------------------- after the return

@pytest.mark.parametrize(("kind", "end", "expected"), [
    # «г» and «д»: not earlier than 2 years after the return (the day after the last day)
    (a.MATERNITY, date(2026, 2, 28), date(2028, 3, 1)),
    (a.MATERNITY, date(2026, 3, 1), date(2028, 3, 2)),
    (a.MATERNITY, date(2026, 3, 2), date(2028, 3, 3)),
    (a.PARENTAL, date(2026, 2, 28), date(2028, 3, 1)),
    (a.PARENTAL, date(2026, 3, 1), date(2028, 3, 2)),
    (a.PARENTAL, date(2026, 3, 2), date(2028, 3, 3)),
    (a.PARENTAL, date(2027, 2, 28), date(2029, 3, 1)),   # return on 01.03.2027
    (a.PARENTAL, date(2028, 2, 28), date(2030, 2, 28)),  # return 29.02.2028 → 28.02.2030
    # «в»: pregnancy postpones only while it lasts
    (a.PREGNANCY, date(2026, 3, 1), date(2026, 3, 2)),
])
def test_the_return_from_leave(kind: str, end: date, expected: date) -> None:
    assert due([SZD_OVERDUE], [Leave(kind, date(2025, 1, 10), end)]) == expected


def test_maternity_then_parental_leave_counts_from_the_last_return() -> None:
    leaves = [Leave(a.MATERNITY, date(2024, 11, 1), date(2025, 3, 20)),
              Leave(a.PARENTAL, date(2025, 3, 21), date(2026, 4, 30))]
    result = a.szd_due([SZD_OVERDUE], APPOINTED, leaves, TODAY, RULES)
    assert result.due == date(2028, 5, 1)
    assert "отпуска по уходу" in result.reason and "01.05.2026" in result.reason


@pytest.mark.parametrize(("end", "expected"), [
    (date(2026, 5, 9), date(2026, 10, 1)),    # 10.01–09.05: 4 months, not more: no change
    (date(2026, 5, 10), date(2027, 5, 11)),   # more than 4 months: 1 year after the return
    (date(2026, 5, 11), date(2027, 5, 12)),
])
def test_illness_over_4_months_postpones_a_year_after_the_return(end: date,
                                                                  expected: date) -> None:
    assert due([SZD_2021], [Leave(a.SICKNESS, date(2026, 1, 10), end)]) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 3, 1), date(2028, 3, 2)),     # the last day of leave
    (date(2026, 3, 2), date(2028, 3, 2)),     # the day of return
    (date(2028, 3, 1), date(2028, 3, 2)),     # the day before the 2 years run out
    (date(2028, 3, 2), date(2028, 3, 2)),
    (date(2028, 3, 3), date(2028, 3, 2)),     # overdue from then on
])
def test_the_date_after_parental_leave_holds_whatever_today_is(today: date,
                                                                expected: date) -> None:
    leave = Leave(a.PARENTAL, date(2024, 5, 1), date(2026, 3, 1))
    assert due([SZD_OVERDUE], [leave], today) == expected


# ---------------------------------------------------------------- less than 2 years in the position

@pytest.mark.parametrize(("appointed", "expected"), [
    (date(2024, 9, 30), date(2026, 10, 1)),   # 2 years before the СЗД falls due: the СЗД
    (date(2024, 10, 1), date(2026, 10, 1)),
    (date(2024, 10, 2), date(2026, 10, 2)),   # appointed later: 2 years after it
    (date(2025, 6, 1), date(2027, 6, 1)),     # a teacher appointed deputy director
])
def test_less_than_2_years_in_the_position_exempts_despite_an_earlier_szd(
        appointed: date, expected: date) -> None:
    assert due([SZD_2021], [], appointed=appointed) == expected


@pytest.mark.parametrize(("appointed", "expected"), [
    (date(2024, 1, 4), date(2026, 1, 4)),
    (date(2024, 1, 5), date(2026, 1, 5)),
    (date(2024, 1, 6), date(2026, 1, 6)),
])
def test_an_overdue_szd_waits_for_2_years_in_the_new_position(appointed: date,
                                                              expected: date) -> None:
    result = a.szd_due([SZD_OVERDUE], appointed, [], TODAY, RULES)
    assert result.due == expected and appointed.strftime("%d.%m.%Y") in result.reason


# ---------------------------------------------------------------- педагог-методист, -наставник

HIGHEST_OLD = Decision(a.HIGHEST, a.ESTABLISHED, date(2020, 5, 1))   # valid to 01.05.2025


@pytest.mark.parametrize("kind", [a.METHODIST, a.MENTOR])
@pytest.mark.parametrize(("on", "shown"), [
    (date(2024, 5, 31), a.HIGHEST),
    (date(2024, 6, 1), None),            # the day of the decision: the senior category
    (date(2025, 5, 1), None),            # the last day of the old высшая
    (date(2025, 5, 2), None),            # the высшая expired: still the senior category
    (date(2035, 1, 1), None),
])
def test_methodist_and_mentor_are_categories(kind: str, on: date, shown: str | None) -> None:
    senior = Decision(kind, a.ESTABLISHED, date(2024, 6, 1))
    decisions = [HIGHEST_OLD, senior]
    expected = shown or kind
    assert a.category_shown(decisions, "", None, on, RULES)[0] == expected
    result = a.szd_due(decisions, APPOINTED, [], on, RULES)
    assert result.due is None and expected in result.reason


def test_a_refused_senior_category_is_no_category() -> None:
    refused = Decision(a.MENTOR, a.REFUSED, date(2024, 6, 1))
    assert a.current_category([HIGHEST_OLD, refused], date(2025, 5, 2), RULES) is None


def test_a_second_senior_category_needs_the_highest_not_the_first_senior() -> None:
    highest = Decision(a.HIGHEST, a.ESTABLISHED, date(2024, 1, 10))
    methodist = Decision(a.METHODIST, a.ESTABLISHED, date(2024, 6, 1))
    assert a.senior_kind_warning(a.MENTOR, [highest, methodist], date(2025, 1, 1),
                                 RULES) is None


# ---------------------------------------------------------------- the reason names the cause

FIRST_2021 = Decision(a.FIRST, a.ESTABLISHED, date(2021, 3, 10))    # valid to 10.03.2026


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 3, 10), None),                # the last day of the category
    (date(2026, 3, 11), date(2026, 3, 11)),   # expired: the СЗД is due now
    (date(2026, 3, 12), date(2026, 3, 12)),
])
def test_an_expired_category_is_named_as_the_reason(today: date,
                                                    expected: date | None) -> None:
    result = a.szd_due([FIRST_2021], APPOINTED, [], today, RULES)
    assert result.due == expected
    if expected is not None:
        assert "истекла категория «первая» (10.03.2026)" in result.reason
        assert "нет сведений" not in result.reason


def test_an_szd_after_the_expired_category_counts() -> None:
    szd = Decision(a.SZD, a.CONFORMS, date(2026, 4, 1))
    result = a.szd_due([FIRST_2021, szd], APPOINTED, [], date(2026, 5, 1), RULES)
    assert result.due == date(2031, 4, 1) and "после СЗД" in result.reason


def test_nothing_on_record_is_still_said_so() -> None:
    result = a.szd_due([], APPOINTED, [], TODAY, RULES)
    assert result.due == TODAY and "нет сведений об аттестации" in result.reason
