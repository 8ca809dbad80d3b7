"""The change journal of pedagogues' cards is kept for a setting's number of years; a deleted
pedagogue's entries keep only the deletion once every PC has long seen it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from imc_desktop import config
from imc_desktop.db import session_scope
from imc_desktop.services.staff import changelog
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as sw
from models import ChangeLogEntry
from tests.rules import RULES
from tests.services.staff.test_staff import school, teacher  # noqa: F401  (the fixture)

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def _age(person_id: str, when: datetime) -> None:
    with session_scope() as s:
        s.execute(update(ChangeLogEntry).where(ChangeLogEntry.person_id == person_id)
                  .values(changed_at=when))


def test_the_setting_is_two_years_and_at_least_one() -> None:
    assert (config.JOURNAL_YEARS.default, config.JOURNAL_YEARS.minimum) == (2, 1)
    with pytest.raises(ValueError, match="не меньше года"):
        changelog.prune(0, NOW)


def test_the_cutoff_is_the_same_day_years_back() -> None:
    assert changelog.cutoff(2, date(2026, 12, 5)) == date(2024, 12, 5)
    assert changelog.cutoff(1, date(2028, 2, 29)) == date(2027, 2, 28)


def test_entries_older_than_the_setting_go_and_the_data_stay(school: str) -> None:  # noqa: F811
    old = sw.save_person(teacher(school), RULES, TODAY)
    edge = sw.save_person(teacher(school, last_name="Кузнецова", snils=""), RULES, TODAY)
    _age(old, datetime(2024, 12, 4, 23, 59, tzinfo=UTC))  # a day and a minute too old
    _age(edge, datetime(2024, 12, 5, 0, 0, tzinfo=UTC))  # exactly two years: kept
    removed = changelog.prune(2, NOW)
    assert removed > 0
    assert sw.change_log(old) == []
    assert sw.change_log(edge) != []
    assert staff.get_person(old).last_name == teacher(school).last_name  # the card stays
    assert changelog.prune(2, NOW) == 0, "nothing more to remove"


def test_a_deleted_pedagogue_keeps_only_the_deletion_after_every_pc_saw_it(
        school: str) -> None:  # noqa: F811
    person = sw.save_person(teacher(school), RULES, TODAY)
    card = staff.get_person(person)
    sw.save_person(replace(card, phone="+7 912 111-11-11"), RULES, TODAY)
    sw.delete_person(person)
    deleted_at = NOW - timedelta(days=changelog.SEEN_BY_ALL_DAYS - 1)
    _age(person, deleted_at)
    changelog.prune(2, NOW)
    assert len(sw.change_log(person)) > 2, "too recent: every PC may not have seen it yet"
    _age(person, NOW - timedelta(days=changelog.SEEN_BY_ALL_DAYS + 1))
    changelog.prune(2, NOW)
    left = sw.change_log(person)
    assert [(e.table, e.action) for e in left] == [("persons", "удаление")]
    assert all("+7 912" not in e.old_value + e.new_value for e in left)
    assert all(card.last_name not in e.old_value + e.new_value for e in left)


def test_a_living_pedagogues_entries_stay_whatever_their_age_within_the_setting(
        school: str) -> None:  # noqa: F811
    person = sw.save_person(teacher(school), RULES, TODAY)
    _age(person, NOW - timedelta(days=400))
    changelog.prune(2, NOW)
    assert len(sw.change_log(person)) > 1
