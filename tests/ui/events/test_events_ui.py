"""The «Мероприятия» tab: month grid with «ещё N», drag to move with the clash question,
week and list views, filters, the event form, participants and the card's tab."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.events import participants as ep
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventData
from tests.services.events.events_helpers import people
from ui.events.event_dialog import EventContext, EventDialog
from ui.events.participant_forms import PeopleContext, PeoplePicker
from ui.events.participants_dialog import ParticipantsDialog
from ui.events.tab import LIST, WEEK, EventsTab
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


def make(title: str, day: int, hour: int = 10, place: str = "ИМЦ, каб. 12",
         kind: str = "семинар") -> str:
    return events.save_event(EventData(kind=kind, title=title, place_text=place,
                                       starts_at=datetime(2026, 3, day, hour),
                                       ends_at=datetime(2026, 3, day, hour + 1)))


@pytest.fixture
def tab(qtbot: Any, database: DatabaseInfo, settings: config.Settings) -> EventsTab:
    widget = EventsTab(settings, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def centre_of_event(tab: EventsTab, event_id: str) -> QPoint:
    month = tab.month
    for day, cell in month.cells.items():
        for i, row in enumerate(cell.shown):
            if row.id == event_id:
                return month.line_rect(day, i).center()
    raise AssertionError("event not shown")


def drag(tab: EventsTab, event_id: str, day: date) -> None:
    month = tab.month
    start, end = centre_of_event(tab, event_id), month.day_rect(day).center()
    QTest.mousePress(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(month, start + QPoint(20, 0))
    QTest.mouseMove(month, end)
    QTest.mouseRelease(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_month_starts_on_monday_and_shows_more_than_fits_as_more(tab: EventsTab) -> None:
    for hour in range(8, 17):
        make(f"Событие {hour}", 12, hour, place=f"каб. {hour}")
    tab.reload()
    assert tab.period.text() == "Март 2026"
    assert tab.month.weeks[0][0] == date(2026, 2, 23) and len(tab.month.weeks) == 6
    cell = tab.month.cells[date(2026, 3, 12)]
    assert cell.more and len(cell.shown) + cell.more == 9
    assert len(cell.shown) == tab.month.lines() - 1
    tab.step(1)
    assert tab.period.text() == "Апрель 2026" and date(2026, 3, 12) not in tab.month.cells
    tab.go_today()
    assert tab.period.text() == "Март 2026"


def test_dragging_an_event_moves_it_to_that_day(tab: EventsTab) -> None:
    event_id = make("Семинар", 5)
    tab.reload()
    drag(tab, event_id, date(2026, 3, 19))
    assert events.get_event(event_id).starts_at == datetime(2026, 3, 19, 10)
    assert tab.month.cells[date(2026, 3, 19)].shown[0].id == event_id


def test_a_clash_asks_first_and_no_keeps_the_event(tab: EventsTab,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    moving, _other = make("Семинар", 5), make("РМО", 19)
    tab.reload()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(Ask, "confirm", staticmethod(answer))
    drag(tab, moving, date(2026, 3, 19))
    assert "РМО" in asked[0]
    assert events.get_event(moving).starts_at.day == 5
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    drag(tab, moving, date(2026, 3, 19))
    assert events.get_event(moving).starts_at.day == 19


def test_double_click_opens_the_event_and_saves_the_change(
        tab: EventsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    event_id = make("Семинар", 5)
    tab.reload()
    opened: list[EventData] = []

    def ask(data: EventData, _context: EventContext, _parent: object
            ) -> tuple[EventData, bool]:
        opened.append(data)
        return EventData(**{**data.__dict__, "title": "Семинар-практикум"}), False

    monkeypatch.setattr(EventDialog, "ask", staticmethod(ask))
    QTest.mouseDClick(tab.month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      centre_of_event(tab, event_id))
    assert opened[0].id == event_id
    assert events.get_event(event_id).title == "Семинар-практикум"


def test_filters_and_search_act_on_the_calendar_and_the_list(tab: EventsTab) -> None:
    make("Семинар по геометрии", 5)
    make("Учитель года", 6, kind="конкурс")
    tab.reload()
    tab.filters.kind.setCurrentIndex(tab.filters.kind.findData("конкурс"))
    assert [r.title for r in tab.month.rows] == ["Учитель года"]
    tab.filters.kind.setCurrentIndex(0)
    tab.filters.search.setText("геометр")
    assert [r.title for r in tab.month.rows] == ["Семинар по геометрии"]
    tab.set_view(LIST)
    assert tab.record_list.model.rowCount() == 1
    assert [r.title for r in tab.visible_rows()] == ["Семинар по геометрии"]
    tab.filters.search.clear()
    assert tab.record_list.model.rowCount() == 2


def test_the_week_view_places_events_in_time_slots(tab: EventsTab) -> None:
    a, b = make("Первое", 11, 10, "А"), make("Второе", 11, 10, "Б")
    tab.show_week_of(date(2026, 3, 11))
    assert tab.view() == WEEK and tab.period.text() == "09.03.2026 – 15.03.2026"
    placed = {p.item.id: p for p in tab.week.placed}
    assert placed[a].lanes == placed[b].lanes == 2 and placed[a].column == 2
    rect = tab.week.event_rect(placed[b])
    assert tab.week.event_at(rect.center()).id == b  # type: ignore[union-attr]


def test_a_new_event_form_validates_and_builds_a_series(qtbot: Any, database: DatabaseInfo
                                                        ) -> None:
    dialog = EventDialog(EventData(starts_at=datetime(2026, 3, 3, 14),
                                   ends_at=datetime(2026, 3, 3, 16)), EventContext())
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert "название" in dialog._errors["title"].text()
    dialog.set_values({"title": "РМО", "repeat_kind": "ежемесячно", "repeat_count": 3,
                       "start_time": "15:00"})
    data = dialog.data()
    assert data.starts_at == datetime(2026, 3, 3, 15) and data.repeat_count == 3
    events.save_event(data)
    assert [r.starts_at.month for r in events.list_events()] == [3, 4, 5]


def test_the_event_form_is_in_groups_and_opens_its_participants_and_documents(
        qtbot: Any, tab: EventsTab) -> None:
    from dataclasses import replace

    from PySide6.QtWidgets import QGroupBox

    event_id = make("Семинар", 5)
    context = tab.context()
    assert context.participants == tab.edit_participants
    assert context.documents is tab.documents.menu
    opened: list[bool] = []
    context = replace(context, participants=lambda: opened.append(True))
    dialog = EventDialog(events.get_event(event_id), context, tab)
    qtbot.addWidget(dialog)
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert len(titles) == 4, titles
    holder = dialog.editor("title").parentWidget()
    while holder is not None and not isinstance(holder, QGroupBox):
        holder = holder.parentWidget()
    assert holder is not None and holder.title() == titles[0], "fields sit in their groups"
    assert dialog.documents_button.menu() is tab.documents.menu
    qtbot.mouseClick(dialog.participants_button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    new = EventDialog(EventData(starts_at=datetime(2026, 3, 3, 14),
                                ends_at=datetime(2026, 3, 3, 16)), context, tab)
    qtbot.addWidget(new)
    assert not new.participants_button.isEnabled() and not new.documents_button.isEnabled()
    assert new.participants_button.toolTip()


def test_participants_are_added_from_the_register_and_shown_on_the_card(
        qtbot: Any, database: DatabaseInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = people()
    event_id = make("Семинар", 5)
    row = events.list_events()[0]
    monkeypatch.setattr(PeoplePicker, "ask", staticmethod(
        lambda _people, _parent: ([ids["Иванова"], ids["Петров"]], "докладчик")))
    dialog = ParticipantsDialog(row, PeopleContext())
    qtbot.addWidget(dialog)
    dialog.add_from_register()
    assert dialog.model.rowCount() == 2
    dialog.view.selectRow(0)
    dialog.mark(True)
    assert sum(r.data.attended is True for r in ep.list_participants(event_id)) == 1
    from ui.events.card_page import ParticipationPage

    page = ParticipationPage(ep.person_participation(ids["Иванова"]))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == "Семинар"
    assert page.model.index(0, 3).data() == "докладчик"


def test_delete_key_in_the_month_deletes_the_chosen_event_after_a_question(
        tab: EventsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    keep, gone = make("Остаётся", 5), make("Удаляется", 6)
    tab.reload()
    answers = iter([False, True])
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: next(answers)))
    QTest.mouseClick(tab.month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of_event(tab, gone))
    QTest.keyClick(tab.month, Qt.Key.Key_Delete)
    assert {r.id for r in events.list_events()} == {keep, gone}
    QTest.keyClick(tab.month, Qt.Key.Key_Delete)
    assert {r.id for r in events.list_events()} == {keep}


def test_the_reminders_window_opens_an_event_on_double_click(
        qtbot: Any, russian: Any, database: DatabaseInfo) -> None:
    from ui.events.reminders import RemindersDialog, summary_text

    soon = make("Скоро", 12)
    found = events.reminders(TODAY)
    assert summary_text(found) == "Мероприятий в ближайшие дни: 1"
    opened: list[str] = []
    dialog = RemindersDialog(found, None, opened.append)
    qtbot.addWidget(dialog)
    index = dialog.upcoming.model().index(0, 2)
    assert index.data() == "Скоро"
    dialog.upcoming.doubleClicked.emit(index)
    assert opened == [soon]


def test_the_documents_menu_writes_certificates_and_the_shown_events_to_ics(
        tab: EventsTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from pathlib import Path

    from ui.events.documents import FilePaths

    ids = people()
    seminar = make("Семинар", 5)
    events.move_event(make("В другом месяце", 5, place="Актовый зал"), date(2026, 5, 5))
    ep.add_people(seminar, [ids["Иванова"]])
    ep.mark_attendance([r.id for r in ep.list_participants(seminar)], True)
    tab.reload()
    target: list[Path] = [tmp_path / "c.pdf"]
    monkeypatch.setattr(FilePaths, "save", staticmethod(lambda *_a: target[0]))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: False))
    monkeypatch.setattr(Ask, "info", staticmethod(lambda *_a: None))
    QTest.mouseClick(tab.month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of_event(tab, seminar))
    assert tab.documents.certificates("сертификат") == 1 and target[0].exists()
    target[0] = tmp_path / "march.ics"
    assert tab.documents.export_ics() == 1
    assert "SUMMARY:Семинар" in target[0].read_text(encoding="utf-8")


def test_the_main_window_open_and_delete_act_on_the_chosen_event_of_the_month(
        tab: EventsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = make("Семинар", 5)
    tab.reload()
    opened: list[str] = []
    monkeypatch.setattr(EventDialog, "ask", staticmethod(
        lambda data, *_a: opened.append(data.id)))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    QTest.mouseClick(tab.month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     centre_of_event(tab, chosen))
    tab.record_list.open_current()
    assert opened == [chosen]
    tab.record_list.delete_selected()
    assert events.list_events() == []


def test_overlapping_events_keep_a_readable_width_and_the_rest_is_plus_n(
        tab: EventsTab) -> None:
    from PySide6.QtGui import QColor

    from ui.events.colors import TODAY_SHADE
    from ui.events.week_view import MIN_LANE

    ids = [make(f"Семинар {n}", 11, 10, place=f"каб. {n}") for n in range(6)]
    tab.show_week_of(date(2026, 3, 11))
    week = tab.week
    fit = max(week._column_width() // MIN_LANE, 2)
    assert fit < 6
    shown, boxes = week.arranged()
    assert len(shown) == fit - 1 and len(boxes) == 1
    box = boxes[0]
    assert len(box.items) == 6 - (fit - 1)
    assert all(week.event_rect(p).width() >= MIN_LANE - 2 for p in shown)
    centre = week.overflow_rect(box).center()
    assert week.event_at(centre) is None
    tip = week.tooltip_at(centre)
    assert all(row.title in tip for row in box.items)
    menu = week.overflow_menu(box)
    opened: list[str] = []
    week.openRequested.disconnect()  # the tab would open the event's form
    week.openRequested.connect(opened.append)
    menu.actions()[0].trigger()
    assert opened == [box.items[0].id] and opened[0] in ids
    tab.show_week_of(TODAY)  # today shaded as a day, not a red digit
    image = week.grab().toImage()
    column = week.days.index(TODAY)
    x = 48 + column * week._column_width() + 5
    assert QColor(image.pixel(x, week.height() - 20)) == TODAY_SHADE


def test_the_calendar_has_a_colour_legend(tab: EventsTab) -> None:
    from ui.events.colors import KIND_COLORS

    assert tab.legend.isVisible()
    assert all(kind in tab.legend.text() for kind in KIND_COLORS)
    tab.set_view(LIST)
    assert not tab.legend.isVisible()
