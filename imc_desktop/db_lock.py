"""One lock per database file, shared by the program and the command line.

`<database>.lock` is held with the operating system's lock on an open file (flock on Linux,
a byte-range lock on Windows), so a killed process frees it at once and a lock is never
«stale» by age. The file says who holds it — the program (a window) or a command — so a
command that finds the program holding the database refuses at once («база открыта в
программе»), while two commands (two scheduled syncs creating one workstation) wait for each
other.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: who holds the lock
PROGRAM = "program"
COMMAND = "command"
#: the byte locked on Windows: beyond the text, so the holder's note stays readable
_LOCK_OFFSET = 4096


class DatabaseBusy(Exception):
    """The database is held by another process; the Russian message says by whom."""

    def __init__(self, message: str, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass
class Holder:
    kind: str  # PROGRAM, COMMAND or "" when the note cannot be read
    pid: int
    host: str


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _os_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(database: Path) -> Holder:
    """Who holds the lock, as its note says (kind "" if the note is missing or unreadable)."""
    try:
        text = lock_path(database).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return Holder("", 0, "")
    lines = text.splitlines() + ["", "", ""]
    try:
        pid = int(lines[1])
    except ValueError:
        pid = 0
    kind = lines[0] if lines[0] in (PROGRAM, COMMAND) else ""
    return Holder(kind, pid, lines[2])


#: how long a lock whose holder has not written its note yet is waited for (it is writing)
NOTE_GRACE_S = 1.0


class DatabaseLock:
    """`DatabaseLock(path, PROGRAM).acquire()`; `release()` (or use as a context manager)."""

    def __init__(self, database: Path, kind: str) -> None:
        self.database = database
        self.kind = kind
        self.path = lock_path(database)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if free; False if another process (or another lock here) holds it.
        OSError when the lock file cannot be made (no rights, a full or lost disk)."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _os_lock(fd):
                os.close(fd)
                return False
            if _same_file(fd, self.path):
                break
            # the holder released and removed the file between our open and our lock
            _os_unlock(fd)
            os.close(fd)
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{self.kind}\n{os.getpid()}\n{socket.gethostname()}\n".encode())
        self._fd = fd
        return True

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, waiting up to `wait_s` for another command (never for the program:
        a window can stay open all day). DatabaseBusy with a Russian message if refused."""
        start = time.monotonic()
        deadline = start + wait_s
        while not self.try_acquire():
            holder = read_holder(self.database)
            now = time.monotonic()
            if holder.kind == "" and now < start + NOTE_GRACE_S:
                pass  # the holder has the lock but has not written its note yet: look again
            elif holder.kind != COMMAND or now > deadline:
                raise DatabaseBusy(busy_message(self.database, holder), holder.kind)
            time.sleep(0.05)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if _same_file(fd, self.path):
                # removed while still held, so a waiting process re-opens a fresh file
                self.path.unlink(missing_ok=True)
        except OSError:
            pass  # Windows keeps an open file; the next holder reuses it
        _os_unlock(fd)
        os.close(fd)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def busy_message(database: Path, holder: Holder) -> str:
    where = f" на компьютере {holder.host}" if holder.host and holder.host != \
        socket.gethostname() else ""
    if holder.kind == COMMAND:
        return (f"База {database} занята другой командой imc-desktop{where} "
                f"(процесс {holder.pid}). Повторите, когда она закончит.")
    return (f"База {database} открыта в программе{where}. Закройте программу и повторите "
            "команду.")
