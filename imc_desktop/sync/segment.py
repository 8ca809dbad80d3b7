"""Segments: gzip-compressed JSON Lines — a header, one change per line, and a footer with the
count of changes and the SHA-256 of everything before it.

A change line is ``{"t": table, "r": row id, "op": "i"|"u"|"d"|"s", "v": {column: value},
"s": {column: seen key}}``: "i" a record (re)created with all its fields, "u" changed fields,
"d" a deletion with the record's last content in "v" and the field versions its author had
seen in "s", "s" seen markers (conflicts settled). A change made after changes were stamped
when made carries its own clock in "c"; one without it has the clock of the header.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

MAGIC = "IMC-SYNC-SEGMENT"
FORMAT = 1

Change = dict[str, Any]


class BadSegment(Exception):
    """A file that is not a whole, sound segment of this store and site (Russian message)."""


@dataclass(frozen=True)
class Header:
    store: str
    site: str
    seq: int
    clock: int
    app: str
    epoch: int
    workstation: str = ""
    user: str = ""
    replaces: tuple[int, ...] = ()  # published again: the numbers of the lost segments


@dataclass(frozen=True)
class Segment:
    header: Header
    changes: list[Change] = field(default_factory=list)
    sha256: str = ""


def number(text: str) -> bool:
    """The text is a file name's number: ASCII digits only (str.isdigit() also takes '²' and
    the like, which int() refuses — a name planted on the share must not stop a sync)."""
    return text.isascii() and text.isdigit()


def segment_name(seq: int) -> str:
    return f"{seq:012d}.seg"


def segment_number(name: str) -> int | None:
    """The number of a segment's file name (`segment_name`); None for any other name (a
    number starts at 1)."""
    stem = name[:-len(".seg")]
    if name.endswith(".seg") and len(stem) == 12 and number(stem) and int(stem):
        return int(stem)
    return None


def _line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode() + b"\n"


def encode(header: Header, changes: list[Change]) -> tuple[bytes, str]:
    """The file's bytes and the SHA-256 of its content (before the footer)."""
    head = {"magic": MAGIC, "format": FORMAT, **header.__dict__}
    if not header.replaces:
        del head["replaces"]  # the same bytes as before for an ordinary segment
    body = _line(head) + b"".join(_line(c) for c in changes)
    digest = hashlib.sha256(body).hexdigest()
    footer = _line({"footer": True, "count": len(changes), "sha256": digest})
    return gzip.compress(body + footer, compresslevel=6, mtime=0), digest


def decode(data: bytes, where: str) -> Segment:
    """Verify gzip, header, count and hash; BadSegment names `where` and what is wrong."""
    try:
        text = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise BadSegment(f"{where}: файл повреждён или оборван (не читается как gzip)") from exc
    lines = text.split(b"\n")
    if len(lines) < 3 or lines[-1] != b"":
        raise BadSegment(f"{where}: файл оборван (нет заголовка или окончания)")
    body = b"\n".join(lines[:-2]) + b"\n"
    try:
        head = json.loads(lines[0])
        footer = json.loads(lines[-2])
        changes = [json.loads(raw) for raw in lines[1:-2]]
    except ValueError as exc:
        raise BadSegment(f"{where}: строка файла не читается") from exc
    _check_frame(head, footer, changes, body, where)
    fields = {k: head[k] for k in Header.__dataclass_fields__ if k in head}
    try:
        fields["replaces"] = tuple(int(n) for n in fields.get("replaces") or ())
        return Segment(Header(**fields), changes, footer["sha256"])
    except (TypeError, ValueError) as exc:
        raise BadSegment(f"{where}: в заголовке не хватает полей") from exc


def _check_frame(head: Any, footer: Any, changes: list[Any], body: bytes, where: str) -> None:
    if not isinstance(head, dict) or head.get("magic") != MAGIC:
        raise BadSegment(f"{where}: это не файл изменений IMC Desktop")
    if not isinstance(footer, dict) or not footer.get("footer"):
        raise BadSegment(f"{where}: файл оборван (нет окончания)")
    if footer.get("count") != len(changes):
        raise BadSegment(f"{where}: число изменений не совпадает с окончанием файла")
    if footer.get("sha256") != hashlib.sha256(body).hexdigest():
        raise BadSegment(f"{where}: контрольная сумма не совпадает — файл изменён или повреждён")
    if not all(isinstance(c, dict) and {"t", "r", "op"} <= c.keys() for c in changes):
        raise BadSegment(f"{where}: изменение без таблицы, записи или действия")


def verify(segment: Segment, store: str, site: str, seq: int, where: str) -> None:
    """The segment belongs where it was found."""
    h = segment.header
    if h.store != store:
        raise BadSegment(f"{where}: файл из другой папки синхронизации")
    if h.site != site or h.seq != seq:
        raise BadSegment(f"{where}: номер или рабочее место в файле не совпадают с его именем")
