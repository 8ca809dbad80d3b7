"""The forms of the «Requests and monitorings» tab: an incoming request, a data collection
with its template, and the reminder text to copy into mail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.requests import rules
from imc_desktop.services.requests.records import CollectionData, RequestData
from imc_desktop.services.requests.rules import TemplateColumn

DATE_FORMAT = "dd.MM.yyyy"


def _date_edit(value: date | None, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if optional:
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(" ")
    edit.setDate(_qdate(value) if value else (edit.minimumDate() if optional
                                            else _qdate(clock.today())))
    return edit


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date_of(edit: QDateEdit, optional: bool = False) -> date | None:
    if optional and edit.date() == edit.minimumDate():
        return None
    day = edit.date()
    return date(day.year(), day.month(), day.day())


class _Deadline(QWidget):
    """A deadline: a date and an hour, or none."""

    def __init__(self, value: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("until"))
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        start = value or datetime.combine(clock.today(), time(rules.DEFAULT_HOUR))
        self.edit.setDateTime(QDateTime(_qdate(start.date()), QTime(start.hour, start.minute)))
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def value(self) -> datetime | None:
        if not self.enabled.isChecked():
            return None
        day, moment = self.edit.date(), self.edit.time()
        return datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute())


class RequestDialog(QDialog):
    def __init__(self, data: RequestData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(self.tr("Incoming request"))
        self.sender_edit = QLineEdit(data.sender)
        self.number = QLineEdit(data.number)
        self.received = _date_edit(data.received_on)
        self.subject = QPlainTextEdit(data.subject)
        self.subject.setFixedHeight(70)
        self.deadline = _Deadline(data.deadline_at)
        self.responsible = QLineEdit(data.responsible)
        self.status = QComboBox()
        self.status.addItems(list(rules.REQUEST_STATUSES))
        self.status.setCurrentText(data.status)
        self.answer_number = QLineEdit(data.answer_number)
        self.answer_date = _date_edit(data.answer_date, optional=True)
        self.files = QPlainTextEdit("\n".join(data.files))
        self.files.setPlaceholderText(self.tr("Paths to the files on the share, one a line"))
        self.files.setFixedHeight(60)
        self.notes = QLineEdit(data.notes)
        form = QFormLayout()
        for label, widget in ((self.tr("From"), self.sender_edit),
                              (self.tr("Number"), self.number),
                              (self.tr("Date"), self.received), (self.tr("Subject"), self.subject),
                              (self.tr("Deadline"), self.deadline),
                              (self.tr("Responsible"), self.responsible),
                              (self.tr("Status"), self.status),
                              (self.tr("Answer number"), self.answer_number),
                              (self.tr("Answer date"), self.answer_date),
                              (self.tr("Files"), self.files), (self.tr("Notes"), self.notes)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def result_data(self) -> RequestData:
        return replace(self.data, sender=self.sender_edit.text(), number=self.number.text(),
                       received_on=_date_of(self.received),
                       subject=self.subject.toPlainText(), deadline_at=self.deadline.value(),
                       responsible=self.responsible.text(), status=self.status.currentText(),
                       answer_number=self.answer_number.text(),
                       answer_date=_date_of(self.answer_date, optional=True),
                       files=tuple(self.files.toPlainText().splitlines()),
                       notes=self.notes.text())

    @staticmethod
    def ask(data: RequestData, parent: QWidget | None = None) -> RequestData | None:
        dialog = RequestDialog(data, parent)
        return dialog.result_data() if dialog.exec() else None


class _ColumnRow(QWidget):
    """One column of the template: its heading, its type and, for a choice, its values."""

    def __init__(self, column: TemplateColumn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(column.title)
        self.title.setPlaceholderText(self.tr("Column heading"))
        self.kind = QComboBox()
        for kind in rules.COLUMN_KINDS:
            self.kind.addItem(rules.COLUMN_KIND_TITLES[kind], kind)
        self.kind.setCurrentIndex(rules.COLUMN_KINDS.index(column.kind))
        self.choices = QLineEdit("; ".join(column.choices))
        self.choices.setPlaceholderText(self.tr("Values separated by «;»"))
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 3)
        row.addWidget(self.kind, 1)
        row.addWidget(self.choices, 3)
        row.addWidget(self.remove)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.choices.setEnabled(self.kind.currentData() == "choice")

    def column(self) -> TemplateColumn:
        kind = self.kind.currentData()
        choices = tuple(c.strip() for c in self.choices.text().split(";") if c.strip()) \
            if kind == "choice" else ()
        return TemplateColumn(self.title.text().strip(), kind, choices)


class CollectionDialog(QDialog):
    """A collection: title, request, deadline, addressees, the table's kind and template."""

    def __init__(self, data: CollectionData, requests: list[tuple[str, str]],
                 organizations: list[tuple[str, str]], kinds: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(self.tr("Data collection from the schools"))
        self.title_edit = QLineEdit(data.title)
        self.request = QComboBox()
        self.request.addItem(self.tr("(no request)"), None)
        for request_id, label in requests:
            self.request.addItem(label, request_id)
        self.request.setCurrentIndex(max(self.request.findData(data.request_id), 0))
        self.deadline = _Deadline(data.deadline_at)
        self.addressees = QComboBox()
        for mode in rules.ADDRESSEE_MODES:
            self.addressees.addItem(rules.ADDRESSEE_TITLES[mode], mode)
        self.addressees.setCurrentIndex(rules.ADDRESSEE_MODES.index(data.addressees))
        self.kind = QComboBox()
        self.kind.addItems(list(kinds))
        if data.addressee_kind:
            self.kind.setCurrentText(data.addressee_kind)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(130)
        for org_id, name in organizations:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setCheckState(_checked(org_id in data.chosen))
            self.chosen.addItem(item)
        self.mode = QComboBox()
        for mode in rules.COLLECTION_MODES:
            self.mode.addItem(rules.MODE_TITLES[mode], mode)
        self.mode.setCurrentIndex(rules.COLLECTION_MODES.index(data.mode))
        self.prefill = QComboBox()
        for source in rules.PREFILL_SOURCES:
            self.prefill.addItem(rules.PREFILL_TITLES[source], source)
        self.prefill.setCurrentIndex(rules.PREFILL_SOURCES.index(data.prefill))
        self.rows_box = QVBoxLayout()
        self.rows: list[_ColumnRow] = []
        for column in data.template or (TemplateColumn(""),):
            self._add_row(column)
        add = QPushButton(self.tr("Add column"))
        add.clicked.connect(lambda: self._add_row(TemplateColumn("")))
        self.notes = QLineEdit(data.notes)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("In answer to"), self.request)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Sent to"), self.addressees)
        form.addRow(self.tr("Type of ОО"), self.kind)
        form.addRow(self.tr("Chosen ОО"), self.chosen)
        form.addRow(self.tr("Table"), self.mode)
        form.addRow(self.tr("Pre-fill with"), self.prefill)
        form.addRow(QLabel(self.tr("Template columns")), add)
        form.addRow(self.rows_box)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.addressees.currentIndexChanged.connect(self._update)
        self.mode.currentIndexChanged.connect(self._update)
        self._update()
        self.resize(820, 640)

    def _add_row(self, column: TemplateColumn) -> None:
        row = _ColumnRow(column, self)
        row.remove.clicked.connect(lambda: self._remove_row(row))
        self.rows.append(row)
        self.rows_box.addWidget(row)

    def _remove_row(self, row: _ColumnRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def _update(self) -> None:
        mode = self.addressees.currentData()
        self.kind.setEnabled(mode == "kind")
        self.chosen.setEnabled(mode == "list")
        table = self.mode.currentData() == "table"
        self.prefill.setEnabled(table)
        if not table:
            self.prefill.setCurrentIndex(0)

    def result_data(self) -> CollectionData:
        items = [self.chosen.item(i) for i in range(self.chosen.count())]
        chosen = tuple(str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                       if item.checkState() == Qt.CheckState.Checked)
        return replace(self.data, title=self.title_edit.text(),
                       request_id=self.request.currentData(), deadline_at=self.deadline.value(),
                       addressees=self.addressees.currentData(),
                       addressee_kind=self.kind.currentText(), chosen=chosen,
                       mode=self.mode.currentData(), prefill=self.prefill.currentData(),
                       template=tuple(r.column() for r in self.rows if r.column().title),
                       notes=self.notes.text())

    @staticmethod
    def ask(data: CollectionData, requests: list[tuple[str, str]],
            organizations: list[tuple[str, str]], kinds: tuple[str, ...],
            parent: QWidget | None = None) -> CollectionData | None:
        dialog = CollectionDialog(data, requests, organizations, kinds, parent)
        return dialog.result_data() if dialog.exec() else None


def _checked(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class ReminderDialog(QDialog):
    """The reminder to the ОО that have not answered: their contacts and a ready letter."""

    def __init__(self, contacts: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminder"))
        self.contacts = QPlainTextEdit(contacts)
        self.contacts.setReadOnly(True)
        self.text = QPlainTextEdit(text)
        copy = QPushButton(self.tr("Copy the letter"))
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Not answered (head, phone, e-mail):")))
        layout.addWidget(self.contacts, 1)
        layout.addWidget(QLabel(self.tr("The letter:")))
        layout.addWidget(self.text, 2)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(760, 620)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    @staticmethod
    def show_text(contacts: str, text: str, parent: QWidget | None = None) -> None:
        ReminderDialog(contacts, text, parent).exec()
