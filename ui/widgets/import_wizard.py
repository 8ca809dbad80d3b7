"""The import wizard: file and sheet → columns → unknown references → preview → import.
Generic over the kinds of services.importing; long steps run off the GUI thread."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from imc_desktop.services.common import importing
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.importing import (
    ImportKind,
    ImportPreview,
    ImportSummary,
    SheetHeader,
)
from ui.widgets.import_parts import (
    ERROR_STYLE,
    ImportDetails,
    fill,
    plain_label,
    stack,
    table_view,
)
from ui.widgets.messages import Ask
from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tasks import Work, run_with_progress

FILE_PAGE, MAPPING_PAGE, REFERENCES_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(5)
class ImportWizard(QWizard):
    """Given the kind and where mappings are remembered; reads nothing before a file is
    chosen. After exec(), ``summary`` holds what the import did (None if it did not run)."""

    def __init__(self, kind: ImportKind, store_path: Path, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.kind, self.store_path = kind, store_path
        self.path: Path | None = None
        self.header: SheetHeader | None = None
        self.mapping: dict[int, str] = {}
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.setWindowTitle(fill(self.tr("Import from Excel: %1"), kind.title))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page, self.mapping_page = FilePage(self), MappingPage(self)
        self.references_page, self.preview_page = ReferencesPage(self), PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.references_page,
                                        self.preview_page, self.summary_page)):
            self.setPage(page_id, page)
        self.resize(980, 660)

    def work(self, label: str, job: Work) -> Any:
        """Run a job off the GUI thread; None (after telling the user why) if it failed."""
        result = run_with_progress(self, label, job)
        if result.cancelled:
            return None
        if result.error is not None:
            if not isinstance(result.error, importing.ImportFailed | ServiceError | OSError):
                raise result.error
            Ask.error(self, self.windowTitle(), str(result.error))
            return None
        return result.value

    def prepare(self, value_map: dict[str, str | None]) -> bool:
        assert self.path is not None and self.header is not None
        path, sheet, kind, mapping = self.path, self.header.sheet, self.kind, dict(self.mapping)
        preview = self.work(self.tr("Reading and checking the rows…"),
                            lambda progress, cancelled: importing.prepare(
                                path, sheet, kind, mapping, value_map, progress, cancelled))
        if preview is not None:
            self.preview = preview
        return preview is not None

    def execute(self, dry_run: bool, valid_only: bool) -> ImportSummary | None:
        assert self.preview is not None
        preview, kind = self.preview, self.kind
        return self.work(self.tr("Importing…"), lambda progress, cancelled: importing.run(
            preview, kind, importing.ImportOptions(dry_run, valid_only, progress, cancelled)))

    @staticmethod
    def ask(kind_name: str, store_path: Path, parent: QWidget | None = None
            ) -> ImportSummary | None:
        try:
            kind = importing.get_kind(kind_name)
        except ServiceError as exc:
            Ask.error(parent, QCoreApplication.translate("ImportWizard", "Import"), str(exc))
            return None
        wizard = ImportWizard(kind, store_path, parent)
        wizard.exec()
        return wizard.summary


def expected_columns(kind: ImportKind) -> str:
    """The kind's headings, the required ones in bold (other headings that mean the same
    are recognised too: the mapping page matches them)."""
    names = [f"<b>{html.escape(f.title)}</b>" if f.required else html.escape(f.title)
             for f in kind.fields]
    return ", ".join(names) + "<br>" + html.escape(QCoreApplication.translate(
        "ImportWizard", "Bold: required. Other headings with the same meaning are recognised; "
        "the columns are matched on the next page."))


def template_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save a template (tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ImportWizard", "Save a template…"),
        str(suggested), "Excel (*.xlsx)")
    return Path(name) if name else None


class _Page(QWizardPage):
    def __init__(self, wizard: ImportWizard, title: str, subtitle: str) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)


class FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Choose the file"), self.tr(
            "An Excel workbook (.xlsx) with a table: one row per record, column headings in "
            "the first rows."))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet = QComboBox()
        form = QFormLayout(self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Sheet:"), self.sheet)
        self.columns = QLabel(expected_columns(wizard.kind))
        self.columns.setWordWrap(True)
        self.template_button = QPushButton(self.tr("Save a template…"))
        self.template_button.setToolTip(self.tr(
            "A workbook with these columns and one example row, to fill in"))
        self.template_button.clicked.connect(self.save_template)
        form.addRow(self.tr("Expected columns:"), self.columns)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addStretch(1)
        form.addRow("", template_row)

    def save_template(self) -> Path | None:
        kind = self.wiz.kind
        target = template_path(self, Path.home() / f"{kind.title} — шаблон.xlsx")
        if target is None:
            return None
        try:
            importing.template(kind.name, target.parent).replace(target)
        except (OSError, ServiceError) as exc:
            Ask.error(self, self.tr("Template"), str(exc))
            return None
        return target

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file"), str(self.wiz.path or Path.home()),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"))
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> bool:
        """Show the workbook's sheets; on a bad file, say why and keep the previous choice."""
        try:
            info = importing.open_workbook(path)
        except importing.ImportFailed as exc:
            Ask.error(self, self.tr("Cannot read the file"), str(exc))
            return False
        self.wiz.path = path
        self.path_edit.setText(str(path))
        self.sheet.clear()
        for name in info.sheets:
            self.sheet.addItem(fill(self.tr("%1 (rows: %2)"), name, info.rows[name]), name)
        self.completeChanged.emit()
        return True

    def isComplete(self) -> bool:
        return self.wiz.path is not None and self.sheet.count() > 0

    def validatePage(self) -> bool:
        assert self.wiz.path is not None
        try:
            self.wiz.header = importing.read_header(self.wiz.path, self.sheet.currentData(),
                                              self.wiz.kind)
        except importing.ImportFailed as exc:
            Ask.error(self, self.tr("Cannot read the file"), str(exc))
            return False
        return True


class MappingPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Columns"), self.tr(
            "Choose which field each column of the file goes to. The choice is remembered "
            "for files of the same form."))
        self.combos: dict[int, QComboBox] = {}
        self.found = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        stack(self, self.found, self.scroll_area, self.status, grow=self.scroll_area)

    def initializePage(self) -> None:
        header = self.wiz.header
        assert header is not None
        signature = importing.mapping_signature(header.headers)
        mapping = (importing.load_mapping(self.wiz.store_path, self.wiz.kind, signature)
                   or importing.guess_mapping(header.headers, self.wiz.kind))
        self.found.setText(fill(self.tr("The table's header is in row %1; the data start "
                                        "below it."), header.header_row))
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        for col, title in enumerate((self.tr("Column"), self.tr("Heading in the file"),
                                     self.tr("First values"), self.tr("Field"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        self.combos.clear()
        for index, heading in enumerate(header.headers):
            self._add_column(grid, index, heading, mapping.get(index))
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(header.headers) + 1, 1)
        self.scroll_area.setWidget(grid_widget)
        self._update()

    def _add_column(self, grid: QGridLayout, index: int, heading: str, field: str | None
                    ) -> None:
        header = self.wiz.header
        assert header is not None
        values = [importing.cell_text(row[index], 60) for row in header.samples if index < len(row)]
        combo = QComboBox()
        combo.addItem(self.tr("— do not import —"), None)
        for item in self.wiz.kind.choosable_fields():
            combo.addItem(item.title + (" *" if item.required else ""), item.name)
        combo.setCurrentIndex(max(combo.findData(field), 0))
        combo.currentIndexChanged.connect(lambda _i, c=index: self._chosen(c))
        sample = plain_label("; ".join(v for v in values if v))
        sample.setStyleSheet("color: #555;")
        sample.setWordWrap(True)
        row = index + 1
        grid.addWidget(QLabel(importing.column_letter(index)), row, 0)
        grid.addWidget(plain_label(heading or self.tr("(no heading)")), row, 1)
        grid.addWidget(sample, row, 2)
        grid.addWidget(combo, row, 3)
        self.combos[index] = combo

    def _chosen(self, column: int) -> None:
        """A field goes to one column: choosing it here frees it elsewhere."""
        field = self.combos[column].currentData()
        for other, combo in self.combos.items():
            if other != column and field is not None and combo.currentData() == field:
                combo.setCurrentIndex(0)
        self._update()

    def current_mapping(self) -> dict[int, str]:
        return {c: combo.currentData() for c, combo in self.combos.items()
                if combo.currentData() is not None}

    def _update(self) -> None:
        missing = importing.missing_required(self.current_mapping(), self.wiz.kind)
        self.status.setText(fill(self.tr("Required fields without a column: %1"),
                                 ", ".join(missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not importing.missing_required(self.current_mapping(),
                                                              self.wiz.kind)

    def validatePage(self) -> bool:
        header = self.wiz.header
        assert header is not None
        self.wiz.mapping = self.current_mapping()
        try:
            importing.save_mapping(self.wiz.store_path, self.wiz.kind,
                             importing.mapping_signature(header.headers), self.wiz.mapping)
        except OSError:
            pass  # not remembering a mapping is no reason to stop the import
        return self.wiz.prepare({})

    def nextId(self) -> int:
        preview = self.wiz.preview
        return REFERENCES_PAGE if preview and preview.unknown_references else PREVIEW_PAGE


class ReferencesPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Values not in the directory"), self.tr(
            "Choose the directory entry each value means, or leave the rows with it out of "
            "the import."))
        self.combos: dict[str, QComboBox] = {}
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        QVBoxLayout(self).addWidget(self.scroll_area)

    def initializePage(self) -> None:
        preview = self.wiz.preview
        assert preview is not None and self.wiz.kind.references is not None
        boxes: list[QWidget | None] = []
        self.combos.clear()
        for name, texts in sorted(preview.unknown_references.items()):
            box = QGroupBox(self.wiz.kind.title_of(name))
            form = QFormLayout(box)
            known = self.wiz.kind.references(name)
            for text in sorted(texts):
                combo = QComboBox()
                combo.addItem(self.tr("— do not import these rows —"), None)
                for label in sorted(known, key=str.casefold):
                    combo.addItem(label, known[label])
                form.addRow(plain_label(text), combo)
                self.combos[text] = combo
            boxes.append(box)
        inner = QWidget()
        stack(inner, *boxes, None)
        self.scroll_area.setWidget(inner)

    def validatePage(self) -> bool:
        return self.wiz.prepare({text: c.currentData() for text, c in self.combos.items()})


class PreviewPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Check before importing"), self.tr(
            "Nothing is written until you press «Import». A dry run shows what the import "
            "would do."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.counts, self.outcome, self.hint = QLabel(), QLabel(), QLabel()
        self.hint.setStyleSheet(ERROR_STYLE)
        self.model = RecordTableModel([
            Column("row", self.tr("Row"), lambda p: p.row, kind="int"),
            Column("field", self.tr("Field"), lambda p: p.field),
            Column("message", self.tr("What is wrong"), lambda p: p.message)], self)
        self.valid_only = QRadioButton(self.tr("Import only the valid rows"))
        self.all_or_nothing = QRadioButton(self.tr("All or nothing: import only if every row "
                                                   "is valid"))
        self.all_or_nothing.setChecked(True)
        dry_run = QPushButton(self.tr("Dry run"))
        dry_run.setToolTip(self.tr("Check what would be created and updated, writing nothing"))
        dry_run.clicked.connect(self.dry_run)
        self.valid_only.toggled.connect(self._update)
        table = table_view(self.model)
        choice = QHBoxLayout()
        choice.addWidget(self.all_or_nothing)
        choice.addWidget(self.valid_only)
        choice.addStretch(1)
        choice.addWidget(dry_run)
        self.details = ImportDetails()
        layout = stack(self, self.counts, table, choice, self.hint, self.outcome,
                       self.details, grow=table)
        layout.setStretchFactor(self.details, 1)

    def initializePage(self) -> None:
        preview = self.wiz.preview
        assert preview is not None
        counts = preview.counts
        self.counts.setText(fill(self.tr("Rows: %1; valid: %2; with problems: %3; left out: %4"),
                                 counts.total, counts.valid, counts.invalid, counts.skipped))
        self.model.set_rows(preview.problems())
        self.valid_only.setEnabled(counts.invalid > 0)
        self.outcome.clear()
        self.details.set_lines(())
        self._update()

    def _update(self) -> None:
        preview = self.wiz.preview
        blocked = preview is not None and preview.counts.invalid > 0 and not self.is_valid_only()
        self.hint.setText(self.tr("Some rows have problems: correct the file, or import only "
                                  "the valid rows.") if blocked else "")
        self.completeChanged.emit()

    def is_valid_only(self) -> bool:
        return self.valid_only.isChecked()

    def isComplete(self) -> bool:
        preview = self.wiz.preview
        return (preview is not None and preview.counts.valid > 0
                and (self.is_valid_only() or preview.counts.invalid == 0))

    def dry_run(self) -> None:
        summary = self.wiz.execute(True, self.is_valid_only())
        if summary is not None:
            self.outcome.setText(fill(
                self.tr("Dry run: %1 would be created, %2 updated, %3 unchanged, %4 left out. "
                        "Nothing was written."),
                summary.created, summary.updated, summary.unchanged, summary.skipped_count))
            self.details.set_lines(summary.details, self.tr("What the import would change:"))

    def validatePage(self) -> bool:
        self.wiz.summary = self.wiz.execute(False, self.is_valid_only())
        return self.wiz.summary is not None


class SummaryPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Import finished"),
                         self.tr("What was written, and the rows that were left out."))
        self.result = QLabel()
        self.model = RecordTableModel([
            Column("row", self.tr("Row"), lambda s: s[0], kind="int"),
            Column("reason", self.tr("Why it was left out"), lambda s: s[1])], self)
        table = table_view(self.model)
        self.details = ImportDetails()
        layout = stack(self, self.result, self.details, table, grow=table)
        layout.setStretchFactor(self.details, 2)

    def initializePage(self) -> None:
        summary = self.wiz.summary
        assert summary is not None
        self.result.setText(fill(self.tr("Created: %1; updated: %2; unchanged: %3; left out: "
                                         "%4"), summary.created, summary.updated,
                                 summary.unchanged, summary.skipped_count))
        self.model.set_rows(list(summary.skipped))
        self.details.set_lines(summary.details)
