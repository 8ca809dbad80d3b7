"""«Экспорт в Excel» and «Печать списка»: any list exactly as it is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from imc_desktop import config
from imc_desktop.services.common import reports
from ui.widgets.record_list import RecordList
from ui.widgets.report_preview import preview_report, save_report


def current_list_report(records: RecordList, settings: config.Settings) -> Any:
    columns, rows = records.shown_table()
    header = records.view.horizontalHeader()
    spec = [(c.title, c.kind, header.sectionSize(records.model.columns.index(c)))
            for c in columns]
    search = records.search.text().strip()
    params = QCoreApplication.translate("RecordList", "Search: «%1»").replace(
        "%1", search) if search else ""
    return reports.list_report(records.title, spec, rows, settings, params)


def export_list(records: RecordList, kind: str, settings: config.Settings,
                parent: QWidget | None = None) -> None:
    report = current_list_report(records, settings)
    if kind == "print":
        preview_report(parent or records, report, settings)
    else:
        save_report(parent or records, report, settings, kind)
