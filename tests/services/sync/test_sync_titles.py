"""Every synchronised table and field has a Russian name for the conflicts and the journal:
a table added by a later module fails here until it is named."""

from __future__ import annotations

import re

import pytest

from imc_desktop.services.sync.titles import field_title, table_title
from imc_desktop.sync.tables import synced_tables
from models import Base

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
LATIN_ALLOWED = {"ISBN", "e-mail", "e-mail руководителя"}


@pytest.mark.parametrize("table", sorted(synced_tables()))
def test_every_synchronised_table_and_field_has_a_russian_name(table: str) -> None:
    assert CYRILLIC.search(table_title(table)), table
    for column in Base.metadata.tables[table].columns:
        title = field_title(column.name, table)
        assert title != column.name and (CYRILLIC.search(title) or title in LATIN_ALLOWED), (
            f"{table}.{column.name}: «{title}»")


def test_a_table_s_own_meaning_of_a_column_wins() -> None:
    assert field_title("kind", "equipment_items") == "тип"
    assert field_title("kind", "events") == "вид мероприятия"
    assert field_title("kind", "organizations") == "вид"


def test_values_are_shown_as_the_user_reads_them() -> None:
    from datetime import UTC, datetime

    from imc_desktop.services.sync.titles import shown_value

    local = datetime(2026, 11, 26, 14, 5, tzinfo=UTC).astimezone().strftime("%d.%m.%Y %H:%M")
    assert shown_value("persons", "updated_at", '"2026-11-26 14:05:44.690512"') == local
    assert shown_value("persons", "birth_date", '"1980-03-07"') == "07.03.1980"
    assert shown_value("organizations", "is_rural", "true") == "да"
    assert shown_value("persons", "last_name", '"Ёлкина"') == "Ёлкина"
    assert shown_value("persons", "notes", None) == ""
