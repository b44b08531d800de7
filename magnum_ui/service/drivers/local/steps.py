"""Bookkeeping of a many-step operation: what to undo, which step failed, how long each took.

``create_node`` registers an undo action right after each step succeeds; on
any failure they run in reverse, each failure of theirs collected rather than
raised, so the error that reaches Heat is the original one::

    undo = Undo()
    with step("creating the network"):
        make_network()
        undo.add("removing the network", remove_network)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LOG = logging.getLogger(__name__)


class StepFailed(RuntimeError):
    """A step failed; the message starts with the step."""


@contextmanager
def step(what: str) -> Iterator[None]:
    """Prefix a failure with the step it happened in (a StepFailed passes through as is)."""
    try:
        yield
    except StepFailed:
        raise
    except Exception as exc:
        raise StepFailed(f"{what} failed: {exc}") from exc


class Undo:
    """Actions to run in reverse order; each failure is logged and returned, none raised."""

    def __init__(self) -> None:
        self._actions: list[tuple[str, Callable[[], object]]] = []

    def add(self, what: str, function: Callable[..., object], *args: object) -> None:
        self._actions.append((what, lambda: function(*args)))

    def run(self) -> list[str]:
        failures = []
        for what, action in reversed(self._actions):
            try:
                action()
            except Exception as exc:
                LOG.error("%s failed: %s", what, exc)
                failures.append(f"{what}: {exc}")
        self._actions.clear()
        return failures


class Clock:
    """Seconds between successive laps, by name."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.monotonic()

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.laps[name] = round(now - self._last, 3)
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.laps.items())
