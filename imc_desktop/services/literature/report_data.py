"""What the literature reports need beyond the balances: a document with its titles and
the people who sign for each side."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.documents import DocumentData
from imc_desktop.services.literature.records import TitleData
from models import LiteratureDocument, Organization

PRINTABLE = (docs.ISSUE, docs.TRANSFER, docs.RETURN)

TITLES = {docs.ISSUE: "Накладная на выдачу учебной литературы",
          docs.TRANSFER: "Акт приёма-передачи учебной литературы",
          docs.RETURN: "Акт приёма-передачи учебной литературы (возврат)",
          docs.RECEIPT: "Акт приёма учебной литературы",
          docs.WRITE_OFF: "Акт списания учебной литературы",
          docs.OPENING: "Ввод остатков учебной литературы"}


@dataclass(frozen=True)
class Side:
    """One side of a document: the ИМЦ fund, an ОО or a supplier; who signs for it."""

    name: str
    head: str
    head_position: str


@dataclass(frozen=True)
class PrintedDocument:
    document: DocumentData
    titles: dict[str, TitleData]
    sender: Side | None
    receiver: Side | None


def _kind_and_number(text: str) -> tuple[str | None, str]:
    """«выдача № 12» → ("выдача", "12"); «12» → (None, "12")."""
    words = text.replace("№", " ").split()
    if words and words[0].lower() in docs.KINDS:
        return words[0].lower(), " ".join(words[1:])
    if len(words) > 2 and " ".join(words[:2]).lower() in docs.KINDS:
        return " ".join(words[:2]).lower(), " ".join(words[2:])
    return None, " ".join(words)


def find_document(text: str) -> str | None:
    """A document's id from its id or «[вид] №» (the newest of that number, a выдача,
    передача or возврат before the other kinds); empty text gives the newest posted выдача
    (else передача or возврат); None when there is none."""
    kind, number = _kind_and_number(text)
    with session_scope() as s:
        query = select(LiteratureDocument.id).order_by(
            LiteratureDocument.doc_date.desc(), LiteratureDocument.created_at.desc())
        if not text.strip():
            posted = query.where(LiteratureDocument.posted)
            return s.scalar(posted.where(LiteratureDocument.kind == docs.ISSUE).limit(1)) or \
                s.scalar(posted.where(LiteratureDocument.kind.in_(PRINTABLE)).limit(1))
        if s.get(LiteratureDocument, text.strip()) is not None:
            return text.strip()
        numbered = query.where(LiteratureDocument.number == number)
        if kind is not None:
            numbered = numbered.where(LiteratureDocument.kind == kind)
        found = s.scalar(numbered.where(LiteratureDocument.kind.in_(PRINTABLE)).limit(1)) or \
            s.scalar(numbered.limit(1))
    if found is None:
        raise ServiceError(f"Документ «{text.strip()}» не найден: укажите вид и номер, "
                           "например «выдача 12».")
    return found


def _side(org_id: str | None, imc: Side) -> Side:
    if org_id is None:
        return imc
    with session_scope() as s:
        org = s.get(Organization, org_id)
        if org is None:
            return Side(org_id, "", "")
        return Side(org.full_name or org.short_name, org.head_name,
                    f"Руководитель {org.short_name}")


def printed_document(document_id: str, imc: Side) -> PrintedDocument:
    """The document, its titles and both sides (the ИМЦ's side is given: it comes from
    the settings)."""
    data = docs.get_document(document_id)
    titles = {x.title_id: lit.get_title(x.title_id) for x in data.lines}
    sender: Side | None = _side(data.from_org_id, imc)
    receiver: Side | None = _side(data.to_org_id, imc)
    if data.kind in (docs.RECEIPT, docs.OPENING):
        sender = Side(data.supplier, "", "Поставщик") if data.supplier else None
    if data.kind == docs.WRITE_OFF:
        receiver = None
    return PrintedDocument(data, titles, sender, receiver)
