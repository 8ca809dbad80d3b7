"""Check digits and formats: СНИЛС, ИНН, КПП, ОГРН, ISBN, e-mail, phone, dates. Pure functions."""

from __future__ import annotations

import re
from datetime import date, datetime

from imc_desktop import clock

_NON_DIGITS = re.compile(r"\D")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def snils_is_valid(text: str) -> bool:
    """СНИЛС: 11 digits, the last two a check number of the first nine."""
    d = digits(text)
    if len(d) != 11:
        return False
    body, check = d[:9], int(d[9:])
    if int(body) <= 1001998:
        return True
    total = sum(int(c) * w for c, w in zip(body, range(9, 0, -1), strict=True))
    if total > 101:
        total %= 101
    expected = 0 if total in (100, 101) else total
    return check == expected


def format_snils(text: str) -> str:
    d = digits(text)
    if len(d) != 11:
        return text
    return f"{d[0:3]}-{d[3:6]}-{d[6:9]} {d[9:11]}"


def mask_snils(text: str) -> str:
    """СНИЛС for lists: only the last three digits of the number stay visible."""
    d = digits(text)
    if not d:
        return ""
    return f"***-***-{d[6:9]} **" if len(d) == 11 else "***"


def mask_inn(text: str) -> str:
    d = digits(text)
    return "" if not d else "*" * (len(d) - 4) + d[-4:]


def _inn_digit(d: str, weights: tuple[int, ...]) -> int:
    return sum(int(c) * w for c, w in zip(d, weights, strict=False)) % 11 % 10


def inn_is_valid(text: str) -> bool:
    """ИНН of an organisation (10 digits) or of a person (12 digits)."""
    d = text.strip()
    if not d.isdigit():
        return False
    if len(d) == 10:
        return _inn_digit(d, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(d[9])
    if len(d) == 12:
        n11 = _inn_digit(d, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        n12 = _inn_digit(d, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))
        return n11 == int(d[10]) and n12 == int(d[11])
    return False


def kpp_is_valid(text: str) -> bool:
    """КПП: 4 digits, 2 digits or Latin letters (in either case), 3 digits."""
    return bool(_KPP.match(text.strip().upper()))


def ogrn_is_valid(text: str) -> bool:
    """ОГРН (13 digits, mod 11) or ОГРНИП (15 digits, mod 13)."""
    d = text.strip()
    if not d.isdigit():
        return False
    if len(d) == 13:
        return int(d[:12]) % 11 % 10 == int(d[12])
    if len(d) == 15:
        return int(d[:14]) % 13 % 10 == int(d[14])
    return False


def organization_ogrn_is_valid(text: str) -> bool:
    """The ОГРН of an organisation: 13 digits (a 15-digit ОГРНИП is an entrepreneur's)."""
    return len(text.strip()) == 13 and ogrn_is_valid(text)


def okpo_is_valid(text: str) -> bool:
    d = text.strip()
    return d.isdigit() and len(d) in (8, 10)


def isbn_is_valid(text: str) -> bool:
    s = re.sub(r"[\s-]", "", text).upper()
    if len(s) == 10 and re.fullmatch(r"\d{9}[\dX]", s):
        total = sum((10 if c == "X" else int(c)) * w for c, w in zip(s, range(10, 0, -1),
                                                                       strict=True))
        return total % 11 == 0
    if len(s) == 13 and s.isdigit() and s.startswith(("978", "979")):
        return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s)) % 10 == 0
    return False


def email_is_valid(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def phone_is_valid(text: str) -> bool:
    """A Russian phone: 10 digits, or 11 starting with 7 or 8; local 5–7 digit numbers too."""
    if re.search(r"[^\d\s()+\-–,.доб]", text.strip()):
        return False
    main = re.split(r"доб", text)[0].strip()
    if main.startswith("+") and not main.startswith("+7"):
        return False
    d = digits(main)
    if len(d) == 11:
        return d[0] in "78"
    return len(d) == 10 or 5 <= len(d) <= 7


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date from «12.03.1985», «12.03.85» or ISO; None when it is not a date.

    A two-digit year is never in the future: «12.05.65» is 1965, not 2065.
    """
    s = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(s, fmt).date()
        except ValueError:
            continue
        if fmt.endswith("%y") and parsed > (today or clock.today()):
            parsed = parsed.replace(year=parsed.year - 100)
        return parsed
    return None


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")
