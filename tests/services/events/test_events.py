"""Events in the database: repeats with exceptions, clashes, participants, reminders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.common.notifier import subscribe, unsubscribe
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventData
from tests.services.events.events_helpers import people

pytestmark = pytest.mark.usefixtures("database")

RMO = EventData(kind="заседание РМО", title="РМО учителей математики",
                starts_at=datetime(2026, 3, 3, 14), ends_at=datetime(2026, 3, 3, 16),
                place_text="ИМЦ, каб. 12", repeat_kind="еженедельно", repeat_count=4)


def test_a_weekly_series_with_one_occurrence_moved_alone() -> None:
    first = events.save_event(RMO)
    rows = events.list_events()
    assert [r.starts_at.day for r in rows] == [3, 10, 17, 24]
    assert len({r.series_id for r in rows}) == 1 and rows[0].id == first
    third = rows[2]
    events.move_event(third.id, date(2026, 3, 19))
    events.cancel_occurrence(rows[3].id)
    data = events.get_event(first)
    events.save_event(replace(data, title="РМО математиков", starts_at=datetime(2026, 3, 3, 15),
                              ends_at=datetime(2026, 3, 3, 17)), whole_series=True)
    after = {r.id: r for r in events.list_events()}
    assert after[rows[1].id].title == "РМО математиков"
    assert after[rows[1].id].starts_at == datetime(2026, 3, 10, 15)
    moved = after[third.id]
    assert (moved.title, moved.starts_at, moved.is_exception) == (
        "РМО учителей математики", datetime(2026, 3, 19, 14), True)
    assert after[rows[3].id].status == "отменено"
    assert events.series_size(rows[0].series_id or "") == 4


def test_deleting_the_whole_series_or_one_occurrence() -> None:
    events.save_event(RMO)
    rows = events.list_events()
    assert events.delete_events([rows[0].id]) == 1
    assert events.delete_events([rows[1].id], whole_series=True) == 3
    assert events.list_events() == []


def test_a_clash_of_place_and_time_is_found_and_a_free_room_is_not() -> None:
    events.save_event(replace(RMO, repeat_kind="", repeat_count=None))
    seminar = EventData(title="Семинар", starts_at=datetime(2026, 3, 3, 15),
                        ends_at=datetime(2026, 3, 3, 17), place_text="имц,  КАБ. 12")
    assert [r.title for r in events.clashes_of(seminar)] == ["РМО учителей математики"]
    assert events.clashes_of(replace(seminar, place_text="Актовый зал")) == []
    assert events.clashes_of(replace(seminar, starts_at=datetime(2026, 3, 3, 16))) == []


def test_an_all_day_event_takes_whole_days_and_bad_input_is_refused() -> None:
    event_id = events.save_event(EventData(title="Учитель года", kind="конкурс", all_day=True,
                                           starts_at=datetime(2026, 2, 10, 9),
                                           ends_at=datetime(2026, 2, 12, 18)))
    data = events.get_event(event_id)
    assert (data.starts_at, data.ends_at) == (datetime(2026, 2, 10), datetime(2026, 2, 13))
    with pytest.raises(ValidationFailed) as err:
        events.save_event(EventData(title=" ", starts_at=datetime(2026, 2, 10, 9),
                                    ends_at=datetime(2026, 2, 9), capacity=0))
    assert set(err.value.problems) == {"title", "ends_at", "capacity"}
    assert len(events.list_events()) == 1


def test_participants_in_bulk_by_subject_and_the_capacity_is_kept() -> None:
    ids = people()
    changed: list[frozenset[str]] = []
    subscribe(changed.append)
    try:
        event_id = events.save_event(replace(RMO, repeat_kind="", repeat_count=None,
                                             capacity=2))
        added = ep.add_bulk(event_id, subject="Математика")
        assert (added.added, added.already) == (2, 0)
        assert ep.add_bulk(event_id, subject="математика").already == 2
        with pytest.raises(ServiceError, match="мест не хватает"):
            ep.add_people(event_id, [ids["Петров"]])
        ep.add_people(event_id, [ids["Петров"]], role="член жюри")
        ep.save_participant(ep.ParticipantData(event_id=event_id, full_name="Гость Г.Г.",
                                               organization_text="Институт",
                                               role="организатор"))
    finally:
        unsubscribe(changed.append)
    assert changed[0] == {"events"}  # the event's save, then each write of participants
    assert len(changed) == 4 and all("event_participants" in c for c in changed[1:])
    rows = {r.data.full_name: r for r in ep.list_participants(event_id)}
    assert rows["Иванова Анна Ивановна"].organization == "СОШ № 1"
    assert rows["Иванова Анна Ивановна"].data.position == "учитель"
    assert rows["Гость Г.Г."].external and rows["Гость Г.Г."].organization == "Институт"
    assert events.list_events()[0].participants == 4
    assert events.list_events()[0].organization_ids == {ids["СОШ № 1"], ids["СОШ № 2"]}


def test_bulk_by_organization_and_position() -> None:
    ids = people()
    event_id = events.save_event(replace(RMO, repeat_kind="", repeat_count=None))
    assert ep.add_bulk(event_id, organization_id=ids["СОШ № 2"], position="учитель").added == 1
    assert ep.add_bulk(event_id, organization_id=ids["СОШ № 1"]).added == 2
    with pytest.raises(ServiceError):
        ep.add_bulk(event_id)


def test_results_are_checked_and_shown_on_the_pedagogue() -> None:
    ids = people()
    event_id = events.save_event(EventData(kind="конкурс", title="Учитель года",
                                           starts_at=datetime(2026, 2, 10, 10),
                                           ends_at=datetime(2026, 2, 10, 16)))
    ep.add_people(event_id, [ids["Иванова"]])
    row = ep.list_participants(event_id)[0]
    with pytest.raises(ValidationFailed):
        ep.save_participant(replace(row.data, result="чемпион", place=0))
    ep.save_participant(replace(row.data, attended=True, result="победитель", place=1,
                                score=98.5, nomination="Лучший урок"))
    mine = ep.person_participation(ids["Иванова"])
    assert [(x.event_title, x.data.result, x.data.place) for x in mine] == [
        ("Учитель года", "победитель", 1)]


def test_reminders_list_the_next_week_and_past_events_without_results() -> None:
    today = date(2026, 3, 10)
    soon = events.save_event(EventData(title="Скоро", starts_at=datetime(2026, 3, 16, 10),
                                       ends_at=datetime(2026, 3, 16, 12)))
    events.save_event(EventData(title="Не скоро", starts_at=datetime(2026, 3, 20, 10),
                                ends_at=datetime(2026, 3, 20, 12)))
    past = events.save_event(EventData(title="Прошло", starts_at=datetime(2026, 3, 2, 10),
                                       ends_at=datetime(2026, 3, 2, 12)))
    done = events.save_event(EventData(title="Проведено", status="проведено",
                                       starts_at=datetime(2026, 3, 2, 10),
                                       ends_at=datetime(2026, 3, 2, 12)))
    found = events.reminders(today)
    assert [r.id for r in found.upcoming] == [soon]
    assert [r.id for r in found.missing] == [past]
    assert done not in {r.id for r in found.missing} and not found.empty


def _changed_elsewhere(event_id: str, **values: object) -> None:
    """Another workstation's edit as a synchronisation applies it: straight into the row."""
    from sqlalchemy import text

    from imc_desktop import db

    sets = ", ".join(f"{k} = :{k}" for k in values)
    with db.session_scope() as s:
        s.execute(text(f"UPDATE events SET {sets} WHERE id = :id"), {**values, "id": event_id})


def test_a_stale_event_form_writes_only_what_the_user_changed() -> None:
    event_id = events.save_event(replace(RMO, repeat_kind="", repeat_count=None))
    loaded = events.get_event(event_id)
    _changed_elsewhere(event_id, place_text="СОШ № 2, актовый зал", capacity=30)
    events.save_event(replace(loaded, title="РМО математиков"), loaded=loaded)
    saved = events.get_event(event_id)
    assert (saved.title, saved.place_text, saved.capacity) == (
        "РМО математиков", "СОШ № 2, актовый зал", 30)


def test_a_field_changed_on_both_sides_is_refused_until_overwritten() -> None:
    from imc_desktop.services.common.errors import ChangedMeanwhile

    event_id = events.save_event(replace(RMO, repeat_kind="", repeat_count=None))
    loaded = events.get_event(event_id)
    _changed_elsewhere(event_id, title="РМО (перенесено)")
    mine = replace(loaded, title="РМО математиков", capacity=25)
    with pytest.raises(ChangedMeanwhile, match="РМО \\(перенесено\\).*РМО математиков"):
        events.save_event(mine, loaded=loaded)
    assert events.get_event(event_id).capacity is None, "nothing written"
    events.save_event(mine, loaded=loaded, overwrite=True)
    assert events.get_event(event_id).title == "РМО математиков"


def test_a_change_for_the_whole_series_carries_only_the_changed_fields() -> None:
    first = events.save_event(RMO)
    rows = events.list_events()
    _changed_elsewhere(rows[2].id, description="Повестка: ОГЭ")
    loaded = events.get_event(first)
    events.save_event(replace(loaded, title="РМО математиков"), whole_series=True,
                      loaded=loaded)
    after = {r.id: events.get_event(r.id) for r in rows}
    assert {e.title for e in after.values()} == {"РМО математиков"}
    assert after[rows[2].id].description == "Повестка: ОГЭ"
    assert not any(e.is_exception for e in after.values())
