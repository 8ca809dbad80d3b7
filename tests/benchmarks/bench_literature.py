"""Literature on ten demo years of the district: each year a catalogue of 266 titles and a
school year of documents (about 2,660 titles and 29,000 document lines in all).

    uv run pytest tests/benchmarks/bench_literature.py --benchmark-only -s
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from imc_desktop.db import session_scope
from imc_desktop.services import demo
from imc_desktop.services.common import maintenance
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature.book import summary_book
from imc_desktop.services.literature.demo import demo_literature
from imc_desktop.services.literature.exchange import exchange_fund
from models import LiteratureTitle, Organization

YEARS = 10


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("literature")
    maintenance.open_current(folder / "lit.sqlite", folder / "backups")
    demo.fill_demo(staff=0)
    with session_scope() as s:
        orgs = list(s.scalars(select(Organization)))
        for year in range(1, YEARS):
            rows = demo_literature(random.Random(year), orgs,
                                   date.today() - timedelta(days=366 * year))
            s.add_all(x for x in rows if not hasattr(x, "grade"))
    yield
    maintenance.close_current()


def test_balances_of_the_district(benchmark: Any, district: None) -> None:
    rows = benchmark(bal.balances, date.today())
    print(f"\nbalances: {len(rows)} rows")


def test_posting_a_hundred_lines(benchmark: Any, district: None) -> None:
    with session_scope() as s:
        titles = list(s.scalars(select(LiteratureTitle.id)).all())[:100]
    doc_id = docs.save_document(docs.DocumentData(
        kind=docs.RECEIPT, doc_date=date.today(), supplier="Поставщик",
        lines=tuple(docs.LineData(t, 5, Decimal(100)) for t in titles)))

    def post_and_unpost() -> None:
        docs.post_document(doc_id)
        docs.unpost_document(doc_id)

    benchmark(post_and_unpost)


def test_summary_book_of_a_year(benchmark: Any, district: None) -> None:
    benchmark(summary_book, date.today() - timedelta(days=365), date.today())


def test_exchange_fund(benchmark: Any, district: None) -> None:
    benchmark(exchange_fund, date.today())
