"""Reading the settings file as QSettings (IniFormat) writes it, without importing Qt.

The command line reads a few settings (the data folder, the report fonts); importing QtCore
for that costs a scheduled sync more than the sync itself. This follows Qt's own reader
(`QConfFileSettingsPrivate::readIniLine`, `iniUnescapedKey`, `iniUnescapedStringList`,
`stringToVariant` in qsettings.cpp): sections, `;` comments, quoted values, backslash escapes,
`%XX` / `%UXXXX` in keys, a value with a bare comma is a list, `@ByteArray(…)` is bytes.
Writing stays with QSettings.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

Value = str | list[str] | bytes | None

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            '"': '"', "?": "?", "'": "'", "\\": "\\"}
_HEX = "0123456789abcdefABCDEF"


def read_ini(path: Path) -> dict[str, Value]:
    """Every key of the file (`section/key`, keys of [General] without a section) with its
    value as QSettings returns it; an absent or unreadable file has none."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    found: dict[str, Value] = {}
    section = ""
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark (Notepad writes one)
    for line in _lines(data):
        if line.startswith(b"["):
            end = line.find(b"]")
            raw = line[1:end if end >= 0 else len(line)].strip()
            if raw.lower() == b"general":
                section = ""
            else:
                section = ("General" if raw.lower() == b"%general"
                           else _unescaped_key(raw)) + "/"
            continue
        equals = _equals(line)
        if equals < 0:
            continue
        key = _unescaped_key(line[:equals].strip())
        if key:
            found[section + key] = _to_value(_unescaped_value(line[equals + 1:]))
    return found


def _lines(data: bytes) -> list[bytes]:
    """Logical lines as readIniLine splits them: a newline inside quotes or after a
    backslash continues the line; `;` outside quotes ends it (a comment)."""
    lines: list[bytes] = []
    start, i, quoted, size = 0, 0, False, len(data)
    while i < size:
        ch = data[i]
        if ch in b"\n\r" and not quoted:
            lines.append(data[start:i])
            start = i + 1
        elif ch == 0x5C:  # backslash: the next character (or line break) belongs to the line
            i += 2 if data[i + 1:i + 3] in (b"\r\n", b"\n\r") else 1
        elif ch == 0x22:
            quoted = not quoted
        elif ch == 0x3B and not quoted:  # ';' the rest of the physical line is a comment
            lines.append(data[start:i])
            while i < size and data[i] not in b"\n\r":
                i += 1
            start = i + 1
        i += 1
    lines.append(data[start:])
    return [line.lstrip() for line in lines if line.strip()]  # (a value's end: see below)


def _equals(line: bytes) -> int:
    """The first `=` outside quotes (backslash-escaped characters skipped)."""
    quoted, i = False, 0
    while i < len(line):
        ch = line[i]
        if ch == 0x5C:
            i += 1
        elif ch == 0x22:
            quoted = not quoted
        elif ch == 0x3D and not quoted:
            return i
        i += 1
    return -1


def _unescaped_key(raw: bytes) -> str:
    """`%UXXXX` a character, `%XX` a byte, `\\` a slash (iniUnescapedKey)."""
    out = bytearray()
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == 0x5C:
            out += b"/"
        elif ch == 0x25 and raw[i + 1:i + 2] == b"U" and _hex(raw[i + 2:i + 6], 4):
            out += chr(int(raw[i + 2:i + 6], 16)).encode("utf-8", "surrogatepass")
            i += 5
        elif ch == 0x25 and _hex(raw[i + 1:i + 3], 2):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 2
        else:
            out.append(ch)
        i += 1
    return out.decode("utf-8", "replace")


def _hex(part: bytes, size: int) -> bool:
    return len(part) == size and all(chr(c) in _HEX for c in part)


def _unescaped_value(raw: bytes) -> str | list[str]:
    """iniUnescapedStringList: quotes, escapes, and a list where a comma stands unquoted.
    As Qt, it works on the bytes: the runs between escapes go through one UTF-8 decoder
    (a character cut by an escape is not whole; an unfinished one at the end is dropped)."""
    items: list[str] = []
    current: list[str] = []
    decoder = codecs.getincrementaldecoder("utf-8")("replace")  # one, as Qt's, for all runs
    is_list = quoted = current_quoted = False
    chop = 0
    length = _Length()
    i = _skip_spaces(raw, 0)
    while i < len(raw):
        ch = raw[i]
        if ch == 0x5C:
            i = _escape(raw, i + 1, current)
            chop = length.of(current)
        elif ch == 0x22:
            current_quoted = True
            quoted = not quoted
            i = i + 1 if quoted else _skip_spaces(raw, i + 1)
            chop = chop if quoted else length.of(current)
        elif ch == 0x2C and not quoted:
            items.append(_chopped(current, chop, current_quoted))
            current, current_quoted, is_list, chop = [], False, True, 0
            length = _Length()
            i = _skip_spaces(raw, i + 1)
        else:
            j = i + 1
            while j < len(raw) and raw[j] not in b'\\",':
                j += 1
            current.append(decoder.decode(raw[i:j]))
            i = j
    last = _chopped(current, chop, current_quoted)
    return [*items, last] if is_list else last


class _Length:
    """The length of the parts of one value so far, counting each part once (a window's
    saved state is thousands of escapes: summing all parts at each would be quadratic)."""

    def __init__(self) -> None:
        self.total = self.counted = 0

    def of(self, current: list[str]) -> int:
        self.total += sum(len(part) for part in current[self.counted:])
        self.counted = len(current)
        return self.total


def _skip_spaces(raw: bytes, i: int) -> int:
    while i < len(raw) and raw[i] in b" \t":
        i += 1
    return i


def _chopped(current: list[str], chop: int, quoted: bool) -> str:
    """Trailing spaces of an unquoted value go, but never what an escape or a quote made."""
    value = "".join(current)
    if quoted:
        return value
    kept, rest = value[:chop], value[chop:]
    return kept + rest.rstrip(" \t")


_HEX_DIGITS = re.compile(rb"[0-9a-fA-F]+")
_OCT_DIGITS = re.compile(rb"[0-7]*")


def _escape(raw: bytes, i: int, current: list[str]) -> int:
    """One backslash escape of the byte at `i` (after the backslash), appended to
    `current`; the position after it. An unknown escaped byte is dropped, as Qt does."""
    if i >= len(raw):
        return i
    ch = chr(raw[i])
    i += 1
    if ch in _ESCAPES:
        current.append(_ESCAPES[ch])
    elif ch == "x" and i < len(raw) and chr(raw[i]) in _HEX:
        digits = _HEX_DIGITS.match(raw, i)
        assert digits is not None
        current.append(chr(int(digits.group(), 16) & 0xFFFF))
        i = digits.end()
    elif ch in "01234567":
        digits = _OCT_DIGITS.match(raw, i)
        assert digits is not None
        current.append(chr(int(ch + digits.group().decode("ascii"), 8) & 0xFFFF))
        i = digits.end()
    elif ch in "\n\r":
        if i < len(raw) and raw[i] in b"\n\r" and raw[i] != ord(ch):
            i += 1
    return i


def _to_value(value: str | list[str]) -> Value:
    """stringToVariant: `@ByteArray(…)` bytes, `@String(…)` text, `@Invalid()` none, `@@…`
    a text beginning with `@`; other `@Variant(…)` values are not read (None)."""
    if isinstance(value, list):
        return [_text(v) for v in value]
    if not value.startswith("@"):
        return value
    if value.startswith("@ByteArray(") and value.endswith(")"):
        return value[11:-1].encode("latin-1", "replace")
    if value.startswith("@String(") and value.endswith(")"):
        return value[8:-1]
    if value.startswith("@@"):
        return value[1:]
    if value.startswith(("@Variant(", "@Invalid(", "@DateTime(", "@Rect(", "@Size(",
                         "@Point(")):
        return None
    return value


def _text(value: str) -> str:
    return value[1:] if value.startswith("@@") else value
