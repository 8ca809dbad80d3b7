"""Labels for equipment: the sheet from the settings, the PDF for chosen items, a test page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from exports.errors import ExportError
from exports.labels import Label, LabelSheet, write_labels, write_test_page
from imc_desktop import config
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError
from models import EquipmentItem, Organization

_MM_SETTINGS = {
    "width": config.LABEL_WIDTH, "height": config.LABEL_HEIGHT, "left": config.LABEL_LEFT,
    "top": config.LABEL_TOP, "gap_x": config.LABEL_GAP_X, "gap_y": config.LABEL_GAP_Y,
    "offset_x": config.LABEL_OFFSET_X, "offset_y": config.LABEL_OFFSET_Y,
}


def _millimetres(setting: config.Setting[str], text: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ServiceError(f"Настройка «{setting.title}»: «{text}» — не число миллиметров."
                           ) from None


def sheet_from(settings: config.Settings) -> LabelSheet:
    values = {name: _millimetres(s, settings.get(s)) for name, s in _MM_SETTINGS.items()}
    return LabelSheet(columns=settings.get(config.LABEL_COLUMNS),
                      rows=settings.get(config.LABEL_ROWS), **values)


def labels_of(item_ids: Sequence[str]) -> list[Label]:
    """Labels in the order of the inventory numbers."""
    with session_scope() as s:
        rows = s.execute(select(EquipmentItem.inventory_number, EquipmentItem.name,
                                Organization.short_name)
                         .outerjoin(Organization, Organization.id == EquipmentItem.organization_id)
                         .where(EquipmentItem.id.in_(list(item_ids)))
                         .order_by(EquipmentItem.inventory_number))
        return [Label(number, name, org or "") for number, name, org in rows]


def write_item_labels(item_ids: Sequence[str], path: Path, sheet: LabelSheet,
                      skip: int = 0, progress: Callable[[int, int], None] | None = None
                      ) -> int:
    """The PDF of labels of these items; the number of pages. `progress(done, total)`
    after each label."""
    labels = labels_of(item_ids)
    if not labels:
        raise ServiceError("Не выбрано оборудование для этикеток.")
    try:
        return write_labels(labels, sheet, path, skip, progress)
    except ExportError as exc:
        raise ServiceError(str(exc)) from exc


def write_alignment_page(path: Path, sheet: LabelSheet) -> None:
    try:
        write_test_page(sheet, path)
    except ExportError as exc:
        raise ServiceError(str(exc)) from exc
