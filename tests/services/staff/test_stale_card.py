"""A pedagogue's card loaded before a synchronisation: saving it keeps what changed elsewhere.

Another workstation's edits arrive as a synchronisation applies them, straight into the rows;
the card then saves what the user changed on it, and only that.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from imc_desktop import db
from imc_desktop.services.common.errors import ChangedMeanwhile
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from tests.rules import RULES
from tests.services.staff.test_staff import TODAY, school, teacher

__all__ = ["school"]  # the fixture


def _sql(statement: str, **values: object) -> None:
    with db.session_scope() as s:
        s.execute(text(statement), values)


def test_unchanged_fields_of_a_stale_card_do_not_revert_newer_values(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    loaded = staff.get_person(person_id)
    _sql("UPDATE persons SET phone = '+7 900 111-22-33', email = 'new@obr.ru' WHERE id = :i",
         i=person_id)
    sw.save_person(replace(loaded, notes="Руководитель РМО"), RULES, TODAY, loaded=loaded)
    saved = staff.get_person(person_id)
    assert (saved.notes, saved.phone, saved.email) == (
        "Руководитель РМО", "+7 900 111-22-33", "new@obr.ru")


def test_a_course_added_elsewhere_is_not_deleted_by_a_stale_card(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    loaded = staff.get_person(person_id)
    other = replace(loaded, courses=(*loaded.courses, staff.CourseData(
        kind="ПК", program="Наставничество", provider="ИМЦ", end_date=TODAY, hours=36)))
    sw.save_person(other, RULES, TODAY)  # the other workstation's save, synchronised here
    sw.save_person(replace(loaded, notes="—"), RULES, TODAY, loaded=loaded)
    assert sorted(c.program for c in staff.get_person(person_id).courses) == [
        "Наставничество", "Функциональная грамотность"]


def test_only_the_rows_the_user_removed_or_changed_are_written(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    loaded = staff.get_person(person_id)
    course_id = loaded.courses[0].id
    _sql("UPDATE courses SET provider = 'КРИПиПРО' WHERE id = :i", i=course_id)
    job = replace(loaded.employments[0], load=0.5)
    sw.save_person(replace(loaded, employments=(job,), educations=()), RULES, TODAY,
                   loaded=loaded)
    saved = staff.get_person(person_id)
    assert saved.employments[0].load == 0.5 and saved.educations == ()
    assert saved.courses[0].provider == "КРИПиПРО", "the unchanged course row keeps its value"


def test_a_field_changed_on_both_sides_is_named_and_nothing_is_written(school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    loaded = staff.get_person(person_id)
    _sql("UPDATE persons SET phone = '+7 900 111-22-33' WHERE id = :i", i=person_id)
    mine = replace(loaded, phone="+7 999 000-00-00", notes="позвонить")
    with pytest.raises(ChangedMeanwhile, match="900 111-22-33.*999 000-00-00"):
        sw.save_person(mine, RULES, TODAY, loaded=loaded)
    assert staff.get_person(person_id).notes == "", "nothing written"
    sw.save_person(mine, RULES, TODAY, loaded=loaded, overwrite=True)
    assert staff.get_person(person_id).phone == "+7 999 000-00-00"


def test_a_row_deleted_elsewhere_is_not_brought_back_unless_the_user_changed_it(
        school: str) -> None:
    person_id = sw.save_person(teacher(school), RULES, TODAY)
    loaded = staff.get_person(person_id)
    _sql("DELETE FROM courses WHERE person_id = :i", i=person_id)
    sw.save_person(replace(loaded, notes="—"), RULES, TODAY, loaded=loaded)
    assert staff.get_person(person_id).courses == ()
    edited = replace(loaded.courses[0], hours=108)
    sw.save_person(replace(loaded, courses=(edited,)), RULES, TODAY, loaded=loaded)
    assert [c.hours for c in staff.get_person(person_id).courses] == [108]
