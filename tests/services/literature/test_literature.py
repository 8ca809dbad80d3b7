"""Literature: the catalogue, documents, posting and balances through a sequence of documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from imc_desktop.services.common.errors import InUse, ServiceError, ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.balances import IMC_HOLDER
from imc_desktop.services.literature.documents import DocumentData, LineData
from imc_desktop.services.organizations import records as orgs


def _org(name: str) -> str:
    return orgs.save_organization(orgs.OrganizationData(full_name=name, short_name=name))


def _title(name: str = "Математика. 5 класс", **kw: object) -> str:
    data = lit.TitleData(title=name, authors="Виленкин Н.Я.", grades="5",
                         subject="Математика", price=Decimal("500.00"))
    return lit.save_title(lit.TitleData(**{**data.__dict__, **kw}))


def _doc(kind: str, day: date, title: str, qty: int, src: str | None = None,
         dst: str | None = None, post: bool = True, **kw: object) -> str:
    extra: dict[str, object] = {"supplier": "Просвещение"} if kind == docs.RECEIPT else {}
    if kind == docs.WRITE_OFF:
        extra["reason"] = "ветхость"
    doc_id = docs.save_document(DocumentData(
        kind=kind, doc_date=day, from_org_id=src, to_org_id=dst,
        lines=(LineData(title, qty, Decimal("500.00")),), **{**extra, **kw}))  # type: ignore[arg-type]
    if post:
        docs.post_document(doc_id)
    return doc_id


def _qty(title: str, holder: str, day: date) -> int:
    return bal.quantity(title, holder, day)


@pytest.fixture
def stock(database: DatabaseInfo) -> dict[str, str]:
    return {"a": _org("Школа А"), "b": _org("Школа Б"), "t": _title()}


def test_balances_follow_a_sequence_of_documents_with_unposting(stock: dict[str, str]) -> None:
    a, b, t = stock["a"], stock["b"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 100)
    issue = _doc(docs.ISSUE, date(2025, 8, 20), t, 60, dst=a)
    _doc(docs.TRANSFER, date(2025, 9, 1), t, 15, src=a, dst=b)
    _doc(docs.RETURN, date(2026, 6, 1), t, 5, src=b)
    _doc(docs.WRITE_OFF, date(2026, 6, 10), t, 3)
    assert [_qty(t, h, date(2025, 8, 31)) for h in (IMC_HOLDER, a, b)] == [40, 60, 0]
    assert [_qty(t, h, date(2026, 7, 1)) for h in (IMC_HOLDER, a, b)] == [42, 45, 10]
    assert _qty(t, IMC_HOLDER, date(2025, 7, 31)) == 0
    rows = bal.balances(date(2026, 7, 1))
    assert [(r.holder, r.quantity) for r in rows] == [
        (lit.IMC_FUND, 42), ("Школа А", 45), ("Школа Б", 10)]
    assert sum(r.amount for r in rows) == Decimal("500.00") * 97
    with pytest.raises(ServiceError, match="Школа А: не хватает 15 экз. на 01.09.2025"):
        docs.unpost_document(issue)  # the school has already passed 15 copies on
    assert _qty(t, a, date(2026, 7, 1)) == 45


def test_the_imc_fund_comes_first_then_the_schools_by_name(stock: dict[str, str]) -> None:
    t, early = stock["t"], _org("Александровская школа")
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 10)
    _doc(docs.ISSUE, date(2025, 8, 2), t, 4, dst=early)
    _doc(docs.ISSUE, date(2025, 8, 2), t, 3, dst=stock["a"])
    assert [r.holder for r in bal.balances(date(2025, 9, 1))] == [
        lit.IMC_FUND, "Александровская школа", "Школа А"]


def test_unposting_a_later_document_restores_balances(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 10)
    issue = _doc(docs.ISSUE, date(2025, 8, 20), t, 10, dst=a)
    docs.unpost_document(issue)
    assert (_qty(t, IMC_HOLDER, date(2026, 1, 1)), _qty(t, a, date(2026, 1, 1))) == (10, 0)
    assert docs.get_document(issue).posted is False
    docs.post_document(issue)
    assert _qty(t, a, date(2026, 1, 1)) == 10


def test_posting_is_refused_when_stock_would_go_negative(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 10)
    draft = _doc(docs.ISSUE, date(2025, 8, 20), t, 12, dst=a, post=False)
    with pytest.raises(ServiceError) as refused:
        docs.post_document(draft)
    text = str(refused.value)
    assert "Математика. 5 класс" in text and lit.IMC_FUND in text
    assert "не хватает 2 экз. на 20.08.2025" in text
    assert docs.get_document(draft).posted is False
    assert _qty(t, a, date(2026, 1, 1)) == 0


def test_a_backdated_document_cannot_break_a_later_balance(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 10)
    _doc(docs.ISSUE, date(2025, 9, 1), t, 8, dst=a)
    early = _doc(docs.WRITE_OFF, date(2025, 8, 15), t, 5, post=False)
    with pytest.raises(ServiceError, match="не хватает 3 экз. на 01.09.2025"):
        docs.post_document(early)


def test_same_day_receipt_and_issue_count_by_the_end_of_day(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    issue = _doc(docs.ISSUE, date(2025, 8, 1), t, 5, dst=a, post=False)
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 5)
    docs.post_document(issue)
    assert _qty(t, a, date(2025, 8, 1)) == 5


def test_posted_documents_are_not_edited_nor_deleted(stock: dict[str, str]) -> None:
    t = stock["t"]
    doc_id = _doc(docs.RECEIPT, date(2025, 8, 1), t, 10)
    stored = docs.get_document(doc_id)
    with pytest.raises(ServiceError, match="Проведённый документ изменить нельзя"):
        docs.save_document(stored)
    with pytest.raises(ServiceError, match="проведён"):
        docs.delete_document(doc_id)
    with pytest.raises(InUse):
        lit.delete_title(t)


def test_document_validation(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    problems = docs.validate_document(DocumentData(kind=docs.TRANSFER, doc_date=date(2025, 1, 1),
                                                   from_org_id=a, to_org_id=a,
                                                   return_by=date(2024, 1, 1)))
    assert set(problems) == {"to_org_id", "return_by", "lines"}
    problems = docs.validate_document(DocumentData(
        kind=docs.WRITE_OFF, doc_date=date(2025, 1, 1),
        lines=(LineData(t, 0, Decimal(1), "X"), LineData(t, 1, Decimal(1), "X"))))
    assert set(problems) == {"reason", "lines.1.quantity", "lines.2.title"}
    assert "supplier" in docs.validate_document(DocumentData(kind=docs.RECEIPT))
    assert "to_org_id" in docs.validate_document(DocumentData(kind=docs.ISSUE))


def test_numbers_are_given_in_turn_and_kept_unique(stock: dict[str, str]) -> None:
    t = stock["t"]
    first = _doc(docs.RECEIPT, date(2025, 8, 1), t, 1, post=False)
    second = _doc(docs.RECEIPT, date(2025, 9, 1), t, 1, post=False)
    assert [docs.get_document(x).number for x in (first, second)] == ["1", "2"]
    with pytest.raises(ValidationFailed, match="уже есть"):
        _doc(docs.RECEIPT, date(2025, 10, 1), t, 1, post=False, number="2")
    assert docs.next_number(docs.RECEIPT, 2026) == "1"


def test_journal_rows(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 10, supplier_doc_number="77")
    _doc(docs.ISSUE, date(2025, 8, 2), t, 4, dst=a, return_by=date(2026, 6, 1))
    rows = docs.list_documents()
    assert [(r.kind, r.sender, r.receiver, r.quantity, r.amount) for r in rows] == [
        (docs.ISSUE, lit.IMC_FUND, "Школа А", 4, Decimal("2000.00")),
        (docs.RECEIPT, "Просвещение", lit.IMC_FUND, 10, Decimal("5000.00"))]
    assert rows[0].return_by == date(2026, 6, 1) and "накл. № 77" in rows[1].basis


def test_title_validation_and_duplicates(database: DatabaseInfo) -> None:
    assert set(lit.validate_title(lit.TitleData(title="X", isbn="978-0-306-40615-8"))) == {
        "isbn"}
    assert lit.validate_title(lit.TitleData(title="X", isbn="080442957X", grades="10–11")) == {}
    assert "grades" in lit.validate_title(lit.TitleData(title="X", grades="12"))
    assert "use_until" in lit.validate_title(lit.TitleData(title="X", use_until=date.today()))
    _title(isbn="978-0-306-40615-7")
    with pytest.raises(ValidationFailed, match="уже есть"):
        _title("Другое", isbn="9780306406157")
    _title("Третье", fpu_number="1.1.1")
    with pytest.raises(ValidationFailed, match="уже есть"):
        _title("Другое", isbn="9780306406157", fpu_number="1.1.2")
    with pytest.raises(ValidationFailed, match="уже есть"):
        _title("Другое", fpu_number="1.1.1")
    found = lit.find_by_isbn("9780306406157")
    assert found is not None and found.grades == "5" and found.price == Decimal("500.00")


@pytest.mark.parametrize(("text", "grades"), [
    ("5", (5, 5)), ("10-11", (10, 11)), ("10–11 кл.", (10, 11)), ("7 класс", (7, 7)),
    ("", (None, None)), ("0", None), ("9-5", None), ("пятый", None)])
def test_grades_are_parsed(text: str, grades: object) -> None:
    assert lit.parse_grades(text) == grades


def test_pupils_by_grade(stock: dict[str, str]) -> None:
    a = stock["a"]
    lit.save_grade_pupils(a, {1: 20, 2: 25, 5: 30})
    lit.save_grade_pupils(a, {1: 21, 2: 0})
    assert lit.grade_pupils(a) == {1: 21}
    with pytest.raises(ValidationFailed):
        lit.save_grade_pupils(a, {12: 3})


def test_a_temporary_transfer_is_brought_back_by_a_linked_document(
        stock: dict[str, str]) -> None:
    a, b, t = stock["a"], stock["b"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 20)
    _doc(docs.ISSUE, date(2025, 8, 2), t, 12, dst=a)
    lent = _doc(docs.TRANSFER, date(2025, 9, 1), t, 5, src=a, dst=b, return_by=date(2025, 12, 1))
    issued = _doc(docs.ISSUE, date(2025, 9, 2), t, 3, dst=b, return_by=date(2026, 6, 1))

    def flags(today: date) -> dict[str, tuple[bool, bool]]:
        return {r.id: (r.returned, r.overdue) for r in docs.list_documents(today)
                if r.id in (lent, issued)}

    assert flags(date(2025, 11, 30)) == {lent: (False, False), issued: (False, False)}
    assert flags(date(2025, 12, 2)) == {lent: (False, True), issued: (False, False)}
    back = docs.return_draft(lent, today=date(2025, 12, 5))
    assert (back.kind, back.from_org_id, back.to_org_id, back.return_of_id) == (
        docs.TRANSFER, b, a, lent)
    assert [(x.title_id, x.quantity) for x in back.lines] == [(t, 5)]
    back_id = docs.save_document(back)
    assert flags(date(2025, 12, 6))[lent] == (False, True)  # a draft brings nothing back
    docs.post_document(back_id)
    assert flags(date(2025, 12, 6))[lent] == (True, False)
    assert (bal.quantity(t, a, date(2025, 12, 6)), bal.quantity(t, b, date(2025, 12, 6))) == (
        12, 3)
    assert docs.return_draft(issued).kind == docs.RETURN
    with pytest.raises(ServiceError, match="уже возвращён"):
        docs.return_draft(lent)
    with pytest.raises(ServiceError, match="временную"):
        docs.return_draft(back_id)


# (copies brought back by each posted return, today) → (returned, overdue, still out)
PARTIAL_RETURNS = [
    pytest.param([], date(2025, 11, 30), (False, False, 5), id="lent, not due"),
    pytest.param([], date(2025, 12, 1), (False, False, 5), id="due today is not late"),
    pytest.param([], date(2025, 12, 2), (False, True, 5), id="a day late"),
    pytest.param([4], date(2025, 11, 30), (False, False, 1), id="partly back in time"),
    pytest.param([3], date(2025, 12, 2), (False, True, 2), id="partly back, the rest late"),
    pytest.param([4], date(2025, 12, 2), (False, True, 1), id="one copy missing is late"),
    pytest.param([3, 2], date(2025, 12, 2), (True, False, 0), id="back in two returns"),
    pytest.param([5], date(2025, 12, 2), (True, False, 0), id="back at once"),
]


@pytest.mark.parametrize(("brought", "today", "expected"), PARTIAL_RETURNS)
def test_a_temporary_transfer_is_returned_only_when_every_copy_is_back(
        stock: dict[str, str], brought: list[int], today: date,
        expected: tuple[bool, bool, int]) -> None:
    a, b, t = stock["a"], stock["b"], stock["t"]
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 20)
    _doc(docs.ISSUE, date(2025, 8, 2), t, 12, dst=a)
    lent = _doc(docs.TRANSFER, date(2025, 9, 1), t, 5, src=a, dst=b,
                return_by=date(2025, 12, 1))
    for i, qty in enumerate(brought):
        _doc(docs.TRANSFER, date(2025, 11, 1 + i), t, qty, src=b, dst=a, return_of_id=lent)
    (row,) = [r for r in docs.list_documents(today) if r.id == lent]
    assert (row.returned, row.overdue, row.still_out) == expected
    if expected[2]:
        draft = docs.return_draft(lent, today=today)
        assert [(x.title_id, x.quantity) for x in draft.lines] == [(t, expected[2])], \
            "the next return brings what is still out"
    else:
        with pytest.raises(ServiceError, match="уже возвращён полностью"):
            docs.return_draft(lent)


def test_a_return_of_more_copies_than_are_out_is_refused(stock: dict[str, str]) -> None:
    a, t = stock["a"], stock["t"]
    other = _title("Алгебра. 7 класс")
    _doc(docs.RECEIPT, date(2025, 8, 1), t, 20)
    _doc(docs.RECEIPT, date(2025, 8, 1), other, 20)
    lent = _doc(docs.ISSUE, date(2025, 9, 1), t, 5, dst=a, return_by=date(2025, 12, 1))
    _doc(docs.RETURN, date(2025, 10, 1), t, 3, src=a, return_of_id=lent)
    too_many = _doc(docs.RETURN, date(2025, 10, 2), t, 3, src=a, return_of_id=lent,
                    post=False)
    with pytest.raises(ServiceError, match="возвращается 3 экз., не возвращено 2 экз."):
        docs.post_document(too_many)
    _doc(docs.ISSUE, date(2025, 9, 2), other, 2, dst=a)
    wrong_title = _doc(docs.RETURN, date(2025, 10, 3), other, 1, src=a, return_of_id=lent,
                       post=False)
    with pytest.raises(ServiceError, match="не возвращено 0 экз."):
        docs.post_document(wrong_title)
    (row,) = [r for r in docs.list_documents(date(2025, 12, 2)) if r.id == lent]
    assert (row.returned, row.overdue, row.still_out) == (False, True, 2)
