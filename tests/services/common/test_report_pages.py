"""Every registered report on the demo data: the page with the signatures also holds the
end of the table, and a printed list of the whole demo district stays short."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from exports import Report
from exports.layout import format_cell
from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.maintenance import DatabaseInfo
from tests.exports.conftest import require_times_widths

#: The 61н forms lay out their own pages.
OFFICIAL_FORMS = {"equipment-card", "equipment-transfer-act", "equipment-write-off-act",
                  "inventory-count-list", "inventory-discrepancies"}


def _last_row_text(report: Report) -> str:
    table = next(t for t in reversed(report.tables) if t.rows)
    last = table.parts[-1].rows[-1] if table.parts else table.rows[-1]
    texts = [format_cell(v, c) for v, c in zip(last, table.columns, strict=False)]
    return max(texts, key=len)


def test_no_signature_stands_alone_on_its_page(demo_database: DatabaseInfo,
                                               settings: config.Settings,
                                               tmp_path: Path) -> None:
    checked: list[str] = []
    for definition in reports.definitions():
        if definition.name in OFFICIAL_FORMS:
            continue
        report = reports.build(definition.name, {}, settings)
        if not report.signatures or not any(t.rows for t in report.tables):
            continue
        path = reports.write(report, "pdf", tmp_path / f"{definition.name}.pdf", settings)
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
        name = report.signatures[-1].name
        assert name in pages[-1], definition.name
        word = _last_row_text(report).split()[0]
        assert word in pages[-1], (definition.name, word)
        checked.append(definition.name)
    assert {"literature-waybill", "events-attendance"} <= set(checked), checked


def test_the_lists_of_the_whole_demo_district_fit_45_pages(database: DatabaseInfo,
                                                           settings: config.Settings,
                                                           tmp_path: Path) -> None:
    """1,500 staff: «Кадровый состав ОО» and the перспективный график each in at most 45
    A4 pages (137 and 144 when every ОО was a table of its own set in 12 pt; 49 for the
    plan while the width of a column counted only the texts it puts on one line, so
    «педагог дополнительного образования» took three)."""
    from imc_desktop.services import demo
    from imc_desktop.services.organizations.demo import DEMO_STAFF

    require_times_widths()
    demo.fill_demo(staff=DEMO_STAFF)
    for name, most in (("staff-by-organization", 45), ("attestation-plan", 45)):
        report = reports.build(name, {}, settings)
        path = reports.write(report, "pdf", tmp_path / f"{name}.pdf", settings)
        assert len(PdfReader(path).pages) <= most, name
