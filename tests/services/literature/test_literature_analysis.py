"""The summary book, the provision with textbooks and the exchange fund."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.book import summary_book
from imc_desktop.services.literature.exchange import (
    exchange_fund,
    propose_transfers,
    provision,
    split_copies,
)
from tests.services.literature.test_literature import _doc, _org, _title

JAN, DEC = date(2025, 1, 1), date(2025, 12, 31)


# ---------------------------------------------------------------- the greedy proposal

def _check_proposal(surplus: dict[str, int], shortage: dict[str, int]) -> None:
    moves = propose_transfers(surplus, shortage)
    given: dict[str, int] = {}
    taken: dict[str, int] = {}
    for m in moves:
        assert m.quantity > 0 and m.source != m.target
        given[m.source] = given.get(m.source, 0) + m.quantity
        taken[m.target] = taken.get(m.target, 0) + m.quantity
    assert all(0 < q <= surplus.get(k, 0) for k, q in given.items())
    assert all(0 < q <= shortage.get(k, 0) for k, q in taken.items())
    possible = min(sum(v for v in surplus.values() if v > 0),
                   sum(v for v in shortage.values() if v > 0))
    assert sum(given.values()) == possible


@pytest.mark.parametrize("seed", range(300))
def test_a_proposal_never_moves_more_than_a_surplus(seed: int) -> None:
    rng = random.Random(seed)
    holders = [f"h{i}" for i in range(rng.randint(0, 9))]
    surplus = {h: rng.randint(-3, 40) for h in rng.sample(holders, len(holders) // 2)}
    shortage = {h: rng.randint(0, 40) for h in holders if h not in surplus}
    _check_proposal(surplus, shortage)


def test_the_biggest_shortage_is_covered_first() -> None:
    moves = propose_transfers({"a": 5, "b": 3}, {"x": 4, "y": 10})
    assert [(m.source, m.target, m.quantity) for m in moves] == [
        ("a", "y", 5), ("b", "y", 3)]


# ---------------------------------------------------------------- with a database

@pytest.fixture
def district(database: DatabaseInfo) -> dict[str, str]:
    ids = {"a": _org("Школа А"), "b": _org("Школа Б"), "t": _title(),
           "m": _title("Методика преподавания", kind="методическое пособие", grades="",
                       price=Decimal("100.00"))}
    lit.save_grade_pupils(ids["a"], {5: 20, 6: 18})
    lit.save_grade_pupils(ids["b"], {5: 30})
    return ids


def _movements(d: dict[str, str]) -> None:
    a, b, t, m = d["a"], d["b"], d["t"], d["m"]
    _doc(docs.RECEIPT, date(2024, 8, 1), t, 40)
    _doc(docs.RECEIPT, date(2025, 3, 1), t, 20)
    _doc(docs.RECEIPT, date(2025, 3, 2), m, 5)
    _doc(docs.ISSUE, date(2025, 3, 10), t, 35, dst=a)
    _doc(docs.ISSUE, date(2025, 3, 11), t, 10, dst=b)
    _doc(docs.TRANSFER, date(2025, 4, 1), t, 2, src=a, dst=b)
    _doc(docs.WRITE_OFF, date(2025, 6, 1), t, 3, src=a)
    _doc(docs.WRITE_OFF, date(2025, 6, 2), m, 1)
    _doc(docs.RECEIPT, date(2026, 2, 1), t, 7)  # after the period


def test_the_summary_book_totals_equal_the_documents(district: dict[str, str]) -> None:
    _movements(district)
    book = summary_book(JAN, DEC)
    assert [e.document for e in book.receipts] == ["поступление № 1", "поступление № 2"]
    assert [e.amounts.quantity for e in book.receipts] == [20, 5]
    assert [e.document for e in book.disposals] == ["списание № 1", "списание № 2"]
    assert (book.opening.quantity, book.received.quantity, book.disposed.quantity,
            book.closing.quantity) == (40, 25, 4, 61)
    assert book.received.by_group == [20, 0, 5, 0] and book.disposed.by_group == [3, 0, 1, 0]
    assert book.received.amount == Decimal("12500.00")  # the lines' prices × quantities
    assert book.closing.amount == book.opening.amount + Decimal("12500.00") - Decimal("2000.00")
    held = sum(r.quantity for r in bal.balances(DEC))
    assert held == book.closing.quantity


def test_the_book_of_one_school_counts_issues_and_transfers(district: dict[str, str]) -> None:
    _movements(district)
    book = summary_book(JAN, DEC, district["a"])
    assert [(e.document, e.counterpart, e.amounts.quantity) for e in book.receipts] == [
        ("выдача № 1", lit.IMC_FUND, 35)]
    assert [(e.document, e.amounts.quantity) for e in book.disposals] == [
        ("передача № 1", 2), ("списание № 1", 3)]
    assert book.closing.quantity == bal.quantity(district["t"], district["a"], DEC) == 30


def test_provision_by_organization_grade_and_subject(district: dict[str, str]) -> None:
    _movements(district)
    rows = provision(DEC)
    assert [(r.organization, r.grade, r.subject, r.pupils, r.copies) for r in rows] == [
        ("Школа А", 5, "Математика", 20, 30), ("Школа Б", 5, "Математика", 30, 12)]
    assert rows[1].percent == pytest.approx(40.0)
    assert [r.organization for r in provision(DEC, district["b"])] == ["Школа Б"]


def test_copies_for_several_grades_are_shared_by_pupils() -> None:
    assert split_copies(90, {7: 20, 8: 30, 9: 40, 10: 99}, 7, 9) == {7: 20.0, 8: 30.0, 9: 40.0}
    assert split_copies(10, {}, 10, 11) == {10: 5.0, 11: 5.0}
    assert split_copies(10, {5: 3}, None, None) == {}


def test_the_exchange_fund_covers_shortages_from_surpluses(district: dict[str, str]) -> None:
    _movements(district)
    (entry,) = exchange_fund(DEC)
    a, b = district["a"], district["b"]
    assert entry.surplus == {bal.IMC_HOLDER: 15, a: 10}
    assert entry.shortage == {b: 18}
    moved = {(m.source, m.target): m.quantity for m in entry.transfers}
    assert moved == {(bal.IMC_HOLDER, b): 15, (a, b): 3}
