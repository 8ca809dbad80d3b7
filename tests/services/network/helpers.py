"""Small data for the network tests: two ОО, a few pedagogues and one РМО."""

from __future__ import annotations

from datetime import date

from imc_desktop.db import session_scope
from imc_desktop.services.network import records as net
from models import Education, Employment, Experience, Person
from tests.services.events.events_helpers import people as people


def young(org_id: str, last: str, start: date, left_on: date | None = None,
          born: date = date(2000, 3, 1)) -> str:
    """A pedagogue who came straight from college on `start` (стаж from that day)."""
    with session_scope() as s:
        person = Person(last_name=last, first_name="Юлия", middle_name="Олеговна",
                        birth_date=born)
        s.add(person)
        s.flush()
        s.add_all([
            Employment(person_id=person.id, organization_id=org_id, position="учитель",
                       hired_on=start, left_on=left_on),
            Education(person_id=person.id, level="высшее", year=start.year),
            Experience(person_id=person.id, kind="педагогический", years=0, months=0,
                       as_of=start)])
        return person.id


def rmo(ids: dict[str, str], year: int = 2025) -> str:
    return net.save_association(net.AssociationData(
        name="РМО учителей математики", subject="математика", year=year,
        head_id=ids["Иванова"], curator_id=ids["Орлова"], theme="Функциональная грамотность"))
