"""The record a save changes: new, stored, or gone meanwhile."""

from __future__ import annotations

import pytest

from imc_desktop import db
from imc_desktop.services.common.errors import NotFound
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.common.records import load_or_new
from imc_desktop.services.organizations import records as orgs
from models import Organization
from tests.services.organizations.test_organizations import SCHOOL


def test_no_id_is_a_new_record(database: DatabaseInfo) -> None:
    with db.session_scope() as s:
        org = load_or_new(s, Organization, None, "нет")
        assert isinstance(org, Organization) and org not in s


def test_an_id_is_the_stored_record(database: DatabaseInfo) -> None:
    org_id = orgs.save_organization(SCHOOL)
    with db.session_scope() as s:
        assert load_or_new(s, Organization, org_id, "нет").short_name == SCHOOL.short_name


def test_a_record_deleted_meanwhile_is_not_found_with_the_message(database: DatabaseInfo
                                                                  ) -> None:
    with db.session_scope() as s, pytest.raises(NotFound, match="удалили"):
        load_or_new(s, Organization, "no-such-id", "Организация не найдена: её удалили.")
