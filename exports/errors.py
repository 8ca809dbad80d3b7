"""Exceptions of the report engine; their messages are Russian and shown to the user."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """Base of all report engine errors; ``str(exc)`` is a Russian message for the user."""


class ReportCancelled(ExportError):
    """The user cancelled the export; no file was written."""

    def __init__(self, message: str = "Формирование отчёта отменено.") -> None:
        super().__init__(message)


class FontNotFoundError(ExportError):
    """No TrueType font with Cyrillic glyphs was found for PDF output."""

    def __init__(
        self,
        message: str = (
            "Не найден шрифт с кириллицей для PDF. Укажите файл шрифта TrueType (.ttf) "
            "в настройках: Сервис → Настройки → Отчёты."
        ),
    ) -> None:
        super().__init__(message)


class FileWriteError(ExportError):
    """The target file could not be written (locked, no rights, no folder, disk full)."""

    def __init__(self, path: Path, reason: OSError) -> None:
        self.path = path
        super().__init__(f"Не удалось записать файл «{path}»: {_reason_text(reason)}")


def _reason_text(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "файл открыт в другой программе или нет прав на запись."
    if isinstance(exc, FileNotFoundError):
        return "папка не найдена."
    detail = exc.strerror or str(exc)
    return f"ошибка записи ({detail})."
