"""A sync location that fails the way a network share does: a lost connection at the k-th
file operation (before or after a rename), new folders that other PCs see late, writing
refused to one PC."""

from __future__ import annotations

import errno
from collections.abc import Callable

from imc_desktop.sync.share import Share


class FaultyShare(Share):
    def __init__(self, root: object) -> None:
        super().__init__(root)  # type: ignore[arg-type]
        self.crash_in: int | None = None
        self.hide_new_sites = False
        self.hidden: set[str] = set()
        self.deny_writes = False  # a PC that may read the share but not write to it

    def _tick(self) -> None:
        if self.crash_in is None:
            return
        self.crash_in -= 1
        if self.crash_in <= 0:
            self.crash_in = None
            raise OSError(errno.EIO, "сеть пропала")

    def read(self, rel: str) -> bytes | None:
        self._tick()
        return super().read(rel)

    def read_parts(self, rel: str, part: Callable[[bytes], None]) -> bytes | None:
        self._tick()
        return super().read_parts(rel, part)

    def _refuse(self) -> None:
        if self.deny_writes:
            raise PermissionError(errno.EACCES, "Отказано в доступе")

    def write_new(self, rel: str, data: bytes) -> None:
        self._refuse()
        self._tick()
        super().write_new(rel, data)
        self._tick()  # published, but the PC never hears of it

    def server_time(self, rel_dir: str) -> float:
        self._refuse()
        self._tick()
        return super().server_time(rel_dir)

    def make_dir(self, rel: str) -> None:
        self._refuse()
        super().make_dir(rel)
        parts = rel.split("/")
        if self.hide_new_sites and len(parts) == 2 and parts[0] == "sites":
            self.hidden.add(parts[1])

    def list_dir(self, rel: str) -> list[str]:
        found = super().list_dir(rel)
        return [s for s in found if s not in self.hidden] if rel == "sites" else found

    def heal(self) -> None:
        self.crash_in, self.hide_new_sites, self.deny_writes = None, False, False
        self.hidden.clear()
