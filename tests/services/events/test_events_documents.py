"""Certificates and diplomas: who gets them, their numbers, reprints, the PDF's pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import documents as docs
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventData
from tests.services.events.events_helpers import people

pytestmark = pytest.mark.usefixtures("database")

LAYOUT = docs.Layout(
    certificate_text="{ОО} | принял(а) участие в мероприятии «{мероприятие}» | {дата}",
    diploma_text="{ОО} | {место} | {вид} «{мероприятие}» | {номинация}",
    signer_position="Директор ИМЦ", signer_name="Смирнова Галина Петровна",
    department="Управление образования", organization="ИМЦ")


def _contest() -> tuple[str, dict[str, str]]:
    ids = people()
    event_id = events.save_event(EventData(
        kind="конкурс", title="Учитель года — 2026", all_day=True,
        starts_at=datetime(2026, 2, 10), ends_at=datetime(2026, 2, 13)))
    ep.add_people(event_id, [ids["Иванова"], ids["Петров"], ids["Сидорова"]])
    rows = {r.data.full_name.split()[0]: r.data for r in ep.list_participants(event_id)}
    ep.save_participant(replace(rows["Иванова"], attended=True, result="победитель", place=1,
                                nomination="Лучший урок"))
    ep.save_participant(replace(rows["Петров"], attended=True, result="участник"))
    ep.save_participant(replace(rows["Сидорова"], attended=False))
    return event_id, ids


def _text(path: Path) -> list[str]:
    """Each page's text with line breaks folded: where a long title wraps depends on the font."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_certificates_go_to_those_who_attended_and_diplomas_to_winners(tmp_path: Path
                                                                       ) -> None:
    event_id, _ids = _contest()
    certs = tmp_path / "certs.pdf"
    assert docs.print_documents(event_id, docs.CERTIFICATE, certs, LAYOUT,
                                date(2026, 2, 13)) == 2
    pages = _text(certs)
    assert len(pages) == 2
    assert "СЕРТИФИКАТ" in pages[0] and "Иванова Анна Ивановна" in pages[0]
    assert "«Учитель года — 2026»" in pages[0] and "10.02.2026–12.02.2026" in pages[0]
    assert "Г.П. Смирнова" in pages[0] and "2026/1" in pages[0]
    diplomas = tmp_path / "diplomas.pdf"
    assert docs.print_documents(event_id, docs.DIPLOMA, diplomas, LAYOUT,
                                date(2026, 2, 14)) == 1
    (page,) = _text(diplomas)
    assert "ДИПЛОМ" in page and "победителя" in page and "I место" in page
    assert "в номинации «Лучший урок»" in page and "2026/3" in page


def test_a_reprint_reuses_the_number_and_new_recipients_continue_the_year(tmp_path: Path
                                                                          ) -> None:
    event_id, _ids = _contest()
    docs.print_documents(event_id, docs.CERTIFICATE, tmp_path / "a.pdf", LAYOUT,
                         date(2026, 2, 13))
    first = {r.full_name: r.number_text for r in docs.issued()}
    late = ep.list_participants(event_id)
    sidorova = next(r.data for r in late if r.data.full_name.startswith("Сидорова"))
    ep.save_participant(replace(sidorova, attended=True))
    docs.print_documents(event_id, docs.CERTIFICATE, tmp_path / "b.pdf", LAYOUT,
                         date(2026, 3, 1))
    again = {r.full_name: r for r in docs.issued(2026)}
    assert {k: again[k].number_text for k in first} == first
    assert again["Сидорова Ёлка Ивановна"].number_text == "2026/3"
    assert again["Иванова Анна Ивановна"].printed_times == 2
    shown = {r.data.full_name: r.document for r in ep.list_participants(event_id)}
    assert shown["Иванова Анна Ивановна"] == "сертификат № 2026/1"


def test_nobody_to_award_and_a_wrong_placeholder_are_explained(tmp_path: Path) -> None:
    event_id = events.save_event(EventData(title="Семинар", starts_at=datetime(2026, 3, 1, 10),
                                           ends_at=datetime(2026, 3, 1, 12)))
    with pytest.raises(ServiceError, match="некому"):
        docs.print_documents(event_id, docs.DIPLOMA, tmp_path / "x.pdf", LAYOUT)
    contest, _ids = _contest()
    bad = replace(LAYOUT, certificate_text="{Фамилия} участвовал")
    with pytest.raises(ServiceError, match="неизвестное поле {Фамилия}"):
        docs.print_documents(contest, docs.CERTIFICATE, tmp_path / "y.pdf", bad)
    assert docs.issued() == [] and not (tmp_path / "y.pdf").exists()
