"""Opening a workbook: a clear Russian message for every file that is not a readable .xlsx,
and a streaming (read-only) view of one sheet's rows."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from imc_desktop.importers.model import ImportFileError, WorkbookInfo
from imc_desktop.importers.scan import SheetScan, scan_sheet, sheet_paths

MAX_MEMBER = 256 << 20  # bytes of one part of the archive, unpacked
MAX_TOTAL = 512 << 20  # bytes of all its parts, unpacked
MAX_RATIO = 200  # unpacked / packed, for parts over RATIO_FROM bytes
RATIO_FROM = 1 << 20
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
SAVE_AS = "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»."
# What a broken archive or sheet raises inside openpyxl, zipfile, zlib and the XML parsers
# (lxml's and ElementTree's syntax errors both derive from SyntaxError).
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, SyntaxError, ValueError,
          InvalidFileException, IndexError, TypeError)


def damaged(path: Path) -> ImportFileError:
    return ImportFileError(f"Файл «{path.name}» повреждён и не читается как книга Excel. "
                           "Откройте его в Excel: если он откроется, сохраните его заново.")


def _ole_message(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(4 << 20)
    if _ENCRYPTED in head:
        return (f"Файл «{path.name}» защищён паролем. Откройте его в Excel, снимите пароль "
                "(Файл → Сведения → Защита книги → Зашифровать с использованием пароля: "
                "очистите поле) и сохраните файл.")
    return (f"Файл «{path.name}» сохранён в старом формате Excel 97–2003 (.xls) или защищён "
            f"паролем. {SAVE_AS} Если стоит пароль, снимите его.")


def _text_message(path: Path, head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return (f"Файл «{path.name}» — веб-страница или XML с расширением Excel, а не книга "
                f".xlsx. {SAVE_AS}")
    if path.suffix.lower() in (".csv", ".txt") or b";" in head or b"," in head:
        return f"Файл «{path.name}» — текстовый файл (CSV), а не книга Excel .xlsx. {SAVE_AS}"
    return f"Файл «{path.name}» не является книгой Excel (.xlsx). {SAVE_AS}"


def check_file(path: Path) -> None:
    """Raise ImportFileError unless the file looks like an .xlsx (a zip archive)."""
    if not path.is_file():
        raise ImportFileError(f"Файл «{path}» не найден.")
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ImportFileError(f"Файл «{path.name}» не открывается: {exc.strerror}. "
                              "Закройте его в других программах и повторите.") from exc
    if not head:
        raise ImportFileError(f"Файл «{path.name}» пуст (0 байт).")
    if head.startswith(OLE_MAGIC):
        raise ImportFileError(_ole_message(path))
    if not head.startswith(ZIP_MAGIC):
        raise ImportFileError(_text_message(path, head))
    check_archive(path)


def check_archive(path: Path) -> None:
    """Refuse, before unpacking anything, an archive whose parts would unpack to more than
    the program reads (a damaged file or a «zip bomb» would take all the memory)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except BROKEN as exc:
        raise damaged(path) from exc
    total = sum(m.file_size for m in members)
    worst = max(members, key=lambda m: m.file_size, default=None)
    ratio = max((m.file_size / max(m.compress_size, 1) for m in members
                 if m.file_size > RATIO_FROM), default=0.0)
    if (worst is not None and worst.file_size > MAX_MEMBER) or total > MAX_TOTAL \
            or ratio > MAX_RATIO:
        raise ImportFileError(
            f"Файл «{path.name}» слишком большой или повреждён: распакованный, он занял бы "
            f"{total >> 20} МБ (часть «{worst.filename if worst else ''}» — "
            f"{(worst.file_size if worst else 0) >> 20} МБ). Программа читает книги до "
            f"{MAX_TOTAL >> 20} МБ; разделите таблицу на несколько файлов или сохраните её "
            "в Excel заново.")


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """A text cell as the user typed it: Excel's ``_xHHHH_`` escapes decoded (``_x005F_`` is
    a literal «_»), line breaks as «\\n», other control characters removed."""
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


class OpenWorkbook:
    """A read-only workbook with its source file; use through :func:`opened`."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self.book: Any = load_workbook(handle, read_only=True, data_only=True)
        self._handle = handle

    def worksheet(self, sheet: str) -> Any:
        if sheet not in self.book.sheetnames:
            names = ", ".join(f"«{n}»" for n in self.book.sheetnames)
            raise ImportFileError(f"В файле «{self.path.name}» нет листа «{sheet}». "
                                  f"Листы: {names}.")
        ws = self.book[sheet]
        if not hasattr(ws, "iter_rows"):
            raise ImportFileError(f"Лист «{sheet}» файла «{self.path.name}» — диаграмма, "
                                  "а не таблица.")
        return ws

    def scan(self, sheet: str) -> SheetScan:
        """Merged ranges and formulas without a value: read from the sheet's XML."""
        self.worksheet(sheet)
        try:
            with zipfile.ZipFile(self.path) as archive:
                part = sheet_paths(archive).get(sheet)
                return scan_sheet(archive, part) if part else SheetScan()
        except BROKEN as exc:
            raise damaged(self.path) from exc

    def declared_rows(self, sheet: str) -> int:
        ws = self.worksheet(sheet)
        if ws.max_row is not None and ws.max_row > 1:
            return int(ws.max_row)
        return self.scan(sheet).last_row

    def rows(self, sheet: str, min_row: int = 1, max_row: int | None = None
             ) -> Iterator[tuple[Any, ...]]:
        ws = self.worksheet(sheet)
        ws.reset_dimensions()  # some programs declare a wrong size: read what is there
        try:
            for row in ws.iter_rows(min_row=min_row, max_row=max_row, values_only=True):
                yield tuple(clean_text(v) if isinstance(v, str) else v for v in row)
        except BROKEN as exc:
            raise damaged(self.path) from exc

    def close(self) -> None:
        self.book.close()
        self._handle.close()


@contextmanager
def opened(path: Path | str) -> Iterator[OpenWorkbook]:
    """The workbook, read-only with cached formula values; closed afterwards."""
    path = Path(path)
    check_file(path)
    handle = path.open("rb")
    try:
        book = OpenWorkbook(path, handle)
    except BROKEN as exc:
        handle.close()
        if isinstance(exc, KeyError | InvalidFileException):
            raise ImportFileError(f"Файл «{path.name}» — архив, но не книга Excel "
                                  f"(в нём нет листов). {SAVE_AS}") from exc
        raise damaged(path) from exc
    try:
        yield book
    finally:
        book.close()


def open_workbook(path: Path | str) -> WorkbookInfo:
    """The sheets of a workbook and how many rows each declares."""
    with opened(path) as book:
        sheets = tuple(name for name in book.book.sheetnames  # charts are not tables
                       if hasattr(book.book[name], "iter_rows"))
        rows = {name: _declared_or_zero(book, name) for name in sheets}
        return WorkbookInfo(book.path, sheets, rows)


def _declared_or_zero(book: OpenWorkbook, sheet: str) -> int:
    try:
        return book.declared_rows(sheet)
    except BROKEN as exc:
        raise damaged(book.path) from exc
