"""The user comes from the operating system, never from the environment."""

from __future__ import annotations

import os
import pwd

import pytest

from imc_desktop import identity


def test_login_is_the_operating_systems_user_whatever_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("USER", "USERNAME", "LOGNAME", "LNAME"):
        monkeypatch.setenv(name, "director")
    assert identity.login() == pwd.getpwuid(os.geteuid()).pw_name
    assert identity.login() != "director"


def test_pretend_is_the_tests_seam_and_ends_with_the_block() -> None:
    real = identity.login()
    with identity.pretend("IMC\\ivanova"):
        assert identity.login() == "IMC\\ivanova"
        with identity.pretend("petrov"):
            assert identity.login() == "petrov"
        assert identity.login() == "IMC\\ivanova"
    assert identity.login() == real


def test_logins_compare_as_windows_does() -> None:
    assert identity.same_login("IMC\\Ivanova", "imc\\IVANOVA ")
    assert not identity.same_login("IMC\\ivanova", "IMC\\ivanov")


def test_the_sync_journal_names_the_same_user(monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.sync import local

    monkeypatch.setenv("USER", "director")
    monkeypatch.setenv("LOGNAME", "director")
    with identity.pretend("IMC\\ivanova"):
        assert local.get_user() == "IMC\\ivanova"
