"""Import of the methodological network from Excel: the members of associations (the kind
«network-members») and the plans of meetings (the kind «network-plan»).

A member row names the association (as in the list, «РМО учителей математики» or with its
year «… (2025–2026)»), the pedagogue by ФИО (with the ОО when two share a name), and
optionally the role and the date of joining; a pedagogue already a member is left as is.
A plan row names the association, the date, the theme and optionally times, form, speakers,
the responsible (ФИО) and the place; each becomes an event of the calendar («заседание РМО»)
with its meeting, as when planned on the card. A meeting of the same date and theme already
in the plan is left as is.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop.db import session_scope
from imc_desktop.folding import fold
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.events.importing_plan import parse_time
from imc_desktop.services.network import meetings as nm
from imc_desktop.services.network import records as net
from imc_desktop.services.network import rules
from models import Event, NetworkAssociation, NetworkMeeting, NetworkMember


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


ASSOCIATION = _f("association", "Объединение", "reference", "РМО", "Методическое объединение",
                 "Наименование объединения", required=True)
MEMBER_FIELDS = (
    ASSOCIATION,
    _f("last_name", "Фамилия", "text", required=True),
    _f("first_name", "Имя", "text", required=True),
    _f("middle_name", "Отчество"),
    _f("organization", "ОО", "reference", "Образовательная организация", "Место работы",
       "Школа"),
    _f("role", "Роль", "text", "Роль в объединении"),
    _f("joined_on", "Дата вступления", "date", "Вступил", "С"),
)
PLAN_FIELDS = (
    ASSOCIATION,
    _f("day", "Дата", "date", "Дата заседания", "Дата проведения", "Срок", required=True),
    _f("theme", "Тема", "text", "Тема заседания", "Повестка", required=True),
    _f("start_time", "Время", "text", "Начало", "Время начала"),
    _f("end_time", "Время окончания", "text", "Окончание"),
    _f("form", "Форма", "text", "Форма проведения"),
    _f("speakers", "Выступающие", "text", "Докладчики"),
    _f("responsible", "Ответственный", "text", "Ответственные"),
    _f("place", "Место", "text", "Место проведения"),
)
NO_PERSON = "Педагога с такими ФИО нет в «Кадрах»."
TWO_PEOPLE = "В «Кадрах» несколько педагогов с такими ФИО: укажите ОО."


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else " ".join(str(value).split())


def references(field: str) -> dict[str, str]:
    """ОО by name; associations by name (the newest year) and by «name (2025–2026)»."""
    if field != "association":
        return organization_references(field)
    found: dict[str, str] = {}
    for row in net.list_associations():  # the newest year first
        found.setdefault(row.data.name, row.id)
        found[f"{row.data.name} ({row.year_text})"] = row.id
    return found


# ---------------------------------------------------------------- members

class _People:
    """The register's pedagogues by folded ФИО, each with the ОО of her jobs."""

    def __init__(self, s: Session) -> None:
        self.by_name: dict[str, list[net.PersonOption]] = defaultdict(list)
        for option in net.options_in(s):
            self.by_name[fold(option.full_name)].append(option)

    def find(self, values: dict[str, Any]) -> tuple[str | None, str]:
        """(person id, "") or (None, the reason)."""
        name = fold(" ".join(_text(values, n) for n in ("last_name", "first_name",
                                                       "middle_name") if _text(values, n)))
        found = self.by_name.get(name, [])
        org = _text(values, "organization")
        if org and len(found) > 1:
            found = [o for o in found if o.organization_id == org]
        if not found:
            return None, NO_PERSON
        return (found[0].id, "") if len(found) == 1 else (None, TWO_PEOPLE)


def _role(values: dict[str, Any]) -> str:
    text = _text(values, "role").casefold()
    return next((r for r in net.ROLES if text and r.startswith(text[:4])), "") if text \
        else "член"


def check_member(values: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not _role(values):
        problems["role"] = "Роль: " + ", ".join(net.ROLES) + "."
    with session_scope() as s:
        _pid, why = _People(s).find(values)
    if why:
        problems["last_name"] = why
    return problems


def _apply_members(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = unchanged = 0
    with unit_of_work(options.dry_run) as s:
        people = _People(s)
        years = dict(s.execute(select(NetworkAssociation.id, NetworkAssociation.year)).all())
        held: dict[str, list[rules.Membership]] = defaultdict(list)
        for m in s.scalars(select(NetworkMember)):
            held[m.association_id].append(rules.Membership(m.person_id, m.joined_on,
                                                           m.left_on, m.id))
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            pid, _why = people.find(row.values)
            association = _text(row.values, "association")
            if pid is None or association not in years:
                continue
            joined = row.values.get("joined_on") or rules.year_bounds(years[association])[0]
            new = rules.Membership(pid, joined, None)
            if rules.duplicate_member(new, held[association]) is not None:
                unchanged += 1
                continue
            held[association].append(new)
            s.add(NetworkMember(association_id=association, person_id=pid,
                                role=_role(row.values), joined_on=joined))
            created += 1
    return ImportSummary(created, 0, (), options.dry_run, unchanged)


MEMBERS = register(ImportKind(
    name="network-members", title="Участники методических объединений",
    fields=MEMBER_FIELDS, apply=_apply_members, check_row=check_member,
    full_name_field=True, references=references))


# ---------------------------------------------------------------- plans

def _slot(values: dict[str, Any], places: dict[str, str]) -> nm.Slot:
    day = values["day"]
    start = parse_time(_text(values, "start_time")) or time(14)
    end = parse_time(_text(values, "end_time")) or time(min(start.hour + 2, 23), start.minute)
    place = _text(values, "place")
    org = places.get(place.casefold())
    return nm.Slot(datetime.combine(day, start), datetime.combine(day, end), org,
                   "" if org else place)


def _form(values: dict[str, Any]) -> str:
    text = _text(values, "form").casefold()
    return next((f for f in nm.FORMS if f.startswith(text[:6])), "") if text else nm.FORMS[0]


def check_plan(values: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    for name in ("start_time", "end_time"):
        if _text(values, name) and parse_time(_text(values, name)) is None:
            problems[name] = f"«{_text(values, name)}» — не время (нужно чч:мм)."
    if not _form(values):
        problems["form"] = "Форма: " + ", ".join(nm.FORMS) + "."
    association = _text(values, "association")
    if values.get("day") is not None and association:
        with session_scope() as s:
            year = s.scalar(select(NetworkAssociation.year).where(
                NetworkAssociation.id == association))
        if year is not None:
            problem = rules.meeting_date_problem(values["day"], year)
            if problem:
                problems["day"] = problem
    return problems


def _responsible(people: _People, text: str) -> str | None:
    found = people.by_name.get(fold(text), [])
    return found[0].id if len(found) == 1 else None


def _apply_plan(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = unchanged = 0
    places = {k.casefold(): v for k, v in organization_references().items()}
    with unit_of_work(options.dry_run) as s:
        people = _People(s)
        known = {(m.association_id, starts.date(), m.theme.casefold()) for m, starts in
                 s.execute(select(NetworkMeeting, Event.starts_at).join(
                     Event, Event.id == NetworkMeeting.event_id)).all()}
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            values = row.values
            key = (_text(values, "association"), values["day"], _text(values, "theme").casefold())
            if key in known:
                unchanged += 1
                continue
            data = nm.MeetingData(association_id=key[0], theme=_text(values, "theme"),
                                  form=_form(values), speakers=_text(values, "speakers"),
                                  responsible_id=_responsible(people,
                                                              _text(values, "responsible")))
            try:
                nm.plan_in(s, data, _slot(values, places))
            except ValidationFailed:
                continue  # check_plan has said why
            known.add(key)
            created += 1
    return ImportSummary(created, 0, (), options.dry_run, unchanged)


PLAN = register(ImportKind(
    name="network-plan", title="План заседаний методических объединений", fields=PLAN_FIELDS,
    apply=_apply_plan, check_row=check_plan, references=references))
