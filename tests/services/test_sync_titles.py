"""Every synchronised table and field has a Russian name for the conflicts and the journal:
a table added by a later module fails here until it is named."""

from __future__ import annotations

import re

import pytest

from imc_desktop.services.sync_titles import field_title, table_title
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
