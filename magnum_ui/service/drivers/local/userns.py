"""Each bay's user namespace: the host ids its containers' users really are.

Every engine of a bay runs with ``dockerd --userns-remap USER:USER``: root in
any of its containers is the first id of the bay's subordinate range on the
host, an id that owns nothing here, so a container that reaches a host file
(which the bay's policy plugin already refuses) still cannot read what only
root may.  Each bay has a range of its own, so two bays' containers never
share an id either.

dockerd takes the range from ``/etc/subuid`` and ``/etc/subgid`` by user
name, and looks the user and group up in ``/etc/passwd`` and
``/etc/group``, so each bay gets a system user (no home, no shell, no
password) named like its bridge, made with ``useradd`` and ``usermod
--add-subuids``, and removed with ``userdel``, which drops its ranges too::

    mapping = ensure("muu3f2a1b4c0d1e")   # IdMapping("muu3f2a1b4c0d1e", 1100000000, 65536)
    release("muu3f2a1b4c0d1e")

Ranges are handed out above :data:`FIRST_ID`, far from the ids ``useradd``
gives people (100000 up), under a machine-wide lock, and a range is free when
no line of either file overlaps it: the files are the allocation table.
"""

from __future__ import annotations

import pwd
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from magnum_ui.service.drivers.local.commands import run
from magnum_ui.service.drivers.local.state import machine_lock

FIRST_ID = 1_100_000_000
RANGE = 65536  # what a container image's users (0..65535) need
MAX_RANGES = 4096
SUBUID, SUBGID = Path("/etc/subuid"), Path("/etc/subgid")
LOCK = Path("/run/lock/magnum-ui-local-idmaps.lock")


class UsernsError(RuntimeError):
    """The bay's user or id range could not be made or removed."""


@dataclass(frozen=True)
class IdMapping:
    user: str
    first: int
    count: int

    @property
    def remap(self) -> str:
        """dockerd's ``--userns-remap`` value."""
        return f"{self.user}:{self.user}"


def ensure(user: str, files: tuple[Path, Path] = (SUBUID, SUBGID)) -> IdMapping:
    """The bay's user and range, made if it has none yet (idempotent)."""
    with machine_lock(LOCK):
        existing = _ranges_of(user, files)
        if existing is not None and user_exists(user):
            return existing
        if not user_exists(user):
            run(["useradd", "--system", "--user-group", "--no-create-home",
                 "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", user])  # fmt: skip
        first = _free_range(files)
        span = f"{first}-{first + RANGE - 1}"
        run(["usermod", "--add-subuids", span, "--add-subgids", span, user])
        return IdMapping(user, first, RANGE)


def release(user: str) -> None:
    """Remove the bay's user, its group and its ranges (a missing user is fine)."""
    with machine_lock(LOCK):
        if user_exists(user):
            run(["userdel", user])


def user_exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
    except KeyError:
        return False
    return True


def _ranges_of(user: str, files: tuple[Path, Path]) -> IdMapping | None:
    """The user's range when both files give it the same one, else None."""
    found = set()
    for path in files:
        entries = [(first, count) for name, first, count in _entries(path) if name == user]
        if len(entries) != 1:
            return None
        found.add(entries[0])
    if len(found) != 1:
        return None
    first, count = found.pop()
    return IdMapping(user, first, count)


def _free_range(files: tuple[Path, Path]) -> int:
    taken = [(first, first + count) for path in files for _, first, count in _entries(path)]
    for slot in range(MAX_RANGES):
        start = FIRST_ID + slot * RANGE
        if not any(start < end and begin < start + RANGE for begin, end in taken):
            return start
    raise UsernsError(f"all {MAX_RANGES} subordinate id ranges for local bays are in use")


def _entries(path: Path) -> Iterator[tuple[str, int, int]]:
    try:
        lines = path.read_text().splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        parts = line.strip().split(":")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            yield parts[0], int(parts[1]), int(parts[2])
