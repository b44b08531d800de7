"""Slowing down password guessing through the registry's token service.

The token service checks OpenStack passwords with Keystone and is reachable
from every bay's nodes, whose owners may be hostile: without a bound, a bay
could try passwords of any user of the cloud as fast as Keystone answers.
After ``failures`` refused passwords from one address within ``window``
seconds, that address is answered 429 without asking Keystone until its
oldest failure is ``window`` seconds old.  Addresses, not user names: a
bound per user would let anyone lock a colleague out of the registry.  The
nodes of one local bay count as one source (:func:`source`: the bay's /24 of
the local nodes' pool), so a bay of many nodes gets no more guesses than a
bay of one.

The service runs as one process (threads share this object); a lock keeps
the counts exact, and at most :data:`MOST_ADDRESSES` are remembered (the
longest quiet go first), so a flood of addresses cannot grow it unbounded.
"""

from __future__ import annotations

import collections
import ipaddress
import math
import threading
import time
from collections.abc import Callable

from magnum_ui.service.drivers.local.network import BAY_PREFIX

MOST_ADDRESSES = 10_000


def source(address: str, pool: ipaddress.IPv4Network) -> str:
    """Whose guesses a request's are: its address, or its bay's /24 when ``pool`` holds it."""
    try:
        found = ipaddress.ip_address(address)
    except ValueError:
        return address
    if found in pool:
        return str(ipaddress.ip_network(f"{found}/{BAY_PREFIX}", strict=False))
    return address


class Throttle:
    def __init__(
        self, failures: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.failures = failures
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        # address -> times of its recent failures, oldest first; addresses in the
        # order they last failed.
        self._seen: collections.OrderedDict[str, collections.deque[float]] = (
            collections.OrderedDict()
        )

    def wait(self, address: str) -> int:
        """Whole seconds ``address`` must wait before its password is checked again (0: now)."""
        with self._lock:
            recent = self._recent(address)
            if len(recent) < self.failures:
                return 0
            return max(1, math.ceil(recent[0] + self.window - self._clock()))

    def failed(self, address: str) -> None:
        """Counts a refused password from ``address``."""
        with self._lock:
            recent = self._recent(address)
            recent.append(self._clock())
            while len(recent) > self.failures:
                recent.popleft()
            self._seen[address] = recent
            self._seen.move_to_end(address)
            while len(self._seen) > MOST_ADDRESSES:
                self._seen.popitem(last=False)

    def _recent(self, address: str) -> collections.deque[float]:
        recent = self._seen.get(address, collections.deque())
        now = self._clock()
        while recent and recent[0] <= now - self.window:
            recent.popleft()
        if not recent:
            self._seen.pop(address, None)
        return recent
