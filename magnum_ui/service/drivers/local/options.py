"""The local nodes' settings, with their defaults and their environment variables.

The Heat resource reads them from Heat's environment (Heat has no place for
a plugin's own options), so an operator sets them where Heat is started::

    MAGNUM_UI_LOCAL_NODES_DIR=/var/lib/magnum-ui/local-nodes
    MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT=20
    MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT=20
    MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT=20480
    MAGNUM_UI_LOCAL_SUBNET_POOL=10.213.0.0/16
    MAGNUM_UI_LOCAL_REGISTRY=10.213.255.254:5050

The per-project bounds have the same defaults as the service API's
``[local_driver]`` options, which refuse a request over them before any
stack exists; here they stop a template that names the resource itself.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from magnum_ui.service.drivers.local import registries, validation
from magnum_ui.service.drivers.local.flavors import LocalFlavor

DEFAULT_ROOT = Path("/var/lib/magnum-ui/local-nodes")
"""Where every local node's records, certificates and engine data live."""
DEFAULT_MAX_NODES_PER_PROJECT = 20
"""How many nodes (all bays together) one project may run on this machine."""
DEFAULT_MAX_VCPUS_PER_PROJECT = 20
"""How many CPUs the flavors of one project's nodes may add up to."""
DEFAULT_MAX_RAM_MIB_PER_PROJECT = 20480
"""How much memory (MiB) the flavors of one project's nodes may add up to."""
DEFAULT_SUBNET_POOL = "10.213.0.0/16"
"""The private range each bay's /24 is taken from."""

ROOT_VARIABLE = "MAGNUM_UI_LOCAL_NODES_DIR"
MAX_NODES_VARIABLE = "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT"
MAX_VCPUS_VARIABLE = "MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT"
MAX_RAM_VARIABLE = "MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT"
SUBNET_POOL_VARIABLE = "MAGNUM_UI_LOCAL_SUBNET_POOL"
REGISTRY_VARIABLE = "MAGNUM_UI_LOCAL_REGISTRY"


class InvalidOptions(ValueError):
    """A setting has an unusable value; the message names the variable."""


@dataclass(frozen=True)
class NodeOptions:
    """How nodes are made; every field has a production default."""

    max_nodes_per_project: int = DEFAULT_MAX_NODES_PER_PROJECT
    max_vcpus_per_project: int = DEFAULT_MAX_VCPUS_PER_PROJECT
    max_ram_mib_per_project: int = DEFAULT_MAX_RAM_MIB_PER_PROJECT
    subnet_pool: str = DEFAULT_SUBNET_POOL
    # The cloud's registry (IPV4:PORT): every engine's mirror, reached through the bridge.
    registry: str | None = None
    # dockerd answers in 0.3-0.4 s here; the margin covers a loaded machine.
    engine_timeout: float = 30.0
    # How long a worker (or a later master) waits for a master to start the swarm:
    # Heat may create a bay's nodes all at once.
    swarm_timeout: float = 60.0
    # How long removing a node waits for its tasks to move elsewhere.
    drain_timeout: float = 30.0
    # Extra dockerd arguments; tests use them to make an engine fail to start.
    extra_engine_args: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("max_nodes_per_project", "max_vcpus_per_project", "max_ram_mib_per_project"):
            if getattr(self, name) < 1:
                raise InvalidOptions(f"{name} must be at least 1")
        subnet_pool(self.subnet_pool)
        if self.registry is not None:
            try:
                registries.mirror_address(registries.registry(self.registry) or "")
            except registries.InvalidRegistry as exc:
                raise InvalidOptions(f"{REGISTRY_VARIABLE}: {exc}") from None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> NodeOptions:
        pool = environ.get(SUBNET_POOL_VARIABLE, "").strip() or DEFAULT_SUBNET_POOL
        try:
            subnet_pool(pool)
        except InvalidOptions as exc:
            raise InvalidOptions(f"{SUBNET_POOL_VARIABLE}: {exc}") from None
        return cls(
            max_nodes_per_project=_positive(environ, MAX_NODES_VARIABLE,
                                            DEFAULT_MAX_NODES_PER_PROJECT),
            max_vcpus_per_project=_positive(environ, MAX_VCPUS_VARIABLE,
                                            DEFAULT_MAX_VCPUS_PER_PROJECT),
            max_ram_mib_per_project=_positive(environ, MAX_RAM_VARIABLE,
                                              DEFAULT_MAX_RAM_MIB_PER_PROJECT),
            subnet_pool=pool,
            registry=environ.get(REGISTRY_VARIABLE, "").strip() or None,
        )  # fmt: skip

    def project_refusal(
        self, project_id: str, running: list[LocalFlavor], adding: LocalFlavor
    ) -> str | None:
        """Why the project may not add a node of ``adding`` to ``running``, or None."""
        return capacity_refusal(
            f"project {project_id}",
            nodes=len(running) + 1,
            vcpus=sum(f.vcpus for f in running) + adding.vcpus,
            ram_mib=sum(f.ram_mib for f in running) + adding.ram_mib,
            limits=(self.max_nodes_per_project, self.max_vcpus_per_project,
                    self.max_ram_mib_per_project),
        )  # fmt: skip


def capacity_refusal(
    who: str, *, nodes: int, vcpus: float, ram_mib: int, limits: tuple[int, int, int]
) -> str | None:
    """The first per-project bound that ``nodes``/``vcpus``/``ram_mib`` would pass, or None.

    Shared with the service API's request checks, so both say the same thing.
    """
    max_nodes, max_vcpus, max_ram = limits
    for amount, limit, what, variable in (
        (nodes, max_nodes, "local nodes", MAX_NODES_VARIABLE),
        (vcpus, max_vcpus, "vCPUs of local nodes", MAX_VCPUS_VARIABLE),
        (ram_mib, max_ram, "MiB of memory of local nodes", MAX_RAM_VARIABLE),
    ):
        if amount > limit:
            return (
                f"{who} would have {amount:g} {what}, more than the {limit:g} one project may "
                f"have ({variable.removeprefix('MAGNUM_UI_LOCAL_').lower()}={limit:g})"
            )
    return None


def _positive(environ: Mapping[str, str], variable: str, default: int) -> int:
    raw = environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidOptions(f"{variable}={raw!r} is not an integer") from None
    if value < 1:
        raise InvalidOptions(f"{variable}={raw!r} must be at least 1")
    return value


def root_from_environ(environ: Mapping[str, str] = os.environ) -> Path:
    """The state folder named by ``MAGNUM_UI_LOCAL_NODES_DIR`` (or the default)."""
    raw = environ.get(ROOT_VARIABLE, "").strip()
    try:
        return validation.root(raw or DEFAULT_ROOT)
    except validation.InvalidNodeInput as exc:
        raise InvalidOptions(f"{ROOT_VARIABLE}: {exc}") from None


def subnet_pool(value: str) -> ipaddress.IPv4Network:
    """The pool as a network: private IPv4, room for at least one /24."""
    try:
        pool = ipaddress.IPv4Network(value, strict=True)
    except ValueError as exc:
        raise InvalidOptions(f"subnet pool {value!r} is not an IPv4 network: {exc}") from None
    if not pool.is_private or pool.prefixlen > 24:
        raise InvalidOptions(f"subnet pool {value} must be a private IPv4 network of /24 or larger")
    return pool
