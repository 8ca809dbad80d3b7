"""A share that counts the files and bytes a sync reads and writes."""

from __future__ import annotations

from collections.abc import Callable

from imc_desktop.sync.share import Share


class CountingShare(Share):
    def __init__(self, root: object) -> None:
        super().__init__(root)  # type: ignore[arg-type]
        self.reset()

    def reset(self) -> None:
        self.reads = self.read_bytes = self.writes = self.written_bytes = self.listings = 0

    def read(self, rel: str) -> bytes | None:
        data = super().read(rel)
        self.reads += 1
        self.read_bytes += len(data or b"")
        return data

    def read_parts(self, rel: str, part: Callable[[bytes], None]) -> bytes | None:
        data = super().read_parts(rel, part)
        self.reads += 1
        self.read_bytes += len(data or b"")
        return data

    def write_new(self, rel: str, data: bytes) -> None:
        super().write_new(rel, data)
        self.writes += 1
        self.written_bytes += len(data)

    def list_dir(self, rel: str) -> list[str]:
        self.listings += 1
        return super().list_dir(rel)
