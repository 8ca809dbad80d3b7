"""Warnings before a title goes to an ОО: excluded from the ФПУ, or past its last day of use.

Posting is not refused — the methodist may still post (a school finishing a course on an
excluded textbook) — but is asked about first, naming each title and its dates.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from imc_desktop.db import session_scope
from imc_desktop.services.literature.records import EXCLUDED, title_data
from imc_desktop.validation import format_date
from models import LiteratureDocument, LiteratureTitle
from models.literature import ISSUE, TRANSFER

ISSUING_KINDS = (ISSUE, TRANSFER)


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else "не указана"


def issue_warnings(document_id: str) -> list[str]:
    """One Russian line per title of a выдача / передача to an ОО that is excluded from
    the ФПУ or past its «использовать до» (or 5 years after its exclusion) on the
    document's date; empty when there is nothing to ask about."""
    with session_scope() as s:
        doc = s.get(LiteratureDocument, document_id)
        if doc is None or doc.kind not in ISSUING_KINDS or doc.to_org_id is None:
            return []
        ids = {x.title_id for x in doc.lines}
        titles = [title_data(t) for t in s.scalars(select(LiteratureTitle).where(
            LiteratureTitle.id.in_(ids), LiteratureTitle.fpu_status == EXCLUDED))]
        on = doc.doc_date
    found = []
    for t in sorted(titles, key=lambda x: x.label):
        limit = t.use_limit
        if limit is not None and on > limit:
            found.append(f"«{t.label}»: срок использования истёк {format_date(limit)} "
                         f"(исключён из ФПУ, дата исключения {_day(t.excluded_on)}).")
        else:
            until = f"использовать до {format_date(limit)}" if limit else \
                "срок использования не указан"
            found.append(f"«{t.label}»: исключён из ФПУ (дата исключения "
                         f"{_day(t.excluded_on)}), {until}.")
    return found
