"""The local nodes' settings, with their defaults and their environment variables.

The Heat resource reads them from Heat's environment (Heat has no place for
a plugin's own options), so an operator sets them where Heat is started::

    MAGNUM_UI_LOCAL_NODES_DIR=/var/lib/magnum-ui/local-nodes
    MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT=20
    MAGNUM_UI_LOCAL_SUBNET_POOL=10.213.0.0/16
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from magnum_ui.service.drivers.local import validation

DEFAULT_ROOT = Path("/var/lib/magnum-ui/local-nodes")
"""Where every local node's records, certificates and engine data live."""
DEFAULT_MAX_NODES_PER_PROJECT = 20
"""How many nodes (all bays together) one project may run on this machine."""
DEFAULT_SUBNET_POOL = "10.213.0.0/16"
"""The private range each bay's /24 is taken from."""

ROOT_VARIABLE = "MAGNUM_UI_LOCAL_NODES_DIR"
MAX_NODES_VARIABLE = "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT"
SUBNET_POOL_VARIABLE = "MAGNUM_UI_LOCAL_SUBNET_POOL"


class InvalidOptions(ValueError):
    """A setting has an unusable value; the message names the variable."""


@dataclass(frozen=True)
class NodeOptions:
    """How nodes are made; every field has a production default."""

    max_nodes_per_project: int = DEFAULT_MAX_NODES_PER_PROJECT
    subnet_pool: str = DEFAULT_SUBNET_POOL
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
        if self.max_nodes_per_project < 1:
            raise InvalidOptions("max_nodes_per_project must be at least 1")
        subnet_pool(self.subnet_pool)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> NodeOptions:
        raw_max = environ.get(MAX_NODES_VARIABLE, "").strip()
        max_nodes = DEFAULT_MAX_NODES_PER_PROJECT
        if raw_max:
            try:
                max_nodes = int(raw_max)
            except ValueError:
                raise InvalidOptions(
                    f"{MAX_NODES_VARIABLE}={raw_max!r} is not an integer"
                ) from None
            if max_nodes < 1:
                raise InvalidOptions(f"{MAX_NODES_VARIABLE}={raw_max!r} must be at least 1")
        pool = environ.get(SUBNET_POOL_VARIABLE, "").strip() or DEFAULT_SUBNET_POOL
        try:
            subnet_pool(pool)
        except InvalidOptions as exc:
            raise InvalidOptions(f"{SUBNET_POOL_VARIABLE}: {exc}") from None
        return cls(max_nodes_per_project=max_nodes, subnet_pool=pool)


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
