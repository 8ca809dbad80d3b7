"""The demo's year of events: every kind, participants, contest results, diplomas, and
something for the reminders."""

from __future__ import annotations

from collections import Counter
from datetime import date

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.events import documents as events_documents
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events


def test_the_demo_has_a_year_of_events_with_participants_and_results(
        demo_database: DatabaseInfo) -> None:
    rows = events.list_events()
    kinds = Counter(r.kind for r in rows)
    assert {"заседание РМО", "семинар", "конкурс", "конференция", "мастер-класс"} <= set(kinds)
    days = [r.start_date for r in rows]
    assert (max(days) - min(days)).days > 300
    assert any(d > date.today() for d in days) and any(d < date.today() for d in days)
    assert all(r.participants for r in rows if r.kind != "конференция")
    contests = [r for r in rows if r.kind == "конкурс" and r.status == "проведено"]
    assert contests
    results = Counter(p.data.result for p in ep.list_participants(contests[0].id))
    assert results["победитель"] == 1 and results["призёр"] == 2
    assert events_documents.issued()
    series = Counter(r.series_id for r in rows if r.series_id)
    assert series and max(series.values()) == 10
    found = events.reminders()
    assert found.upcoming and len(found.missing) >= 2
