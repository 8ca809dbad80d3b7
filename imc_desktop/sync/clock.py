"""The hybrid logical clock: physical milliseconds and a counter in one integer.

A clock value is ``milliseconds << 16 | counter``; it never goes backwards, is advanced past
every clock received, and with the site id breaks ties (the change *key*).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
MS_PER_DAY = 86_400_000


def now_ms() -> int:
    return int(time.time() * 1000)


def pack(ms: int, counter: int) -> int:
    return (ms << COUNTER_BITS) | counter


def physical_ms(clock: int) -> int:
    """The milliseconds part of a clock value."""
    return clock >> COUNTER_BITS


def make_key(clock: int, site: str) -> str:
    """The key of a change: text order is (clock, site id) order."""
    return f"{clock:020d}.{site}"


def key_clock(key: str) -> int:
    return int(key.split(".", 1)[0])


def key_site(key: str) -> str:
    return key.split(".", 1)[1]


@dataclass(frozen=True)
class HybridClock:
    """The last clock value issued or received; new values are strictly greater."""

    last: int = 0

    def tick(self, wall_ms: int) -> HybridClock:
        """The clock for a new local event at PC time `wall_ms`."""
        ms, counter = physical_ms(self.last), self.last & COUNTER_MAX
        if wall_ms > ms:
            return HybridClock(pack(wall_ms, 0))
        if counter < COUNTER_MAX:
            return HybridClock(pack(ms, counter + 1))
        return HybridClock(pack(ms + 1, 0))

    def receive(self, remote: int) -> HybridClock:
        """Advanced past a clock value received from another workstation."""
        return self if remote <= self.last else HybridClock(remote)
