"""Small data for the events tests: two ОО and a few pedagogues."""

from __future__ import annotations

from datetime import date

from imc_desktop.db import session_scope
from models import Employment, Organization, Person


def people() -> dict[str, str]:
    """Name → id: Иванова (школа 1, учитель математики), Петров (школа 1, учитель физики),
    Сидорова (школа 2, учитель математики), Орлова (школа 2, методист)."""
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
