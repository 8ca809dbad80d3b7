"""A collection's card: its answers per ОО with their statuses, the blanks prepared in one
step, the returned files dropped on the window or picked, the reminder and the summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.requests import records, rules, write
from imc_desktop.services.requests.records import AnswerRow, CollectionData
from imc_desktop.services.requests.rules import Debtor
from ui.requests.dialogs import ReminderDialog
from ui.widgets.messages import Ask
from ui.widgets.record_list import Column, RecordList
from ui.widgets.tasks import run_with_progress


class Pick:
    """The file choosers of the card (tests replace them)."""

    @staticmethod
    def folder(parent: QWidget, title: str, start: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(chosen) if chosen else None

    @staticmethod
    def files(parent: QWidget, title: str, start: str) -> list[Path]:
        chosen, _filter = QFileDialog.getOpenFileNames(parent, title, start,
                                                       "Excel (*.xlsx)")
        return [Path(p) for p in chosen]

    @staticmethod
    def save(parent: QWidget, title: str, start: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, start,
                                                      "Excel (*.xlsx);;Word (*.docx)")
        return Path(chosen) if chosen else None


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class TextDialog(QDialog):
    """A long text to read (the result of reading the files)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(820, 480)

    @staticmethod
    def show_text(title: str, text: str, parent: QWidget | None = None) -> None:
        TextDialog(title, text, parent).exec()


class CollectionCard(QDialog):
    def __init__(self, collection: CollectionData, settings: config.Settings,
                 parent: QWidget | None = None,
                 edit: Callable[[CollectionData], None] | None = None) -> None:
        """`edit(collection)`: the tab's form of the collection (title, addressees, template)."""
        super().__init__(parent)
        self.collection, self.settings, self._edit = collection, settings, edit
        self.setWindowTitle(self.tr("Data collection: %1").replace("%1", collection.title))
        self.setAcceptDrops(True)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.answers = RecordList("collection_answers", self.tr("Answers of the ОО"),
                                  self._columns(), self._load, {records.ANSWERS,
                                                                records.COLLECTIONS},
                                  settings.raw(), self)
        self.answers.countChanged.connect(lambda *_a: self._show_heading())
        self.only_missing = QCheckBox(self.tr("Only the ОО that have not answered"))
        self.only_missing.toggled.connect(lambda on: self.answers.set_predicate(
            (lambda a: not a.answered) if on else None))
        self.answers.filters.addWidget(self.only_missing)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Edit…"), self.edit_collection),
                           (self.tr("Prepare blanks…"), self.prepare_blanks),
                           (self.tr("Read answers…"), self.read_files),
                           (self.tr("Read a folder…"), self.read_folder),
                           (self.tr("Accept"), self.accept_answers),
                           (self.tr("Return for rework…"), self.return_answers),
                           (self.tr("Reminder…"), self.reminder),
                           (self.tr("Summary…"), self.export_summary)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Drop the returned .xlsx files on this window to read them."))
        hint.setStyleSheet("color: gray")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.answers, 1)
        layout.addWidget(hint)
        self.answers.reload()
        self._show_heading()
        self.resize(1250, 700)

    def _load(self) -> list[AnswerRow]:
        return records.answers(self.collection.id or "")

    def _columns(self) -> list[Column]:
        return [
            Column("organization", self.tr("ОО"), lambda a: a.organization, width=260),
            Column("status", self.tr("Status"), lambda a: a.status, width=170),
            Column("sent_on", self.tr("Sent"), lambda a: a.sent_on, kind="date", width=95),
            Column("received_on", self.tr("Received"), lambda a: a.received_on, kind="date",
                   width=95),
            Column("accepted_on", self.tr("Accepted"), lambda a: a.accepted_on, kind="date",
                   width=95),
            Column("head_name", self.tr("Head"), lambda a: a.head_name, width=200),
            Column("head_phone", self.tr("Phone"), lambda a: a.head_phone, width=140),
            Column("head_email", self.tr("E-mail"), lambda a: a.head_email, width=170),
            Column("remarks", self.tr("Remarks"), lambda a: a.remarks, width=200),
            Column("file_path", self.tr("File"), lambda a: a.file_path, width=300, hidden=True),
        ]

    def _show_heading(self) -> None:
        try:
            c = records.get_collection(self.collection.id or "")
        except ServiceError:
            return
        self.collection = c
        deadline = rules.deadline_text(c.deadline_at) or self.tr("no deadline")
        state = {"overdue": self.tr(" — overdue"), "soon": self.tr(" — due soon")}.get(
            c.deadline_state, "")
        self.heading.setText(self.tr("<b>%1</b><br>Deadline: %2%3. Table: %4, template "
                                     "version %5. Answered: %6 of %7.")
                             .replace("%1", c.title).replace("%2", deadline)
                             .replace("%3", state).replace("%4", rules.MODE_TITLES[c.mode])
                             .replace("%5", str(c.template_version))
                             .replace("%6", str(c.answered)).replace("%7", str(c.total)))

    def edit_collection(self) -> None:
        if self._edit is not None:
            self._edit(records.get_collection(self.collection.id or ""))
            self.answers.reload()
            self._show_heading()

    # ------------------------------------------------------------------ blanks

    def prepare_blanks(self) -> None:
        from imc_desktop.services.requests import blanks  # openpyxl: not at start

        folder = Pick.folder(self, self.tr("Folder for the blanks"),
                             self.collection.folder or _documents())
        if folder is None:
            return
        collection_id = self.collection.id or ""
        done = run_with_progress(self, self.tr("Preparing the blanks…"),
                                 lambda progress, cancelled: blanks.generate_blanks(
                                     collection_id, folder, progress, cancelled))
        if done.error is not None:
            Ask.error(self, self.tr("Blanks"), str(done.error))
            return
        Ask.info(self, self.tr("Blanks"),
                 self.tr("Files prepared: %1\nFolder: %2")
                 .replace("%1", str(len(done.value.files))).replace("%2", str(folder)))

    # ------------------------------------------------------------------ answers

    def read_files(self) -> None:
        paths = Pick.files(self, self.tr("Returned files"), self.collection.folder or _documents())
        if paths:
            self.read(paths)

    def read_folder(self) -> None:
        folder = Pick.folder(self, self.tr("Folder with the returned files"),
                             self.collection.folder or _documents())
        if folder is not None:
            self.read(sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$")))

    def read(self, paths: list[Path]) -> None:
        from imc_desktop.services.requests import importing  # the import engine: not at start

        if not paths:
            Ask.info(self, self.tr("Answers"), self.tr("No .xlsx files were chosen."))
            return
        collection_id = self.collection.id or ""
        done = run_with_progress(self, self.tr("Reading the answers…"),
                                 lambda progress, _cancelled: importing.read_returned(
                                     collection_id, paths, progress), cancellable=False)
        if done.error is not None:
            Ask.error(self, self.tr("Answers"), str(done.error))
            return
        result = done.value
        lines = [self.tr("Files taken: %1 of %2.").replace("%1", str(len(result.accepted)))
                 .replace("%2", str(len(result.files)))]
        if result.rejected:
            lines += ["", self.tr("Not taken (nothing from them was written):"),
                      *result.messages()]
        TextDialog.show_text(self.tr("Answers read"), "\n".join(lines), self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.toLocalFile().lower().endswith(".xlsx") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()
                 if u.toLocalFile().lower().endswith(".xlsx")]
        event.acceptProposedAction()
        self.read(paths)

    def _selected(self) -> list[AnswerRow]:
        return list(self.answers.selected_rows())

    def accept_answers(self) -> None:
        chosen = [a for a in self._selected() if a.status == rules.RECEIVED]
        if not chosen:
            Ask.info(self, self.tr("Accept"), self.tr("Select received answers to accept."))
            return
        write.set_answer_status([a.id for a in chosen], rules.ACCEPTED)

    def return_answers(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        remarks, ok = QInputDialog.getText(self, self.tr("Return for rework"),
                                           self.tr("What must the ОО correct?"))
        if not ok:
            return
        try:
            write.set_answer_status([a.id for a in chosen], rules.RETURNED, remarks)
        except ServiceError as exc:
            Ask.error(self, self.tr("Return for rework"), str(exc))

    # ------------------------------------------------------------------ reminder, summary

    def reminder(self) -> None:
        missing = records.debtors(self.collection.id or "")
        if not missing:
            Ask.info(self, self.tr("Reminder"), self.tr("Every ОО has answered."))
            return
        contacts = "\n".join(f"{a.organization}: {a.head_name or '—'}, {a.head_phone or '—'}, "
                             f"{a.head_email or '—'}" for a in missing)
        sender = self.settings.get(config.IMC_NAME)
        text = rules.reminder_text(self.collection.title, self.collection.deadline_at,
                                   [Debtor(a.organization, a.head_name, a.head_phone,
                                           a.head_email) for a in missing],
                                   clock.now(), sender)
        ReminderDialog.show_text(contacts, text, self)

    def export_summary(self) -> None:
        start = str(Path(self.collection.folder or _documents())
                    / f"Сводная — {rules.safe_file_part(self.collection.title)}.xlsx")
        path = Pick.save(self, self.tr("Save the summary"), start)
        if path is None:
            return
        fmt = "docx" if path.suffix.lower() == ".docx" else "xlsx"
        path = path.with_suffix("." + fmt)
        from imc_desktop.services.common import reports as common_reports
        from imc_desktop.services.requests import reports

        try:
            ctx = common_reports.context(self.settings)
            report = ctx.dress(reports.summary_report(reports.summary(self.collection.id or "")))
            common_reports.write(report, fmt, path, self.settings)
        except Exception as exc:  # noqa: BLE001 — a service or export error, said to the user
            Ask.error(self, self.tr("Summary"), str(exc))
            return
        Ask.info(self, self.tr("Summary"), self.tr("Saved: %1").replace("%1", str(path)))

    @staticmethod
    def show_card(collection: CollectionData, settings: config.Settings,
                  parent: QWidget | None = None,
                  edit: Callable[[CollectionData], None] | None = None) -> Any:
        return CollectionCard(collection, settings, parent, edit).exec()
