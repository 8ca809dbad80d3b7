"""A lock file beside a database: two processes that create or migrate the same new
workstation at once run one after the other."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: a lock older than this was left by a process that was killed
STALE_LOCK_S = 600
WAIT_S = 300


class LockTimeout(Exception):
    """Another process holds the lock for too long (Russian message)."""


def _take(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)
    return True


def _stale(lock: Path) -> bool:
    try:
        return time.time() - lock.stat().st_mtime > STALE_LOCK_S
    except FileNotFoundError:
        return False


@contextmanager
def creating(path: Path, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold `<path>.lock` while the block runs; wait while another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + wait_s
    while not _take(lock):
        if _stale(lock):
            lock.unlink(missing_ok=True)
            continue
        if time.monotonic() > deadline:
            raise LockTimeout(f"База {path} занята другим процессом (файл {lock}). "
                              "Повторите позже.")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
