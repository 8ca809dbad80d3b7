"""Check digits and formats, with the vectors of DOMAIN.md."""

from __future__ import annotations

from datetime import date

import pytest

from imc_desktop import validation as v


@pytest.mark.parametrize(("snils", "ok"), [
    ("112-233-445 95", True), ("112-233-445 96", False), ("11223344595", True),
    ("001-001-998 00", True),  # below the checked range
    ("123-456-789 0", False), ("", False),
])
def test_snils(snils: str, ok: bool) -> None:
    assert v.snils_is_valid(snils) is ok


def test_snils_sum_of_100_and_101_gives_00() -> None:
    # 9*0+...: find bodies with weighted sums 100 and 101
    def body_with_sum(target: int) -> str:
        for n in range(1_002_000, 999_999_999):
            s = f"{n:09d}"
            if sum(int(c) * w for c, w in zip(s, range(9, 0, -1), strict=True)) == target:
                return s
        raise AssertionError
    assert v.snils_is_valid(body_with_sum(100) + "00")
    assert v.snils_is_valid(body_with_sum(101) + "00")
    assert not v.snils_is_valid(body_with_sum(100) + "01")


def test_snils_format_and_mask() -> None:
    assert v.format_snils("11223344595") == "112-233-445 95"
    assert v.mask_snils("112-233-445 95") == "***-***-445 **"
    assert v.mask_inn("123456789047") == "********9047"


@pytest.mark.parametrize(("inn", "ok"), [
    ("123456789047", True), ("1234567894", True), ("1234567895", False),
    ("123456789048", False), ("12345", False), ("12345678904a", False),
])
def test_inn(inn: str, ok: bool) -> None:
    assert v.inn_is_valid(inn) is ok


@pytest.mark.parametrize(("isbn", "ok"), [
    ("978-0-306-40615-7", True), ("0-306-40615-2", True), ("978-0-306-40615-8", False),
    ("0-306-40615-3", False), ("080442957X", True),
    # an ISBN-13 starts with 978 or 979: a right check digit after another prefix is not one
    ("979-0-306-40615-6", True), ("977-0-306-40615-8", False), ("980-0-306-40615-2", False),
    ("9770306406158", False),
])
def test_isbn(isbn: str, ok: bool) -> None:
    assert v.isbn_is_valid(isbn) is ok


@pytest.mark.parametrize(("ogrn", "ok"), [
    ("1027700132195", True), ("1027700132196", False), ("304500116000157", True),
    ("12345", False),
])
def test_ogrn(ogrn: str, ok: bool) -> None:
    assert v.ogrn_is_valid(ogrn) is ok


@pytest.mark.parametrize(("ogrn", "ok"), [
    ("1027700132195", True), ("1027700132196", False),
    ("304500116000157", False),  # a valid ОГРНИП: an individual entrepreneur, not an ОО
    ("304500116000158", False), ("102770013219", False), ("10277001321950", False),
    ("", False), ("102770013219а", False),
])
def test_the_ogrn_of_an_organization_has_13_digits(ogrn: str, ok: bool) -> None:
    assert v.organization_ogrn_is_valid(ogrn) is ok


@pytest.mark.parametrize(("kpp", "ok"), [("720501001", True), ("7205AB001", True),
                                         ("72050100", False), ("7205ab001", True),
                                         ("7205aB001", True), (" 720501001 ", True),
                                         ("7205AB0010", False), ("7205АВ001", False)])
def test_kpp(kpp: str, ok: bool) -> None:
    assert v.kpp_is_valid(kpp) is ok


@pytest.mark.parametrize(("phone", "ok"), [
    ("+7 (34535) 2-11-45", True), ("8 912 345-67-89", True), ("2-11-45", True),
    ("+1 555 0100 00", False), ("позвонить завтра", False), ("123", False),
])
def test_phone(phone: str, ok: bool) -> None:
    assert v.phone_is_valid(phone) is ok


def test_email() -> None:
    assert v.email_is_valid("school12@obr-borovo.ru")
    assert not v.email_is_valid("school12@")
    assert not v.email_is_valid("школа mail.ru")


@pytest.mark.parametrize(("text", "expected"), [
    ("12.03.1985", date(1985, 3, 12)), ("12.03.85", date(1985, 3, 12)),
    ("2024-02-29", date(2024, 2, 29)), ("30.02.2024", None), ("вчера", None),
])
def test_parse_date(text: str, expected: date | None) -> None:
    assert v.parse_date(text) == expected


def test_two_digit_years_are_never_in_the_future() -> None:
    today = date(2026, 11, 26)
    assert v.parse_date("12.05.65", today) == date(1965, 5, 12)
    assert v.parse_date("12.05.26", today) == date(2026, 5, 12)
    assert v.parse_date("27.11.26", today) == date(1926, 11, 27)
