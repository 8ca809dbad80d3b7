"""The main window's icons, all of one set (ui.widgets.icons): its commands in the toolbar and
the menus, and its module tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.widgets.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MODULE_ICONS = ("school", "users", "calendar-event", "certificate", "books", "device-desktop",
                "sitemap", "list-details", "notebook")
"""The module tabs' icons, in the order of MainWindow.modules."""


def set_icons(window: MainWindow) -> None:
    """One icon set on the toolbar, the menus and the module tabs."""
    for act, name in ((window.act_reports, "report-analytics"),
                      (window.act_import_staff, "file-import"),
                      (window.act_import_orgs, "file-import"),
                      (window.act_import_equipment, "file-import"),
                      (window.act_backup, "database-export"),
                      (window.act_restore, "database-import"), (window.act_quit, "logout"),
                      (window.act_add, "plus"), (window.act_open, "folder-open"),
                      (window.act_delete, "trash"), (window.act_find, "search"),
                      (window.act_export, "file-spreadsheet"),
                      (window.act_print_list, "printer"), (window.act_columns, "columns"),
                      (window.act_settings, "settings"), (window.act_users, "users"),
                      (window.act_check, "database-search"),
                      (window.act_views_log, "list-search"), (window.act_reminders, "bell"),
                      (window.act_pdn_info, "shield-lock"), (window.act_about, "info-circle"),
                      (window.act_guide, "help"),
                      (window.act_record_journal, "history"),
                      (window.sync.act_sync, "refresh"), (window.sync.act_conflicts, "git-merge"),
                      (window.sync.act_journal, "list-details"),
                      (window.sync.act_admission, "device-desktop"),
                      (window.sync.act_change_key, "key")):
        act.setIcon(icon(name))
    for act, name in zip(window.tab_actions, MODULE_ICONS, strict=True):
        act.setIcon(icon(name))
