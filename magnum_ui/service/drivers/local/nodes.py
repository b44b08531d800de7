"""Local Swarm nodes: what the ``Magnum::Local::Node`` Heat resource calls.

A node is a Docker Engine in its own network namespace on its bay's bridge,
confined to its flavor (cgroups and a disk of its own) and to the bay's
policy and user namespace, with the image ``magnum-ui/busybox`` loaded and
joined into the bay's Swarm::

    info = create_node(root, cluster_uuid, 0, "master", issue_certificates, project_id,
                       flavor="local.small")
    info.docker_host       # "tcp://10.213.0.10:2376" (TLS, the bay's CA)
    delete_node(root, cluster_uuid, 0)

``issue_certificates`` receives the :class:`NodePlan` (name and address are
known before anything starts) and returns the node's :class:`NodeCertificates`.

Every input is validated (:mod:`.validation`); one project may run at most
``options.max_nodes_per_project`` nodes, and their flavors together at most
``options.max_vcpus_per_project`` CPUs and ``options.max_ram_mib_per_project``
MiB (the service API refuses more at request time; this is the backstop for
templates that name the resource directly).  A create that fails at any step
undoes everything it did (the bay's network too, if it made it and no other
node came meanwhile) and raises :class:`NodeError` saying which step failed
and why.  Deleting is idempotent, and the last node of a bay takes the bay's
bridge, FORWARD rule and subnet with it.  No Django, no Heat in here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from ipaddress import IPv4Address, IPv4Network
from pathlib import Path

from magnum_ui.service.drivers.local import (
    bays,
    engines,
    flavors,
    image,
    network,
    registries,
    swarm,
    validation,
)
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import DELETING, READY, BayRecord, NodeRecord, StateDir
from magnum_ui.service.drivers.local.steps import Clock, Undo, step
from magnum_ui.service.drivers.local.tls import NodeCertificates

LOG = logging.getLogger(__name__)


class NodeError(RuntimeError):
    """A node could not be created or deleted; the message says which step failed and why."""


class NodeLimitExceeded(NodeError):
    """The project already runs as many local nodes as it may."""


@dataclass(frozen=True)
class NodePlan:
    """What a node will be, known before anything is started (for its certificate)."""

    cluster_uuid: str
    index: int
    role: str
    name: str
    address: str


@dataclass(frozen=True)
class NodeInfo:
    name: str
    address: str
    docker_host: str  # tcp://<address>:2376, TLS with the bay's CA
    cluster_uuid: str
    index: int
    role: str
    state: str
    # Seconds spent in each step of the create, for logs and measurements.
    timings: dict[str, float] = field(default_factory=dict, compare=False)


CertificateSource = Callable[[NodePlan], NodeCertificates]


def node_name(
    cluster_uuid: str, role: str, index: int, group: str | None = None, position: int = 0
) -> str:
    """The node's hostname, certificate CN and Swarm node name.

    A default group's node is named by its role and index (``bay-3f2a1b4c-worker-10``),
    a node of an added group by the group and its place in it (``bay-3f2a1b4c-gpu-0``).
    """
    if group:
        return f"bay-{cluster_uuid[:8]}-{group}-{position}"
    return f"bay-{cluster_uuid[:8]}-{role}-{index}"


def create_node(
    root: str | Path,
    cluster_uuid: str,
    index: int,
    role: str,
    certs: CertificateSource,
    project_id: str,
    *,
    owner: str | None = None,
    options: NodeOptions | None = None,
    flavor: str | None = None,
    volume_gib: int | None = None,
    group: str | None = None,
    position: int | None = None,
    insecure_registry: str | None = None,
) -> NodeInfo:
    """Create node ``index`` of the bay and return it once it is in the bay's Swarm.

    ``owner`` (the Heat resource's uuid) is recorded so that only the same
    owner can delete the node: anyone may name any cluster in a template.
    ``flavor`` names a local flavor (None: the default) and ``volume_gib``
    the node's disk (None or 0: the flavor's); ``group`` and ``position``
    name a node of an added node group (None: a default group's node);
    ``insecure_registry`` the bay model's (:mod:`.registries`).
    """
    state = StateDir(validation.root(root))
    cluster_uuid = validation.cluster_uuid(cluster_uuid)
    index, role = validation.index(index), validation.role(role)
    project_id, owner = validation.project_id(project_id), validation.owner(owner)
    size = validation.flavor(flavor)
    disk_gib = validation.volume_gib(size, volume_gib)
    options = options or NodeOptions()
    clock = Clock()
    group = validation.group(group)
    position = validation.index(position if group else index)
    wanted = _Wanted(cluster_uuid, index, role, project_id, owner, size, disk_gib, group, position,
                     registries.registry(insecure_registry))  # fmt: skip
    record, bay = _reserve(state, wanted, options)
    clock.lap("reservation")
    undo = Undo()
    undo.add("releasing the bay's network", bays.release_if_empty, state, cluster_uuid)
    # Whatever the node has when a step fails (``record`` fills in as it goes).
    undo.add("removing the node", _dismantle, state, record)
    layout = engines.EngineLayout(state.node_dir(record.key))
    try:
        with step("obtaining the node's TLS certificate"):
            plan = NodePlan(cluster_uuid, index, role, record.name, record.address)
            material = certs(plan)
            material.check(record.address)
        clock.lap("certificate")
        with step("creating the node's network namespace"):
            address = network.node_address(IPv4Network(bay.subnet), index)
            network.create_node_network(record.netns, record.veth, bay.bridge, address)
            if options.registry:
                to = registries.mirror_address(options.registry)  # the cloud's registry
                network.add_host_route(record.netns, to, IPv4Network(bay.subnet))
        clock.lap("network")
        spec = engines.EngineSpec(
            layout, record.name, record.netns, IPv4Address(record.address), record.key,
            flavor=size, disk_gib=disk_gib, remap=f"{bay.user}:{bay.user}",
            group=record.group or f"default-{role}",
            extra_args=(*options.extra_engine_args,
                        *registries.engine_args(options.registry, record.insecure_registry)),
        )  # fmt: skip
        with step(f"preparing the node's {disk_gib} GiB disk and {size.name} cgroups"):
            node_cgroups = engines.prepare(spec)
        clock.lap("disk and cgroups")
        with step("starting the Docker Engine"):
            engines.write_tls(layout, material)
            record.engine = engines.start(spec, node_cgroups)
            state.save_node(record)  # from here on a crashed Heat can still find it
            engines.wait_until_answering(layout, record.engine, options.engine_timeout)
        clock.lap("engine start")
        client = swarm.client(layout.unix_url)
        with step(f"loading the image {image.IMAGE}"):
            image.load_into(client)
        clock.lap("image load")
        with step("joining the bay's Swarm"):
            record.swarm_node_id = bays.enter_swarm(state, record, client, options, undo, clock)
        _mark_ready(state, record)
    except BaseException as exc:
        leftovers = undo.run()
        if not isinstance(exc, Exception):
            raise
        message = f"creating node {index} ({record.name}) of cluster {cluster_uuid}: {exc}"
        if leftovers:
            message += f"; cleaning up also failed: {'; '.join(leftovers)}"
        raise NodeError(message) from exc
    LOG.info("local node %s is ready at %s (%s)", record.name, record.address, clock)
    return info_of(record, clock.laps)


def delete_node(
    root: str | Path,
    cluster_uuid: str,
    index: int,
    *,
    owner: str | None = None,
    options: NodeOptions | None = None,
) -> bool:
    """Take the node out of the Swarm and remove everything of it; False if there was none.

    With ``owner``, a node recorded for another owner is left alone (False):
    a template naming somebody else's cluster must not delete its nodes.
    """
    state = StateDir(validation.root(root))
    cluster_uuid, index = validation.cluster_uuid(cluster_uuid), validation.index(index)
    owner = validation.owner(owner)
    options = options or NodeOptions()
    manager = None
    with state.lock():
        record = state.node(cluster_uuid, index)
        if record is not None and owner is not None and record.owner != owner:
            LOG.warning("not deleting %s: it belongs to another resource", record.name)
            return False
        if record is not None:
            record.state = DELETING
            state.save_node(record)
            manager = bays.ready_master(state, cluster_uuid, exclude=index)
    started = time.monotonic()
    failures = _teardown(state, record, manager, options.drain_timeout) if record else []
    failures += bays.release_if_empty(state, cluster_uuid)
    if failures:
        raise NodeError(
            f"deleting node {index} of cluster {cluster_uuid} left things behind: "
            + "; ".join(failures)
        )
    if record is not None:
        LOG.info("local node %s deleted in %.2f s", record.name, time.monotonic() - started)
    return record is not None


def delete_bay(root: str | Path, cluster_uuid: str) -> int:
    """Remove every node of the bay at once (no Swarm hand-over) and its network.

    Returns how many nodes there were.
    """
    state = StateDir(validation.root(root))
    cluster_uuid = validation.cluster_uuid(cluster_uuid)
    with state.lock():
        records = state.nodes(cluster_uuid)
        for record in records:
            record.state = DELETING
            state.save_node(record)
    with ThreadPoolExecutor(max_workers=max(1, min(len(records), 8))) as pool:
        results = pool.map(lambda r: _teardown(state, r, None, 0.0), records)
        failures = [failure for result in results for failure in result]
    failures += bays.release_if_empty(state, cluster_uuid)
    if failures:
        raise NodeError(
            f"deleting cluster {cluster_uuid} left things behind: {'; '.join(failures)}"
        )
    return len(records)


def list_nodes(root: str | Path, cluster_uuid: str | None = None) -> list[NodeInfo]:
    """The nodes recorded in ``root`` (of one cluster if given), by cluster and index."""
    state = StateDir(validation.root(root))
    if cluster_uuid is not None:
        cluster_uuid = validation.cluster_uuid(cluster_uuid)
    return [info_of(record, {}) for record in state.nodes(cluster_uuid)]


def list_bays(root: str | Path) -> dict[str, float]:
    """The clusters that have a network in ``root``, each with when it was last recorded."""
    state = StateDir(validation.root(root))
    return {b.cluster_uuid: state.bay_recorded_at(b.cluster_uuid) or 0.0 for b in state.bays()}


# --- steps ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Wanted:
    """A node to create, its inputs validated."""

    cluster_uuid: str
    index: int
    role: str
    project_id: str
    owner: str | None
    flavor: flavors.LocalFlavor
    disk_gib: int
    group: str | None
    position: int
    insecure_registry: str | None


def _reserve(
    state: StateDir, wanted: _Wanted, options: NodeOptions
) -> tuple[NodeRecord, BayRecord]:
    """Check the limits and record the node (and its bay's network, if new) under the lock."""
    cluster_uuid, index = wanted.cluster_uuid, wanted.index
    name = node_name(cluster_uuid, wanted.role, index, wanted.group, wanted.position)
    with state.lock():
        existing = state.node(cluster_uuid, index)
        if existing is not None:
            raise NodeError(
                f"node {index} of cluster {cluster_uuid} already exists ({existing.state}): "
                "delete it first"
            )
        running = [r for r in state.nodes() if r.project_id == wanted.project_id]
        refusal = options.project_refusal(
            wanted.project_id, [flavors.get(r.flavor) for r in running], wanted.flavor
        )
        if refusal:
            raise NodeLimitExceeded(refusal)
        try:
            bay = bays.ensure(state, cluster_uuid, wanted.project_id, options.subnet_pool)
        except bays.BayError as exc:
            raise NodeError(f"creating node {index} ({name}): {exc}") from None
        key = state.node_key(cluster_uuid, index)
        address = network.node_address(IPv4Network(bay.subnet), index)
        record = NodeRecord(
            cluster_uuid=cluster_uuid, index=index, role=wanted.role,
            project_id=wanted.project_id, owner=wanted.owner, key=key, name=name,
            address=str(address.ip), netns=f"mui-{key}", veth=f"muv{key}",
            flavor=wanted.flavor.name, disk_gib=wanted.disk_gib, group=wanted.group,
            insecure_registry=wanted.insecure_registry,
        )  # fmt: skip
        state.save_node(record)
    return record, bay


def _mark_ready(state: StateDir, record: NodeRecord) -> None:
    with state.lock():
        record.state = READY
        state.save_node(record)
        bays.release_swarm_claim(state, record.cluster_uuid, record.index)


def _teardown(
    state: StateDir, record: NodeRecord, manager: NodeRecord | None, drain_timeout: float
) -> list[str]:
    """Remove one node: Swarm hand-over (if a manager remains), engine, network, files."""
    layout = engines.EngineLayout(state.node_dir(record.key))
    if manager is not None and record.swarm_node_id:
        manager_client = bays.client_for(state, manager)
        own = swarm.client(layout.unix_url) if layout.socket.exists() else None
        try:
            swarm.remove(manager_client, own, record.swarm_node_id, drain_timeout)
        except Exception as exc:  # the node goes anyway: the hand-over is a courtesy
            LOG.warning("taking %s out of its Swarm: %s", record.name, exc)
    try:
        _dismantle(state, record)
    except Exception as exc:
        return [f"removing {record.name}: {exc}"]
    return []


def _dismantle(state: StateDir, record: NodeRecord) -> None:
    """Stop the engine, then remove the namespace and the folder (record included).

    Each part may be missing already.  If the engine cannot be stopped the
    rest stays, record included, so that deleting again can finish the job
    instead of leaving a running process nobody knows about.
    """
    engines.stop(record.engine, record.netns, record.key)
    network.delete_node_network(record.netns, record.veth)
    engines.remove_files(engines.EngineLayout(state.node_dir(record.key)))


def info_of(record: NodeRecord, timings: dict[str, float]) -> NodeInfo:
    return NodeInfo(
        name=record.name, address=record.address,
        docker_host=f"tcp://{record.address}:{engines.TLS_PORT}",
        cluster_uuid=record.cluster_uuid, index=record.index, role=record.role,
        state=record.state, timings=timings,
    )  # fmt: skip
