"""Documents that move literature: поступление, выдача, возврат, передача, списание and
ввод остатков. A document is a draft until it is posted; posting (and unposting) is refused
with a message naming the title, the holder and the shortfall when a balance would go below
zero on the document's date or any later date. A posted document cannot be edited.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError, ValidationFailed
from imc_desktop.services.common.records import load_or_new
from imc_desktop.services.common.rows import bulk_allocation
from imc_desktop.services.literature import balances as b
from imc_desktop.services.literature.records import kopecks, roubles, title_data
from imc_desktop.services.literature.returns import excess, still_out
from imc_desktop.validation import format_date
from models import LiteratureDocument, LiteratureLine, LiteratureTitle
from models.literature import (
    DOCUMENT_KINDS,
    ISSUE,
    OPENING,
    RECEIPT,
    RETURN,
    TRANSFER,
    WRITE_OFF,
)

TABLES = frozenset({"literature_documents", "literature_lines"})
KINDS = DOCUMENT_KINDS
__all__ = ["ISSUE", "OPENING", "RECEIPT", "RETURN", "TRANSFER", "WRITE_OFF"]

#: Which ОО columns a kind needs: (from: required / must be empty / optional, to: …).
REQUIRED, EMPTY, OPTIONAL = "required", "empty", "optional"
SIDES = {RECEIPT: (EMPTY, OPTIONAL), ISSUE: (EMPTY, REQUIRED), RETURN: (REQUIRED, EMPTY),
         TRANSFER: (REQUIRED, REQUIRED), WRITE_OFF: (OPTIONAL, EMPTY),
         OPENING: (EMPTY, OPTIONAL)}
TEMPORARY_KINDS = (ISSUE, TRANSFER)


@dataclass(frozen=True)
class LineData:
    title_id: str
    quantity: int
    price: Decimal
    label: str = ""

    @property
    def amount(self) -> Decimal:
        return self.price * self.quantity


@dataclass(frozen=True)
class DocumentData:
    """A document with its lines; `from_org_id` / `to_org_id` None is the ИМЦ fund."""

    id: str | None = None
    kind: str = ISSUE
    number: str = ""
    doc_date: date | None = None
    from_org_id: str | None = None
    to_org_id: str | None = None
    supplier: str = ""
    supplier_doc_number: str = ""
    supplier_doc_date: date | None = None
    reason: str = ""
    act_number: str = ""
    return_by: date | None = None
    return_of_id: str | None = None
    notes: str = ""
    posted: bool = False
    lines: tuple[LineData, ...] = ()

    @property
    def quantity(self) -> int:
        return sum(x.quantity for x in self.lines)

    @property
    def amount(self) -> Decimal:
        return sum((x.amount for x in self.lines), Decimal("0.00"))


_HEADER = [f.name for f in fields(DocumentData) if f.name not in ("id", "posted", "lines")]


# ---------------------------------------------------------------- validation

def _side_problem(rule: str, value: str | None, field: str) -> dict[str, str]:
    where = "отправителя" if field == "from_org_id" else "получателя"
    if rule == REQUIRED and not value:
        return {field: f"Выберите ОО {where}."}
    if rule == EMPTY and value:
        return {field: f"У документа этого вида {where} — фонд ИМЦ."}
    return {}


def _header_problems(data: DocumentData) -> dict[str, str]:
    p: dict[str, str] = {}
    if data.kind not in DOCUMENT_KINDS:
        return {"kind": "Выберите вид документа из списка."}
    if data.doc_date is None:
        p["doc_date"] = "Укажите дату документа."
    rule_from, rule_to = SIDES[data.kind]
    p.update(_side_problem(rule_from, data.from_org_id, "from_org_id"))
    p.update(_side_problem(rule_to, data.to_org_id, "to_org_id"))
    if data.kind == TRANSFER and data.from_org_id and data.from_org_id == data.to_org_id:
        p["to_org_id"] = "Отправитель и получатель — одна и та же ОО."
    if data.kind == RECEIPT and not data.supplier.strip():
        p["supplier"] = "Укажите поставщика."
    if data.kind == WRITE_OFF and not data.reason.strip():
        p["reason"] = "Укажите причину списания."
    if data.return_by is not None and data.kind not in TEMPORARY_KINDS:
        p["return_by"] = "Срок возврата указывают только при выдаче или передаче."
    elif data.return_by and data.doc_date and data.return_by <= data.doc_date:
        p["return_by"] = "Срок возврата должен быть позже даты документа."
    if data.return_of_id and data.return_by:
        p["return_by"] = "Возврат временной передачи сам срока возврата не имеет."
    return p


def _line_problems(lines: tuple[LineData, ...]) -> dict[str, str]:
    if not lines:
        return {"lines": "Добавьте хотя бы одну строку."}
    p: dict[str, str] = {}
    seen: dict[str, int] = {}
    for i, line in enumerate(lines, 1):
        name = line.label or "издание"
        if line.quantity <= 0:
            p[f"lines.{i}.quantity"] = f"Строка {i} («{name}»): количество должно быть больше 0."
        if line.price < 0:
            p[f"lines.{i}.price"] = f"Строка {i} («{name}»): цена не может быть отрицательной."
        if line.title_id in seen:
            p[f"lines.{i}.title"] = f"Строка {i}: «{name}» уже есть в строке {seen[line.title_id]}."
        seen.setdefault(line.title_id, i)
    return p


def validate_document(data: DocumentData) -> dict[str, str]:
    """{field: Russian message}; empty when the document can be saved as a draft."""
    return {**_header_problems(data), **_line_problems(data.lines)}


# ---------------------------------------------------------------- reading

def _line(x: LiteratureLine, labels: dict[str, str]) -> LineData:
    return LineData(x.title_id, x.quantity, roubles(x.price_kopecks), labels.get(x.title_id, ""))


def _labels(s: Session, ids: set[str]) -> dict[str, str]:
    return {t.id: title_data(t).label for t in s.scalars(select(LiteratureTitle).where(
        LiteratureTitle.id.in_(ids)))}


def get_document(document_id: str) -> DocumentData:
    with session_scope() as s:
        doc = s.get(LiteratureDocument, document_id)
        if doc is None:
            raise NotFound("Документ не найден: возможно, его удалили.")
        labels = _labels(s, {x.title_id for x in doc.lines})
        return DocumentData(doc.id, posted=doc.posted,
                            lines=tuple(_line(x, labels) for x in doc.lines),
                            **{n: getattr(doc, n) for n in _HEADER})


def next_number(kind: str, year: int) -> str:
    """One more than the largest numeric number of this kind in the year."""
    with session_scope() as s:
        numbers = s.scalars(select(LiteratureDocument.number).where(
            LiteratureDocument.kind == kind,
            LiteratureDocument.doc_date.between(date(year, 1, 1), date(year, 12, 31))))
        return str(max((int(n) for n in numbers if n.strip().isdigit()), default=0) + 1)


def return_draft(document_id: str, today: date | None = None) -> DocumentData:
    """A draft that brings back a temporary выдача or передача: the sides swapped (a выдача
    comes back as a возврат), the copies still out (all of them, or what earlier returns
    left), linked to it. Not saved yet."""
    source = get_document(document_id)
    if not source.posted or source.kind not in TEMPORARY_KINDS or source.return_by is None:
        raise ServiceError("Вернуть можно только проведённую временную выдачу или передачу "
                           "(со сроком возврата).")
    with session_scope() as s:
        out = still_out(s, [document_id]).get(document_id, {})
        done = ", ".join(s.scalars(select(LiteratureDocument.number).where(
            LiteratureDocument.return_of_id == document_id, LiteratureDocument.posted)))
    if not out:
        raise ServiceError(f"Документ № {source.number} уже возвращён полностью "
                           f"(документы № {done}).")
    kind = RETURN if source.kind == ISSUE else TRANSFER
    when = format_date(source.doc_date)
    lines = tuple(replace(x, quantity=out[x.title_id]) for x in _merged(source.lines)
                  if x.title_id in out)
    return DocumentData(kind=kind, doc_date=today or clock.today(),
                        from_org_id=source.to_org_id, to_org_id=source.from_org_id,
                        return_of_id=source.id, lines=lines,
                        notes=f"Возврат по документу «{source.kind}» № {source.number} от "
                              f"{when}" + (f" (остаток после № {done})" if done else ""))


def _merged(lines: tuple[LineData, ...]) -> list[LineData]:
    """One line per title (the first), for a return that brings back what is out."""
    seen: dict[str, LineData] = {}
    for x in lines:
        seen.setdefault(x.title_id, x)
    return list(seen.values())


# ---------------------------------------------------------------- writing

def _number_taken(s: Session, data: DocumentData) -> bool:
    assert data.doc_date is not None
    year = data.doc_date.year
    return any(d.id != data.id for d in s.scalars(select(LiteratureDocument).where(
        LiteratureDocument.kind == data.kind, LiteratureDocument.number == data.number,
        LiteratureDocument.doc_date.between(date(year, 1, 1), date(year, 12, 31)))))


def save_document(data: DocumentData) -> str:
    """Save a draft (header and lines); a posted document is refused."""
    problems = validate_document(data)
    if problems:
        raise ValidationFailed(problems)
    year = data.doc_date.year if data.doc_date else clock.today().year
    if not data.number.strip():
        data = replace(data, number=next_number(data.kind, year))
    with session_scope() as s:
        if _number_taken(s, data):
            raise ValidationFailed({"number": f"Документ «{data.kind}» № {data.number} за "
                                              f"{year} год уже есть."})
        doc = load_or_new(s, LiteratureDocument, data.id,
                          "Документ не найден: возможно, его удалили.")
        if doc.posted:
            raise ServiceError("Проведённый документ изменить нельзя: сначала отмените "
                               "проведение.")
        for name in _HEADER:
            setattr(doc, name, getattr(data, name))
        doc.number = data.number.strip()
        doc.lines = [LiteratureLine(title_id=x.title_id, quantity=x.quantity, position=i,
                                    price_kopecks=kopecks(x.price))
                     for i, x in enumerate(data.lines, 1)]
        s.add(doc)
        s.flush()
        document_id = doc.id
    return document_id


def delete_document(document_id: str) -> None:
    with session_scope() as s:
        doc = s.get(LiteratureDocument, document_id)
        if doc is None:
            raise NotFound("Документ не найден: возможно, его уже удалили.")
        if doc.posted:
            raise ServiceError(f"Документ «{doc.kind}» № {doc.number} проведён: удалить "
                               "нельзя, сначала отмените проведение.")
        s.delete(doc)


def _set_posted(document_id: str, posted: bool) -> None:
    verb = "провести" if posted else "отменить проведение"
    with session_scope() as s:
        doc = s.get(LiteratureDocument, document_id)
        if doc is None:
            raise NotFound("Документ не найден: возможно, его удалили.")
        if doc.posted == posted:
            return
        if not doc.lines:
            raise ServiceError(f"Нельзя {verb}: в документе нет строк.")
        if posted:
            _refuse_excess(s, doc)
        found = b.shortfalls(s, document_id, adding=posted)
        if found:
            lines = "\n".join(b.describe(s, found))
            raise ServiceError(f"Нельзя {verb} документ «{doc.kind}» № {doc.number} от "
                               f"{format_date(doc.doc_date)}: остаток ушёл бы ниже нуля.\n"
                               + lines)
        doc.posted = posted


def _refuse_excess(s: Session, doc: LiteratureDocument) -> None:
    over = excess(s, doc)
    if not over:
        return
    labels = _labels(s, {t for t, _q, _o in over})
    raise ServiceError(f"Нельзя провести возврат № {doc.number}: он возвращает больше, чем "
                       "осталось по временной передаче.\n" + "\n".join(
                           f"«{labels.get(t, t)}»: возвращается {q} экз., не возвращено "
                           f"{o} экз." for t, q, o in over))


def post_document(document_id: str) -> None:
    _set_posted(document_id, True)


def unpost_document(document_id: str) -> None:
    _set_posted(document_id, False)


# ---------------------------------------------------------------- the journal

@dataclass(frozen=True)
class DocumentRow:
    id: str
    kind: str
    number: str
    doc_date: date
    sender: str
    receiver: str
    sender_id: str
    receiver_id: str
    quantity: int
    amount: Decimal
    posted: bool
    return_by: date | None
    basis: str
    """Supplier and their накладная, or the reason and act of a write-off."""
    returned: bool = False
    """A temporary transfer brought back by a posted document."""
    overdue: bool = False
    """A temporary transfer not brought back (every copy) by its date."""
    still_out: int = 0
    """Copies of a temporary transfer not brought back yet."""


def _basis(doc: LiteratureDocument) -> str:
    if doc.kind == RECEIPT:
        ref = f", накл. № {doc.supplier_doc_number}" if doc.supplier_doc_number else ""
        when = f" от {format_date(doc.supplier_doc_date)}" if doc.supplier_doc_date else ""
        return f"{doc.supplier}{ref}{when}"
    if doc.kind == WRITE_OFF:
        return f"{doc.reason}{f', акт № {doc.act_number}' if doc.act_number else ''}"
    return doc.notes


def _sides(doc: LiteratureDocument, names: dict[str, str]) -> tuple[str, str]:
    """(sender, receiver) as shown: the supplier for a receipt, nobody for a write-off."""
    sender = doc.supplier if doc.kind in (RECEIPT, OPENING) else names.get(
        doc.from_org_id or "", "")
    receiver = "" if doc.kind == WRITE_OFF else names.get(doc.to_org_id or "", "")
    return sender, receiver


def list_documents(today: date | None = None) -> list[DocumentRow]:
    """The journal, newest first; temporary transfers say whether they came back in time."""
    today = today or clock.today()
    with bulk_allocation(), session_scope() as s:
        out = {d: sum(titles.values()) for d, titles in still_out(s).items()}
        names = b.holder_names(s)
        totals: dict[str, tuple[int, int]] = {}
        for doc_id, qty, price in s.execute(select(
                LiteratureLine.document_id, LiteratureLine.quantity,
                LiteratureLine.price_kopecks)):
            q, v = totals.get(doc_id, (0, 0))
            totals[doc_id] = (q + qty, v + qty * price)
        rows = []
        for doc in s.scalars(select(LiteratureDocument).order_by(
                LiteratureDocument.doc_date.desc(), LiteratureDocument.number)):
            sender, receiver = _sides(doc, names)
            q, v = totals.get(doc.id, (0, 0))
            left = out.get(doc.id, 0)
            back = doc.posted and doc.return_by is not None and not left
            late = bool(left) and doc.return_by is not None and doc.return_by < today
            rows.append(DocumentRow(doc.id, doc.kind, doc.number, doc.doc_date, sender,
                                    receiver, doc.from_org_id or "", doc.to_org_id or "", q,
                                    roubles(v), doc.posted, doc.return_by, _basis(doc), back,
                                    late, left))
        return rows
