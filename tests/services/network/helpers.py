"""Small data for the network tests: two ОО, a few pedagogues and one РМО."""

from __future__ import annotations

from datetime import date

from imc_desktop.db import session_scope
from imc_desktop.services.network import records as net
from models import Education, Employment, Experience, Organization, Person


def people() -> dict[str, str]:
    """Name → id: Иванова (СОШ № 1, учитель математики), Петров (СОШ № 1, физика),
    Сидорова (СОШ № 2, математика), Орлова (СОШ № 2, методист)."""
    with session_scope() as s:
        one = Organization(full_name="МБОУ СОШ № 1", short_name="СОШ № 1")
        two = Organization(full_name="МБОУ СОШ № 2", short_name="СОШ № 2")
        s.add_all([one, two])
        s.flush()
        out = {}
        for last, first, org, position, subjects in (
                ("Иванова", "Анна", one, "учитель", "математика; информатика"),
                ("Петров", "Пётр", one, "учитель", "физика"),
                ("Сидорова", "Ёлка", two, "учитель", "математика"),
                ("Орлова", "Ольга", two, "методист", "")):
            person = Person(last_name=last, first_name=first, middle_name="Ивановна")
            s.add(person)
            s.flush()
            s.add(Employment(person_id=person.id, organization_id=org.id, position=position,
                             subjects=subjects, hired_on=date(2010, 9, 1)))
            out[last] = person.id
        out["СОШ № 1"], out["СОШ № 2"] = one.id, two.id
        return out


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
