"""The attestation rules as tables: both sides of 01.09.2023, leap days, leaves across the
5-year mark, a category replaced by a higher one."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop.services.attestation import rules as a
from imc_desktop.services.attestation.rules import Decision, Leave

FIRST = Decision(a.FIRST, a.ESTABLISHED, date(2021, 3, 10))

RULES = a.AttestationRules()


@pytest.mark.parametrize(("decision", "until"), [
    (Decision(a.FIRST, a.ESTABLISHED, date(2023, 8, 31)), date(2028, 8, 31)),
    (Decision(a.HIGHEST, a.ESTABLISHED, date(2023, 9, 1)), None),   # new rules: no expiry
    (Decision(a.FIRST, a.ESTABLISHED, date(2020, 2, 29)), date(2025, 2, 28)),  # leap day
    (Decision(a.FIRST, a.ESTABLISHED, date(2019, 5, 20), date(2025, 5, 20)),
     date(2025, 5, 20)),                                             # explicit date wins
    (Decision(a.HIGHEST, a.ESTABLISHED, date(2024, 1, 1), date(2029, 1, 1)), date(2029, 1, 1)),
    (Decision(a.SZD, a.CONFORMS, date(2022, 4, 1)), date(2027, 4, 1)),
    (Decision(a.METHODIST, a.ESTABLISHED, date(2024, 6, 1)), None),
])
def test_valid_until(decision: Decision, until: date | None) -> None:
    assert a.valid_until(decision, RULES) == until


def test_current_category_prefers_the_higher_and_drops_the_expired() -> None:
    higher = Decision(a.HIGHEST, a.ESTABLISHED, date(2024, 2, 1))
    refused = Decision(a.HIGHEST, a.REFUSED, date(2025, 2, 1))
    assert a.current_category([FIRST, higher, refused], date(2024, 1, 31), RULES) == FIRST
    assert a.current_category([FIRST, higher, refused], date(2024, 2, 1), RULES) == higher
    assert a.current_category([FIRST], date(2026, 3, 10), RULES) == FIRST
    assert a.current_category([FIRST], date(2026, 3, 11), RULES) is None  # 5 years ran out


def test_senior_kinds_warn_without_the_highest_category() -> None:
    assert a.senior_kind_warning(a.METHODIST, [FIRST], date(2025, 1, 1), RULES) is not None
    highest = Decision(a.HIGHEST, a.ESTABLISHED, date(2024, 1, 1))
    assert a.senior_kind_warning(a.MENTOR, [highest], date(2025, 1, 1), RULES) is None
    assert a.senior_kind_warning(a.FIRST, [], date(2025, 1, 1), RULES) is None


SZD_2021 = Decision(a.SZD, a.CONFORMS, date(2021, 10, 1))


@pytest.mark.parametrize(("decisions", "appointed", "leaves", "due"), [
    ([], date(2024, 9, 1), [], date(2026, 9, 1)),                   # 2 years in the position
    ([], date(2010, 9, 1), [], date(2026, 1, 5)),                   # nothing on record: now
    ([SZD_2021], date(2015, 9, 1), [], date(2026, 10, 1)),          # 5 years after СЗД
    ([SZD_2021, FIRST], date(2015, 9, 1), [], None),                # a category: none due
    ([SZD_2021], date(2015, 9, 1),                                  # maternity: 2 years after
     [Leave(a.MATERNITY, date(2026, 6, 1), date(2026, 12, 15))], date(2028, 12, 16)),
    ([SZD_2021], date(2015, 9, 1),                                  # parental: 2 years after
     [Leave(a.PARENTAL, date(2025, 1, 10), date(2026, 3, 1))], date(2028, 3, 2)),
    ([SZD_2021], date(2015, 9, 1),                                  # still on parental leave
     [Leave(a.PARENTAL, date(2025, 1, 10))], None),
    ([SZD_2021], date(2015, 9, 1),                                  # ill 5 months: +1 year
     [Leave(a.SICKNESS, date(2026, 1, 10), date(2026, 6, 20))], date(2027, 6, 21)),
    ([SZD_2021], date(2015, 9, 1),                                  # ill 3 months: no change
     [Leave(a.SICKNESS, date(2026, 1, 10), date(2026, 4, 9))], date(2026, 10, 1)),
    ([SZD_2021], date(2015, 9, 1),                                  # leave after the mark
     [Leave(a.PARENTAL, date(2027, 1, 1), date(2028, 1, 1))], date(2026, 10, 1)),
])
def test_szd_due(decisions: list[Decision], appointed: date, leaves: list[Leave],
                 due: date | None) -> None:
    assert a.szd_due(decisions, appointed, leaves, date(2026, 1, 5), RULES).due == due


def test_szd_due_says_why() -> None:
    result = a.szd_due([SZD_2021], date(2015, 9, 1),
                       [Leave(a.PARENTAL, date(2025, 1, 10), date(2026, 3, 1))],
                       date(2026, 1, 5), RULES)
    assert "отпуска по уходу" in result.reason
    assert "категорию" in a.szd_due([FIRST], None, [], date(2025, 1, 1), RULES).reason
    assert a.szd_due([], None, [], date(2025, 1, 1), RULES).due is None


APPLIED, STARTED = date(2024, 2, 1), date(2024, 2, 20)


def test_application_deadlines_count_from_the_application_and_from_the_start() -> None:
    limits = a.application_deadlines(APPLIED, STARTED, RULES)
    assert (limits.consider_by, limits.finish_by) == (date(2024, 3, 2), date(2024, 4, 20))
    assert a.application_deadlines(APPLIED, None, RULES).finish_by is None  # not started yet
    assert a.application_deadlines(None, STARTED, RULES).consider_by is None


@pytest.mark.parametrize(("started", "today", "overdue"), [
    # not started: the 30 days of considering the application, from the application
    (None, date(2024, 3, 1), False),
    (None, date(2024, 3, 2), False),
    (None, date(2024, 3, 3), True),
    # started: the 60 days of the attestation, from its start (not from the application)
    (STARTED, date(2024, 4, 1), False),   # 60 days after the application: not yet
    (STARTED, date(2024, 4, 19), False),
    (STARTED, date(2024, 4, 20), False),
    (STARTED, date(2024, 4, 21), True),
])
def test_application_overdue_at_its_boundaries(started: date | None, today: date,
                                               overdue: bool) -> None:
    assert a.application_overdue(APPLIED, started, False, today, RULES) == overdue
    assert not a.application_overdue(APPLIED, started, True, today, RULES)  # decided
