"""The document editor: header, lines picked by title or ISBN, sums; save, post, unpost, print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop import validation as v
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature.documents import DocumentData, LineData
from imc_desktop.services.literature.issuing import issue_warnings
from imc_desktop.services.literature.records import TitleData
from ui.literature.lines_model import LinesTableModel
from ui.widgets.import_parts import fill
from ui.widgets.messages import Ask
from ui.widgets.read_only_note import read_only_note
from ui.widgets.record_form import ERROR_STYLE, DateEdit
from ui.widgets.table_model import display_text

FUND = ""


@dataclass(frozen=True)
class DocumentContext:
    """What the editor offers: the catalogue, the ОО, the ИМЦ fund's name, how to print."""

    titles: tuple[TitleData, ...]
    holders: tuple[tuple[str, str], ...]
    fund_name: str
    print_document: Callable[[QWidget, str], None] | None = None


class DocumentDialog(QDialog):
    def __init__(self, data: DocumentData, context: DocumentContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data, self.context = data, context
        self.titles = {t.id: t for t in context.titles}
        self.by_label = {self._choice_text(t): t for t in context.titles}
        self.lines = LinesTableModel(data.lines, self)
        self._build()
        self._show(data)
        self.resize(980, 720)

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        form = QFormLayout()
        self.labels: dict[QWidget, QLabel] = {}
        self.errors: dict[QWidget, QLabel] = {}  # a field's problem, under it
        self._owner: dict[QObject, QWidget] = {}  # a widget that takes focus -> its field
        self._visited: set[QWidget] = set()
        for text, editor in self._header_editors():
            label = QLabel(text)
            self.labels[editor] = label
            form.addRow(label, editor)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            form.addRow("", error)
            self.errors[editor] = error
            for part in (editor, *editor.findChildren(QWidget)):
                self._owner[part] = editor
                part.installEventFilter(self)
        self.kind.currentTextChanged.connect(self._kind_changed)
        layout = QVBoxLayout(self)
        self.read_only_note = read_only_note(self.tr(
            "The document is posted: it cannot be changed. To correct it, unpost it first "
            "(«Unpost»), or make a new document."), self)
        layout.addWidget(self.read_only_note)
        layout.addLayout(form)
        layout.addLayout(self._picker())
        layout.addWidget(self._lines_view(), 1)
        self.total = QLabel()
        layout.addWidget(self.total)
        self.summary = QLabel()  # what is not a header field's: the lines
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the search adds a line, nothing else
        self.lines.dataChanged.connect(self._update_total)
        self.lines.rowsInserted.connect(self._update_total)
        self.lines.rowsRemoved.connect(self._update_total)

    def _header_editors(self) -> list[tuple[str, QWidget]]:
        self.kind = QComboBox()
        self.kind.addItems(list(docs.KINDS))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("assigned on saving"))
        self.doc_date = DateEdit()
        self.from_holder, self.to_holder = self._holder_combo(), self._holder_combo()
        self.supplier, self.supplier_number = QLineEdit(), QLineEdit()
        self.supplier_date, self.return_by = DateEdit(), DateEdit()
        self.reason, self.act_number, self.notes = QLineEdit(), QLineEdit(), QLineEdit()
        return [(self.tr("Kind"), self.kind), (self.tr("Number"), self.number),
                (self.tr("Date"), self.doc_date), (self.tr("From"), self.from_holder),
                (self.tr("To"), self.to_holder), (self.tr("Supplier"), self.supplier),
                (self.tr("Supplier's waybill No."), self.supplier_number),
                (self.tr("Supplier's waybill date"), self.supplier_date),
                (self.tr("Reason for write-off"), self.reason),
                (self.tr("Write-off act No."), self.act_number),
                (self.tr("Return by (temporary transfer)"), self.return_by),
                (self.tr("Notes"), self.notes)]

    def _holder_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.context.fund_name, FUND)
        for org_id, name in self.context.holders:
            combo.addItem(name, org_id)
        return combo

    @staticmethod
    def _choice_text(t: TitleData) -> str:
        return f"{t.label}{f' — ISBN {t.isbn}' if t.isbn else ''}"

    def _picker(self) -> QHBoxLayout:
        self.title_search = QLineEdit()
        self.title_search.setPlaceholderText(self.tr("Title, author or ISBN — Enter adds a line"))
        completer = QCompleter(sorted(self.by_label), self.title_search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.title_search.setCompleter(completer)
        self.title_search.returnPressed.connect(self.add_from_search)
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(self.add_from_search)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self.remove_line)
        row = QHBoxLayout()
        for w in (self.title_search, self.add_button, self.remove_button):
            row.addWidget(w, 1 if w is self.title_search else 0)
        return row

    def _lines_view(self) -> QTableView:
        self.view = QTableView()
        self.view.setModel(self.lines)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 90), (2, 110), (3, 120)):
            header.resizeSection(col, width)
        return self.view

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save draft"))
        self.post_button = QPushButton(self.tr("Post"))
        self.unpost_button = QPushButton(self.tr("Unpost"))
        self.return_button = QPushButton(self.tr("Bring back…"))
        self.return_button.setToolTip(self.tr(
            "Make a draft that brings this temporary transfer back"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.close_button = QPushButton(self.tr("Close"))
        actions = ((self.save_button, self.save), (self.post_button, self.post),
                   (self.unpost_button, self.unpost), (self.return_button, self.make_return),
                   (self.print_button, self.print_document),
                   (self.close_button, self.accept))
        row = QHBoxLayout()
        row.addStretch(1)
        for button, slot in actions:
            button.clicked.connect(slot)
            row.addWidget(button)
        self._shortcuts()
        return row

    def _shortcuts(self) -> None:
        """Ctrl+S saves the draft, Ctrl+Enter posts it — while the button is there."""
        self.save_button.setToolTip(self.tr("Save the draft (Ctrl+S)"))
        self.post_button.setToolTip(self.tr("Save and post the document (Ctrl+Enter)"))
        keys = ((QKeySequence.StandardKey.Save, self.save_button),
                (QKeySequence("Ctrl+Return"), self.post_button),
                (QKeySequence("Ctrl+Enter"), self.post_button))
        for key, button in keys:
            shortcut = QShortcut(key, self)
            shortcut.activated.connect(lambda b=button: self._press(b))

    def _press(self, button: QPushButton) -> None:
        if button.isVisibleTo(self) and button.isEnabled():
            button.setFocus()  # an open cell editor commits its value first
            button.click()

    # ---------------------------------------------------------------- showing
    def _show(self, data: DocumentData) -> None:
        self.kind.setCurrentText(data.kind)
        self.number.setText(data.number)
        self.doc_date.set_date_value(data.doc_date or clock.today())
        for combo, org_id in ((self.from_holder, data.from_org_id),
                              (self.to_holder, data.to_org_id)):
            combo.setCurrentIndex(max(combo.findData(org_id or FUND), 0))
        self.supplier.setText(data.supplier)
        self.supplier_number.setText(data.supplier_doc_number)
        self.supplier_date.set_date_value(data.supplier_doc_date)
        self.reason.setText(data.reason)
        self.act_number.setText(data.act_number)
        self.return_by.set_date_value(data.return_by)
        self.notes.setText(data.notes)
        self._kind_changed(data.kind)
        self._set_state()
        self._initial = self.current()

    def _kind_changed(self, kind: str) -> None:
        rule_from, rule_to = docs.SIDES.get(kind, (docs.OPTIONAL, docs.OPTIONAL))
        shown = {self.from_holder: rule_from != docs.EMPTY or kind == docs.ISSUE,
                 self.to_holder: rule_to != docs.EMPTY or kind == docs.RETURN,
                 self.supplier: kind in (docs.RECEIPT, docs.OPENING),
                 self.supplier_number: kind == docs.RECEIPT,
                 self.supplier_date: kind == docs.RECEIPT,
                 self.reason: kind == docs.WRITE_OFF, self.act_number: kind == docs.WRITE_OFF,
                 self.return_by: kind in docs.TEMPORARY_KINDS}
        for editor, visible in shown.items():
            editor.setVisible(visible)
            self.labels[editor].setVisible(visible)
            if not visible:
                self.errors[editor].hide()
        for combo, rule in ((self.from_holder, rule_from), (self.to_holder, rule_to)):
            if rule == docs.EMPTY:
                combo.setCurrentIndex(0)
            elif rule == docs.REQUIRED and combo.currentIndex() == 0 and combo.count() > 1:
                combo.setCurrentIndex(1)
            combo.setEnabled(rule != docs.EMPTY and not self.data.posted)

    def _set_state(self) -> None:
        posted = self.data.posted
        for w in (self.kind, self.number, self.doc_date, self.supplier, self.supplier_number,
                  self.supplier_date, self.reason, self.act_number, self.return_by, self.notes,
                  self.title_search, self.add_button, self.remove_button, self.save_button):
            w.setEnabled(not posted)
        self._kind_changed(self.kind.currentText())
        self.lines.read_only = posted
        self.read_only_note.setVisible(posted)
        self.post_button.setVisible(not posted)
        self.unpost_button.setVisible(posted)
        self.return_button.setVisible(posted and self.data.return_by is not None)
        self.print_button.setEnabled(self.data.id is not None)
        state = self.tr("posted") if posted else self.tr("draft")
        number = self.data.number or "…"
        self.setWindowTitle(f"{self.data.kind} № {number} — {state}")
        self._update_total()

    def _update_total(self) -> None:
        data = self.current()
        self.total.setText(self.tr("Total: %1 copies, %2 roubles").replace(
            "%1", str(data.quantity)).replace("%2", display_text("money", data.amount)))

    # ---------------------------------------------------------------- reading
    def current(self) -> DocumentData:
        def day(editor: DateEdit) -> date | None:
            value = editor.date_value()
            return value if isinstance(value, date) else None

        return replace(
            self.data, kind=self.kind.currentText(), number=self.number.text().strip(),
            doc_date=day(self.doc_date), from_org_id=self.from_holder.currentData() or None,
            to_org_id=self.to_holder.currentData() or None, supplier=self.supplier.text(),
            supplier_doc_number=self.supplier_number.text().strip(),
            supplier_doc_date=day(self.supplier_date), reason=self.reason.text(),
            act_number=self.act_number.text().strip(), return_by=day(self.return_by),
            notes=self.notes.text(), lines=tuple(self.lines.lines))

    def problems(self) -> tuple[dict[QWidget, str], list[str]]:
        """The header fields' problems, and the others (the lines): the service's checks,
        and a date that is not one."""
        fields = {"kind": self.kind, "number": self.number, "doc_date": self.doc_date,
                  "from_org_id": self.from_holder, "to_org_id": self.to_holder,
                  "supplier": self.supplier, "supplier_doc_date": self.supplier_date,
                  "reason": self.reason, "return_by": self.return_by}
        found: dict[QWidget, str] = {}
        rest: list[str] = []
        for name, text in docs.validate_document(self.current()).items():
            if name in fields:
                found[fields[name]] = text
            else:
                rest.append(text)
        for editor in (self.doc_date, self.supplier_date, self.return_by):
            if isinstance(editor.date_value(), str):
                found[editor] = self.tr("Not a date: «%1». Type it as dd.mm.yyyy.").replace(
                    "%1", editor.text())
        return found, rest

    def show_problems(self, every: bool = False) -> bool:
        """Each problem under its field: of the fields left so far, or all (on «Save»);
        True when there is one."""
        found, rest = self.problems()
        for editor, error in self.errors.items():
            text = found.get(editor, "") if every or editor in self._visited else ""
            error.setText(text)
            error.setVisible(bool(text) and editor.isVisible())
        self.summary.setText("\n".join(rest) if every else "")
        self.summary.setVisible(every and bool(rest))
        return bool(found or rest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._owner:
            editor = self._owner[watched]
            focus = QApplication.focusWidget()
            if focus is None or not editor.isAncestorOf(focus):  # not its own part
                self._visited.add(editor)
                self.show_problems()
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- commands
    def find_title(self, text: str) -> TitleData | None:
        text = text.strip()
        if text in self.by_label:
            return self.by_label[text]
        digits = v.digits(text.upper().replace("X", "0"))
        if len(digits) in (10, 13):
            for t in self.context.titles:
                if t.isbn and v.digits(t.isbn.upper().replace("X", "0")) == digits:
                    return t
        wanted = text.casefold()
        found = [t for label, t in self.by_label.items() if wanted and wanted in label.casefold()]
        return found[0] if len(found) == 1 else None

    def add_from_search(self) -> None:
        title = self.find_title(self.title_search.text())
        if title is None or title.id is None:
            Ask.error(self, self.tr("Title not found"), self.tr(
                "No single title matches «%1». Type more of the title or the full ISBN.")
                .replace("%1", self.title_search.text()))
            return
        row = self.lines.add(LineData(title.id, 1, title.price, title.label))
        self.view.setCurrentIndex(self.lines.index(row, 1))
        self.title_search.clear()

    def remove_line(self) -> None:
        self.lines.remove(self.view.currentIndex().row())

    def save(self) -> bool:
        if self.show_problems(every=True):  # all of them at once, under their fields
            return False
        try:
            document_id = docs.save_document(self.current())
        except ValidationFailed as exc:
            if "number" in exc.problems:  # the number is taken: said under it
                self.errors[self.number].setText(exc.problems["number"])
                self.errors[self.number].show()
                return False
            Ask.error(self, self.tr("Document not saved"), str(exc))
            return False
        except ServiceError as exc:
            Ask.error(self, self.tr("Document not saved"), str(exc))
            return False
        self.data = docs.get_document(document_id)
        self._show(self.data)
        return True

    def _switch(self, command: Callable[[str], None], title: str) -> None:
        if self.data.id is None:
            return
        try:
            command(self.data.id)
        except ServiceError as exc:
            Ask.error(self, title, str(exc))
            return
        self.data = docs.get_document(self.data.id)
        self._set_state()

    def post(self) -> None:
        if self.save() and self._excluded_titles_accepted():
            self._switch(docs.post_document, self.tr("Document not posted"))

    def _excluded_titles_accepted(self) -> bool:
        """Issuing a title excluded from the federal list, or past its last day of use, is
        asked about first (the methodist may still post)."""
        warnings = issue_warnings(self.data.id) if self.data.id else []
        return not warnings or Ask.confirm(self, self.tr("Excluded textbooks"), fill(self.tr(
            "These titles are excluded from the federal list of textbooks or past their "
            "last day of use:\n\n%1\n\nPost the document anyway?"), "\n".join(warnings)))

    def unpost(self) -> None:
        if Ask.confirm(self, self.tr("Unpost document"), self.tr(
                "Unpost the document? Its copies will no longer count in the balances.")):
            self._switch(docs.unpost_document, self.tr("Document not unposted"))

    def make_return(self) -> None:
        """Turn the editor to a new draft bringing this temporary transfer back."""
        if self.data.id is None:
            return
        try:
            draft = docs.return_draft(self.data.id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Bring back"), str(exc))
            return
        self.data = draft
        self.lines.set_lines(draft.lines)
        self._show(draft)

    def print_document(self) -> None:
        if self.data.id is not None and self.context.print_document is not None:
            self.context.print_document(self, self.data.id)

    def is_dirty(self) -> bool:
        """Unsaved edits, or a new draft with lines (e.g. «Bring back…») not saved yet."""
        if self.data.posted:
            return False
        current = self.current()
        return current != self._initial or (self.data.id is None and bool(current.lines))

    def done(self, result: int) -> None:
        """Closing with unsaved changes asks whether to save the draft first."""
        if self.is_dirty() and Ask.confirm(self, self.tr("Unsaved changes"), self.tr(
                "The document has unsaved changes. Save the draft?")) and not self.save():
            return
        super().done(result)

    @staticmethod
    def edit(data: DocumentData, context: DocumentContext, parent: QWidget | None = None
             ) -> None:
        """Open the editor (modal). Tests replace this."""
        DocumentDialog(data, context, parent).exec()
