"""Balances of literature by title and holder, computed in SQL from posted document lines.

A holder is an ОО (its id) or the ИМЦ's own fund, written here as `IMC_HOLDER` (""): a
document side whose ОО column is NULL. Every posted line gives a movement: + on the
receiving side of its document, − on the giving side (which sides a kind has is in
:mod:`models.literature`). The balance on a date is the sum of movements up to that date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.services.common.rows import bulk_allocation
from imc_desktop.services.literature.records import IMC_FUND, title_data, title_label
from imc_desktop.validation import format_date
from models import LiteratureDocument, LiteratureLine, LiteratureTitle, Organization
from models.literature import IN_KINDS, OUT_KINDS

IMC_HOLDER = ""
TABLES = frozenset({"literature_documents", "literature_lines", "literature_titles"})

D, L = LiteratureDocument, LiteratureLine


def movements(posted_only: bool = True) -> Any:
    """A subquery of every movement: title_id, holder, day, qty (signed), value (kopecks,
    signed), document_id, kind."""
    def side(holder: Any, kinds: tuple[str, ...], sign: int) -> Select[Any]:
        query = select(L.title_id.label("title_id"),
                       func.coalesce(holder, IMC_HOLDER).label("holder"),
                       D.doc_date.label("day"), (L.quantity * sign).label("qty"),
                       (L.quantity * L.price_kopecks * sign).label("value"),
                       D.id.label("document_id"), D.kind.label("kind"),
                       literal(sign).label("sign")).join(D, L.document_id == D.id).where(
            D.kind.in_(kinds))
        return query.where(D.posted) if posted_only else query
    return union_all(side(D.to_org_id, IN_KINDS, 1), side(D.from_org_id, OUT_KINDS, -1)
                     ).subquery("movements")


def holder_names(s: Session) -> dict[str, str]:
    names = {i: n for i, n in s.execute(select(Organization.id, Organization.short_name))}
    names[IMC_HOLDER] = IMC_FUND
    return names


@dataclass(frozen=True)
class BalanceRow:
    title_id: str
    holder_id: str
    holder: str
    label: str
    kind: str
    subject: str
    grades: str
    isbn: str
    fpu_status: str
    use_until: date | None
    """The last day of use: «use until», else 5 years after the exclusion from ФПУ."""
    quantity: int
    price: Decimal
    amount: Decimal
    outdated: bool
    """A school still holds a title past its «использовать до»."""


def balances(on: date, holder_id: str | None = None, title_id: str | None = None
             ) -> list[BalanceRow]:
    """Non-zero balances on the date (end of day), of one holder / title or of all."""
    m = movements()
    query = select(m.c.title_id, m.c.holder, func.sum(m.c.qty)).where(m.c.day <= on)
    if holder_id is not None:
        query = query.where(m.c.holder == holder_id)
    if title_id is not None:
        query = query.where(m.c.title_id == title_id)
    query = query.group_by(m.c.title_id, m.c.holder).having(func.sum(m.c.qty) != 0)
    with bulk_allocation(), session_scope() as s:
        names = holder_names(s)
        sums = s.execute(query).all()
        titles = {t.id: title_data(t) for t in s.scalars(select(LiteratureTitle).where(
            LiteratureTitle.id.in_({x[0] for x in sums})))}
    rows = []
    for tid, holder, quantity in sums:
        t = titles[tid]
        outdated = holder != IMC_HOLDER and t.use_limit is not None and t.use_limit < on
        rows.append(BalanceRow(tid, holder, names.get(holder, holder), t.label, t.kind,
                               t.subject, t.grades, t.isbn, t.fpu_status, t.use_limit,
                               quantity, t.price, t.price * quantity, outdated))
    return sorted(rows, key=lambda r: (r.holder_id != IMC_HOLDER, r.holder, r.subject, r.label))


def quantity(title_id: str, holder_id: str, on: date) -> int:
    m = movements()
    with session_scope() as s:
        return int(s.scalar(select(func.coalesce(func.sum(m.c.qty), 0)).where(
            m.c.title_id == title_id, m.c.holder == holder_id, m.c.day <= on)) or 0)


def held_by_schools(s: Session, title_ids: Iterable[str], on: date) -> dict[str, int]:
    """{title id: copies the ОО (not the ИМЦ fund) hold on the date}, for titles held."""
    ids = set(title_ids)
    if not ids:
        return {}
    m = movements()
    per_holder = s.execute(select(m.c.title_id, func.sum(m.c.qty)).where(
        m.c.title_id.in_(ids), m.c.holder != IMC_HOLDER, m.c.day <= on).group_by(
        m.c.title_id, m.c.holder).having(func.sum(m.c.qty) > 0)).all()
    held: dict[str, int] = {}
    for title_id, copies in per_holder:
        held[title_id] = held.get(title_id, 0) + int(copies)
    return held


# ---------------------------------------------------------------- never below zero

@dataclass(frozen=True)
class Shortfall:
    title_id: str
    holder_id: str
    day: date
    balance: int
    """The balance it would become on `day` (negative)."""

    def message(self, titles: dict[str, str], holders: dict[str, str]) -> str:
        return (f"«{titles.get(self.title_id, self.title_id)}» — "
                f"{holders.get(self.holder_id, self.holder_id)}: не хватает "
                f"{-self.balance} экз. на {format_date(self.day)} (остаток стал бы "
                f"{self.balance}).")


def shortfalls(s: Session, document_id: str, adding: bool) -> list[Shortfall]:
    """Where a balance would go below zero if the document were posted (`adding`) or
    unposted: the other posted documents plus (or without) this one, every day from its
    date on."""
    doc = s.get(D, document_id)
    if doc is None:
        return []
    mine = movements(posted_only=False)
    delta: dict[tuple[str, str], int] = {}
    for title_id, holder, qty in s.execute(select(mine.c.title_id, mine.c.holder, mine.c.qty)
                                           .where(mine.c.document_id == document_id)):
        delta[(title_id, holder)] = delta.get((title_id, holder), 0) + (qty if adding else 0)
    m = movements()
    daily = s.execute(select(m.c.title_id, m.c.holder, m.c.day, func.sum(m.c.qty))
                      .where(m.c.document_id != document_id,
                             m.c.title_id.in_({t for t, _ in delta}))
                      .group_by(m.c.title_id, m.c.holder, m.c.day)
                      .order_by(m.c.day)).all()
    by_pair: dict[tuple[str, str], list[tuple[date, int]]] = {}
    for title_id, holder, day, qty in daily:
        if (title_id, holder) in delta:
            by_pair.setdefault((title_id, holder), []).append((day, qty))
    return [x for pair, change in delta.items()
            if (x := _first_negative(pair, by_pair.get(pair, []), doc.doc_date, change))]


def _first_negative(pair: tuple[str, str], days: Iterable[tuple[date, int]], on: date,
                    change: int) -> Shortfall | None:
    merged = sorted([*days, (on, change)])
    running = 0
    for i, (day, qty) in enumerate(merged):
        running += qty
        last_of_day = i + 1 == len(merged) or merged[i + 1][0] != day
        if day >= on and last_of_day and running < 0:
            return Shortfall(pair[0], pair[1], day, running)
    return None


def describe(s: Session, found: list[Shortfall]) -> list[str]:
    titles = {t.id: title_data(t).label for t in s.scalars(select(LiteratureTitle).where(
        LiteratureTitle.id.in_({x.title_id for x in found})))}
    names = holder_names(s)
    return [x.message(titles, names) for x in found]


def negative_balances(s: Session) -> list[str]:
    """Where posted documents take a holder's balance of a title below zero on some day —
    possible only when two workstations posted from the same copies offline and a sync
    brought both: «title — holder: −N экз. на dd.mm.yyyy», the worst day of each pair."""
    m = movements()
    daily = select(m.c.title_id, m.c.holder, m.c.day, func.sum(m.c.qty).label("qty")).group_by(
        m.c.title_id, m.c.holder, m.c.day).subquery()
    running = select(daily.c.title_id, daily.c.holder, daily.c.day, func.sum(daily.c.qty).over(
        partition_by=(daily.c.title_id, daily.c.holder), order_by=daily.c.day
    ).label("balance")).subquery()
    ranked = select(running, func.row_number().over(
        partition_by=(running.c.title_id, running.c.holder),
        order_by=(running.c.balance, running.c.day)).label("n")).where(
        running.c.balance < 0).subquery()
    rows = s.execute(select(ranked.c.title_id, ranked.c.holder, ranked.c.day,
                            ranked.c.balance).where(ranked.c.n == 1)).all()
    names = holder_names(s)
    titles = {t.id: title_label(t) for t in s.scalars(select(LiteratureTitle).where(
        LiteratureTitle.id.in_({r[0] for r in rows})))} if rows else {}
    return sorted(f"«{titles.get(title_id, title_id)}» — {names.get(holder, holder)}: "
                  f"{balance} экз. на {format_date(day)}"
                  for title_id, holder, day, balance in rows)
