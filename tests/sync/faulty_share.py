"""A sync location that fails the way a network share does: a lost connection at the k-th
file operation (before or after a rename), new folders that other PCs see late."""

from __future__ import annotations

import errno

from imc_desktop.sync.share import Share


class FaultyShare(Share):
    def __init__(self, root: object) -> None:
        super().__init__(root)  # type: ignore[arg-type]
        self.crash_in: int | None = None
        self.hide_new_sites = False
        self.hidden: set[str] = set()

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

    def write_new(self, rel: str, data: bytes) -> None:
        self._tick()
        super().write_new(rel, data)
        self._tick()  # published, but the PC never hears of it

    def server_time(self, rel_dir: str) -> float:
        self._tick()
        return super().server_time(rel_dir)

    def make_dir(self, rel: str) -> None:
        super().make_dir(rel)
        parts = rel.split("/")
        if self.hide_new_sites and len(parts) == 2 and parts[0] == "sites":
            self.hidden.add(parts[1])

    def list_dir(self, rel: str) -> list[str]:
        found = super().list_dir(rel)
        return [s for s in found if s not in self.hidden] if rel == "sites" else found

    def heal(self) -> None:
        self.crash_in, self.hide_new_sites = None, False
        self.hidden.clear()
