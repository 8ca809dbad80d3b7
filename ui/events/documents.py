"""The «Документы» menu of the events tab: certificates and diplomas (PDF), the attendance
sheet and the contest protocol (Word), the reports, iCalendar out and in, reminders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.events import documents as docs
from imc_desktop.services.events import ics as events_ics
from imc_desktop.services.events.reports import ATTENDANCE, PROTOCOL
from ui.events.reminders import RemindersDialog
from ui.widgets.messages import Ask
from ui.widgets.open_file import open_file

if TYPE_CHECKING:
    from ui.events.tab import EventsTab


class FilePaths:
    """Where to write or what to read; tests replace these."""

    @staticmethod
    def save(parent: QWidget, title: str, suggested: Path, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(name) if name else None

    @staticmethod
    def open(parent: QWidget, title: str, folder: Path, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
        return Path(name) if name else None


class DocumentsMenu(QObject):
    def __init__(self, tab: EventsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.button = QPushButton(self.tr("Documents"))
        self.menu = QMenu(tab)
        items: list[tuple[str, Callable[[], object]] | None] = [
            (self.tr("Certificates (PDF)…"), lambda: self.certificates(docs.CERTIFICATE)),
            (self.tr("Diplomas (PDF)…"), lambda: self.certificates(docs.DIPLOMA)),
            (self.tr("Attendance sheet (Word)…"), lambda: self.event_report(ATTENDANCE)),
            (self.tr("Contest results protocol (Word)…"),
             lambda: self.event_report(PROTOCOL)),
            None,
            (self.tr("Plans and reports…"), self.reports),
            None,
            (self.tr("Export the shown events to iCalendar…"), self.export_ics),
            (self.tr("Import from iCalendar…"), self.import_ics),
            (self.tr("Import events from Excel…"), lambda: self.import_excel("events")),
            (self.tr("Import participants from Excel…"),
             lambda: self.import_excel("event_participants")),
            None,
            (self.tr("Reminders…"), self.reminders),
        ]
        for item in items:
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item[0], item[1])
        self.button.setMenu(self.menu)

    def _folder(self) -> Path:
        return Path(str(self.tab.settings.raw().value("reports/last_folder", str(Path.home()))))

    def _event_or_say(self) -> str | None:
        row = self.tab.current_event()
        if row is None:
            Ask.info(self.tab, self.tr("Documents"), self.tr("Choose an event first."))
            return None
        return row.id

    def _offer_open(self, path: Path, text: str) -> None:
        self.tab.settings.raw().setValue("reports/last_folder", str(path.parent))
        question = text + "\n\n" + self.tr("Open it now?")
        if Ask.confirm(self.tab, self.tr("Documents"), question):
            problem = open_file(path)
            if problem:
                Ask.error(self.tab, self.tr("Documents"), problem)

    def certificates(self, kind: str) -> int:
        event_id = self._event_or_say()
        if event_id is None:
            return 0
        suggested = self._folder() / f"{kind}ы.pdf"
        path = FilePaths.save(self.tab, self.tr("Save certificates"), suggested,
                              "PDF (*.pdf)")
        if path is None:
            return 0
        try:
            count = docs.print_documents(event_id, kind, path,
                                         docs.Layout.from_settings(self.tab.settings),
                                         font_path=reports.style(self.tab.settings).pdf_font_path)
        except (ServiceError, OSError) as exc:
            Ask.error(self.tab, self.tr("Certificates were not written"), str(exc))
            return 0
        self._offer_open(path, self.tr("Pages written: %1. File: %2").replace(
            "%1", str(count)).replace("%2", str(path)))
        return count

    def event_report(self, name: str) -> None:
        from ui.widgets.report_preview import save_report

        event_id = self._event_or_say()
        if event_id is None:
            return
        try:
            report = reports.build(name, {"event": event_id}, self.tab.settings)
        except ServiceError as exc:
            Ask.error(self.tab, self.tr("Documents"), str(exc))
            return
        save_report(self.tab, report, self.tab.settings, "docx")

    def reports(self) -> None:
        from ui.reports_dialog import ReportsDialog

        ReportsDialog.ask(self.tab.settings, self.tab)

    def export_ics(self) -> int:
        rows = self.tab.visible_rows()
        path = FilePaths.save(self.tab, self.tr("Export to iCalendar"),
                              self._folder() / "Мероприятия.ics", "iCalendar (*.ics)")
        if path is None:
            return 0
        try:
            count = events_ics.export_ics(rows, path)
        except OSError as exc:
            Ask.error(self.tab, self.tr("Export to iCalendar"), str(exc))
            return 0
        Ask.info(self.tab, self.tr("Export to iCalendar"), self.tr(
            "Events written: %1. File: %2").replace("%1", str(count)).replace("%2", str(path)))
        return count

    def import_ics(self) -> None:
        path = FilePaths.open(self.tab, self.tr("Import from iCalendar"), self._folder(),
                              "iCalendar (*.ics)")
        if path is None:
            return
        try:
            done = events_ics.import_ics(path)
        except ServiceError as exc:
            Ask.error(self.tab, self.tr("Import from iCalendar"), str(exc))
            return
        text = self.tr("New events: %1; updated: %2.")
        Ask.info(self.tab, self.tr("Import from iCalendar"), text.replace(
            "%1", str(done.created)).replace("%2", str(done.updated)))

    def import_excel(self, kind: str) -> None:
        from imc_desktop.services.common import importing
        from ui.widgets.import_wizard import ImportWizard

        ImportWizard.ask(kind, importing.mapping_store(self.tab.settings.data_dir()), self.tab)

    def reminders(self) -> None:
        RemindersDialog.ask(self.tab.reminders(), self.tab, self.tab.open_event)
