"""The demo literature: a few hundred titles, a year of documents, no balance below zero."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from imc_desktop.db import session_scope
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit


def test_the_demo_stock_never_goes_below_zero(demo_database: DatabaseInfo) -> None:
    titles = lit.list_titles()
    assert len(titles) >= 250
    assert all(t.fpu_number and t.isbn for t in titles if t.kind == lit.TEXTBOOK)
    rows = docs.list_documents()
    kinds = {r.kind for r in rows if r.posted}
    assert {docs.RECEIPT, docs.ISSUE, docs.RETURN, docs.TRANSFER, docs.WRITE_OFF} <= kinds
    assert any(not r.posted for r in rows)
    assert any(r.returned for r in rows) and any(r.overdue for r in rows)
    posted = [r.doc_date for r in rows if r.posted]
    assert (max(posted) - min(posted)).days > 300  # a school year of movements
    m = bal.movements()
    daily = select(m.c.title_id, m.c.holder, m.c.day, func.sum(m.c.qty).label("qty")).group_by(
        m.c.title_id, m.c.holder, m.c.day).subquery()
    running = select(func.sum(daily.c.qty).over(
        partition_by=(daily.c.title_id, daily.c.holder), order_by=daily.c.day).label("left")
    ).subquery()
    with session_scope() as s:
        lowest = s.scalar(select(func.min(running.c.left)))
    assert lowest is not None and lowest >= 0
    assert lit.all_grade_pupils() and bal.balances(date.today())
    excluded = [t for t in titles if t.fpu_status == lit.EXCLUDED]
    assert excluded and all(t.excluded_on for t in excluded)
    assert any(t.use_until is None for t in excluded), "one under the 5-year rule"
    assert any(r.outdated for r in bal.balances(date.today())), \
        "a school still holds an excluded title past its last day"


def test_the_pupils_of_a_school_are_the_sum_of_its_grades(demo_database: DatabaseInfo) -> None:
    from models import Organization, OrganizationGradePupils

    with session_scope() as s:
        sums = dict(s.execute(select(OrganizationGradePupils.organization_id,
                                     func.sum(OrganizationGradePupils.pupils))
                              .group_by(OrganizationGradePupils.organization_id)).all())
        cards = dict(s.execute(select(Organization.id, Organization.pupils)
                               .where(Organization.kind == "школа")).all())
    assert cards and set(sums) == set(cards)
    assert {org: sums[org] for org in cards} == cards


def test_split_by_weight_adds_up_exactly() -> None:
    from imc_desktop.services.literature.demo import split_by_weight

    weights = {g: 1.0 if g <= 9 else 0.6 for g in range(1, 12)}
    for total in (11, 15, 99, 100, 527, 620):
        parts = split_by_weight(total, weights)
        assert sum(parts.values()) == total and min(parts.values()) >= 1, total
        assert parts[10] < parts[1] or total < 30
    assert sum(split_by_weight(5, weights).values()) == 5  # fewer pupils than grades
