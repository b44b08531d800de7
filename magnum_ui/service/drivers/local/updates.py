"""Changing a local node in place: its flavor's bounds, a larger disk, new TLS.

What the ``Magnum::Local::Node`` resource does when a stack update changes
its flavor, its disk size or the bay's CA (after a rotation): the node is
drained, changed and made active again, at most ``batch`` nodes of a bay at a
time, so a service with replicas elsewhere keeps running::

    update_node(root, cluster_uuid, 10, issue, flavor="local.medium", volume_gib=20,
                rekey=True, batch=1)
"""

from __future__ import annotations

import logging
from ipaddress import IPv4Address
from pathlib import Path

from magnum_ui.service.drivers.local import (
    bays,
    cgroups,
    disks,
    engines,
    nodes,
    registries,
    swarm,
    validation,
)
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import READY, StateDir
from magnum_ui.service.drivers.local.steps import step

LOG = logging.getLogger(__name__)


def update_node(
    root: str | Path,
    cluster_uuid: str,
    index: int,
    certs: nodes.CertificateSource,
    *,
    owner: str | None = None,
    options: NodeOptions | None = None,
    flavor: str | None = None,
    volume_gib: int | None = None,
    rekey: bool = False,
    batch: int = 1,
) -> nodes.NodeInfo:
    """Change a node in place: its flavor's bounds, a larger disk, new TLS from its bay's CA.

    A smaller disk than it has is kept as it is (disks only grow).

    The node is first drained (its Swarm tasks move to other nodes), changed,
    then made active again once back in its Swarm; at most ``batch`` nodes of a
    bay are aside at once.  A new certificate (``rekey``, after the bay's CA
    was rotated) or a larger disk restarts the engine, which keeps its Swarm
    membership and data; certificates of the old CA no longer reach it.
    """
    state = StateDir(validation.root(root))
    cluster_uuid, index = validation.cluster_uuid(cluster_uuid), validation.index(index)
    owner, size = validation.owner(owner), validation.flavor(flavor)
    options = options or NodeOptions()
    record = state.node(cluster_uuid, index)
    if record is None or record.engine is None or (owner and record.owner != owner):
        raise nodes.NodeError(
            f"node {index} of cluster {cluster_uuid} is not one this resource made"
        )
    # A disk never shrinks (its file system holds the node's images and containers): a
    # smaller flavor keeps the disk it has; the API refuses an explicit smaller size.
    disk_gib = max(validation.volume_gib(size, volume_gib), record.disk_gib or 0)
    layout = engines.EngineLayout(state.node_dir(record.key))
    spec = engines.EngineSpec(
        layout, record.name, record.netns, IPv4Address(record.address), record.key,
        flavor=size, disk_gib=disk_gib, remap=_remap(state, cluster_uuid),
        group=record.group or f"default-{record.role}",
        extra_args=(*options.extra_engine_args,
                    *registries.engine_args(options.registry, record.insecure_registry)),
    )  # fmt: skip
    with bays.change_slot(state, cluster_uuid, batch), step(f"changing {record.name}"):
        manager = bays.ready_master(state, cluster_uuid, exclude=-1)
        manager_client = bays.client_for(state, manager) if manager else None
        ready_before = swarm.ready_nodes(manager_client) if manager_client else set()
        if manager_client and record.swarm_node_id:
            swarm.set_aside(manager_client, record.swarm_node_id, options.drain_timeout)
        node_cgroups = cgroups.create(record.key, size)  # the new bounds, written in place
        if rekey:
            plan = nodes.NodePlan(cluster_uuid, index, record.role, record.name, record.address)
            material = certs(plan)
            material.check(record.address)
            engines.write_tls(layout, material)
        if rekey or disks.smaller_than(layout.disk, disk_gib):
            record.engine = engines.restart(
                spec, record.engine, node_cgroups, options.engine_timeout,
                while_stopped=lambda: disks.grow(layout.disk, layout.data, disk_gib),
            )  # fmt: skip
        record.flavor, record.disk_gib = size.name, disk_gib
        state.save_node(record)
        if manager_client and record.swarm_node_id:
            swarm.bring_back(manager_client, record.swarm_node_id, options.swarm_timeout)
            # The whole Swarm back as it was: a restarted manager lost sight of the others.
            swarm.wait_until_ready(manager_client, ready_before, options.swarm_timeout)
    LOG.info("local node %s changed (%s, %d GiB%s)", record.name, size.name, disk_gib,
             ", new certificate" if rekey else "")  # fmt: skip
    return nodes.info_of(record, {})


def adopt_node(
    root: str | Path,
    cluster_uuid: str,
    index: int,
    certs: nodes.CertificateSource,
    *,
    previous: str,
    owner: str,
    role: str,
    options: NodeOptions | None = None,
    flavor: str | None = None,
    volume_gib: int | None = None,
    batch: int = 1,
) -> nodes.NodeInfo:
    """Take over the ready node ``previous`` made at this place, then change it as asked.

    Heat replaces a resource whose change failed by a new one for the same node;
    the node stays, its owner becomes the new resource, and it gets a new
    certificate (which CA the failed change left it with is unknown).
    """
    state = StateDir(validation.root(root))
    cluster_uuid, index = validation.cluster_uuid(cluster_uuid), validation.index(index)
    previous, owner = str(validation.owner(previous)), str(validation.owner(owner))
    with state.lock():
        record = state.node(cluster_uuid, index)
        taken = record is not None and (record.owner, record.state, record.role) == (
            previous, READY, role,
        )  # fmt: skip
        if record is None or not taken:
            raise nodes.NodeError(f"node {index} of cluster {cluster_uuid} cannot be taken over")
        record.owner = owner
        state.save_node(record)
    LOG.info("local node %s taken over by a new resource", record.name)
    return update_node(
        root, cluster_uuid, index, certs, owner=owner, options=options, flavor=flavor,
        volume_gib=volume_gib, rekey=True, batch=batch,
    )  # fmt: skip


def stands(root: str | Path, cluster_uuid: str, index: int, owner: str) -> bool:
    """Whether the node is made, ready and ``owner``'s: a failed change can be retried on it."""
    record = StateDir(validation.root(root)).node(
        validation.cluster_uuid(cluster_uuid), validation.index(index)
    )
    return (
        record is not None and record.owner == validation.owner(owner)
        and record.state == READY and record.engine is not None
    )  # fmt: skip


def recorded_owner(root: str | Path, cluster_uuid: str, index: int) -> tuple[str, str] | None:
    """Who owns the node at this place and its name, if there is one."""
    record = StateDir(validation.root(root)).node(
        validation.cluster_uuid(cluster_uuid), validation.index(index)
    )
    return (record.owner or "", record.name) if record is not None else None


def _remap(state: StateDir, cluster_uuid: str) -> str:
    bay = state.bay(cluster_uuid)
    if bay is None or bay.user is None:
        raise nodes.NodeError(f"cluster {cluster_uuid} has no network or user on this machine")
    return f"{bay.user}:{bay.user}"
