"""Every value a unit of work writes passes one set of checks by column type."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Date, Float, Integer, String, Text

from imc_desktop.services.common.errors import ValidationFailed
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.values import check_value
from imc_desktop.services.organizations import records as orgs
from tests.services.organizations.test_organizations import SCHOOL


@pytest.mark.parametrize(("column", "value", "problem"), [
    (Date(), date(1900, 1, 1), ""), (Date(), date(2100, 12, 31), ""),
    (Date(), date(1899, 12, 31), "вне 1900–2100"), (Date(), date(9999, 12, 31), "вне"),
    (Float(), 1e15, ""), (Float(), 1e20, "слишком большое"), (Float(), math.nan, "не число"),
    (Float(), math.inf, "не число"), (Float(), Decimal("NaN"), "не число"),
    (Integer(), 2 ** 63 - 1, ""), (Integer(), 2 ** 63, "слишком большое"),
    (Integer(), True, ""), (String(5), "ПЯТЬ!", ""), (String(5), "шесть!", "не длиннее 5"),
    (Text(), "я" * 20_000, ""), (Text(), "я" * 20_001, "не длиннее 20000"),
])
def test_by_column_type(column: object, value: object, problem: str) -> None:
    _cleaned, found = check_value(column, value)
    assert (problem in found) if problem else found == ""


def test_control_characters_are_dropped_tab_and_line_break_kept() -> None:
    cleaned, problem = check_value(Text(), "а\x00б\x07в\tг\nд\x1fе\x7f")
    assert (cleaned, problem) == ("абв\tг\nде", "")


def test_a_card_with_impossible_values_is_refused_by_field(database: DatabaseInfo) -> None:
    bad = replace(SCHOOL, legal_address="ул. " * 30_000, reorganized_on=date(9999, 12, 31),
                  is_active=False)
    with pytest.raises(ValidationFailed) as err:
        orgs.save_organization(bad)
    assert set(err.value.problems) == {"legal_address", "reorganized_on"}
    assert "9999" in err.value.problems["reorganized_on"]
    assert orgs.list_organizations() == []


def test_control_characters_never_reach_the_database(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(replace(SCHOOL, head_name="Петров\x01 П.П."))
    assert orgs.get_organization(org_id).head_name == "Петров П.П."
