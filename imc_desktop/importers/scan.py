"""One fast pass over a sheet's XML for what read-only openpyxl does not give: merged ranges,
formulas that were never calculated (no cached value), and the last row."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from openpyxl.utils.cell import range_boundaries

_P = rb"(?:\w+:)?"  # an optional namespace prefix
_ROW = re.compile(rb"<" + _P + rb"row\s[^>]*?\br=\"(\d+)\"")
_MERGE = re.compile(rb"<" + _P + rb"mergeCell\s[^>]*?\bref=\"([A-Z]+\d+(?::[A-Z]+\d+)?)\"")
_ANY_FORMULA = re.compile(rb"<" + _P + rb"f[\s>/]")
_FORMULA_CELL = re.compile(
    rb"<" + _P + rb"c\s([^>]*)>\s*<" + _P + rb"f(?:\s[^>]*)?(?:/>|>[^<]*</" + _P + rb"f>)\s*"
    rb"(<" + _P + rb"v>[^<\s]|<" + _P + rb"is>)?")
_CELL_REF = re.compile(rb"\br=\"([A-Z]+)(\d+)\"")
_TYPED = re.compile(rb"\bt=\"(?:str|s|b|e|inlineStr)\"")  # a computed text, even "", is a value
_CHUNK = 1 << 20
_OVERLAP = 16 << 10
_MARGIN = 64

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OFFICE_DOCUMENT = "/officeDocument"

Box = tuple[int, int, int, int]
"""min_row, min_col, max_row, max_col (1-based, inclusive)."""


@dataclass(frozen=True)
class SheetScan:
    last_row: int = 0
    merged: tuple[Box, ...] = ()
    uncalculated: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    """(row, column) of formula cells without a cached value."""


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


def _uncalculated(buf: bytes, limit: int) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for match in _FORMULA_CELL.finditer(buf):
        if match.end() > limit:
            break
        ref = _CELL_REF.search(match.group(1))
        if match.group(2) is None and ref is not None and not _TYPED.search(match.group(1)):
            found.add((int(ref.group(2)), _column_number(ref.group(1))))
    return found


def _box(ref: bytes) -> Box:
    min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
    return (min_row or 1, min_col or 1, max_row or min_row or 1, max_col or min_col or 1)


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetScan:
    last_row, merged, uncalculated = 0, set(), set()
    tail = b""
    with archive.open(part) as src:
        chunk = src.read(_CHUNK)
        while chunk:
            following = src.read(_CHUNK)
            buf = tail + chunk
            limit = len(buf) if not following else len(buf) - _MARGIN
            rows = _ROW.findall(buf)
            last_row = max([last_row, *(int(r) for r in rows[-1:])])
            merged.update(_MERGE.findall(buf))
            if _ANY_FORMULA.search(buf):
                uncalculated |= _uncalculated(buf, limit)
            tail, chunk = buf[-_OVERLAP:], following
    return SheetScan(last_row, tuple(sorted(_box(m) for m in merged)), frozenset(uncalculated))


def _target(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """{id: (type, target part)} of a part's relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except KeyError:
        return {}
    return {rel.get("Id", ""): (rel.get("Type", ""), _target(part, rel.get("Target", "")))
            for rel in root.iter(_RELS)}


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """{sheet name: path of its XML inside the archive}."""
    book = next((target for kind, target in _relationships(archive, "").values()
                 if kind.endswith(_OFFICE_DOCUMENT)), "xl/workbook.xml")
    rels = _relationships(archive, book)
    root = ElementTree.fromstring(archive.read(book))
    paths: dict[str, str] = {}
    for sheet in root.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(_R_ID) in rels:
            paths[sheet.get("name", "")] = rels[sheet.get(_R_ID, "")][1]
    return paths
