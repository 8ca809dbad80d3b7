"""Export of a list, the preview printed into a PDF printer, the reports dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui.main_window import MainWindow
from ui.reports_dialog import ReportsDialog
from ui.widgets.messages import Ask
from ui.widgets.open_file import open_file
from ui.widgets.pdf_pages import render_pages
from ui.widgets.report_preview import ReportPreviewDialog


@pytest.fixture
def window(qtbot: Any, demo_database: DatabaseInfo, settings: config.Settings) -> MainWindow:
    widget = MainWindow(settings)
    qtbot.addWidget(widget)
    widget.tabs.setCurrentWidget(widget.organizations)  # the list in front
    return widget


def test_export_to_excel_writes_exactly_the_rows_and_columns_shown(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = window.organizations.record_list
    header = records.view.horizontalHeader()
    header.setSectionHidden(2, True)  # legal form
    header.setSectionHidden(7, True)  # address
    records.model.set_search("сош")
    target = tmp_path / "list.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "Excel (*.xlsx)")))
    asked: list[str] = []
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda _p, _t, text: asked.append(text)))
    window.act_export.trigger()
    assert target.exists() and asked, "the user is offered to open the file"
    sheet = openpyxl.load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header_row = next(i for i, r in enumerate(rows) if r[0] == "№")
    shown = [c.title for c in records.shown_columns()]
    assert rows[header_row][: len(shown) + 1] == ["№", *shown]
    data = [r for r in rows[header_row + 1:] if isinstance(r[0], int)]
    expected = [o.short_name for o in records.model.visible_rows()]
    assert [r[1] for r in data] == expected
    assert all("СОШ" in name for name in expected) and len(expected) > 5
    pupils = shown.index(records.model.columns[5].title) + 1
    assert all(isinstance(r[pupils], int) for r in data), "numbers stay numbers"


def test_preview_paints_into_a_pdf_printer(window: MainWindow, settings: config.Settings,
                                           tmp_path: Path) -> None:
    report = reports.build("organizations", {}, settings)
    pdf = reports.write(report, "pdf", tmp_path / "orgs.pdf", settings)
    pages = render_pages(pdf, 40)
    assert len(pages) == len(PdfReader(pdf).pages) and pages[0].width() > 200
    dialog = ReportPreviewDialog(report, pdf, pages, settings)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == len(pages)
    assert len(PdfReader(printed).pages) == len(pages)
    assert len(dialog.page_labels) == len(pages)
    dialog.deleteLater()


def test_print_list_opens_the_preview_of_the_current_list(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[Any, int]] = []
    monkeypatch.setattr(ReportPreviewDialog, "show_modal", staticmethod(
        lambda report, pdf, pages, settings, parent: shown.append((report, len(pages)))))
    window.organizations.record_list.model.set_search("детский")
    window.act_print_list.trigger()
    assert len(shown) == 1
    report, pages = shown[0]
    assert report.title == "Образовательные организации" or report.title
    assert pages >= 1
    assert len(report.tables[0].rows) == window.organizations.record_list.model.rowCount()


def test_reports_dialog_builds_with_the_chosen_parameters(
        qtbot: Any, demo_database: DatabaseInfo, settings: config.Settings) -> None:
    definitions = reports.definitions()
    dialog = ReportsDialog(definitions, settings)
    qtbot.addWidget(dialog)
    dialog.select("organizations")
    assert dialog.current().name == "organizations"
    kind = dialog.editors["kind"]
    kind.setCurrentIndex(kind.findData("детский сад"))  # type: ignore[attr-defined]
    assert dialog.values() == {"kind": "детский сад", "active": "да"}
    report = dialog.build()
    assert {row[0] for row in report.tables[0].rows} == {"детский сад"}


def test_open_file_reports_a_missing_file(tmp_path: Path, qapp: Any) -> None:
    message = open_file(tmp_path / "нет такого.docx")
    assert message is not None and "нет такого.docx" in message


def test_the_reports_are_grouped_by_module_with_a_line_on_each(
        qtbot: Any, russian: Any, database: DatabaseInfo, settings: config.Settings) -> None:
    from imc_desktop.services.common.report_notes import DESCRIPTIONS, module_of

    definitions = reports.definitions()
    assert set(DESCRIPTIONS) == {d.name for d in definitions}, "every report has its line"
    dialog = ReportsDialog(definitions, settings)
    qtbot.addWidget(dialog)
    groups = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Организации", "Кадры", "Мероприятия",
                                           "Аттестация", "Литература", "Оборудование",
                                           "Методическая сеть",
                                           "Запросы и мониторинги",
                                           "Журнал методиста"]
    for group in groups:
        names = [group.child(i).data(0, Qt.ItemDataRole.UserRole)
                 for i in range(group.childCount())]
        modules = {module_of(d) for d in definitions if d.name in names}
        assert len(modules) == 1 and names
    dialog.select("literature-exchange")
    assert dialog.current().name == "literature-exchange"
    assert dialog.description.text() == DESCRIPTIONS["literature-exchange"]
    assert set(dialog.editors) == {"date"}


def long_pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        sheet.drawString(72, 720, f"Page {number + 1}")
        sheet.showPage()
    sheet.save()
    return path


def test_the_preview_draws_pages_as_they_come_into_sight_and_zooms(
        qtbot: Any, settings: config.Settings, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from ui.widgets.report_preview import PREVIEW_DPI

    pdf = long_pdf(tmp_path / "long.pdf", 40)
    first = render_pages(pdf, PREVIEW_DPI, first=1)
    assert len(first) == 1
    dialog = ReportPreviewDialog(SimpleNamespace(title="Долгий отчёт", is_landscape=False),
                                 pdf, first, settings)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    qtbot.waitUntil(lambda: len(view.drawn_pages()) >= 1)
    QApplication.processEvents()
    assert len(dialog.page_labels) == 40 and dialog.pages_label.text().endswith("40")
    assert 0 in view.drawn_pages() and len(view.drawn_pages()) < 5, "only what is in sight"
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: 39 in view.drawn_pages())
    assert len(view.drawn_pages()) < 8
    before = dialog.page_labels[39].width()
    dialog.zoom_in_button.click()
    assert dialog.page_labels[39].width() > before
    assert dialog.zoom_label.text() == f"{round(view.zoom * 100)} %"
    qtbot.waitUntil(lambda: bool(view.drawn_pages()))
    dialog.fit_button.click()
    room = view.viewport().width() - 2 * 12
    assert room - 40 <= dialog.page_labels[0].width() <= room
    dialog.reject()  # the temporary file is let go with the dialog
