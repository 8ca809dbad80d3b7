"""Reading a written report back: proof that the file opens and says what it should."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl

from imc_desktop import config


def read_back(path: Path, title: str) -> None:
    """Raise ValueError unless the file opens in its format and contains the title."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        if title.replace("\u00a0", " ") not in text.replace("\u00a0", " "):
            raise ValueError(f"в {path.name} нет заголовка «{title}»")
    elif suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            found = any(title in str(cell) for ws in workbook.worksheets
                        for row in ws.iter_rows(max_row=16, values_only=True) for cell in row
                        if cell)
        finally:
            workbook.close()
        if not found:
            raise ValueError(f"в {path.name} нет заголовка «{title}»")
    elif suffix == ".pdf":
        data = path.read_bytes()
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
            raise ValueError(f"{path.name} — не целый PDF")
        if b"/FontFile2" not in data:
            raise ValueError(f"в {path.name} не встроен шрифт")
    else:
        raise ValueError(f"неизвестный формат {suffix}")
    if zipfile.is_zipfile(path) != (suffix in (".docx", ".xlsx")):
        raise ValueError(f"{path.name}: неожиданное содержимое файла")


def documents_self_check(folder: Path, settings: config.Settings, out: list[str]) -> list[str]:
    """Write the documents that are not reports — a sheet of equipment labels and the
    certificates of an event — and read each back; the problems found."""
    from imc_desktop.services.equipment import labels as equipment_labels
    from imc_desktop.services.equipment import records as equipment
    from imc_desktop.services.events import documents as events_documents
    from imc_desktop.services.events import records as events

    folder.mkdir(parents=True, exist_ok=True)
    labels, certificates = folder / "этикетки.pdf", folder / "сертификаты.pdf"
    try:
        items = [row.id for row in equipment.list_items()[:12]]
        sheets = equipment_labels.write_item_labels(items, labels,
                                                    equipment_labels.sheet_from(settings))
        read_back(labels, "")
        event = next(e.id for e in events.list_events() if events_documents.recipients_count(
            e.id, events_documents.CERTIFICATE))
        pages = events_documents.print_documents(
            event, events_documents.CERTIFICATE, certificates,
            events_documents.Layout.from_settings(settings))
        read_back(certificates, "")
    except Exception as exc:  # every failure is reported, none stops the check
        return [f"документы (этикетки, сертификаты): {exc}"]
    out.append(f"Этикетки: листов {sheets}; сертификаты: страниц {pages}")
    return []
