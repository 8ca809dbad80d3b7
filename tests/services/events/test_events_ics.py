"""iCalendar: folding and escaping, and the round trip with Cyrillic text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import ics
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventData


def test_folded_lines_are_at_most_75_octets_and_unfold_back() -> None:
    line = "SUMMARY:" + "Педагогические чтения «Учитель — ученик»; " * 5
    folded = ics.fold(line)
    assert all(len(x.encode("utf-8")) <= 75 for x in folded.split("\r\n"))
    assert ics.unfold(folded) == [line]


def test_escaping_round_trips_commas_semicolons_backslashes_and_new_lines() -> None:
    text = "Итоги; призёры, лауреаты\\жюри\nвторая строка"
    assert ics.escape(text) == "Итоги\\; призёры\\, лауреаты\\\\жюри\\nвторая строка"
    assert ics.unescape(ics.escape(text)) == text


def test_a_calendar_round_trips_through_text() -> None:
    items = [ics.IcsEvent("a@x", "Семинар «Функциональная грамотность», часть 1",
                          datetime(2026, 3, 5, 10), datetime(2026, 3, 5, 12, 30),
                          description="Для учителей;\nматематики", location="СОШ № 1, каб. 5",
                          category="семинар"),
             ics.IcsEvent("b@x", "Учитель года", datetime(2026, 2, 10), datetime(2026, 2, 13),
                          all_day=True, cancelled=True)]
    text = ics.write_ics(items, now=datetime(2026, 1, 1))
    assert "DTSTART;VALUE=DATE:20260210" in text and "DTEND;VALUE=DATE:20260213" in text
    assert text.endswith("END:VCALENDAR\r\n")
    assert ics.parse_ics(text) == items


def test_a_broken_date_names_the_line() -> None:
    text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:2026-03-05\r\n"
    with pytest.raises(ServiceError, match="plan.ics, строка 4"):
        ics.parse_ics(text + "END:VEVENT\r\nEND:VCALENDAR\r\n", "plan.ics")


@pytest.mark.usefixtures("database")
def test_export_and_import_keep_the_events_and_update_our_own(tmp_path: Path) -> None:
    events.save_event(EventData(kind="конференция", title="Конференция «Ёлочка»; итоги, планы",
                                starts_at=datetime(2026, 4, 1, 9, 30),
                                ends_at=datetime(2026, 4, 1, 13), place_text="ДК, зал № 2"))
    events.save_event(EventData(title="Весь день", all_day=True,
                                starts_at=datetime(2026, 4, 2), ends_at=datetime(2026, 4, 3)))
    path = tmp_path / "план.ics"
    assert ics.export_ics(events.list_events(), path) == 2
    raw = path.read_bytes()
    assert "Ёлочка".encode() in raw.replace(b"\r\n ", b"")
    assert ics.import_ics(path) == ics.IcsImported(0, 2)
    assert len(events.list_events()) == 2
    foreign = path.read_text(encoding="utf-8").replace("@imc-desktop", "@phone")
    other = tmp_path / "phone.ics"
    other.write_text(foreign, encoding="utf-8")
    assert ics.import_ics(other) == ics.IcsImported(2, 0)
    rows = events.list_events()
    copy = [r for r in rows if r.title.startswith("Конференция")]
    assert len(copy) == 2 and {r.place for r in copy} == {"ДК, зал № 2"}
    assert {r.kind for r in copy} == {"конференция"}
    assert {r.starts_at for r in copy} == {datetime(2026, 4, 1, 9, 30)}
    whole = [r for r in rows if r.title == "Весь день"]
    assert all(r.all_day and r.ends_at == datetime(2026, 4, 3) for r in whole)


def test_a_lone_carriage_return_cannot_break_the_line_structure() -> None:
    escaped = ics.escape("первая\rвторая\r\nтретья")
    assert "\r" not in escaped and escaped == "первая\\nвторая\\nтретья"
    assert ics.unescape(escaped) == "первая\nвторая\nтретья"
