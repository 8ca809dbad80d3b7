"""Книга суммарного учёта фонда for a period: part 1 поступление, part 2 выбытие, part 3
итоги движения фонда — of the whole district's fund (ИМЦ and every ОО) or of one holder.

A posted document counts in part 1 when it brings copies into the fund counted and in part 2
when it takes them out. For the whole district a выдача, возврат or передача only moves
copies inside the fund and is in neither part. Sums are the lines' prices × quantities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from imc_desktop.db import session_scope
from imc_desktop.services.literature import balances as b
from imc_desktop.services.literature.records import roubles
from models import LiteratureDocument, LiteratureTitle
from models.literature import TITLE_KINDS

#: Columns of the book by kind of edition.
GROUPS = ("учебники", "учебные пособия", "методическая литература", "прочие")
_GROUP_OF = {TITLE_KINDS[0]: 0, TITLE_KINDS[1]: 1, TITLE_KINDS[2]: 2, TITLE_KINDS[3]: 2}
DISTRICT = None  # the scope of the whole district's fund


def group_of(kind: str) -> int:
    return _GROUP_OF.get(kind, 3)


@dataclass
class Amounts:
    quantity: int = 0
    kopecks: int = 0
    by_group: list[int] = field(default_factory=lambda: [0] * len(GROUPS))

    def add(self, qty: int, kopecks: int, kind: str) -> None:
        self.quantity += qty
        self.kopecks += kopecks
        self.by_group[group_of(kind)] += qty

    @property
    def amount(self) -> Decimal:
        return roubles(self.kopecks)


@dataclass
class BookEntry:
    """One document of part 1 or 2."""

    document_id: str
    doc_date: date
    document: str
    counterpart: str
    amounts: Amounts


@dataclass
class SummaryBook:
    first: date
    last: date
    scope: str
    receipts: list[BookEntry]
    disposals: list[BookEntry]
    opening: Amounts
    received: Amounts
    disposed: Amounts
    closing: Amounts


def _sums(first: date, last: date, scope: str | None
          ) -> tuple[dict[str, Amounts], Amounts]:
    """Net amounts per document of the period (within the scope) and the opening amounts,
    summed in SQL by document (or before the period) and kind of edition."""
    m = b.movements()
    kind = LiteratureTitle.kind
    base = select(func.sum(m.c.qty), func.sum(m.c.value), kind).join(
        LiteratureTitle, LiteratureTitle.id == m.c.title_id)
    if scope is not DISTRICT:
        base = base.where(m.c.holder == scope)
    per_doc: dict[str, Amounts] = {}
    opening = Amounts()
    with session_scope() as s:
        for qty, value, title_kind in s.execute(base.where(m.c.day < first).group_by(kind)):
            opening.add(qty, value, title_kind)
        period = base.add_columns(m.c.document_id).where(m.c.day.between(first, last))
        for qty, value, title_kind, doc_id in s.execute(period.group_by(m.c.document_id, kind)):
            per_doc.setdefault(doc_id, Amounts()).add(qty, value, title_kind)
    return {k: v for k, v in per_doc.items() if v.quantity or v.kopecks}, opening


def _describe(doc: LiteratureDocument, names: dict[str, str], incoming: bool) -> tuple[str, str]:
    text = f"{doc.kind} № {doc.number}"
    if doc.kind == "поступление":
        ref = f", накл. № {doc.supplier_doc_number}" if doc.supplier_doc_number else ""
        return text, f"{doc.supplier}{ref}"
    if doc.kind == "списание":
        return text, f"{doc.reason}{f', акт № {doc.act_number}' if doc.act_number else ''}"
    other = doc.from_org_id if incoming else doc.to_org_id
    return text, names.get(other or b.IMC_HOLDER, "")


def summary_book(first: date, last: date, scope: str | None = DISTRICT) -> SummaryBook:
    """The book for [first, last] of the district (`scope` None) or of one holder
    (`b.IMC_HOLDER` for the ИМЦ fund, else an ОО id)."""
    per_doc, opening = _sums(first, last, scope)
    receipts: list[BookEntry] = []
    disposals: list[BookEntry] = []
    received, disposed = Amounts(), Amounts()
    with session_scope() as s:
        names = b.holder_names(s)
        docs = s.scalars(select(LiteratureDocument).where(
            LiteratureDocument.id.in_(per_doc)).order_by(
            LiteratureDocument.doc_date, LiteratureDocument.kind, LiteratureDocument.number))
        for doc in docs:
            amounts = per_doc[doc.id]
            incoming = amounts.quantity > 0
            text, counterpart = _describe(doc, names, incoming)
            if not incoming:
                amounts = _negated(amounts)
            (receipts if incoming else disposals).append(
                BookEntry(doc.id, doc.doc_date, text, counterpart, amounts))
            _accumulate(received if incoming else disposed, amounts)
        scope_name = "весь фонд округа" if scope is DISTRICT else names.get(scope, scope)
    closing = Amounts(opening.quantity + received.quantity - disposed.quantity,
                      opening.kopecks + received.kopecks - disposed.kopecks,
                      [o + r - d for o, r, d in zip(opening.by_group, received.by_group,
                                                    disposed.by_group, strict=True)])
    return SummaryBook(first, last, scope_name, receipts, disposals, opening, received,
                       disposed, closing)


def _negated(a: Amounts) -> Amounts:
    return Amounts(-a.quantity, -a.kopecks, [-x for x in a.by_group])


def _accumulate(total: Amounts, a: Amounts) -> None:
    total.quantity += a.quantity
    total.kopecks += a.kopecks
    total.by_group = [x + y for x, y in zip(total.by_group, a.by_group, strict=True)]
