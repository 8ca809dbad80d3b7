"""«Документы»: the journal of documents with filters; opens the document editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock, config
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature.documents import DocumentData, DocumentRow
from ui.literature.document_dialog import DocumentContext, DocumentDialog
from ui.widgets.changes import keep_filled
from ui.widgets.messages import Ask
from ui.widgets.record_list import Column, RecordList
from ui.widgets.table_model import ROW_ROLE

TABLES = {"literature_documents", "literature_lines", "literature_titles", "organizations"}
POSTED, DRAFT, OVERDUE = "posted", "draft", "overdue"
OVERDUE_TEXT, OVERDUE_BACKGROUND = QColor("#a4161a"), QColor("#fdecec")


class OverdueDelegate(QStyledItemDelegate):
    """Temporary transfers not brought back by their date are red."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        row = index.data(ROW_ROLE)
        if isinstance(row, DocumentRow) and row.overdue:
            option.palette.setColor(QPalette.ColorRole.Text, OVERDUE_TEXT)
            option.backgroundBrush = QBrush(OVERDUE_BACKGROUND)


class DocumentsPage(QWidget):
    def __init__(self, settings: config.Settings,
                 print_document: Callable[[QWidget, str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.print_document = print_document
        self.record_list = RecordList("literature_documents", self.tr("Literature documents"),
                                      self._columns(), docs.list_documents, TABLES,
                                      settings.raw(), self)
        self.record_list.view.setItemDelegate(OverdueDelegate(self.record_list.view))
        self._build_filters()
        buttons = self._new_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.record_list)
        self.record_list.openRequested.connect(self.open_document)
        self.record_list.addRequested.connect(lambda: self.new_document(docs.ISSUE))
        self.record_list.deleteRequested.connect(self.delete_documents)
        self.record_list.reload()

    def _build_filters(self) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in docs.KINDS:
            self.kind_filter.addItem(kind, kind)
        self.state_filter = QComboBox()
        for text, value in ((self.tr("Posted and drafts"), None), (self.tr("Posted"), POSTED),
                            (self.tr("Drafts"), DRAFT),
                            (self.tr("Overdue returns"), OVERDUE)):
            self.state_filter.addItem(text, value)
        self.holder_filter = QComboBox()
        self.holder_filter.addItem(self.tr("Any organization"), None)
        keep_filled(self.holder_filter, lit.holder_choices)
        for combo in (self.kind_filter, self.state_filter, self.holder_filter):
            self.record_list.filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply_filters)

    def _new_buttons(self) -> QHBoxLayout:
        """A button for each kind of document a methodist makes by hand."""
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 0)
        self.new_buttons: dict[str, QPushButton] = {}
        for kind in docs.KINDS[:5]:
            button = QPushButton(kind.capitalize() + "…")
            button.clicked.connect(lambda _c=False, k=kind: self.new_document(k))
            buttons.addWidget(button)
            self.new_buttons[kind] = button
        buttons.addStretch(1)
        return buttons

    def _columns(self) -> list[Column]:
        return [
            Column("doc_date", self.tr("Date"), lambda d: d.doc_date, kind="date", width=95),
            Column("kind", self.tr("Kind"), lambda d: d.kind, width=110),
            Column("number", self.tr("No."), lambda d: d.number, width=60),
            Column("posted", self.tr("Posted"), lambda d: d.posted, kind="bool", width=80),
            Column("sender", self.tr("From"), lambda d: d.sender, width=240),
            Column("receiver", self.tr("To"), lambda d: d.receiver, width=240),
            Column("quantity", self.tr("Copies"), lambda d: d.quantity, kind="int", width=80),
            Column("amount", self.tr("Sum"), lambda d: d.amount, kind="money", width=110),
            Column("return_by", self.tr("Return by"), lambda d: d.return_by, kind="date",
                   width=100),
            Column("returned", self.tr("Returned"), lambda d: d.returned if d.return_by else None,
                   kind="bool", width=90),
            Column("still_out", self.tr("Not back"),
                   lambda d: d.still_out if d.return_by and d.posted else None, kind="int",
                   width=90),
            Column("basis", self.tr("Basis"), lambda d: d.basis, width=260),
        ]

    def _apply_filters(self) -> None:
        kind, state = self.kind_filter.currentData(), self.state_filter.currentData()
        holder = self.holder_filter.currentData()

        def keep(d: DocumentRow) -> bool:
            if (kind and d.kind != kind) or (holder and holder not in (d.sender_id,
                                                                        d.receiver_id)):
                return False
            if state == OVERDUE:
                return d.overdue
            return state is None or d.posted == (state == POSTED)

        self.record_list.set_predicate(keep)

    def context(self) -> DocumentContext:
        return DocumentContext(tuple(lit.list_titles()), tuple(lit.holder_choices()),
                               lit.IMC_FUND, self.print_document)

    def new_document(self, kind: str) -> None:
        DocumentDialog.edit(DocumentData(kind=kind, doc_date=clock.today()), self.context(), self)

    def open_document(self, row: DocumentRow | None = None) -> None:
        row = row or self.record_list.current_row()
        if row is None:
            return
        try:
            data = docs.get_document(row.id)
        except ServiceError as exc:
            Ask.error(self, self.tr("Document"), str(exc))
            return
        DocumentDialog.edit(data, self.context(), self)

    def delete_documents(self, rows: list[DocumentRow]) -> None:
        names = "\n".join(f"{d.kind} № {d.number}" for d in rows[:10])
        if not Ask.confirm(self, self.tr("Delete documents"),
                           self.tr("Delete %n draft document(s)?", "", len(rows)) + "\n\n"
                           + names):
            return
        for row in rows:
            try:
                docs.delete_document(row.id)
            except ServiceError as exc:
                Ask.error(self, self.tr("Document not deleted"), str(exc))
