"""Non-breaking spaces that keep together what a line must not split: the initials and the
surname («И. И. Иванов», «Иванов И. И.», «И.И. Иванов») and «№» with its number («№ 27»).
Applied to the text of every paper (docx, pdf); a workbook keeps plain spaces so that a
search or a filter in Excel finds what the user types."""

from __future__ import annotations

import re

NBSP = "\u00a0"

_UPPER = "А-ЯЁA-Z"
#: Two initials in a row: «И. И.» → «И.\u00a0И.».
_BETWEEN_INITIALS = re.compile(rf"(?<![\w.])([{_UPPER}]\.) +(?=[{_UPPER}]\.)")
#: The last initial before the surname: «И.И. Иванов», «И. Иванов».
_INITIAL_SURNAME = re.compile(rf"(?<!\w)([{_UPPER}]\.) +(?=[А-ЯЁ][а-яё])")
#: The surname before its initials: «Иванов И.И.», «Иванова И. И.» (not «методист Ж. Щукина»:
#: initials already tied to the surname after them).
_SURNAME_INITIALS = re.compile(
    rf"(?<=[а-яё]) +(?=[{_UPPER}]\.(?:[ {NBSP}]?[{_UPPER}]\.)?(?![\w{NBSP}]))")
#: «№ 27», «№№ 1–5».
_NUMBER_SIGN = re.compile(r"(№+) +")


def tie(text: str) -> str:
    """``text`` with the spaces inside a name with initials and after «№» non-breaking."""
    if "." in text:
        text = _BETWEEN_INITIALS.sub(rf"\1{NBSP}", text)
        text = _INITIAL_SURNAME.sub(rf"\1{NBSP}", text)
        text = _SURNAME_INITIALS.sub(NBSP, text)
    if "№" in text:
        text = _NUMBER_SIGN.sub(rf"\1{NBSP}", text)
    return text
