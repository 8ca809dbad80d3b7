"""The first start on an empty database: a short assistant for the names the reports print,
the sync folder, and where the data come from (Excel with templates, or the demo)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from imc_desktop import config
from imc_desktop.services.common import importing
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.organizations import records as organizations
from imc_desktop.services.staff import records as staff
from ui.widgets.messages import Ask

if TYPE_CHECKING:
    from ui.main_window import MainWindow

EXCEL, DEMO, EMPTY = "excel", "demo", "empty"
NAMED = (config.DEPARTMENT_NAME, config.IMC_NAME, config.DIRECTOR_POSITION,
         config.DIRECTOR_NAME, config.EXECUTOR_NAME, config.EXECUTOR_PHONE)


def database_is_empty() -> bool:
    return organizations.count_organizations() == 0 and staff.count_persons() == 0


def save_template_as(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save a template (tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("FirstRunWizard", "Save the template"),
        str(suggested), "Excel (*.xlsx)")
    return Path(name) if name else None


def start_demo_program() -> None:
    """The program again, on its demo database, in a process of its own."""
    frozen = getattr(sys, "frozen", False)
    command = [sys.executable, "--demo"] if frozen else [
        sys.executable, "-m", "imc_desktop", "--demo"]
    subprocess.Popen(command, close_fds=True)  # noqa: S603 - our own program


class FirstRunWizard(QWizard):
    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("First start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.editors: dict[str, QLineEdit] = {}
        self.addPage(self._names_page())
        self.addPage(self._people_page())
        self.addPage(self._sync_page())
        self.addPage(self._start_page())
        self.resize(820, 480)

    # ---------------------------------------------------------------- pages
    def _form_page(self, title: str, text: str, settings: tuple[config.Setting[str], ...],
                   required: tuple[config.Setting[str], ...] = ()) -> QWizardPage:
        page = _FormPage()
        page.setTitle(title)
        page.setSubTitle(text)
        form = QFormLayout(page)
        for setting in settings:
            editor = QLineEdit(self.settings.get(setting))
            editor.setMinimumWidth(460)
            self.editors[setting.key] = editor
            label = config_title(setting)
            form.addRow(label + (" *" if setting in required else ""), editor)
            if setting in required:
                page.require(editor)
        return page

    def _names_page(self) -> QWizardPage:
        return self._form_page(
            self.tr("Welcome"),
            self.tr("The database is empty. A few questions and the program is ready: the "
                    "names below are printed in the reports' headings (they can be changed "
                    "later in Service → Settings)."),
            (config.DEPARTMENT_NAME, config.IMC_NAME),
            (config.DEPARTMENT_NAME, config.IMC_NAME))

    def _people_page(self) -> QWizardPage:
        return self._form_page(
            self.tr("Who signs"),
            self.tr("The director signs the reports; the executor and the phone are printed "
                    "at the bottom. Each can be left empty and filled in later."),
            (config.DIRECTOR_POSITION, config.DIRECTOR_NAME, config.EXECUTOR_NAME,
             config.EXECUTOR_PHONE))

    def _sync_page(self) -> QWizardPage:
        page = _SyncPage(self.settings.get(config.SYNC_LOCATION))
        page.setTitle(self.tr("Synchronisation (optional)"))
        page.setSubTitle(self.tr(
            "When several methodists work on their own computers, choose the shared folder on "
            "the office network where their changes meet. Leave it empty to work alone."))
        self.sync_folder = page.folder
        return page

    def _start_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Where the data come from"))
        page.setSubTitle(self.tr("Choose how to begin; everything can also be done later."))
        self.excel = QRadioButton(self.tr("Load the ОО and the pedagogues from Excel"))
        self.demo = QRadioButton(self.tr("Open the demonstration database (a made-up "
                                         "district to try the program on)"))
        self.empty = QRadioButton(self.tr("Begin with an empty database"))
        self.excel.setChecked(True)
        templates = QHBoxLayout()
        templates.setContentsMargins(24, 0, 0, 0)
        self.template_buttons: dict[str, QPushButton] = {}
        for kind, text in (("organizations", self.tr("Template for the ОО…")),
                           ("staff", self.tr("Template for the pedagogues…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, kind=kind: self.save_template(kind))
            self.excel.toggled.connect(button.setEnabled)
            templates.addWidget(button)
            self.template_buttons[kind] = button
        templates.addStretch(1)
        hint = QLabel(self.tr(
            "A template is a workbook with the expected columns and one example row: fill it "
            "(or use your own table — the columns are matched by their headings). The ОО are "
            "loaded first, then the pedagogues."))
        hint.setWordWrap(True)
        hint.setContentsMargins(24, 0, 0, 0)
        layout = QVBoxLayout(page)
        layout.addWidget(self.excel)
        layout.addLayout(templates)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        return page

    # ---------------------------------------------------------------- results
    def save_template(self, kind: str) -> Path | None:
        suggested = Path.home() / f"{importing.get_kind(kind).title} — шаблон.xlsx"
        target = save_template_as(self, suggested)
        if target is None:
            return None
        try:
            written = importing.template(kind, target.parent)
            written.replace(target)
        except (OSError, ServiceError) as exc:
            Ask.error(self, self.tr("Template"), self.tr("The template was not saved: %1")
                      .replace("%1", str(exc)))
            return None
        return target

    def choice(self) -> str:
        return EXCEL if self.excel.isChecked() else DEMO if self.demo.isChecked() else EMPTY

    def save(self) -> None:
        for setting in NAMED:
            self.settings.set(setting, self.editors[setting.key].text().strip())
        self.settings.set(config.SYNC_LOCATION, self.sync_folder.text().strip())
        self.settings.sync()

    @staticmethod
    def ask(settings: config.Settings, parent: QWidget | None = None) -> str | None:
        """The choice made (the settings saved), or None when the assistant was closed."""
        wizard = FirstRunWizard(settings, parent)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        wizard.save()
        return wizard.choice()


class _FormPage(QWizardPage):
    """Complete when every required field holds text (filled in beforehand counts too)."""

    def __init__(self) -> None:
        super().__init__()
        self.required: list[QLineEdit] = []

    def require(self, editor: QLineEdit) -> None:
        self.required.append(editor)
        editor.textChanged.connect(lambda _t: self.completeChanged.emit())

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return all(e.text().strip() for e in self.required)


class _SyncPage(QWizardPage):
    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(self.tr("empty: no synchronisation"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"), self.folder.text())
        if name:
            self.folder.setText(name)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        text = self.folder.text().strip()
        if text and not Path(text).is_dir():
            self.problem.setText(self.tr("The folder %1 is not found. Choose an existing "
                                         "folder or leave the field empty.").replace("%1", text))
            return False
        self.problem.clear()
        return True


def config_title(setting: config.Setting[str]) -> str:
    return QCoreApplication.translate("Settings", setting.title)


def offer(window: MainWindow, settings: config.Settings) -> str | None:
    """On an empty database: the assistant, then the imports or the demo it chose."""
    if not database_is_empty():
        return None
    choice = FirstRunWizard.ask(settings, window)
    if choice is not None:
        window.sync.configure()
    if choice == EXCEL:
        for kind in ("organizations", "staff"):
            window.import_from_excel(kind)
    elif choice == DEMO:
        start_demo_program()
        window.close()
    return choice
