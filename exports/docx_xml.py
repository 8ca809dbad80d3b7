"""WordprocessingML tables built as XML text and parsed once (fast for big tables).

python-docx's ``table.add_row()`` and ``table.cell()`` are quadratic on big tables, so the
rows are written as strings and parsed by lxml in one go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from exports.model import Align

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JC: dict[str, str] = {"left": "left", "center": "center", "right": "right", "both": "both"}
_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def xml_text(text: str) -> str:
    """Escaped run content; line breaks and tabs become ``w:br`` / ``w:tab``."""
    text = escape(_ILLEGAL_XML.sub("", text))
    if "\n" in text or "\t" in text:
        close_open = '</w:t>{}<w:t xml:space="preserve">'
        text = text.replace("\r\n", "\n").replace("\n", close_open.format("<w:br/>"))
        text = text.replace("\t", close_open.format("<w:tab/>"))
    return text


@dataclass(frozen=True, slots=True)
class CellFormat:
    """Static parts of one cell: width in twips, paragraph style, alignment, span."""

    width: int
    style_id: str
    align: Align | str = "left"
    bold: bool = False
    span: int = 1
    valign: str = "top"
    keep_next: bool = False

    def prefix(self) -> str:
        span = f'<w:gridSpan w:val="{self.span}"/>' if self.span > 1 else ""
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if self.bold else ""
        keep = "<w:keepNext/>" if self.keep_next else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{self.width}" w:type="dxa"/>{span}'
            f'<w:vAlign w:val="{self.valign}"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{self.style_id}"/>{keep}'
            f'<w:jc w:val="{_JC[self.align]}"/>'
            f'</w:pPr><w:r>{rpr}<w:t xml:space="preserve">'
        )


CELL_SUFFIX = "</w:t></w:r></w:p></w:tc>"


def row_xml(prefixes: Sequence[str], texts: Sequence[str], header: bool = False) -> str:
    """One ``w:tr``; ``prefixes`` come from :meth:`CellFormat.prefix`, texts are raw."""
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else (
        "<w:trPr><w:cantSplit/></w:trPr>"
    )
    cells = "".join(p + xml_text(t) + CELL_SUFFIX for p, t in zip(prefixes, texts, strict=True))
    return f"<w:tr>{trpr}{cells}</w:tr>"


def table_xml(
    widths: Sequence[int], rows: Sequence[str], *, borders: bool = True, jc: str = "left"
) -> BaseOxmlElement:
    """Parse a ``w:tbl`` with a fixed layout, grid ``widths`` (twips) and prepared rows."""
    if borders:
        border_xml = "".join(_BORDER.format(side=s) for s in _SIDES)
    else:
        border_xml = "".join(f'<w:{s} w:val="nil"/>' for s in _SIDES)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    xml = (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="{jc}"/>'
        f"<w:tblBorders>{border_xml}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    element: BaseOxmlElement = parse_xml(xml)
    return element


def page_field_runs() -> list[BaseOxmlElement]:
    """Runs of a ``PAGE`` field (complex field, shows 2 until updated)."""
    parts = (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {ns}><w:t>2</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    )
    return [parse_xml(p.format(ns=nsdecls("w"))) for p in parts]
