"""Opening balances («ввод остатков») brought by an import.

The opening balance of one holder on one date is ONE posted document. An import that
finds it already there sets its lines to the file's quantities (a title the file does not
name keeps its line) instead of adding the copies a second time, and says what it changed;
a dry run says the same. A change that would take a balance below zero on that date or
later (the copies were issued since) stops the import with the title, the holder and the
shortfall.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.importers import ImportFailed
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature.records import roubles, title_label
from imc_desktop.validation import format_date
from models import LiteratureDocument, LiteratureLine, LiteratureTitle
from models.literature import OPENING

D = LiteratureDocument


@dataclass
class OpeningLine:
    title: LiteratureTitle
    quantity: int
    price_kopecks: int
    rows: list[int] = field(default_factory=list)
    """The Excel rows that gave the quantity."""


Stock = dict[tuple[str | None, date], dict[str, OpeningLine]]
"""{(holder id or None for the ИМЦ fund, date): {title id: line}}"""


def _next_number(s: Session, year: int, used: dict[int, int]) -> str:
    if year not in used:
        numbers = s.scalars(select(D.number).where(
            D.kind == OPENING, D.doc_date.between(date(year, 1, 1), date(year, 12, 31))))
        used[year] = max((int(n) for n in numbers if n.isdigit()), default=0)
    used[year] += 1
    return str(used[year])


def _existing(s: Session, holder: str | None, day: date) -> list[LiteratureDocument]:
    side = D.to_org_id.is_(None) if holder is None else D.to_org_id == holder
    return list(s.scalars(select(D).where(D.kind == OPENING, D.posted, D.doc_date == day,
                                          side).order_by(D.created_at, D.number)))


def _copies(lines: dict[str, OpeningLine]) -> str:
    return f"{len(lines)} наим., {sum(x.quantity for x in lines.values())} экз."


def _update(doc: LiteratureDocument, lines: dict[str, OpeningLine]) -> list[str]:
    """Set the document's lines to the file's; what changed, one phrase per title."""
    by_title = {x.title_id: x for x in doc.lines}
    changes = []
    for title_id, want in lines.items():
        line = by_title.get(title_id)
        label = f"«{title_label(want.title)}»"
        if line is None:
            doc.lines.append(LiteratureLine(title_id=title_id, quantity=want.quantity,
                                            price_kopecks=want.price_kopecks,
                                            position=len(doc.lines) + 1))
            changes.append(f"{label}: добавлено {want.quantity} экз.")
            continue
        if line.quantity != want.quantity:
            changes.append(f"{label}: {line.quantity} → {want.quantity} экз.")
            line.quantity = want.quantity
        if line.price_kopecks != want.price_kopecks:
            changes.append(f"{label}: цена {roubles(line.price_kopecks)} → "
                           f"{roubles(want.price_kopecks)} руб.")
            line.price_kopecks = want.price_kopecks
    return changes


def _refuse_shortfalls(s: Session, doc: LiteratureDocument, lines: dict[str, OpeningLine],
                       holder: str) -> None:
    s.flush()
    found = bal.shortfalls(s, doc.id, adding=True)
    if not found:
        return
    rows = sorted({r for x in found for r in lines[x.title_id].rows})
    raise ImportFailed(
        f"Строки {', '.join(map(str, rows))}, поле «Количество»: ввод остатков № {doc.number} "
        f"от {format_date(doc.doc_date)} ({holder}) уже проведён, и новое количество "
        "сделало бы остаток ниже нуля — эти экземпляры с тех пор выданы или списаны. "
        "Ничего не записано.\n" + "\n".join(bal.describe(s, found)))


def post_openings(s: Session, stock: Stock) -> tuple[str, ...]:
    """Create or update the opening document of every (holder, date) of the file; the
    Russian lines that say which documents were created, changed or left as they were."""
    names = bal.holder_names(s)
    used: dict[int, int] = {}
    details = []
    for (holder, day), lines in stock.items():
        who = names.get(holder or bal.IMC_HOLDER, holder or "")
        found = _existing(s, holder, day)
        if not found:
            doc = D(kind=OPENING, number=_next_number(s, day.year, used), doc_date=day,
                    to_org_id=holder, posted=True, supplier="Импорт остатков из Excel")
            doc.lines = [LiteratureLine(title_id=tid, quantity=x.quantity, position=i,
                                        price_kopecks=x.price_kopecks)
                         for i, (tid, x) in enumerate(lines.items(), 1)]
            s.add(doc)
            details.append(f"Ввод остатков № {doc.number} от {format_date(day)} ({who}): "
                           f"новый документ, {_copies(lines)}")
            continue
        doc = found[0]
        changes = _update(doc, lines)
        _refuse_shortfalls(s, doc, lines, who)
        head = f"Ввод остатков № {doc.number} от {format_date(day)} ({who})"
        details.append(f"{head}: обновлён — {'; '.join(changes)}" if changes else
                       f"{head}: без изменений, остатки не добавлены второй раз")
        if len(found) > 1:
            details.append(f"Внимание: у держателя «{who}» на {format_date(day)} "
                           f"{len(found)} проведённых документа ввода остатков; обновлён "
                           f"№ {doc.number}, остальные проверьте в журнале документов.")
    return tuple(details)
