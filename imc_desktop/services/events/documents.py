"""Certificates and diplomas of an event: who gets one, the register of issued documents
(numbered within a year; a reprint reuses the number) and the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exports import format_date
from imc_desktop import clock, config
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ServiceError
from imc_desktop.services.common.reports import short_name
from imc_desktop.services.common.russian_names import (
    Sex,
    agree,
    decline_name,
    decline_phrase,
    sex_of_full_name,
)
from models import Event, EventParticipant, IssuedDocument, Organization, Person
from models.events import DOCUMENT_KINDS

if TYPE_CHECKING:  # the PDF engine is imported when certificates are printed
    from exports.certificates import CertificatePage

CERTIFICATE, DIPLOMA = DOCUMENT_KINDS
AWARDED = ("победитель", "призёр", "лауреат")
_SUBTITLES = {"победитель": "победителя", "призёр": "призёра", "лауреат": "лауреата"}
_ROMAN = {1: "I", 2: "II", 3: "III"}


@dataclass(frozen=True)
class Layout:
    """What the application's settings say a certificate looks like."""

    certificate_text: str
    diploma_text: str
    signer_position: str
    signer_name: str
    department: str = ""
    organization: str = ""

    @classmethod
    def from_settings(cls, settings: config.Settings) -> Layout:
        return cls(settings.get(config.EVENTS_CERTIFICATE_TEXT),
                   settings.get(config.EVENTS_DIPLOMA_TEXT),
                   settings.get(config.EVENTS_SIGNER_POSITION)
                   or settings.get(config.DIRECTOR_POSITION),
                   settings.get(config.EVENTS_SIGNER_NAME) or settings.get(config.DIRECTOR_NAME),
                   settings.get(config.DEPARTMENT_NAME), settings.get(config.IMC_NAME))


@dataclass(frozen=True)
class IssuedRow:
    id: str
    number_text: str
    year: int
    number: int
    kind: str
    full_name: str
    event_title: str
    result: str
    issued_on: date
    printed_times: int


def _recipients(s: Session, event_id: str, kind: str) -> list[EventParticipant]:
    query = select(EventParticipant).where(EventParticipant.event_id == event_id)
    if kind == DIPLOMA:
        query = query.where(EventParticipant.result.in_(AWARDED))
    else:
        query = query.where(EventParticipant.attended.is_(True))
    return sorted(s.scalars(query), key=lambda p: (p.place or 99, p.full_name.casefold()))


def recipients_count(event_id: str, kind: str) -> int:
    with session_scope() as s:
        return len(_recipients(s, event_id, kind))


def _next_number(s: Session, year: int) -> int:
    top = s.scalar(select(func.max(IssuedDocument.number)).where(IssuedDocument.year == year))
    return int(top or 0) + 1


def _register(s: Session, p: EventParticipant, event: Event, kind: str, today: date
              ) -> IssuedDocument:
    doc = s.scalars(select(IssuedDocument).where(IssuedDocument.participant_id == p.id,
                                                 IssuedDocument.kind == kind)).first()
    if doc is not None:
        doc.printed_times += 1
        doc.full_name, doc.result = p.full_name, p.result
        return doc
    doc = IssuedDocument(participant_id=p.id, event_id=event.id, kind=kind, year=today.year,
                         number=_next_number(s, today.year), full_name=p.full_name,
                         event_title=event.title, result=p.result, issued_on=today,
                         printed_times=1)
    s.add(doc)
    s.flush()
    return doc


def _values(p: EventParticipant, event: Event, org: str, sex: Sex) -> dict[str, str]:
    return {"ФИО": p.full_name, "ФИО_кому": decline_name(p.full_name, "datv", sex),
            "ФИО_кого": decline_name(p.full_name, "gent", sex), "ОО": org,
            "мероприятие": event.title, "вид": event.kind,
            "вид_пр": decline_phrase(event.kind, "loct"),
            "дата": _date_text(event), "роль": p.role, "результат": p.result,
            "место": f"{_ROMAN.get(p.place, p.place)} место" if p.place else "",
            "номинация": f"в номинации «{p.nomination}»" if p.nomination else "",
            "балл": f"{p.score:g}".replace(".", ",") if p.score is not None else ""}


def _date_text(event: Event) -> str:
    first, last = event.starts_at.date(), event.ends_at.date()
    if event.all_day and last > first:
        last = date.fromordinal(last.toordinal() - 1)
    return format_date(first) if last <= first else f"{format_date(first)}–{format_date(last)}"


def fill(template: str, values: dict[str, str]) -> tuple[str, ...]:
    """The template's lines («|» separated) with {placeholders} filled; empty lines left out.
    An unknown placeholder is a clear error."""
    lines: list[str] = []
    for part in template.split("|"):
        try:
            text = part.format_map(values).strip()
        except KeyError as exc:
            known = ", ".join("{" + k + "}" for k in values)
            raise ServiceError(f"В тексте сертификата неизвестное поле {{{exc.args[0]}}}; "
                               f"допустимые: {known}.") from None
        except (ValueError, IndexError):
            raise ServiceError(f"В тексте сертификата ошибка в фигурных скобках: «{part}».") \
                from None
        if text.strip(" ,.;:«»—-"):
            lines.append(text)
    return tuple(lines)


def _page(p: EventParticipant, event: Event, doc: IssuedDocument, org: str,
          layout: Layout, sex: Sex) -> CertificatePage:
    """One page; «принял(а)» and the like agree with the recipient's sex (from the card,
    else from the patronymic; left as written when neither tells)."""
    from exports.certificates import CertificatePage

    kind = doc.kind
    template = layout.diploma_text if kind == DIPLOMA else layout.certificate_text
    subtitle = _SUBTITLES.get(p.result, "") if kind == DIPLOMA else ""
    lines = tuple(agree(line, sex) for line in fill(template, _values(p, event, org, sex)))
    return CertificatePage(
        title=kind.upper(), recipient=p.full_name, lines=lines,
        number=f"{doc.year}/{doc.number}", date_text=format_date(doc.issued_on),
        signer_position=layout.signer_position, signer_name=short_name(layout.signer_name),
        department=layout.department, organization=layout.organization, subtitle=subtitle)


def print_documents(event_id: str, kind: str, path: Path, layout: Layout,
                    today: date | None = None, font_path: Path | None = None) -> int:
    """Write the PDF (one page per recipient) and number each in the register; a reprint
    keeps its number. Nothing is registered when the file cannot be written."""
    from exports.certificates import write_certificates

    if kind not in DOCUMENT_KINDS:
        raise ServiceError("Документ: сертификат или диплом.")
    today = today or clock.today()
    with session_scope() as s:
        event = s.get(Event, event_id)
        if event is None:
            raise NotFound("Мероприятие не найдено: возможно, его удалили.")
        people = _recipients(s, event_id, kind)
        if not people:
            raise ServiceError(_nobody(kind, event.title))
        orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
        sexes = _sexes(s, people)
        pages = [_page(p, event, _register(s, p, event, kind, today),
                       orgs.get(p.organization_id or "", "") or p.organization_text, layout,
                       sexes.get(p.id, ""))
                 for p in people]
        write_certificates(pages, path, font_path)
    return len(pages)


def _sexes(s: Session, people: list[EventParticipant]) -> dict[str, Sex]:
    """Each participant's sex: the card's for a pedagogue of the register, else the one the
    patronymic tells ("" when unknown)."""
    ids = [p.person_id for p in people if p.person_id]
    cards = dict(s.execute(select(Person.id, Person.sex).where(Person.id.in_(ids))).all())
    out: dict[str, Sex] = {}
    for p in people:
        card = cards.get(p.person_id or "")
        out[p.id] = ("м" if card == "м" else "ж" if card == "ж"
                     else sex_of_full_name(p.full_name))
    return out


def _nobody(kind: str, title: str) -> str:
    if kind == DIPLOMA:
        return f"«{title}»: нет победителей, призёров и лауреатов — дипломы выдавать некому."
    return f"«{title}»: ни у кого не отмечена явка — сертификаты выдавать некому."


def issued(year: int | None = None) -> list[IssuedRow]:
    """The register of issued documents (of one year or all)."""
    with session_scope() as s:
        query = select(IssuedDocument).order_by(IssuedDocument.year, IssuedDocument.number)
        if year is not None:
            query = query.where(IssuedDocument.year == year)
        return [IssuedRow(d.id, f"{d.year}/{d.number}", d.year, d.number, d.kind, d.full_name,
                          d.event_title, d.result, d.issued_on, d.printed_times)
                for d in s.scalars(query)]


def duplicate_numbers(rows: list[IssuedRow]) -> list[str]:
    """Numbers given twice (two workstations issuing offline, then synchronised): «2026/5
    (Иванова А.И., Петров П.П.)». A document with such a number should be reprinted."""
    by_number: dict[tuple[int, int], list[IssuedRow]] = {}
    for row in rows:
        by_number.setdefault((row.year, row.number), []).append(row)
    return [f"{y}/{n} ({', '.join(r.full_name for r in found)})"
            for (y, n), found in sorted(by_number.items()) if len(found) > 1]
