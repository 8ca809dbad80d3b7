"""The forms of the methodological network: an association, a meeting of the plan with its
protocol, a decision, a site, a mentoring pair and an item of its plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import mentoring as mt
from imc_desktop.services.network import records as net
from imc_desktop.services.network import sites as ns
from imc_desktop.services.network.decisions import DecisionData, validate_decision
from ui.widgets.record_form import RecordForm

Choices = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Lookups:
    """What the forms offer: the pedagogues of «Кадры» and the ОО, as (id, text)."""

    people: Choices = ()
    organizations: Choices = ()

    @staticmethod
    def of(people: Sequence[net.PersonOption], organizations: Choices) -> Lookups:
        return Lookups(tuple((p.id, p.label) for p in people), tuple(organizations))


def _pick(combo: QWidget, value: str | None) -> None:
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(max(0, combo.findData(value or "")))


def _id(combo: QWidget) -> str | None:
    assert isinstance(combo, QComboBox)
    return str(combo.currentData() or "") or None


class _Form(RecordForm):
    """A form with lookups: the ids of the chosen records are read from the combos."""

    LOOKUPS: tuple[str, ...] = ()

    def ids(self) -> dict[str, str | None]:
        return {name: _id(self.editor(name)) for name in self.LOOKUPS}

    def fill(self, values: dict[str, Any]) -> None:
        for name in self.LOOKUPS:
            _pick(self.editor(name), values.get(name))
        self.set_values({k: v for k, v in values.items() if k not in self.LOOKUPS})

    def _dates(self, values: dict[str, Any], *names: str) -> dict[str, Any]:
        """A date typed wrongly is the form's own message: the value is left out here."""
        return {n: values[n] if not isinstance(values[n], str) else None for n in names}


# ---------------------------------------------------------------- association

class AssociationDialog(_Form):
    LOOKUPS = ("head_id", "curator_id")

    def __init__(self, data: net.AssociationData, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        title = self.tr("New association") if data.id is None else data.name
        super().__init__(title, lambda v: net.validate_association(self._data(v)), parent)
        self._id = data.id
        self.add_choice("kind", self.tr("Kind"), net.KINDS)
        self.add_line("name", self.tr("Name"), 300)
        self.add_line("subject", self.tr("Subject or direction"), 200)
        self.add_choice("education_level", self.tr("Level of education"), net.LEVELS)
        self.add_int("year", self.tr("Academic year (its first year)"), 2100)
        self.add_lookup("head_id", self.tr("Head"), lookups.people)
        self.add_lookup("curator_id", self.tr("Curator (a methodist of the IMC)"),
                        lookups.people)
        self.add_text("theme", self.tr("Theme of the year"))
        self.add_choice("status", self.tr("Status"), net.STATUSES)
        self.add_text("notes", self.tr("Notes"))
        self.fill(asdict(data))
        self.resize(620, 560)

    def _data(self, values: dict[str, Any]) -> net.AssociationData:
        return net.AssociationData(
            id=self._id, kind=values["kind"], name=values["name"], subject=values["subject"],
            education_level=values["education_level"], year=values["year"] or 0,
            theme=values["theme"], status=values["status"], notes=values["notes"],
            **self.ids())

    def result_data(self) -> net.AssociationData:
        return self._data(self.values())

    @staticmethod
    def ask(data: net.AssociationData, lookups: Lookups, parent: QWidget | None = None
            ) -> net.AssociationData | None:
        """The edited association, or None when cancelled. Tests replace this."""
        dialog = AssociationDialog(data, lookups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_data()


# ---------------------------------------------------------------- meeting and protocol

def parse_time(text: str) -> time | None:
    """«14:00» or «14.00» or «14»; None when it is not a time of day."""
    parts = text.strip().replace(".", ":").split(":")
    try:
        hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
        return time(hour, minute)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class MeetingForm:
    """What the meeting's form gives back: the plan and protocol, and the event's slot."""

    data: nm.MeetingData
    slot: nm.Slot | None


class MeetingDialog(_Form):
    LOOKUPS = ("responsible_id", "place_organization_id")

    def __init__(self, data: nm.MeetingData, day: date | None, hours: tuple[str, str],
                 place: tuple[str | None, str], year: int, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        title = self.tr("New meeting") if data.id is None else data.theme
        super().__init__(title, self._problems, parent)
        self._data, self._year = data, year
        self.group(self.tr("Plan"), 0)
        self.add_date("day", self.tr("Date"))
        self.add_line("starts", self.tr("Starts (hh:mm)"), 5)
        self.add_line("ends", self.tr("Ends (hh:mm)"), 5)
        self.add_lookup("place_organization_id", self.tr("Place (organization)"),
                        lookups.organizations)
        self.add_line("place_text", self.tr("Place (address, room)"), 300)
        self.add_text("theme", self.tr("Theme")).setMinimumWidth(300)
        self.add_choice("form", self.tr("Form"), nm.FORMS)
        self.add_text("speakers", self.tr("Speakers"))
        self.add_lookup("responsible_id", self.tr("Responsible"), lookups.people)
        self.group(self.tr("Protocol"), 1)
        self.add_line("protocol_number", self.tr("Protocol number"), 40)
        for name, label in (("agenda", self.tr("Agenda")), ("heard", self.tr("Heard")),
                            ("spoke", self.tr("Spoke")), ("decided", self.tr("Decided"))):
            self.add_text(name, label).setMinimumWidth(360)
        self.fill({**asdict(data), "day": day, "starts": hours[0], "ends": hours[1],
                   "place_organization_id": place[0], "place_text": place[1]})
        self.resize(980, 620)

    def _problems(self, values: dict[str, Any]) -> dict[str, str]:
        form = self._form(values)
        day = form.slot.starts_at.date() if form.slot else None
        problems = nm.validate_meeting(form.data, day, self._year)
        if "starts_at" in problems:
            problems["day"] = problems.pop("starts_at")
        if self._data.id is not None and self._data.event_id is None:
            return problems  # its event was deleted from the calendar: the protocol stays
        if values["day"] is None:
            problems["day"] = self.tr("Give the date of the meeting.")
        for name in ("starts", "ends"):
            if parse_time(values[name]) is None:
                problems[name] = self.tr("A time of day: 14:00.")
        if form.slot and form.slot.ends_at < form.slot.starts_at:
            problems["ends"] = self.tr("The end is before the start.")
        return problems

    def _form(self, values: dict[str, Any]) -> MeetingForm:
        ids = self.ids()
        data = nm.MeetingData(
            id=self._data.id, association_id=self._data.association_id,
            event_id=self._data.event_id, theme=values["theme"], form=values["form"],
            speakers=values["speakers"], responsible_id=ids["responsible_id"],
            protocol_number=values["protocol_number"], agenda=values["agenda"],
            heard=values["heard"], spoke=values["spoke"], decided=values["decided"])
        day = values["day"] if isinstance(values["day"], date) else None
        start, end = parse_time(values["starts"]), parse_time(values["ends"])
        slot = None
        if day is not None and start is not None and end is not None:
            slot = nm.Slot(datetime.combine(day, start), datetime.combine(day, end),
                           ids["place_organization_id"], values["place_text"])
        return MeetingForm(data, slot)

    def result_form(self) -> MeetingForm:
        return self._form(self.values())

    @staticmethod
    def ask(data: nm.MeetingData, day: date | None, hours: tuple[str, str],
            place: tuple[str | None, str], year: int, lookups: Lookups,
            parent: QWidget | None = None) -> MeetingForm | None:
        """The meeting as edited, or None when cancelled. Tests replace this."""
        dialog = MeetingDialog(data, day, hours, place, year, lookups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_form()


# ---------------------------------------------------------------- decision

class DecisionDialog(_Form):
    LOOKUPS = ("meeting_id", "responsible_id")

    def __init__(self, data: DecisionData, meetings: Choices, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decision"), lambda v: validate_decision(self._data(v)),
                         parent)
        self._id = data.id
        self.add_lookup("meeting_id", self.tr("Meeting"), meetings)
        self.add_text("text", self.tr("Decision"))
        self.add_lookup("responsible_id", self.tr("Responsible"), lookups.people)
        self.add_date("deadline", self.tr("Deadline"))
        self.add_date("done_on", self.tr("Done on"))
        self.fill(asdict(data))
        self.resize(620, 360)

    def _data(self, values: dict[str, Any]) -> DecisionData:
        ids = self.ids()
        return DecisionData(self._id, ids["meeting_id"] or "", values["text"],
                            ids["responsible_id"], **self._dates(values, "deadline", "done_on"))

    @staticmethod
    def ask(data: DecisionData, meetings: Choices, lookups: Lookups,
            parent: QWidget | None = None) -> DecisionData | None:
        dialog = DecisionDialog(data, meetings, lookups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog._data(dialog.values())


# ---------------------------------------------------------------- site

class SiteDialog(_Form):
    LOOKUPS = ("organization_id", "responsible_id")

    def __init__(self, data: ns.SiteData, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Site"), lambda v: ns.validate_site(self._data(v)), parent)
        self._id = data.id
        self.add_choice("kind", self.tr("Kind"), ns.KINDS)
        self.add_lookup("organization_id", self.tr("Organization"), lookups.organizations)
        self.add_text("theme", self.tr("Theme"))
        self.add_line("order_number", self.tr("Order number"), 60)
        self.add_date("order_date", self.tr("Order date"))
        self.add_date("starts_on", self.tr("From"))
        self.add_date("ends_on", self.tr("To"))
        self.add_lookup("responsible_id", self.tr("Responsible"), lookups.people)
        self.add_check("report_received", self.tr("Yearly report received"))
        self.add_date("report_received_on", self.tr("Report received on"))
        self.fill(asdict(data))
        self.resize(620, 520)

    def _data(self, values: dict[str, Any]) -> ns.SiteData:
        ids = self.ids()
        return ns.SiteData(
            self._id, kind=values["kind"], theme=values["theme"],
            order_number=values["order_number"], report_received=values["report_received"],
            organization_id=ids["organization_id"], responsible_id=ids["responsible_id"],
            **self._dates(values, "order_date", "starts_on", "ends_on", "report_received_on"))

    @staticmethod
    def ask(data: ns.SiteData, lookups: Lookups, parent: QWidget | None = None
            ) -> ns.SiteData | None:
        dialog = SiteDialog(data, lookups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog._data(dialog.values())


# ---------------------------------------------------------------- mentoring

class PairDialog(_Form):
    LOOKUPS = ("mentor_id", "mentee_id")

    def __init__(self, data: mt.PairData, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mentoring pair"),
                         lambda v: mt.validate_pair(self._data(v)), parent)
        self._id = data.id
        self.add_lookup("mentor_id", self.tr("Mentor"), lookups.people)
        self.add_lookup("mentee_id", self.tr("Mentee"), lookups.people)
        self.add_choice("form", self.tr("Form"), mt.FORMS)
        self.add_date("starts_on", self.tr("From"))
        self.add_date("ends_on", self.tr("To"))
        self.add_text("notes", self.tr("Notes"))
        self.fill(asdict(data))
        self.resize(620, 380)

    def _data(self, values: dict[str, Any]) -> mt.PairData:
        ids = self.ids()
        return mt.PairData(self._id, ids["mentor_id"], ids["mentee_id"], values["form"],
                           notes=values["notes"], **self._dates(values, "starts_on", "ends_on"))

    @staticmethod
    def ask(data: mt.PairData, lookups: Lookups, parent: QWidget | None = None
            ) -> mt.PairData | None:
        dialog = PairDialog(data, lookups, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog._data(dialog.values())


class PlanItemDialog(_Form):
    def __init__(self, data: mt.PlanItemData, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Item of the mentoring plan"), self._problems, parent)
        self._data = data
        self.add_text("text", self.tr("What is to be done"))
        self.add_date("deadline", self.tr("Deadline"))
        self.add_date("done_on", self.tr("Done on"))
        self.set_values(asdict(data))
        self.resize(560, 300)

    def _problems(self, values: dict[str, Any]) -> dict[str, str]:
        return {} if values["text"] else {"text": self.tr("Write what is to be done.")}

    def result_data(self) -> mt.PlanItemData:
        values = self.values()
        return mt.PlanItemData(self._data.id, self._data.pair_id, values["text"],
                               **self._dates(values, "deadline", "done_on"))

    @staticmethod
    def ask(data: mt.PlanItemData, parent: QWidget | None = None) -> mt.PlanItemData | None:
        dialog = PlanItemDialog(data, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_data()
