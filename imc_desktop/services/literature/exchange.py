"""Provision of schools with textbooks and the exchange fund.

A textbook serves the pupils of the grades it is written for. An ОО *uses* a textbook when
it holds copies of it; it needs one copy per pupil of those grades. More than it needs is a
surplus (the ИМЦ's fund is all surplus), fewer is a shortage. Proposed transfers cover the
shortages from the surpluses, the largest first, and never move more than a surplus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from imc_desktop.services.literature import balances as b
from imc_desktop.services.literature import records as lit


@dataclass(frozen=True)
class Transfer:
    source: str
    target: str
    quantity: int


def propose_transfers(surplus: Mapping[str, int], shortage: Mapping[str, int]
                      ) -> list[Transfer]:
    """Greedy: the biggest shortage takes from the biggest surplus left, and so on. No
    source gives more than its surplus, no target gets more than its shortage."""
    left = {k: v for k, v in surplus.items() if v > 0}
    moves: list[Transfer] = []
    for target, need in sorted(shortage.items(), key=lambda x: (-x[1], x[0])):
        while need > 0 and left:
            source = max((k for k in left if k != target), key=lambda k: (left[k], k),
                         default=None)
            if source is None:
                break
            qty = min(need, left[source])
            moves.append(Transfer(source, target, qty))
            need -= qty
            left[source] -= qty
            if left[source] == 0:
                del left[source]
    return moves


@dataclass(frozen=True)
class TitleExchange:
    title_id: str
    label: str
    subject: str
    grades: str
    surplus: dict[str, int]
    shortage: dict[str, int]
    transfers: tuple[Transfer, ...]


def _need(pupils: Mapping[int, int], first: int | None, last: int | None) -> int:
    if first is None:
        return 0
    return sum(pupils.get(g, 0) for g in range(first, (last or first) + 1))


def exchange_fund(on: date) -> list[TitleExchange]:
    """Every textbook with a surplus somewhere and a shortage elsewhere (or in the fund)."""
    pupils = lit.all_grade_pupils()
    titles = {t.id: t for t in lit.list_titles() if t.kind == lit.TEXTBOOK}
    held: dict[str, dict[str, int]] = {}
    for row in b.balances(on):
        if row.title_id in titles and row.quantity > 0:
            held.setdefault(row.title_id, {})[row.holder_id] = row.quantity
    result = []
    for title_id, holders in held.items():
        t = titles[title_id]
        first, last = lit.parse_grades(t.grades) or (None, None)
        surplus: dict[str, int] = {}
        shortage: dict[str, int] = {}
        for holder, qty in holders.items():
            need = 0 if holder == b.IMC_HOLDER else _need(pupils.get(holder, {}), first, last)
            if qty > need:
                surplus[holder] = qty - need
            elif qty < need:
                shortage[holder] = need - qty
        if surplus or shortage:
            result.append(TitleExchange(title_id, t.label, t.subject, t.grades, surplus,
                                        shortage,
                                        tuple(propose_transfers(surplus, shortage))))
    return sorted(result, key=lambda x: (x.subject, x.grades, x.label))


@dataclass(frozen=True)
class ProvisionRow:
    organization_id: str
    organization: str
    grade: int
    subject: str
    pupils: int
    copies: int

    @property
    def percent(self) -> float:
        return 100.0 * self.copies / self.pupils if self.pupils else 0.0


def split_copies(quantity: int, pupils: Mapping[int, int], first: int | None,
                 last: int | None) -> dict[int, float]:
    """A textbook for several grades serves them all: its copies are shared among the
    grades in proportion to their pupils (evenly when there are none)."""
    if first is None:
        return {}
    grades = range(first, (last or first) + 1)
    total = sum(pupils.get(g, 0) for g in grades)
    if total == 0:
        return {g: quantity / len(grades) for g in grades}
    return {g: quantity * pupils.get(g, 0) / total for g in grades}


def provision(on: date, org_id: str = "") -> list[ProvisionRow]:
    """Copies of textbooks held per ОО, grade and subject against the pupils of the grade;
    a subject is listed for a grade when the catalogue has a textbook for it."""
    pupils = lit.all_grade_pupils()
    textbooks = [t for t in lit.list_titles() if t.kind == lit.TEXTBOOK and t.subject]
    spans = {t.id: (lit.parse_grades(t.grades) or (None, None)) for t in textbooks}
    subjects_of: dict[int, set[str]] = {}
    for t in textbooks:
        first, last = spans[t.id]
        for g in range(first or 0, (last or first or -1) + 1):
            subjects_of.setdefault(g, set()).add(t.subject)
    subject_of = {t.id: t.subject for t in textbooks}
    copies: dict[tuple[str, int, str], float] = {}
    for row in b.balances(on):
        if row.title_id in subject_of and row.holder_id != b.IMC_HOLDER and row.quantity > 0:
            first, last = spans[row.title_id]
            shares = split_copies(row.quantity, pupils.get(row.holder_id, {}), first, last)
            for g, share in shares.items():
                key = (row.holder_id, g, subject_of[row.title_id])
                copies[key] = copies.get(key, 0.0) + share
    names = dict(lit.holder_choices())
    rows = [ProvisionRow(org, names.get(org, org), g, subject, n,
                         round(copies.get((org, g, subject), 0)))
            for org, grades in pupils.items() if (not org_id or org == org_id) and org in names
            for g, n in grades.items() if n > 0 for subject in subjects_of.get(g, ())]
    return sorted(rows, key=lambda r: (r.organization, r.grade, r.subject))
