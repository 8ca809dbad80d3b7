"""Стаж on a date from a стаж value known on its reference date.

The value grows after its reference date and is reduced before it (never below zero): стаж
of 10 years on 01.09.2025 is 9 years 11 months on 31.08.2025. The reduction assumes the
work ran without a break up to the reference date.
"""

from __future__ import annotations

from datetime import date

from imc_desktop.services.staff.rules import add_months, full_months_between


def _months_back(on: date, as_of: date) -> int:
    """Months (a started one counts) from `on` up to `as_of`: what the стаж lacked then."""
    months = full_months_between(on, as_of)
    return months + 1 if add_months(on, months) < as_of else months


def experience_on(years: int, months: int, as_of: date, on: date) -> tuple[int, int]:
    """Стаж of (years, months) on `as_of`, grown or reduced (in whole months) to `on`."""
    if on >= as_of:
        total = years * 12 + months + full_months_between(as_of, on)
    else:
        total = max(years * 12 + months - _months_back(on, as_of), 0)
    return divmod(total, 12)
