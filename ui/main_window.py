"""The main window: menus, toolbar, status bar and one tab per module."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from imc_desktop import __version__, clock, config
from imc_desktop.services.common import maintenance
from ui.widgets.icons import icon
from ui.widgets.lazy import deferred_loading, load_pending
from ui.widgets.messages import Ask
from ui.window_icons import MODULE_ICONS, set_icons

T = TypeVar("T")

if TYPE_CHECKING:  # (the dialogs are imported when first opened: not on the start's path)
    from imc_desktop.services.home.snapshot import StartPage
    from ui.attestation.tab import AttestationTab
    from ui.equipment.tab import EquipmentTab
    from ui.events.tab import EventsTab
    from ui.help.guide import GuideDialog
    from ui.help.pdn_page import PdnFacts
    from ui.literature.tab import LiteratureTab
    from ui.methodist.tab import MethodistTab
    from ui.network.tab import NetworkTab
    from ui.organizations.tab import OrganizationsTab
    from ui.requests.tab import RequestsTab
    from ui.staff.tab import StaffTab
    from ui.widgets.module_tab import ModuleTab
    from ui.widgets.record_list import RecordList


class MainWindow(QMainWindow):
    # the module tabs, built after «Главная» (load_modules, load_start_page_first)
    organizations: OrganizationsTab
    staff: StaffTab
    events: EventsTab
    attestation: AttestationTab
    literature: LiteratureTab
    equipment: EquipmentTab
    network: NetworkTab
    requests: RequestsTab
    methodist: MethodistTab

    def __init__(self, settings: config.Settings, parent: QWidget | None = None,
                 deferred: bool = False) -> None:
        """With `deferred`, the tabs are built by load_modules() once the window is shown."""
        super().__init__(parent)
        self.settings = settings
        store = settings.raw()
        self.setWindowTitle(self.tr("IMC Desktop — methodist's workstation"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _i: self.update_commands())
        self.setCentralWidget(self.tabs)
        self.modules: tuple[ModuleTab, ...] = ()  # in the order of the tabs and of Ctrl+1…
        self._waiting: list[Callable[[], object]] = []  # commands waiting for the modules
        self.guide: GuideDialog | None = None  # Справка → Руководство, made when first asked
        from ui.sync.controller import SyncController

        self.sync = SyncController(settings, self)
        self._build_actions()
        set_icons(self)
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self.resize(1280, 800)
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = store.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        if not deferred:
            self.load_modules()

    def load_modules(self) -> None:
        """The module tabs: they read the database, so they come after the open database."""
        for build in self._module_builders():
            build()
        self._add_home()  # eager, and current at start
        self._modules_built()

    def show_start_page(self, page: StartPage) -> None:
        """The start with the figures kept from the last close: «Главная» shows them before
        the database is connected; load_start_page_first() builds the rest later. What needs
        the module tabs meanwhile waits for them (`when_ready`)."""
        for bar in (self.menuBar(), self.toolbar):
            bar.setEnabled(False)
        self._add_home(page)

    def load_start_page_first(self, then: Callable[[], None]) -> None:
        """The start: «Главная» is built, filled and shown at once (unless show_start_page()
        showed it already); the module tabs are built after it, one per turn of the event
        loop (their modules are imported then), so the window answers meanwhile; `then()`
        once they all are. The menus and the toolbar wait for them."""
        for bar in (self.menuBar(), self.toolbar):
            bar.setEnabled(False)
        if getattr(self, "home", None) is None:
            self._add_home()
        steps = self._module_builders()

        def step() -> None:
            if steps:
                steps.pop(0)()
                QTimer.singleShot(0, step)
                return
            self._modules_built()
            for bar in (self.menuBar(), self.toolbar):
                bar.setEnabled(True)
            then()

        QTimer.singleShot(0, step)

    def _module_builders(self) -> list[Callable[[], None]]:
        """One builder per module tab, in the order of the tabs; each adds its tab."""
        def build(make: Callable[[], ModuleTab], name: str, symbol: str
                  ) -> Callable[[], None]:
            def run() -> None:
                with deferred_loading():  # the tab reads its lists when it is first shown
                    tab = make()
                setattr(self, name, tab)
                assert isinstance(tab, QWidget)
                self.tabs.addTab(tab, icon(symbol), tab.title)
                for records in tab.lists():
                    records.exporter = self._export_list
                self._follow_pages(tab)
            return run

        return [build(make, name, symbol) for (name, make), symbol in zip((
            ("organizations", self._organizations_tab), ("staff", self._staff_tab),
            ("events", self._events_tab), ("attestation", self._attestation_tab),
            ("literature", self._literature_tab), ("equipment", self._equipment_tab),
            ("network", self._network_tab), ("requests", self._requests_tab),
            ("methodist", self._methodist_tab)),
            MODULE_ICONS, strict=True)]

    def _organizations_tab(self) -> ModuleTab:
        from ui.composition import GRADES_EDITOR
        from ui.organizations.tab import OrganizationsTab

        return OrganizationsTab(self.settings.raw(), self, GRADES_EDITOR)

    def _staff_tab(self) -> ModuleTab:
        from ui.composition import STAFF_CARD_PAGES
        from ui.staff.tab import StaffTab

        return StaffTab(self.settings, self, STAFF_CARD_PAGES)

    def _events_tab(self) -> ModuleTab:
        from ui.events.tab import EventsTab

        return EventsTab(self.settings, self)

    def _attestation_tab(self) -> ModuleTab:
        from ui.attestation.tab import AttestationTab

        return AttestationTab(self.settings, self)

    def _literature_tab(self) -> ModuleTab:
        from ui.literature.tab import LiteratureTab

        return LiteratureTab(self.settings, self)

    def _equipment_tab(self) -> ModuleTab:
        from ui.equipment.tab import EquipmentTab

        return EquipmentTab(self.settings, self)

    def _network_tab(self) -> ModuleTab:
        from ui.network.tab import NetworkTab

        return NetworkTab(self.settings, self)

    def _requests_tab(self) -> ModuleTab:
        from ui.requests.tab import RequestsTab

        tab = RequestsTab(self.settings, self)
        self.statusBar().addWidget(tab.deadline_label)  # the deadlines near or past
        return tab

    def _methodist_tab(self) -> ModuleTab:
        from ui.methodist.tab import MethodistTab

        return MethodistTab(self.settings, self)

    def _modules_built(self) -> None:
        """What needs every module tab: the commands, the reminders, the synchronisation."""
        self.modules = (self.organizations, self.staff, self.events, self.attestation,
                        self.literature, self.equipment, self.network,
                        self.requests, self.methodist)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())
        self._run_waiting()
        self.db_label.setText(self.tr("Database: %1").replace(
            "%1", str(maintenance.info().path)))
        self._watch_reminders()
        if maintenance.info().read_only:
            self._mark_read_only()
        self.sync.start()

    def _mark_read_only(self) -> None:
        """An archive opened for reading: said in the title and the status bar; nothing is
        synchronised (a change the user tries is refused by the database with a message)."""
        self.setWindowTitle(self.windowTitle() + " — " + self.tr("read only (archive)"))
        self.db_label.setText(self.tr("Read only: %1").replace(
            "%1", str(maintenance.info().path)))
        self.sync.read_only = True
        why = self.tr("The database is open for reading only (an archive)")
        for action in (self.sync.act_sync, self.act_restore, self.act_import_staff,
                       self.act_import_orgs, self.act_import_equipment):
            action.setEnabled(False)
            action.setToolTip(why)
        self.update_commands()  # adding and deleting are off on every list

    def _tab_shown(self, index: int) -> None:
        """The tab in front reads what it put off (a tab built eagerly has nothing put off)."""
        tab = self.tabs.widget(index)
        if tab is not None:
            load_pending(tab)

    def _show_reminders(self) -> None:
        if self.modules:  # (nothing until the tabs are built)
            self.events.documents.reminders()

    def when_ready(self, command: Callable[[], object]) -> None:
        """Run a command that needs the module tabs: at once when they are built, else as
        soon as they are — the window says it is loading meanwhile."""
        if self.modules:
            command()
            return
        if not self._waiting:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.statusBar().showMessage(self.tr("Loading the modules…"))
        self._waiting.append(command)

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        if waiting:
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()
        for command in waiting:
            command()

    def _add_home(self, page: StartPage | None = None) -> None:
        """«Главная» (ui/home): the first tab and the current one at start; filled with
        `page` when given, else read from the database."""
        from ui.home.page import HomePage, show_link

        def sync_path() -> Path | None:
            return maintenance.info().path if self.settings.get(
                config.SYNC_LOCATION).strip() else None

        self.home = HomePage(self.settings, sync_path, self)
        self.home.when_ready = self.when_ready
        self.tabs.insertTab(0, self.home, icon("home"), self.home.title)
        self.home.linkActivated.connect(lambda link: self.when_ready(lambda: show_link(
            [records for tab in self.modules for records in tab.lists()], link)))
        self.home.syncRequested.connect(lambda: self.when_ready(self.sync.act_sync.trigger))
        self.home.conflictsRequested.connect(
            lambda: self.when_ready(self.sync.act_conflicts.trigger))
        self.home.remindersRequested.connect(
            lambda: self.when_ready(self.act_reminders.trigger))
        if page is None:
            self.home.reload()
        else:
            self.home.show_page(page)
        self.tabs.setCurrentWidget(self.home)
        self.update_commands()

    def _follow_pages(self, tab: QWidget) -> None:
        """The commands follow a module's own sub-tabs and views too."""
        for tabs in tab.findChildren(QTabWidget):
            tabs.currentChanged.connect(lambda _i: self.update_commands())
        for stack in tab.findChildren(QStackedWidget):
            stack.currentChanged.connect(lambda _i: self.update_commands())

    def update_commands(self) -> None:
        """Add, Open, Delete, Find, Export… act on the list in front of the user: where there
        is none, or it does not take a command, the command is off and its tooltip says why."""
        records = self.current_list()
        for command, acts in self._list_commands().items():
            if records is None:
                why = self.tr("There is no list here: open a module's tab.")
            elif self.sync.read_only and command in ("add", "delete"):
                why = self.tr("The database is open for reading only (an archive)")
            elif records.supports(command):
                why = ""
            else:
                why = records.not_here.get(command) or self.tr(
                    "«%1» does not apply to the list «%2».").replace(
                    "%1", acts[0].text().split("\t")[0].replace("&", "")).replace(
                    "%2", records.title)
            tip = records.command_tips.get(command, "") if records is not None else ""
            for act in acts:
                act.setEnabled(not why)
                act.setToolTip(why or tip or act.text().split("\t")[0].replace("&", ""))

    def _list_commands(self) -> dict[str, list[QAction]]:
        twins = self.toolbar_twins
        return {"add": [self.act_add, twins[self.act_add]],
                "open": [self.act_open, twins[self.act_open]],
                "delete": [self.act_delete, twins[self.act_delete]],
                "find": [self.act_find], "export": [self.act_export],
                "print": [self.act_print_list], "columns": [self.act_columns]}

    def _watch_reminders(self) -> None:
        from ui.widgets.changes import change_bridge

        self.reminders_label.linkActivated.connect(lambda _l: self.events.documents.reminders())
        change_bridge().changed.connect(self._reminders_changed)
        self.show_reminders()

    def _reminders_changed(self, _tables: frozenset[str]) -> None:
        self.show_reminders()

    def show_reminders(self) -> None:
        """Events of the next days and those without results, in the status bar."""
        from ui.events.reminders import summary_text

        text = summary_text(self.events.reminders())
        self.reminders_label.setText(f'<a href="#">{text}</a>' if text else "")

    def remind_on_start(self) -> QWidget | None:
        """The reminders beside the window, not in the way of it (None: nothing to remind)."""
        from ui.events.reminders import RemindersDialog

        found = self.events.reminders()
        if self.settings.get(config.EVENTS_REMIND_ON_START) and not found.empty:
            return RemindersDialog.show_beside(found, self, self.events.open_event)
        return None

    # ---------------------------------------------------------------- structure
    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def current_module(self) -> ModuleTab | None:
        shown = self.tabs.currentWidget()
        return next((tab for tab in self.modules if tab is shown), None)

    def current_list(self) -> RecordList | None:
        tab = self.current_module()
        return tab.record_list if tab is not None else None

    def _action(self, text: str, slot: Callable[[], object],
                key: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        act = QAction(text, self)
        act.triggered.connect(lambda: slot())
        if key is not None:
            act.setShortcut(QKeySequence(key))
        return act

    def _on_list(self, command: Callable[[RecordList], object]) -> Callable[[], None]:
        """A command of the window that acts on the list in front of the user."""
        def run() -> None:
            records = self.current_list()
            if records is not None:
                command(records)
        return run

    def _build_actions(self) -> None:
        a = self._action
        self.act_reports = a(self.tr("&Reports…"), self.open_reports,
                             QKeySequence("Ctrl+P"))
        self.act_import_staff = a(self.tr("Import &staff from Excel…"),
                                  lambda: self.import_from_excel("staff"))
        self.act_import_orgs = a(self.tr("Import &organizations from Excel…"),
                                 lambda: self.import_from_excel("organizations"))
        self.act_import_equipment = a(self.tr("Import &equipment from Excel…"),
                                      lambda: self.import_from_excel("equipment"))
        self.act_backup = a(self.tr("&Backup…"), self.backup)
        self.act_restore = a(self.tr("&Restore from backup…"), self.restore)
        self.act_quit = a(self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_add = a(self.tr("&Add") + "\tIns", self._on_list(
            lambda records: records.addRequested.emit()))
        self.act_open = a(self.tr("&Open") + "\tEnter", self._on_list(
            lambda records: records.open_current()))
        self.act_delete = a(self.tr("&Delete") + "\tDel", self._on_list(
            lambda records: records.delete_selected()))
        self.act_find = a(self.tr("&Find"), self._on_list(
            lambda records: records.focus_search()), QKeySequence.StandardKey.Find)
        self.act_export = a(self.tr("&Export to Excel…"), self._on_list(
            lambda records: records.act_export.trigger()))
        self.act_print_list = a(self.tr("Print &list…"), self._on_list(
            lambda records: records.act_print.trigger()))
        self.act_columns = a(self.tr("&Columns…"), self._on_list(
            lambda records: records.choose_columns()))
        # one per module, in the order of self.modules: Справочники and Ctrl+1…Ctrl+9
        self.tab_actions = [
            a(text, partial(self._show_module, index), f"Ctrl+{index + 1}")
            for index, text in enumerate((
                self.tr("&Organizations"), self.tr("&Staff"), self.tr("&Events"),
                self.tr("&Attestation"), self.tr("&Literature"), self.tr("E&quipment"),
                self.tr("Methodological &network"),
                self.tr("&Requests and monitorings"),
                self.tr("&Methodist's journal")))]
        self.act_settings = a(self.tr("&Settings…"), self.edit_settings)
        self.act_check = a(self.tr("&Check database"), self.check_database)
        self.act_views_log = a(self.tr("&Audit trail…"), self.show_views_log)
        self.act_users = a(self.tr("&Users and roles…"), self.edit_users)
        self.act_about = a(self.tr("&About"), self.about)
        self.act_reminders = a(self.tr("Events &reminder…"), self._show_reminders)
        self.act_pdn_info = a(self.tr("&Personal data processing"), self.show_pdn_info)
        self.act_guide = a(self.tr("User &guide"), self.show_guide, QKeySequence("F1"))
        self.act_record_journal = a(self.tr("Change journal of the &record…"),
                                    self.show_record_journal)

    def _show_module(self, index: int) -> None:
        if index < len(self.modules):
            tab = self.modules[index]
            assert isinstance(tab, QWidget)
            self.tabs.setCurrentWidget(tab)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&File"))
        self.menu_file.addAction(self.act_reports)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_import_staff, self.act_import_orgs,
                                   self.act_import_equipment])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_backup, self.act_restore])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_add, self.act_open, self.act_delete])
        edit.addSeparator()
        edit.addActions([self.act_find, self.act_export, self.act_print_list, self.act_columns])
        refs = bar.addMenu(self.tr("&Directories"))
        refs.addActions(self.tab_actions[:2])
        refs.addSeparator()
        refs.addActions(self.tab_actions[2:])
        service = bar.addMenu(self.tr("&Service"))
        service.addActions([self.act_settings, self.act_users, self.act_check,
                            self.act_views_log, self.act_reminders])
        service.addSeparator()
        service.addActions([self.sync.act_sync, self.sync.act_conflicts,
                            self.sync.act_journal, self.sync.act_admission,
                            self.sync.act_change_key, self.act_record_journal])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_guide, self.act_pdn_info, self.act_about])

    def _build_toolbar(self) -> None:
        tools = self.addToolBar(self.tr("Main toolbar"))
        tools.setObjectName("main_toolbar")
        self.toolbar_twins: dict[QAction, QAction] = {}
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.setIconSize(QSize(20, 20))
        for act, text in ((self.act_add, self.tr("Add")), (self.act_open, self.tr("Open")),
                          (self.act_delete, self.tr("Delete"))):
            button = QAction(act.icon(), text, self)  # the menu's text has its key after a tab
            button.triggered.connect(act.trigger)
            tools.addAction(button)
            self.toolbar_twins[act] = button
        tools.addSeparator()
        tools.addActions([self.act_find, self.act_export])
        tools.addSeparator()
        reports_button = QAction(self.act_reports.icon(), self.tr("Reports"), self)
        reports_button.triggered.connect(self.act_reports.trigger)
        tools.addAction(reports_button)
        tools.addSeparator()
        tools.addAction(self.sync.act_sync)
        self.toolbar = tools

    def _build_status(self) -> None:
        self.db_label = QLabel()
        self.reminders_label = QLabel()
        self.statusBar().addWidget(self.reminders_label)
        self.statusBar().addPermanentWidget(self.sync.status_label)
        self.statusBar().addPermanentWidget(self.db_label)

    # ---------------------------------------------------------------- commands
    def _export_list(self, records: RecordList, kind: str) -> None:
        from ui.widgets.list_export import export_list

        export_list(records, kind, self.settings, self)

    def import_from_excel(self, kind: str) -> None:
        from imc_desktop.services.common import importing
        from ui.widgets.import_wizard import ImportWizard

        ImportWizard.ask(kind, importing.mapping_store(self.settings.data_dir()), self)

    def open_reports(self) -> None:
        from ui.reports_dialog import ReportsDialog

        ReportsDialog.ask(self.settings, self)

    def backup(self) -> None:
        """A backup where the user chooses: in the data folder it is sealed with this user's
        key, anywhere else (the share, a flash drive) with the district sync key — asked for
        when this PC does not remember it."""
        info = maintenance.info()
        suggested = info.path.parent / f"{info.path.stem}-{clock.now():%Y-%m-%d}.sqlite"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save backup"), str(suggested),
                                              self.tr("Database backups (*.sqlite)"))
        if not name:
            return
        made = self._with_district_key(
            self.tr("Backup"), lambda words, keep: maintenance.backup_now(
                Path(name), self.settings.get(config.SYNC_LOCATION), words, keep),
            lambda exc: self.tr("The backup was not made: %1").replace("%1", str(exc)))
        if made is None:
            return
        Ask.info(self, self.tr("Backup"), self.tr("Backup saved: %1").replace("%1", name)
                 + "\n\n" + (self.tr(
                     "It is encrypted with this computer's backup key: it can be restored on "
                     "any computer with the key's ten words.")
                     if maintenance.is_own_key_backup(made) else self.tr(
                     "It is encrypted with the district sync key: it can be restored on any "
                     "computer that knows the key (its ten words).")
                     if maintenance.is_district_backup(made) else self.tr(
                     "It is encrypted with this user's own key: it can be restored only on "
                     "this computer. A copy saved outside the program's data folder is "
                     "encrypted with the district sync key instead.")))

    def _with_district_key(self, title: str, run: Callable[[str | None, bool], T],
                           failed: Callable[[Exception], str]) -> T | None:
        """`run` (with no words first); again with the words of the district sync key each
        time it needs them and the user types them. None when cancelled or failed (the
        user was told: `failed` says what)."""
        passphrase: tuple[str, bool] | None = None
        while True:
            try:
                return run(*(passphrase or (None, False)))
            except maintenance.BackupKeyNeeded as exc:
                passphrase = self._district_key(title, exc)
                if passphrase is None:
                    return None
            except (OSError, maintenance.DatabaseError) as exc:
                Ask.error(self, title, failed(exc))
                return None

    def _district_key(self, title: str, needed: maintenance.BackupKeyNeeded
                      ) -> tuple[str, bool] | None:
        """The words of the district sync key, typed, and whether to remember them; None
        (the user was told why, or cancelled) when they cannot be asked for."""
        from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog

        if needed.kind == "newbackup":  # no sync folder: this PC's own backup key, made now
            return ((needed.passphrase, True) if NewKeyDialog.ask(
                needed.passphrase, self, purpose=NewKeyDialog.BACKUP) else None)
        if needed.kind not in ("enter", "wrong"):
            Ask.error(self, title, str(needed))
            return None
        return EnterKeyDialog.ask(str(needed), self)

    def _admin(self, title: str, action: str) -> bool:
        """True for an administrator; anyone else is told who may do it."""
        from imc_desktop.services.common import access

        try:
            access.require_admin(action)
        except access.AccessDenied as exc:
            Ask.error(self, title, str(exc))
            return False
        return True

    def restore(self) -> None:
        if not self._admin(self.tr("Restore from backup"), "Восстановление из резервной копии"):
            return
        info = maintenance.info()
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from backup"),
                                              str(info.backup_dir),
                                              self.tr("Database backups (*.sqlite)"))
        if not name or not Ask.confirm(self, self.tr("Restore from backup"), self.tr(
                "Replace the current data with the backup %1? The current data will be "
                "kept as a backup too.").replace("%1", Path(name).name)):
            return
        done = self._with_district_key(  # a backup sealed with the district key asks for it
            self.tr("Restore from backup"),
            lambda words, keep: (maintenance.restore(Path(name), words, keep),), str)
        if done is None:
            return
        (saved,) = done
        Ask.info(self, self.tr("Restore from backup"), self.tr(
            "Data restored. The previous data were saved to %1.").replace("%1", str(saved)))

    def edit_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        before = self.settings.data_dir()
        changed = SettingsDialog.ask(self.settings, self)
        if changed:
            self.sync.configure()
        if changed and self.settings.data_dir() != before:
            Ask.info(self, self.tr("Settings"), self.tr(
                "The new data folder is used from the next start of the program. Before "
                "that, copy the files of the current data folder into it: %1").replace(
                "%1", str(before)))

    def show_views_log(self) -> None:
        from ui.access.audit_log import AuditLogDialog

        AuditLogDialog.ask(self.settings.raw(), self)

    def edit_users(self) -> None:
        from ui.access.users_dialog import UsersDialog

        if self._admin(self.tr("Users and roles"), "Изменение пользователей и ролей"):
            UsersDialog.ask(self)

    def pdn_facts(self) -> PdnFacts:
        from imc_desktop.services.common import access
        from ui.help.pdn_page import PdnFacts

        info = maintenance.info()
        who = access.current()
        return PdnFacts(str(info.path), str(info.backup_dir), str(self.settings.data_dir()),
                        self.settings.get(config.SYNC_LOCATION) or "не настроена",
                        who.login, who.title)

    def show_pdn_info(self) -> None:
        from ui.help.pdn_page import PdnInfoDialog

        PdnInfoDialog.ask(self.pdn_facts(), self)

    def guide_chapter(self) -> str:
        """The guide's chapter of the tab in front."""
        from ui.help.guide import MODULE_CHAPTERS

        shown = self.tabs.currentWidget()
        if shown is not None and shown is getattr(self, "home", None):
            return "home"
        return next((MODULE_CHAPTERS[i] for i, tab in enumerate(self.modules)
                     if tab is shown), "index")

    def show_guide(self) -> None:
        """The guide at the chapter of the current tab, beside the window (F1)."""
        from ui.help.guide import GuideDialog

        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show_chapter(self.guide_chapter())
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_record_journal(self) -> None:
        records = self.current_list()
        row = records.current_row() if records is not None else None
        if row is None or not isinstance(getattr(row, "id", None), str):
            Ask.info(self, self.tr("Change journal"), self.tr("Select a record in a list."))
            return
        self.sync.show_journal(row.id)

    def check_database(self) -> None:
        from ui.widgets.tasks import run_with_progress

        result = run_with_progress(self, self.tr("Checking the database…"),
                                   lambda _p, _c: maintenance.check(), cancellable=False)
        if result.error is not None:
            Ask.error(self, self.tr("Check database"), str(result.error))
            return
        problems: list[str] = result.value
        if problems:
            Ask.error(self, self.tr("Check database"), "\n".join(problems[:20]))
        else:
            Ask.info(self, self.tr("Check database"), self.tr("The database is sound."))

    def about(self) -> None:
        info = maintenance.info()
        QMessageBox.about(self, self.tr("About"), self.tr(
            "<h3>IMC Desktop %1</h3><p>The workstation of a district "
            "information-methodological centre.</p><p>Database: %2<br>Schema: %3<br>"
            "Data folder: %4</p>").replace("%1", __version__).replace(
            "%2", str(info.path)).replace("%3", info.revision).replace(
            "%4", str(self.settings.data_dir())))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.on_exit()
        store = self.settings.raw()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()
        super().closeEvent(event)

