"""The local nodes' state folder: what each bay and node is, and the lock over it.

Layout of the root (``MAGNUM_UI_LOCAL_NODES_DIR``)::

    bays/<cluster uuid>.json      the bay's network (subnet, bridge, FORWARD rule), its user
    nodes/<key>/node.json         one node: names, address, flavor, engine process, swarm id
    nodes/<key>/tls, x, ...       its engine's certificates (0700), exec-root
    nodes/<key>/disk.img, data    its disk, mounted on data/ (the engine's data-root)

The root, ``nodes/`` and each node's folder are mode 0711: the engines'
remapped root users must pass through them (see :func:`_traversable`).

A node's folder is named by a 12-digit hash rather than by cluster and index
because the unix sockets dockerd and its containerd create under it must fit
in 108 bytes.  The same hash names the node's kernel objects (network
namespace, veth, cgroup), which must be unique on the machine and, for
interfaces, at most 15 characters; hashing the root in as well keeps two
state folders (a test run and the all-in-one) from ever sharing a name.

Records are JSON files replaced atomically.  Every decision that reads
several of them (the project's node count, the last node of a bay, which
master starts the swarm) is taken while holding the root's lock, a ``flock``
on the root folder itself so that no lock file outlives the bays.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BAYS = "bays"
NODES = "nodes"
NODE_RECORD = "node.json"

CREATING, READY, DELETING = "creating", "ready", "deleting"


@dataclass
class BayRecord:
    cluster_uuid: str
    project_id: str
    subnet: str  # e.g. "10.213.4.0/24"; the bridge holds .1
    bridge: str
    forward_rule: bool = False
    # The index of the master that is starting the swarm right now, so that
    # masters created at the same time do not start two swarms.
    swarm_claim: int | None = None
    # The system user whose subordinate ids the bay's containers run as (.userns).
    user: str | None = None


@dataclass
class EngineProcess:
    pid: int
    # Field 22 of /proc/<pid>/stat: tells our dockerd from a later process
    # that happens to get the same pid after a reboot or a crash.
    start_time: int
    # The per-node cgroup folders the engine's containers live in, one per
    # hierarchy, resolved when the engine started.
    cgroups: list[str] = field(default_factory=list)


@dataclass
class NodeRecord:
    cluster_uuid: str
    index: int
    role: str
    project_id: str
    owner: str | None
    key: str
    name: str
    address: str
    netns: str
    veth: str
    state: str = CREATING
    engine: EngineProcess | None = None
    swarm_node_id: str | None = None
    # Its size (.flavors): what its cgroups and disk were made with.
    flavor: str | None = None
    disk_gib: int | None = None
    # The added node group it belongs to (None: a default group).
    group: str | None = None
    # The bay model's insecure_registry its engine may reach without TLS.
    insecure_registry: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NodeRecord:
        engine = data.pop("engine", None)
        record = cls(**data)
        record.engine = EngineProcess(**engine) if engine else None
        return record


class StateDir:
    """One root folder of local nodes and everything recorded in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # Resolved once so that two spellings of the same folder agree on names.
        self._identity = os.path.realpath(root)

    # --- names ----------------------------------------------------------------

    def node_key(self, cluster_uuid: str, index: int) -> str:
        return _short_hash(self._identity, cluster_uuid, str(index))

    def bridge_name(self, cluster_uuid: str) -> str:
        # "mub" + 12 hex digits: 15 characters, the kernel's limit for interfaces.
        return "mub" + _short_hash(self._identity, cluster_uuid)

    def user_name(self, cluster_uuid: str) -> str:
        # "muu" + 12 hex digits, like the bridge: unique on the machine, short.
        return "muu" + _short_hash(self._identity, cluster_uuid)

    def node_dir(self, key: str) -> Path:
        return self.root / NODES / key

    # --- the lock -------------------------------------------------------------

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the root's exclusive lock (blocks while another process holds it)."""
        _traversable(self.root)
        fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            wait_for_flock(fd)
            yield
        finally:
            os.close(fd)  # closing releases the flock

    # --- bays -----------------------------------------------------------------

    def bay(self, cluster_uuid: str) -> BayRecord | None:
        data = _read_json(self.root / BAYS / f"{cluster_uuid}.json")
        return BayRecord(**data) if data is not None else None

    def bays(self) -> list[BayRecord]:
        folder = self.root / BAYS
        if not folder.is_dir():
            return []
        found = (_read_json(path) for path in sorted(folder.glob("*.json")))
        return [BayRecord(**data) for data in found if data is not None]

    def bay_recorded_at(self, cluster_uuid: str) -> float | None:
        """When the bay's record was last written (epoch seconds), None if there is none."""
        try:
            return (self.root / BAYS / f"{cluster_uuid}.json").stat().st_mtime
        except FileNotFoundError:
            return None

    def save_bay(self, bay: BayRecord) -> None:
        _write_json(self.root / BAYS / f"{bay.cluster_uuid}.json", dataclasses.asdict(bay))

    def forget_bay(self, cluster_uuid: str) -> None:
        (self.root / BAYS / f"{cluster_uuid}.json").unlink(missing_ok=True)
        self._remove_if_empty(self.root / BAYS)

    # --- nodes ----------------------------------------------------------------

    def node(self, cluster_uuid: str, index: int) -> NodeRecord | None:
        key = self.node_key(cluster_uuid, index)
        data = _read_json(self.node_dir(key) / NODE_RECORD)
        return NodeRecord.from_json(data) if data is not None else None

    def nodes(self, cluster_uuid: str | None = None) -> list[NodeRecord]:
        """Every node recorded (of one cluster if given), by cluster and index."""
        folder = self.root / NODES
        if not folder.is_dir():
            return []
        records = []
        for path in folder.glob(f"*/{NODE_RECORD}"):
            data = _read_json(path)
            if data is None:
                continue
            record = NodeRecord.from_json(data)
            if cluster_uuid is None or record.cluster_uuid == cluster_uuid:
                records.append(record)
        return sorted(records, key=lambda r: (r.cluster_uuid, r.index))

    def save_node(self, record: NodeRecord) -> None:
        folder = self.node_dir(record.key)
        _traversable(self.root / NODES)
        _traversable(folder)
        _write_json(folder / NODE_RECORD, dataclasses.asdict(record))

    def tidy(self) -> None:
        """Remove the bays/ and nodes/ folders once they are empty (the root stays)."""
        self._remove_if_empty(self.root / BAYS)
        self._remove_if_empty(self.root / NODES)

    @staticmethod
    def _remove_if_empty(folder: Path) -> None:
        # Missing, or not empty: both mean there is nothing to tidy.
        with contextlib.suppress(OSError):
            folder.rmdir()


def wait_for_flock(fd: int) -> None:
    """Take an exclusive ``flock`` on ``fd``, polling rather than blocking.

    Heat may run its workers as eventlet greenthreads in one OS thread: a
    blocking ``flock`` there would stop the greenthread that holds the lock
    from ever releasing it.  ``time.sleep`` yields to it instead.
    """
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(0.01)


@contextmanager
def machine_lock(path: Path) -> Iterator[None]:
    """An exclusive lock over every process on the machine (a ``flock`` on ``path``).

    For what the kernel or ``/etc`` hold for all state folders at once: the
    address space, the subordinate id ranges.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        wait_for_flock(fd)
        yield
    finally:
        os.close(fd)


def _traversable(folder: Path) -> None:
    """Make ``folder`` (mode 0711): others may pass through, never list or read.

    dockerd refuses a data-root whose parents its remapped root (an unprivileged
    id) cannot walk through; every secret below stays in a 0700 folder or a 0600 file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o777 != 0o711:
        folder.chmod(0o711)


def _short_hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        with path.open() as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return None
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold a JSON object")
    return data


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` atomically, so a reader never sees half a record."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    os.replace(partial, path)
