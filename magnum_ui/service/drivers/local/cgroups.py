"""A node's cgroups: the kernel's bound on what its engine and containers use together.

Each node gets a cgroup ``/magnum-ui-<key>`` in every hierarchy, with two children::

    /magnum-ui-<key>/              CPU quota of the flavor; memory and processes of
                                   the flavor plus the engine's allowance
        engine/                    dockerd, containerd, the shims, the policy plugin
        containers/                memory and processes of the flavor; dockerd's
            <container id>/        --cgroup-parent, so runc puts every container here

The engine joins ``engine/`` before it becomes dockerd (:mod:`.launcher`), so
whatever it starts inherits the bound.  The containers' own limit sits below
the node's: a container that eats memory meets its node's OOM killer inside
``containers/`` and never the host's, nor the engine's share.  The paths are
absolute (from each hierarchy's root), not under Heat's own cgroup, because on
a cgroup v1 machine the hierarchies place Heat differently and dockerd's
``--cgroup-parent`` takes a single path.  cgroup v1 (one hierarchy per
controller, as on this machine) and the unified v2 hierarchy are both handled.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from magnum_ui.service.drivers.local import sweep
from magnum_ui.service.drivers.local.flavors import ENGINE_PIDS, ENGINE_RAM_MIB, LocalFlavor

ENGINE, CONTAINERS = "engine", "containers"
CPU_PERIOD_US = 100_000
MIB = 1024 * 1024
# The controllers we set limits with; v2 must enable them for the node's children.
V2_CONTROLLERS = ("cpu", "memory", "pids")
# cgroup v1 hierarchies the engine joins (the others only hold the containers).
V1_JOINED = ("cpu", "memory", "pids")


class CgroupError(RuntimeError):
    """A cgroup could not be made or limited; the message names the file."""


@dataclass(frozen=True)
class Hierarchy:
    mount_point: Path
    controllers: frozenset[str]  # v1: the hierarchy's controllers; v2: the enabled ones
    unified: bool  # cgroup v2


@dataclass(frozen=True)
class NodeCgroups:
    """Where a node's cgroups are: what the engine joins and what dockerd is told."""

    name: str  # "magnum-ui-<key>"
    folders: tuple[str, ...]  # the node's folder in every hierarchy (for sweeping)
    engine_procs: tuple[str, ...]  # the cgroup.procs files the engine writes itself into

    @property
    def container_parent(self) -> str:
        """dockerd's ``--cgroup-parent``: absolute, the same in every hierarchy."""
        return f"/{self.name}/{CONTAINERS}"


def node_name(key: str) -> str:
    return f"magnum-ui-{key}"


def node_folders(key: str, hierarchies: list[Hierarchy] | None = None) -> list[str]:
    """The node's cgroup folder in each hierarchy of this machine."""
    found = machine_hierarchies() if hierarchies is None else hierarchies
    return [str(h.mount_point / node_name(key)) for h in found]


def create(
    key: str, flavor: LocalFlavor, hierarchies: list[Hierarchy] | None = None
) -> NodeCgroups:
    """Make the node's cgroups with the flavor's limits; return what the engine needs."""
    found = machine_hierarchies() if hierarchies is None else hierarchies
    name = node_name(key)
    procs: list[str] = []
    hybrid = any(not h.unified for h in found)
    for hierarchy in found:
        top = hierarchy.mount_point / name
        if hierarchy.unified:
            if hybrid:
                # A hybrid machine's v2 tree holds no controller we limit with (v1
                # has them): runc still files containers there, and the engine
                # joins it so that a sweep finds every process of the node.
                _make(top, top / ENGINE, top / CONTAINERS)
            else:
                _limit_v2(hierarchy, top, flavor)
            procs.append(str(top / ENGINE / "cgroup.procs"))
            continue
        _make(top, top / ENGINE, top / CONTAINERS)
        _limit_v1(hierarchy, top, flavor)
        if hierarchy.controllers & set(V1_JOINED):
            procs.append(str(top / ENGINE / "cgroup.procs"))
    return NodeCgroups(name, tuple(str(h.mount_point / name) for h in found), tuple(procs))


def remove(folders: list[str] | tuple[str, ...]) -> None:
    """Remove the node's (empty) cgroups, deepest first; missing ones are fine."""
    sweep.remove_cgroups(list(folders))


def machine_hierarchies() -> list[Hierarchy]:
    """Every cgroup hierarchy mounted here, with its controllers."""
    found = []
    for fields, fstype, super_options in sweep.mountinfo():
        mount_point = Path(fields[4])
        if fstype == "cgroup2":
            text = _read(mount_point / "cgroup.controllers")
            found.append(Hierarchy(mount_point, frozenset(text.split()), unified=True))
        elif fstype == "cgroup":
            options = set(super_options.split(",")) - sweep.V1_NON_CONTROLLERS
            found.append(Hierarchy(mount_point, frozenset(options), unified=False))
    return found


def limits(key: str, hierarchies: list[Hierarchy] | None = None) -> dict[str, str]:
    """The limits the kernel holds for the node (for tests and diagnostics): file -> value."""
    found = machine_hierarchies() if hierarchies is None else hierarchies
    wanted = (
        "memory.limit_in_bytes", "memory.max", "cpu.cfs_quota_us", "cpu.cfs_period_us",
        "cpu.max", "pids.max",
    )  # fmt: skip
    values = {}
    for hierarchy in found:
        for folder in (hierarchy.mount_point / node_name(key),
                       hierarchy.mount_point / node_name(key) / CONTAINERS):  # fmt: skip
            for name in wanted:
                path = folder / name
                if path.exists():
                    relative = path.relative_to(hierarchy.mount_point / node_name(key))
                    values[str(relative)] = path.read_text().strip()
    return values


# --- cgroup v1 --------------------------------------------------------------------


def _limit_v1(hierarchy: Hierarchy, top: Path, flavor: LocalFlavor) -> None:
    controllers = hierarchy.controllers
    if "memory" in controllers:
        _bound_memory_v1(top, (flavor.ram_mib + ENGINE_RAM_MIB) * MIB)
        _bound_memory_v1(top / CONTAINERS, flavor.ram_mib * MIB)
    if "cpu" in controllers:
        _write(top / "cpu.cfs_period_us", CPU_PERIOD_US)
        _write(top / "cpu.cfs_quota_us", int(flavor.vcpus * CPU_PERIOD_US))
    if "pids" in controllers:
        _write(top / "pids.max", flavor.pids + ENGINE_PIDS)
        _write(top / CONTAINERS / "pids.max", flavor.pids)


def _bound_memory_v1(folder: Path, limit: int) -> None:
    """Bound memory, and memory+swap with swap accounting (no swapping past the bound).

    The kernel refuses a memory bound above the memory+swap one at every write,
    so a larger bound (a new flavor) raises memory+swap first, a smaller one last.
    """
    memory, swap = folder / "memory.limit_in_bytes", folder / "memory.memsw.limit_in_bytes"
    if not swap.exists():
        _write(memory, limit)
        return
    growing = limit > int(_read(memory))
    for path in (swap, memory) if growing else (memory, swap):
        _write(path, limit)


# --- cgroup v2 --------------------------------------------------------------------


def _limit_v2(hierarchy: Hierarchy, top: Path, flavor: LocalFlavor) -> None:
    missing = [c for c in V2_CONTROLLERS if c not in hierarchy.controllers]
    if missing:
        raise CgroupError(
            f"the cgroup v2 hierarchy at {hierarchy.mount_point} lacks the {', '.join(missing)} "
            "controller(s) local nodes are limited with"
        )
    enable = " ".join(f"+{c}" for c in V2_CONTROLLERS)
    root_control = hierarchy.mount_point / "cgroup.subtree_control"
    if set(V2_CONTROLLERS) - set(_read(root_control).split()):
        _write(root_control, enable)
    _make(top)
    _write(top / "cgroup.subtree_control", enable)
    _make(top / ENGINE, top / CONTAINERS)
    _write(top / CONTAINERS / "cgroup.subtree_control", enable)
    _write(top / "cpu.max", f"{int(flavor.vcpus * CPU_PERIOD_US)} {CPU_PERIOD_US}")
    _write(top / "memory.max", (flavor.ram_mib + ENGINE_RAM_MIB) * MIB)
    _write(top / CONTAINERS / "memory.max", flavor.ram_mib * MIB)
    for folder in (top, top / CONTAINERS):
        if (folder / "memory.swap.max").exists():
            _write(folder / "memory.swap.max", 0)
    _write(top / "pids.max", flavor.pids + ENGINE_PIDS)
    _write(top / CONTAINERS / "pids.max", flavor.pids)


# --- files ------------------------------------------------------------------------


def _make(*folders: Path) -> None:
    for folder in folders:
        try:
            folder.mkdir(exist_ok=True)
            # runc looks its container's cgroup up as the bay's remapped root: the folders
            # must be passable by others whatever umask the caller has (the all-in-one: 077).
            folder.chmod(0o755)
        except OSError as exc:
            raise CgroupError(f"cannot create the cgroup {folder}: {exc.strerror}") from None


def _write(path: Path, value: object) -> None:
    try:
        # O_CREAT only matters off a cgroup file system (the tests' stand-in folders).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, str(value).encode())
        finally:
            os.close(fd)
    except OSError as exc:
        raise CgroupError(f"cannot write {value} to {path}: {exc.strerror}") from None


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""
