"""Page numbers in .docx headers: centred at the top from the second page.

With a letterhead the existing headers and footers are kept; when the letterhead has no
distinct first page, its header and footer are copied to the first page so that page 1
looks the same, and the page number is added to the header of the following pages.
"""

from __future__ import annotations

import copy

from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section, _Footer, _Header

from exports.docx_xml import page_field_runs

_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def has_page_field(element: BaseOxmlElement) -> bool:
    """Whether a header/footer element already holds a PAGE field."""
    for instr in element.iter(qn("w:instrText")):
        if "PAGE" in (instr.text or "").split():
            return True
    for fld in element.iter(qn("w:fldSimple")):
        if "PAGE" in (fld.get(qn("w:instr")) or "").split():
            return True
    return False


def page_number_paragraph(style_id: str) -> BaseOxmlElement:
    p: BaseOxmlElement = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id}"/>'
        '<w:jc w:val="center"/></w:pPr></w:p>'
    )
    for run in page_field_runs():
        p.append(run)
    return p


def add_page_numbers(section: Section, style_id: str, *, keep_first: bool) -> None:
    """Different first page (``titlePg``) and a PAGE field in the default header.

    ``keep_first``: the document is a letterhead whose headers must be preserved.
    """
    header = section.header
    if keep_first and not section.different_first_page_header_footer:
        if not header.is_linked_to_previous:
            _copy_story(header, section.first_page_header)
        if not section.footer.is_linked_to_previous:
            _copy_story(section.footer, section.first_page_footer)
    section.different_first_page_header_footer = True
    if section.first_page_header.is_linked_to_previous:
        section.first_page_header.is_linked_to_previous = False
    hdr = header._element
    if has_page_field(hdr):
        return
    if not keep_first:
        for child in list(hdr):
            hdr.remove(child)
    hdr.insert(0, page_number_paragraph(style_id))


def _copy_story(src: _Header | _Footer, dst: _Header | _Footer) -> None:
    """Copy header/footer content, re-creating relationships (images, links) in ``dst``."""
    src_part: Part = src.part
    dst_part: Part = dst.part
    dst_el = dst._element
    for child in list(dst_el):
        dst_el.remove(child)
    for child in src._element:
        new = copy.deepcopy(child)
        _relink(new, src_part, dst_part)
        dst_el.append(new)


def _relink(element: BaseOxmlElement, src_part: Part, dst_part: Part) -> None:
    for el in element.iter():
        for attr, value in list(el.attrib.items()):
            if not attr.startswith(_R_NS) or value not in src_part.rels:
                continue
            rel = src_part.rels[value]
            if rel.is_external:
                new_id = dst_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
            else:
                new_id = dst_part.relate_to(rel.target_part, rel.reltype)
            el.set(attr, new_id)
