"""The local flavors: how much CPU, memory, processes and disk one local node may use.

A local node shares the host's kernel, so its size is enforced by the
kernel: the node's cgroup holds its engine and every container, with the
flavor's CPU quota, memory and process limits (:mod:`.cgroups`), and its
containers live on a file system of the flavor's disk size (:mod:`.disks`).
This table is the only definition; the Heat resource, the driver's request
checks and the dashboard's flavor choices (``GET /v1/drivers``) all read it::

    flavor = FLAVORS["local.small"]
    flavor.vcpus, flavor.ram_mib, flavor.pids, flavor.disk_gib   # 1.0, 1024, 1024, 10

A bay model's ``flavor_id`` (workers) and ``master_flavor_id`` (masters)
name one of them; left empty they mean :data:`DEFAULT_FLAVOR`.  The engine
itself (dockerd, containerd, the policy plugin) gets a fixed allowance on top
of the flavor (:data:`ENGINE_RAM_MIB`, :data:`ENGINE_PIDS`), as a hypervisor's
overhead is not counted in a virtual machine's memory: the containers get the
flavor's memory and process count in full, and never the engine's share.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LocalFlavor:
    name: str
    vcpus: float  # CPU time, in CPUs (0.5: half of one CPU), shared by engine and containers
    ram_mib: int  # memory of the node's containers together
    pids: int  # processes and threads of the node's containers together
    disk_gib: int  # the node's container storage unless the bay sets docker_volume_size

    @property
    def summary(self) -> str:
        vcpus = f"{self.vcpus:g} vCPU"
        return f"{vcpus}, {self.ram_mib} MiB, {self.pids} processes, {self.disk_gib} GiB disk"


FLAVORS: dict[str, LocalFlavor] = {
    flavor.name: flavor
    for flavor in (
        LocalFlavor("local.tiny", vcpus=0.5, ram_mib=512, pids=512, disk_gib=5),
        LocalFlavor("local.small", vcpus=1.0, ram_mib=1024, pids=1024, disk_gib=10),
        LocalFlavor("local.medium", vcpus=2.0, ram_mib=2048, pids=2048, disk_gib=20),
    )
}
DEFAULT_FLAVOR = "local.small"

# What the engine may use beyond its containers' share (dockerd and containerd
# take about 120 MiB and 60 threads together; the margin absorbs image loads).
ENGINE_RAM_MIB = 256
ENGINE_PIDS = 256

MIN_VOLUME_GIB = 1
# A node's disk is a sparse file: it takes host space only as containers fill it.
MAX_VOLUME_GIB = 100


class UnknownFlavor(ValueError):
    """The name is not a local flavor; the message lists the ones there are."""


def get(name: str | None) -> LocalFlavor:
    """The flavor called ``name`` (empty or None: the default one)."""
    if not name:
        return FLAVORS[DEFAULT_FLAVOR]
    try:
        return FLAVORS[name]
    except (KeyError, TypeError):
        raise UnknownFlavor(
            f"{name!r} is not a local flavor; local bays use {', '.join(FLAVORS)}"
        ) from None


def volume_gib(flavor: LocalFlavor, docker_volume_size: int | None) -> int:
    """The node's disk: ``docker_volume_size`` when set, else the flavor's."""
    size = docker_volume_size or flavor.disk_gib
    if not MIN_VOLUME_GIB <= size <= MAX_VOLUME_GIB:
        raise ValueError(
            f"docker_volume_size {size} is out of range for local nodes "
            f"({MIN_VOLUME_GIB} to {MAX_VOLUME_GIB} GiB)"
        )
    return size
