"""The pedagogue's card shows the consultations he was given and his observed lessons."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from imc_desktop import clock
from imc_desktop.services.methodist import records, write
from imc_desktop.services.methodist.records import ConsultationData, VisitData
from tests.services.events.events_helpers import people
from ui.methodist.card_page import JournalPage


@pytest.fixture
def ids(database: object) -> dict[str, str]:
    found = people()
    with clock.fixed(date(2026, 11, 20)):
        for who in ("Иванова", "Иванова", "Петров"):
            write.save_consultation(ConsultationData(
                held_on=date(2026, 11, 2), methodist_id=found["Орлова"], person_id=found[who],
                topic=f"Тема для {who}"))
        write.save_visit(VisitData(
            visited_on=date(2026, 11, 3), methodist_id=found["Орлова"],
            organization_id=found["СОШ № 1"], person_id=found["Иванова"], subject="алгебра",
            marks="Цель=2"))
    return found


def test_the_card_page_lists_only_the_pedagogue_s_records(qtbot: QtBot,
                                                          ids: dict[str, str]) -> None:
    consultations, visits = records.person_journal(ids["Иванова"])
    assert [c.topic for c in consultations] == ["Тема для Иванова"] * 2
    assert [(v.subject, v.percent) for v in visits] == [("алгебра", 100.0)]
    page = JournalPage(consultations, visits)
    qtbot.addWidget(page)
    assert page.consultations_model.rowCount() == 2 and page.visits_model.rowCount() == 1
    assert records.person_journal(ids["Сидорова"]) == ([], [])
