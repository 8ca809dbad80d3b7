"""Print preview of a report: its PDF pages on screen, the system print dialog, save as."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import config
from imc_desktop.services.common import reports
from ui.widgets.messages import Ask
from ui.widgets.open_file import open_file
from ui.widgets.signers import ready_report
from ui.widgets.tasks import run_with_progress

PREVIEW_DPI = 80.0
FILTERS = {"docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}


def safe_file_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_.«»" else " " for c in title)
    return " ".join(keep.split())[:80] or "report"


def save_report(parent: QWidget | None, report: Any, settings: config.Settings,
                fmt: str | None = None, *, signers_checked: bool = False) -> Path | None:
    """Ask where, write off the GUI thread with progress, offer to open. The path written."""
    report = report if signers_checked else ready_report(parent, report, settings)
    if report is None:
        return None
    folder = Path(str(settings.raw().value("reports/last_folder", str(Path.home()))))
    filters = [FILTERS[f] for f in ((fmt,) if fmt else reports.FORMATS)]
    name, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReportPreview", "Save report"),
        str(folder / f"{safe_file_name(report.title)}.{fmt or 'docx'}"), ";;".join(filters))
    if not name:
        return None
    path = Path(name)
    kind = next((f for f, label in FILTERS.items() if label == chosen), path.suffix[1:])
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")
    if write_with_progress(parent, report, kind, path, settings) is None:
        return None
    settings.raw().setValue("reports/last_folder", str(path.parent))
    title = QCoreApplication.translate("ReportPreview", "Report saved")
    question = QCoreApplication.translate("ReportPreview", "Saved: %1\n\nOpen it now?")
    question = question.replace("%1", str(path))
    if Ask.confirm(parent, title, question):
        problem = open_file(path)
        if problem:
            Ask.error(parent, title, problem)
    return path


def write_with_progress(parent: QWidget | None, report: Any, fmt: str, path: Path,
                        settings: config.Settings) -> Path | None:
    label = QCoreApplication.translate("ReportPreview", "Writing the report…")
    report_style = reports.style(settings)  # read here: the worker must not touch QSettings
    result = run_with_progress(parent, label, lambda progress, cancelled: reports.write_styled(
        report, fmt, path, report_style, progress, cancelled))
    if result.cancelled:
        return None
    if result.error is not None:
        Ask.error(parent, QCoreApplication.translate("ReportPreview", "The report was not written"),
                  str(result.error))
        return None
    return path


class ReportPreviewDialog(QDialog):
    """Shows the pages of the report as they will print."""

    def __init__(self, report: Any, pdf: Path, pages: list[QImage], settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report, self.pdf, self.settings = report, pdf, settings
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", report.title))
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as…"))
        close = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(
            lambda: save_report(self, report, settings, signers_checked=True))
        close.clicked.connect(self.accept)
        from ui.widgets.pdf_pages import PdfFile  # (pdfium: imported when first used)
        from ui.widgets.pdf_view import SCREEN_DPI, PdfPagesView

        self.pdf_file = PdfFile(pdf)  # closed with the dialog: the file is temporary
        self.view = PdfPagesView(self.pdf_file, PREVIEW_DPI / SCREEN_DPI, pages, self)
        self.page_labels = self.view.page_labels
        self.pages_label = QLabel(self.tr("Pages: %1").replace(
            "%1", str(len(self.page_labels))))
        for widget in (self.print_button, self.save_button):
            buttons.addWidget(widget)
        buttons.addSpacing(16)
        buttons.addLayout(self._zoom_row())
        buttons.addStretch(1)
        buttons.addWidget(self.pages_label)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.finished.connect(lambda _r: self.pdf_file.close())
        self.resize(1000, 900)

    def _zoom_row(self) -> QHBoxLayout:
        """«−», the zoom in per cent, «+», «По ширине»."""
        row = QHBoxLayout()
        self.zoom_out_button, self.zoom_in_button = QToolButton(), QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_label = QLabel()
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.fit_button.clicked.connect(self.view.fit_width)
        self.view.zoomChanged.connect(self._show_zoom)
        self._show_zoom(self.view.zoom)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button):
            row.addWidget(widget)
        return row

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    @staticmethod
    def show_modal(report: Any, pdf: Path, pages: list[QImage], settings: config.Settings,
                   parent: QWidget | None) -> None:
        """Shows the preview until closed; tests replace it."""
        ReportPreviewDialog(report, pdf, pages, settings, parent).exec()

    def print_to(self, printer: QPrinter) -> int:
        """Paint the report on a printer (a real one, or a PDF file in tests)."""
        from ui.widgets.pdf_pages import print_pdf

        return print_pdf(self.pdf, printer)

    def print_report(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.report.is_landscape:
            from PySide6.QtGui import QPageLayout

            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            from ui.widgets.pdf_pages import print_pdf

            result = run_with_progress(self, self.tr("Printing…"),
                                       lambda progress, _c: print_pdf(self.pdf, printer, progress))
            if result.error is not None:
                Ask.error(self, self.tr("Print"), str(result.error))


def preview_report(parent: QWidget | None, report: Any, settings: config.Settings) -> None:
    """Write the PDF off the GUI thread, then show its pages."""
    report = ready_report(parent, report, settings)
    if report is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "preview.pdf"
        report_style = reports.style(settings)

        def work(progress: Any, cancelled: Any) -> list[QImage]:
            """The PDF and its first page; the others are drawn as they come into sight."""
            from ui.widgets.pdf_pages import render_pages

            reports.write_styled(report, "pdf", pdf, report_style, progress, cancelled)
            return render_pages(pdf, PREVIEW_DPI, cancelled=cancelled, first=1)

        label = QCoreApplication.translate("ReportPreview", "Preparing the preview…")
        result = run_with_progress(parent, label, work)
        if result.cancelled:
            return
        if result.error is not None:
            Ask.error(parent, QCoreApplication.translate("ReportPreview", "Preview"),
                      str(result.error))
            return
        ReportPreviewDialog.show_modal(report, pdf, result.value, settings, parent)
