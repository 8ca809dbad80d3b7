"""Titles excluded from the ФПУ: the last day of use, the flag on balances, the warning
before issuing one to an ОО."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature import rules
from imc_desktop.services.literature.issuing import issue_warnings
from imc_desktop.services.organizations import records as orgs


@pytest.mark.parametrize(("use_until", "excluded_on", "limit"), [
    (None, None, None),
    (date(2027, 8, 31), None, date(2027, 8, 31)),
    (date(2027, 8, 31), date(2024, 9, 1), date(2027, 8, 31)),  # the list's own date wins
    (None, date(2024, 9, 1), date(2029, 9, 1)),
    (None, date(2024, 2, 29), date(2029, 2, 28)),
])
def test_the_last_day_of_use(use_until: date | None, excluded_on: date | None,
                             limit: date | None) -> None:
    assert rules.use_limit(use_until, excluded_on) == limit


@pytest.mark.parametrize(("on", "past"), [
    (date(2029, 8, 31), False), (date(2029, 9, 1), False), (date(2029, 9, 2), True),
])
def test_excluded_without_a_date_is_flagged_5_years_after_exclusion(on: date,
                                                                    past: bool) -> None:
    assert rules.past_limit(None, date(2024, 9, 1), on) is past


@pytest.fixture
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(orgs.OrganizationData(full_name="Школа А",
                                                        short_name="Школа А"))


def _title(name: str, **kw: object) -> str:
    return lit.save_title(lit.TitleData(title=name, grades="5", price=Decimal(100), **kw))  # type: ignore[arg-type]


def _doc(kind: str, day: date, title: str, qty: int, to: str | None = None,
         src: str | None = None) -> str:
    extra = {"supplier": "Просвещение"} if kind == docs.RECEIPT else {}
    return docs.save_document(docs.DocumentData(
        kind=kind, doc_date=day, to_org_id=to, from_org_id=src,
        lines=(docs.LineData(title, qty, Decimal(100)),), **extra))  # type: ignore[arg-type]


def test_the_exclusion_date_is_kept_only_for_an_excluded_title(database: DatabaseInfo) -> None:
    with pytest.raises(ValidationFailed) as caught:
        _title("Физика", fpu_status=lit.IN_LIST, excluded_on=date(2024, 9, 1))
    assert "excluded_on" in caught.value.problems
    kept = _title("Физика", fpu_status=lit.EXCLUDED, excluded_on=date(2024, 9, 1))
    assert lit.get_title(kept).excluded_on == date(2024, 9, 1)
    assert lit.get_title(kept).use_limit == date(2029, 9, 1)


# (status, use until, excluded on, document date) → the warning (a fragment) or None
WARNINGS = [
    pytest.param(lit.IN_LIST, None, None, date(2026, 9, 1), None, id="in the list"),
    pytest.param(lit.EXCLUDED, date(2027, 8, 31), date(2024, 9, 1), date(2027, 8, 31),
                 "исключён из ФПУ (дата исключения 01.09.2024), использовать до 31.08.2027",
                 id="excluded, on its last day"),
    pytest.param(lit.EXCLUDED, date(2027, 8, 31), None, date(2027, 9, 1),
                 "срок использования истёк 31.08.2027", id="a day after «use until»"),
    pytest.param(lit.EXCLUDED, None, date(2021, 9, 1), date(2026, 9, 2),
                 "срок использования истёк 01.09.2026", id="5 years after exclusion"),
    pytest.param(lit.EXCLUDED, None, date(2021, 9, 1), date(2026, 9, 1),
                 "использовать до 01.09.2026", id="on the 5th anniversary"),
    pytest.param(lit.EXCLUDED, None, None, date(2026, 9, 1),
                 "дата исключения не указана), срок использования не указан",
                 id="excluded without dates"),
]


@pytest.mark.parametrize(("status", "until", "excluded", "day", "fragment"), WARNINGS)
def test_issuing_an_excluded_or_expired_title_is_warned_about(
        school: str, status: str, until: date | None, excluded: date | None, day: date,
        fragment: str | None) -> None:
    title = _title("Математика", fpu_status=status, use_until=until, excluded_on=excluded)
    docs.post_document(_doc(docs.RECEIPT, date(2020, 1, 1), title, 10))
    issue = _doc(docs.ISSUE, day, title, 3, to=school)
    warnings = issue_warnings(issue)
    if fragment is None:
        assert warnings == []
    else:
        (warning,) = warnings
        assert warning.startswith("«Математика»: ") and fragment in warning
    docs.post_document(issue)  # a warning, not a refusal
    assert bal.quantity(title, school, day) == 3


def test_only_issues_to_an_oo_are_warned_about(school: str) -> None:
    title = _title("Математика", fpu_status=lit.EXCLUDED, use_until=date(2020, 8, 31))
    receipt = _doc(docs.RECEIPT, date(2021, 1, 1), title, 10)
    assert issue_warnings(receipt) == []
    docs.post_document(receipt)
    back = _doc(docs.RETURN, date(2021, 1, 2), title, 1, src=school)
    assert issue_warnings(back) == []


def test_a_school_holding_a_title_5_years_after_exclusion_is_flagged(school: str) -> None:
    title = _title("Математика", fpu_status=lit.EXCLUDED, excluded_on=date(2020, 9, 1))
    docs.post_document(_doc(docs.RECEIPT, date(2020, 1, 1), title, 10))
    docs.post_document(_doc(docs.ISSUE, date(2020, 1, 2), title, 4, to=school))

    def outdated(on: date) -> bool:
        (row,) = [r for r in bal.balances(on, school)]
        return row.outdated

    assert outdated(date(2025, 9, 1)) is False
    assert outdated(date(2025, 9, 2)) is True
    (row,) = bal.balances(date(2025, 9, 2), school)
    assert row.use_until == date(2025, 9, 1), "the last day of use is shown"
    assert replace(lit.get_title(title), fpu_status=lit.IN_LIST).use_limit is None
