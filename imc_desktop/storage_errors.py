"""What a failure of SQLite means for the user, by its result code.

Only a damaged file is damage; a full disk, a read-only file, a lost network folder or a
busy database each get their own words, and every one of them says that nothing was written
(the unit of work was rolled back).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from imc_desktop.errors import ServiceError

_MESSAGES = {
    "SQLITE_FULL": "Диск заполнен, ничего не записано. Освободите место на диске с папкой "
                   "данных ({folder}) и повторите.",
    "SQLITE_READONLY": "Файл базы данных {path} доступен только для чтения (нет прав на запись "
                       "или носитель защищён от записи); ничего не записано.",
    "SQLITE_CANTOPEN": "Не удалось открыть файл базы данных {path}: папка недоступна, "
                       "переименована или удалена; ничего не записано.",
    "SQLITE_IOERR": "Ошибка чтения или записи диска при работе с {path}; ничего не записано. "
                    "Проверьте диск или сетевую папку и повторите.",
    "SQLITE_BUSY": "База данных занята другой программой или синхронизацией; ничего не "
                   "записано. Повторите через минуту.",
    "SQLITE_CORRUPT": "Файл базы данных {path} повреждён; ничего не записано. Закройте и "
                      "снова откройте программу: она предложит восстановить резервную копию.",
}
_SAME = {"SQLITE_LOCKED": "SQLITE_BUSY", "SQLITE_NOTADB": "SQLITE_CORRUPT"}


class StorageFailed(ServiceError):
    """The database could not be read or written; ``kind`` is SQLite's primary code name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def is_damage(self) -> bool:
        return self.kind == "SQLITE_CORRUPT"


def storage_failure(exc: BaseException, path: Path) -> StorageFailed | None:
    """The user's explanation of a storage failure behind ``exc`` (SQLAlchemy wraps the
    sqlite3 error as ``orig``); None for anything else — a broken constraint is not one."""
    error = getattr(exc, "orig", exc)
    if not isinstance(error, sqlite3.Error):
        return None
    name = _primary(error)
    name = _SAME.get(name, name)
    if name not in _MESSAGES:
        return None
    return StorageFailed(name, _MESSAGES[name].format(path=path, folder=path.parent))


def _primary(error: sqlite3.Error) -> str:
    """The primary result code's name: extended codes (SQLITE_IOERR_WRITE) carry it first."""
    name = str(getattr(error, "sqlite_errorname", ""))
    for primary in (*_MESSAGES, *_SAME):
        if name == primary or name.startswith(primary + "_"):
            return primary
    return name


#: what an operating-system error means, in the user's words (errno; Windows' own codes)
_OS_REASONS = {
    errno.EACCES: "нет прав доступа", errno.EPERM: "нет прав доступа",
    errno.EROFS: "папка доступна только для чтения", errno.ENOSPC: "нет места на диске",
    errno.ENOENT: "файл или папка не найдены", errno.EEXIST: "такой файл уже есть",
    errno.EISDIR: "на этом месте папка, а не файл", errno.ENOTDIR: "на этом месте файл, а не папка",
    errno.EBUSY: "файл занят другой программой", errno.ENAMETOOLONG: "слишком длинное имя",
    errno.EIO: "ошибка чтения или записи (диск или сеть)",
    errno.ETIMEDOUT: "сеть не отвечает", errno.ENETUNREACH: "сеть недоступна",
    errno.EHOSTUNREACH: "сервер недоступен", errno.ECONNRESET: "соединение с сервером прервано",
    errno.ELOOP: "на этом месте ссылка на другую папку",
}
_WINDOWS_REASONS = {5: "нет прав доступа", 32: "файл занят другой программой",
                    53: "сетевой путь не найден", 64: "сетевое имя больше недоступно",
                    67: "сетевое имя не найдено", 112: "нет места на диске",
                    1326: "неверное имя пользователя или пароль для сетевой папки"}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Russian (the system's own text only when
    it is Russian already: an English one is never shown)."""
    text = exc.strerror or ""
    if any("а" <= ch.lower() <= "я" for ch in text):
        return text
    winerror = getattr(exc, "winerror", None)
    return (_WINDOWS_REASONS.get(winerror or -1) or _OS_REASONS.get(exc.errno or -1)
            or f"ошибка системы {exc.errno or winerror or ''}".strip())
