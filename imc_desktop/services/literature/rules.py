"""The rules of the federal list (ФПУ) a methodist relies on when issuing textbooks.

A textbook excluded from the ФПУ may be used for not more than 5 years from its exclusion
(Приказ Минпросвещения № 858 and its amendments). Its last day of use is the «use until»
date when the list gives one, else the exclusion date plus 5 years; a title with neither
date has no known limit.
"""

from __future__ import annotations

from datetime import date

EXCLUDED_USE_YEARS = 5
"""Years an excluded textbook may still be used after its exclusion."""


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def use_limit(use_until: date | None, excluded_on: date | None) -> date | None:
    """The last day the title may be used: «use until», else 5 years after exclusion."""
    if use_until is not None:
        return use_until
    if excluded_on is not None:
        return add_years(excluded_on, EXCLUDED_USE_YEARS)
    return None


def past_limit(use_until: date | None, excluded_on: date | None, on: date) -> bool:
    """The title may no longer be used on the date (it is after its last day)."""
    limit = use_limit(use_until, excluded_on)
    return limit is not None and on > limit
