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
