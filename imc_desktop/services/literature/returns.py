"""What is still out on a temporary выдача or передача.

A temporary transfer (one with «вернуть до») comes back through posted documents linked to
it (``return_of_id``), possibly several, each bringing some of the copies. It is returned
only when every copy of every title has come back; until then the rest is «still out».
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import LiteratureDocument, LiteratureLine

D, L = LiteratureDocument, LiteratureLine

Out = dict[str, dict[str, int]]
"""{temporary document id: {title id: copies still out}} (titles all back are left out)."""


def still_out(s: Session, document_ids: Iterable[str] | None = None,
              without: str | None = None) -> Out:
    """The copies not yet brought back, of every posted temporary transfer (or of these);
    ``without`` leaves one returning document out of the count."""
    lent = select(D.id, L.title_id, L.quantity).join(L, L.document_id == D.id).where(
        D.posted, D.return_by.is_not(None))
    back = select(D.return_of_id, L.title_id, L.quantity).join(L, L.document_id == D.id).where(
        D.posted, D.return_of_id.is_not(None))
    if document_ids is not None:
        ids = set(document_ids)
        lent, back = lent.where(D.id.in_(ids)), back.where(D.return_of_id.in_(ids))
    if without is not None:
        back = back.where(D.id != without)
    out: Out = {}
    for doc_id, title_id, qty in s.execute(lent):
        titles = out.setdefault(doc_id, {})
        titles[title_id] = titles.get(title_id, 0) + qty
    for source_id, title_id, qty in s.execute(back):
        titles = out.get(source_id or "", {})
        if title_id in titles:
            titles[title_id] -= qty
    return {d: {t: q for t, q in titles.items() if q > 0} for d, titles in out.items()}


def excess(s: Session, doc: LiteratureDocument) -> list[tuple[str, int, int]]:
    """(title id, brought, still out) of each line of a returning document that brings
    back more copies than are still out on its transfer (a title never lent: 0 out)."""
    if doc.return_of_id is None:
        return []
    out = still_out(s, [doc.return_of_id], without=doc.id).get(doc.return_of_id, {})
    brought: dict[str, int] = {}
    for line in doc.lines:
        brought[line.title_id] = brought.get(line.title_id, 0) + line.quantity
    return [(t, q, out.get(t, 0)) for t, q in brought.items() if q > out.get(t, 0)]
