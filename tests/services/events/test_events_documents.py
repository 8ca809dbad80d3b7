"""Certificates and diplomas: who gets them, their numbers, reprints, the PDF's pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from imc_desktop import config
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


def test_the_verb_agrees_with_the_sex_and_the_name_is_declined(tmp_path: Path) -> None:
    from imc_desktop.db import session_scope
    from models import Person

    with session_scope() as s:
        man = Person(last_name="Петров", first_name="Пётр", middle_name="Петрович", sex="м")
        woman = Person(last_name="Иванова", first_name="Ольга", middle_name="", sex="ж")
        s.add_all([man, woman])
        s.flush()
        ids = [man.id, woman.id]
    event_id = events.save_event(EventData(
        kind="конкурс", title="Учитель года — 2026", all_day=True,
        starts_at=datetime(2026, 2, 10), ends_at=datetime(2026, 2, 13)))
    ep.add_people(event_id, ids)
    for row in ep.list_participants(event_id):
        ep.save_participant(replace(row.data, attended=True, result="победитель", place=1))
    ep.save_participant(docs_participant(event_id, "Смит Джон"))
    layout = replace(LAYOUT, certificate_text="Выдан {ФИО_кому} | {ФИО_кого} | принял(а) "
                                              "участие в {вид_пр} «{мероприятие}»",
                     diploma_text=docs.Layout.from_settings(_settings(tmp_path)).diploma_text)
    path = tmp_path / "c.pdf"
    docs.print_documents(event_id, docs.CERTIFICATE, path, layout, date(2026, 2, 13))
    pages = {p.split("Выдан ")[1].split()[0]: p for p in _text(path)}
    assert "Петрову Петру Петровичу Петрова Петра Петровича принял участие в конкурсе" in \
        pages["Петрову"]
    assert "Ивановой Ольге Ивановой Ольги приняла участие" in pages["Ивановой"]
    (smith,) = [p for p in pages.values() if "Смит" in p]
    assert "принял(а) участие" in smith  # the sex is not known: written for both
    diplomas = tmp_path / "d.pdf"
    docs.print_documents(event_id, docs.DIPLOMA, diplomas, layout, date(2026, 2, 13))
    assert all("I место в конкурсе «Учитель года — 2026»" in p for p in _text(diplomas))


def docs_participant(event_id: str, name: str) -> ep.ParticipantData:
    return ep.ParticipantData(event_id=event_id, full_name=name, organization_text="ООО «Рога»",
                              attended=True)


def _settings(tmp_path: Path) -> config.Settings:
    return config.Settings(tmp_path / "settings.ini")
