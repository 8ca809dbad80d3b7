"""The event form in groups (what; where and for whom; when; repeat), with its
participants and documents a click away; and the ask-check-save loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMenu, QPushButton, QWidget

from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.events import records as events
from imc_desktop.services.events.records import EventData, EventRow
from ui.widgets.messages import Ask, save_over_changes
from ui.widgets.record_form import RecordForm

TEXTS = ("kind", "title", "description", "place_text", "audience_positions",
         "audience_subjects", "level", "status", "repeat_kind")


@dataclass(frozen=True)
class EventContext:
    """What the form offers: ОО and organisers as (id, name)."""

    organizations: tuple[tuple[str, str], ...] = ()
    organizers: tuple[tuple[str, str], ...] = ()
    participants: Callable[[], None] | None = None  # the event's participants (the tab's)
    documents: QMenu | None = None  # its documents: certificates, attendance sheet…


def parse_time(text: str) -> time | None:
    try:
        hours, minutes = (int(x) for x in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        return None


def clash_text(rows: list[EventRow]) -> str:
    return "\n".join(f"{r.starts_at:%d.%m.%Y} {r.time_text}: {r.title} ({r.place})"
                     for r in rows[:10])


class EventDialog(RecordForm):
    def __init__(self, data: EventData, context: EventContext,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Event") if data.id else self.tr("New event")
        super().__init__(title, lambda _v: self._problems(), parent)
        self._data, self._context = data, context
        self._build()
        self._fill(data)
        self.resize(640, 0)

    def _build(self) -> None:
        self.group(self.tr("What"), 0)
        self.add_choice("kind", self.tr("Kind"), events.KINDS)
        self.add_line("title", self.tr("Title"), 500)
        self.add_text("description", self.tr("Description"))
        self.group(self.tr("Where and for whom"), 0)
        self.place = self.add_lookup("place_organization_id", self.tr("Place: organization"),
                                     self._context.organizations)
        self.add_line("place_text", self.tr("Place (room, address)"), 300)
        self.organizer = self.add_lookup("organizer_id", self.tr("Organizer"),
                                         self._context.organizers)
        self.add_line("audience_positions", self.tr("Audience: positions"), 300)
        self.add_line("audience_subjects", self.tr("Audience: subjects"), 300)
        self.add_choice("level", self.tr("Level"), events.LEVELS)
        self.add_int("capacity", self.tr("Places (empty: unlimited)"), 10_000)
        self.group(self.tr("When"), 1)
        self.add_date("start_date", self.tr("Start date"))
        self._time("start_time", self.tr("Start time"))
        self.add_date("end_date", self.tr("End date"))
        self._time("end_time", self.tr("End time"))
        self.all_day = self.add_check("all_day", self.tr("All day"))
        self.add_choice("status", self.tr("Status"), events.STATUSES)
        self.group(self.tr("Repeat"), 1)
        self.repeat = self.add_choice("repeat_kind", self.tr("Repeat"), events.REPEATS)
        self.add_date("repeat_until", self.tr("Repeat until"))
        self.add_int("repeat_count", self.tr("Number of times"), 200)
        self.whole_series = self.add_check("whole_series", self.tr(
            "Apply to the whole series (except occurrences changed alone)"))
        self.all_day.toggled.connect(self._all_day_changed)
        for name in ("repeat_kind", "repeat_until", "repeat_count"):
            self.editor(name).setEnabled(self._data.id is None)
        self.whole_series.setEnabled(self._data.series_id is not None)
        self._links()

    def _links(self) -> None:
        """The event's participants and documents, from its form (a saved event's)."""
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.participants_button = QPushButton(self.tr("Participants…"), row)
        self.documents_button = QPushButton(self.tr("Documents"), row)
        if self._context.participants is not None:
            self.participants_button.clicked.connect(self._context.participants)
        if self._context.documents is not None:
            self.documents_button.setMenu(self._context.documents)
        saved = self._data.id is not None
        for button, there in ((self.participants_button, self._context.participants),
                              (self.documents_button, self._context.documents)):
            button.setEnabled(saved and there is not None)
            if not saved:
                button.setToolTip(self.tr("Save the event first."))
            line.addWidget(button)
        line.addStretch(1)
        self.add_row_widget(row)

    def _time(self, name: str, label: str) -> None:
        editor = self.add_line(name, label, 5)
        editor.setInputMask("00:00")
        editor.setMaximumWidth(80)

    def _all_day_changed(self, on: bool) -> None:
        for name in ("start_time", "end_time"):
            self.editor(name).setEnabled(not on)

    def _fill(self, data: EventData) -> None:
        last = data.ends_at - timedelta(days=1) if data.all_day else data.ends_at
        self.place.setCurrentIndex(max(self.place.findData(data.place_organization_id or ""), 0))
        self.organizer.setCurrentIndex(max(self.organizer.findData(data.organizer_id or ""), 0))
        self.set_values({
            **{n: getattr(data, n) for n in TEXTS}, "all_day": data.all_day,
            "start_date": data.starts_at.date(), "start_time": f"{data.starts_at:%H:%M}",
            "end_date": last.date(), "end_time": f"{data.ends_at:%H:%M}",
            "capacity": data.capacity, "repeat_until": data.repeat_until,
            "repeat_count": data.repeat_count, "whole_series": False})
        self._all_day_changed(data.all_day)

    def _moments(self, values: dict[str, Any]) -> tuple[datetime, datetime] | None:
        first, last = values["start_date"], values["end_date"] or values["start_date"]
        if not isinstance(first, date) or not isinstance(last, date):
            return None
        if values["all_day"]:
            return datetime.combine(first, time()), datetime.combine(last, time()) + \
                timedelta(days=1)
        start, end = parse_time(values["start_time"]), parse_time(values["end_time"])
        if start is None or end is None:
            return None
        return datetime.combine(first, start), datetime.combine(last, end)

    def data(self) -> EventData:
        values = self.values()
        moments = self._moments(values) or (self._data.starts_at, self._data.ends_at)
        until = values["repeat_until"] if isinstance(values["repeat_until"], date) else None
        return replace(self._data, **{n: values[n] for n in TEXTS},
                       all_day=bool(values["all_day"]), starts_at=moments[0],
                       ends_at=moments[1], capacity=values["capacity"] or None,
                       place_organization_id=self.place.currentData() or None,
                       organizer_id=self.organizer.currentData() or None,
                       repeat_until=until, repeat_count=values["repeat_count"] or None)

    def _problems(self) -> dict[str, str]:
        values = self.values()
        if not isinstance(values["start_date"], date):
            return {"start_date": self.tr("Give the start date.")}
        if self._moments(values) is None:
            return {"start_time": self.tr("Times are typed as hh:mm, e.g. 10:00.")}
        return events.validate_event(self.data())

    def apply_to_series(self) -> bool:
        return bool(self.values()["whole_series"])

    @staticmethod
    def ask(data: EventData, context: EventContext, parent: QWidget | None = None
            ) -> tuple[EventData, bool] | None:
        """(the edited event, whether the whole series changes), or None. Tests replace it."""
        dialog = EventDialog(data, context, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.data(), dialog.apply_to_series()


def confirm_clashes(data: EventData, parent: QWidget) -> bool:
    """True when there is no clash of place and time, or the user goes ahead anyway."""
    found = events.clashes_of(data)
    if not found:
        return True
    return Ask.confirm(parent, QCoreApplication.translate("EventDialog", "Place is taken"),
                       QCoreApplication.translate(
                           "EventDialog", "At this place and time there is already:")
                       + "\n" + clash_text(found) + "\n\n" + QCoreApplication.translate(
                           "EventDialog", "Save anyway?"))


def edit_event(data: EventData, context: EventContext, parent: QWidget) -> str | None:
    """Ask, warn of clashes, save; ask again while the service refuses."""
    title = QCoreApplication.translate("EventDialog", "Event not saved")
    loaded = data if data.id is not None else None
    while True:
        answer = EventDialog.ask(data, context, parent)
        if answer is None:
            return None
        edited, whole = answer
        if not confirm_clashes(edited, parent):
            data = edited
            continue
        try:
            return save_over_changes(parent, title,
                                     partial(events.save_event, edited, whole, loaded))
        except ValidationFailed as exc:
            Ask.error(parent, title, str(exc))
            data = edited
        except ServiceError as exc:
            Ask.error(parent, title, str(exc))
            return None


