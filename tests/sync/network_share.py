"""A share read at the speed of the office network: each read of a file takes as long as
copying its bytes would at `mbit` Mbit/s (in the reading thread, as a network's transfer
does), on top of the local disk's time."""

from __future__ import annotations

import time
from typing import BinaryIO

from tests.sync.counting_share import CountingShare


class NetworkShare(CountingShare):
    def __init__(self, root: object, mbit: float) -> None:
        super().__init__(root)
        self.rate = mbit * 1e6 / 8  # bytes per second

    def read(self, rel: str) -> bytes | None:
        data = super().read(rel)
        time.sleep(len(data or b"") / self.rate)
        return data

    def _read_part(self, file: BinaryIO) -> bytes:
        part = super()._read_part(file)
        time.sleep(len(part) / self.rate)
        return part
