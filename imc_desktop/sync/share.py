"""The sync location on the network share: files with one writer, published under new names.

Every operation goes through `Share`, so that tests can replace it with a share that injects
faults. Sharing violations (Windows errors 5 and 32) are retried a few times with backoff.
"""

from __future__ import annotations

import errno
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

RETRIES = 5
SHARING_ERRORS = {5, 32}  # ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION
READ_ONLY_ERRORS = {errno.EACCES, errno.EPERM, errno.EROFS}
#: `read_parts` reads a file in parts of this size (the work on the last part is what is
#: left to do once the copy is over)
PART = 256 * 1024
#: parts read ahead of the work on them, at most (from a fast disk the work is the slower)
AHEAD_PARTS = 16
#: a temp file older than this was left by a sync that was killed
STALE_TMP_S = 3600


class ShareUnavailable(Exception):
    """The sync location cannot be reached or written (Russian message)."""


def read_only_error(exc: OSError) -> bool:
    """Writing was refused: a read-only share or a folder without the right to write."""
    return isinstance(exc, PermissionError) or exc.errno in READ_ONLY_ERRORS


class NameTaken(Exception):
    """The final name of a new file exists already."""


def _sharing_violation(exc: OSError) -> bool:
    winerror = getattr(exc, "winerror", None)
    return winerror in SHARING_ERRORS or exc.errno in (errno.EBUSY, errno.ETXTBSY)


def retrying(action: Callable[[], T], pause: float = 0.05) -> T:
    """Run `action`, retrying sharing violations with growing pauses."""
    for attempt in range(RETRIES):
        try:
            return action()
        except OSError as exc:
            if not _sharing_violation(exc) or attempt == RETRIES - 1:
                raise
            time.sleep(pause * 2 ** attempt)
    raise AssertionError("unreachable")


class Share:
    """Files under `root`, addressed by relative paths with "/"."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root.joinpath(*rel.split("/"))

    def reachable(self) -> bool:
        return self.root.is_dir()

    def list_dir(self, rel: str) -> list[str]:
        target = self.path(rel)
        if not target.is_dir():
            return []
        return sorted(retrying(lambda: os.listdir(target)))

    def sizes(self, rel: str) -> dict[str, int]:
        """The files of a folder with their sizes, from one listing (it may lag)."""
        target = self.path(rel)
        if not target.is_dir():
            return {}

        def scan() -> dict[str, int]:
            with os.scandir(target) as found:
                return {e.name: e.stat().st_size for e in found if e.is_file()}

        try:
            return retrying(scan)
        except FileNotFoundError:
            return {}

    def read(self, rel: str) -> bytes | None:
        """The file's bytes, or None when it is not there (yet); b"" (damaged: it is set
        aside) when a folder or a link stands where the file should be — the program makes
        neither, so it was planted there."""
        return self._reading(rel, lambda target: retrying(target.read_bytes))

    def read_parts(self, rel: str, part: Callable[[bytes], None]) -> bytes | None:
        """As `read`, handing also each part of the file to `part`, in order, as it arrives:
        a thread reads ahead while `part` works, so that over the network the work is done
        during the copy. An exception of `part` stops the reading and is raised."""
        return self._reading(rel, lambda target: self._parts(
            retrying(lambda: open(target, "rb")), part))  # noqa: SIM115 (closed by the reader)

    def _reading(self, rel: str, how: Callable[[Path], bytes]) -> bytes | None:
        target = self.path(rel)
        try:
            return how(target)
        except FileNotFoundError:
            return None
        except OSError:
            if target.is_dir() or target.is_symlink():
                return b""
            raise

    def _parts(self, file: BinaryIO, part: Callable[[bytes], None]) -> bytes:
        arrived: queue.Queue[bytes | BaseException | None] = queue.Queue(AHEAD_PARTS)
        stop = threading.Event()

        def reader() -> None:
            try:
                with file:
                    while not stop.is_set():
                        chunk = self._read_part(file)
                        if not chunk:
                            break
                        arrived.put(chunk)
            except BaseException as exc:  # raised again by the caller's thread
                arrived.put(exc)
            finally:
                arrived.put(None)

        thread = threading.Thread(target=reader, name="imc-share-read", daemon=True)
        thread.start()
        whole = bytearray()  # one block, handed back to the system once copied
        try:
            while (chunk := arrived.get()) is not None:
                if isinstance(chunk, BaseException):
                    raise chunk
                whole += chunk
                part(chunk)
        finally:
            stop.set()
            while thread.is_alive():  # a reader waiting for room is let go
                with suppress(queue.Empty):
                    arrived.get_nowait()
                thread.join(0.01)
        return bytes(whole)

    def _read_part(self, file: BinaryIO) -> bytes:
        return file.read(PART)

    def linked(self, rel: str) -> bool:
        """A folder or file on the way to `rel` below the root is a link: the program makes
        none, so it was planted — nothing is moved, removed or written through it."""
        here = self.root
        for part in rel.split("/"):
            here = here / part
            if here.is_symlink():
                return True
        return False

    def exists(self, rel: str) -> bool:
        return self.path(rel).exists()

    def make_dir(self, rel: str) -> None:
        self.path(rel).mkdir(parents=True, exist_ok=True)

    def write_new(self, rel: str, data: bytes) -> None:
        """Write a temp file, flush and fsync it, rename it to `rel`; NameTaken if it exists."""
        final = self.path(rel)
        if self.linked(rel):
            raise OSError(errno.ELOOP, "в папке синхронизации на этом месте ссылка на другую "
                          "папку (её создала не программа)", str(final))
        tmp = final.with_name(f".tmp-{final.stem}-{uuid.uuid4().hex}")
        try:
            retrying(lambda: _write_synced(tmp, data))
            retrying(lambda: _rename_new(tmp, final))
        finally:
            if tmp.exists():
                tmp.unlink()

    def replace(self, rel: str, data: bytes) -> None:
        """Put `data` in place of the file `rel` at once (a temp file renamed over it); the
        file keeps its modification time (the archive's age is read from it)."""
        final = self.path(rel)
        if self.linked(rel):
            return  # a planted link: nothing outside the share is written
        tmp = final.with_name(f".tmp-{final.stem}-{uuid.uuid4().hex}")
        try:
            stamp = final.stat().st_mtime if final.exists() else None
            retrying(lambda: _write_synced(tmp, data))
            if stamp is not None:
                os.utime(tmp, (stamp, stamp))
            retrying(lambda: os.replace(tmp, final))
        finally:
            if tmp.exists():
                tmp.unlink()

    def is_dir(self, rel: str) -> bool:
        return self.path(rel).is_dir()

    def remove_stale(self, rel_dir: str, age_s: float = STALE_TMP_S) -> int:
        """Remove the `.tmp-*` files in `rel_dir` older than `age_s`; how many went."""
        removed = 0
        for name in self.list_dir(rel_dir):
            target = self.path(f"{rel_dir}/{name}" if rel_dir else name)
            try:
                if name.startswith(".tmp-") and time.time() - target.stat().st_mtime > age_s:
                    target.unlink()
                    removed += 1
            except OSError:
                continue  # gone meanwhile, or not ours to remove: left as it is
        return removed

    def modified(self, rel: str) -> float | None:
        """The file's modification time (seconds), or None when it is not there."""
        try:
            return retrying(lambda: self.path(rel).stat().st_mtime)
        except FileNotFoundError:
            return None

    def move(self, rel: str, to_rel: str, stamp: float) -> None:
        """Rename a file of one writer within the share (to its archive) and date it
        `stamp`; nothing when it is gone already."""
        target = self.path(to_rel)
        if self.linked(rel) or self.linked(to_rel):
            return  # planted links: nothing leaves the share through them
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            retrying(lambda: os.rename(self.path(rel), target))
        except FileNotFoundError:
            return
        os.utime(target, (stamp, stamp))

    def remove(self, rel: str) -> None:
        """Delete a file of this writer; nothing when it is gone already (or reached through
        a planted link)."""
        if self.linked(rel):
            return
        try:
            retrying(self.path(rel).unlink)
        except FileNotFoundError:
            pass

    def set_aside(self, rel: str) -> None:
        """Rename a damaged file to a hidden name beside it (kept for inspection); nothing
        when it cannot be renamed (gone already, a read-only share)."""
        target = self.path(rel)
        if "/" in rel and self.linked(rel.rsplit("/", 1)[0]):
            return  # in a planted linked folder: nothing there is renamed
        try:
            os.rename(target, target.with_name(f".bad-{target.name}-{uuid.uuid4().hex[:8]}"))
        except OSError:
            pass

    def server_time(self, rel_dir: str) -> float:
        """The file server's clock: the modification time of a file just written there."""
        probe = self.path(rel_dir) / f".tmp-clock-{uuid.uuid4().hex}"
        try:
            retrying(lambda: _write_synced(probe, b"clock"))
            return probe.stat().st_mtime
        finally:
            if probe.exists():
                probe.unlink()


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _rename_new(tmp: Path, final: Path) -> None:
    """Give `tmp` the name `final` only if nobody has it: never overwrite a published file."""
    if os.name == "nt":
        try:
            os.rename(tmp, final)  # fails when the target exists
        except FileExistsError as exc:
            raise NameTaken(str(final)) from exc
        return
    try:
        os.link(tmp, final)  # fails when the target exists
    except FileExistsError as exc:
        raise NameTaken(str(final)) from exc
    except OSError:  # a file system without hard links
        if final.exists():
            raise NameTaken(str(final)) from None
        os.rename(tmp, final)
        return
    os.unlink(tmp)
