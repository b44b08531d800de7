"""A bay's shared pieces: its network (bridge, subnet, FORWARD rule), its user and its Swarm claim.

The first node of a bay creates them and the last node's deletion removes
them.  Functions marked "caller holds the lock" are called by :mod:`.nodes`
inside ``StateDir.lock()``: the lock is a ``flock``, which a second open of
the folder in the same process would wait on forever.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Iterator

from magnum_ui.service.drivers.local import engines, network, swarm, userns
from magnum_ui.service.drivers.local.commands import CommandFailed
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import CREATING, READY, BayRecord, NodeRecord, StateDir
from magnum_ui.service.drivers.local.steps import Clock, Undo

LOG = logging.getLogger(__name__)
BAY_LOCKS = "locks"  # under the state root: one file per place of a bay's change batch


class BayError(RuntimeError):
    """A bay's network could not be created, or the bay is not the caller's."""


def ensure(state: StateDir, cluster_uuid: str, project_id: str, pool: str) -> BayRecord:
    """The bay's record, making its network and user if it has none (caller holds the lock)."""
    bay = state.bay(cluster_uuid)
    if bay is not None:
        if bay.project_id != project_id:
            # Any template may name any cluster uuid: never join another project's bay.
            raise BayError(f"cluster {cluster_uuid} belongs to another project")
        if bay.user is None:  # a bay made before bays had users of their own
            bay.user = state.user_name(cluster_uuid)
            userns.ensure(bay.user)
            state.save_bay(bay)
        return bay
    bridge = state.bridge_name(cluster_uuid)
    try:
        subnet = network.allocate_bay_network(bridge, pool)
    except (network.NetworkError, CommandFailed) as exc:
        raise BayError(f"allocating the network of cluster {cluster_uuid} failed: {exc}") from None
    bay = BayRecord(cluster_uuid, project_id, str(subnet), bridge)
    try:
        bay.forward_rule = True  # recorded first, so a failed insert is still cleaned up
        network.add_forward_rule(bridge)
        bay.user = state.user_name(cluster_uuid)
        userns.ensure(bay.user)
        state.save_bay(bay)
    except Exception as exc:
        failures = _release_shared(bay)
        extra = f" (cleaning up also failed: {'; '.join(failures)})" if failures else ""
        raise BayError(
            f"setting up the bridge of cluster {cluster_uuid} failed: {exc}{extra}"
        ) from exc
    LOG.info("bay %s: bridge %s on %s, user %s", cluster_uuid, bridge, subnet, bay.user)
    return bay


@contextlib.contextmanager
def change_slot(state: StateDir, cluster_uuid: str, batch: int) -> Iterator[None]:
    """One of the bay's ``batch`` places for a node being changed in place (waits for one).

    Heat updates a bay's node groups side by side; this keeps the nodes that are
    drained and restarted at the same moment to ``batch`` across all of them, so
    a service with replicas on other nodes keeps running.
    """
    folder = state.root / BAY_LOCKS
    folder.mkdir(mode=0o700, exist_ok=True)
    while True:
        for place in range(max(batch, 1)):
            fd = os.open(folder / f"{cluster_uuid}.{place}", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                yield
            finally:
                os.close(fd)
            return
        time.sleep(0.1)


def release_if_empty(state: StateDir, cluster_uuid: str) -> list[str]:
    """Remove the bay's network, user and record if it has no node left; return what failed."""
    with state.lock():
        if state.nodes(cluster_uuid):
            return []
        bay = state.bay(cluster_uuid)
        failures = _release_shared(bay) if bay is not None else []
        if not failures:
            state.forget_bay(cluster_uuid)
            for lock in (state.root / BAY_LOCKS).glob(f"{cluster_uuid}.*"):
                lock.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                (state.root / BAY_LOCKS).rmdir()
        state.tidy()
    return failures


def claim_swarm(state: StateDir, cluster_uuid: str, index: int) -> bool:
    """Become the master that starts the bay's swarm, unless another one is (caller holds the lock).

    Heat may create several masters at once; only one may ``swarm init``.  A
    claim whose node is no longer being created (it failed, or was deleted)
    passes to the next master that asks.
    """
    bay = state.bay(cluster_uuid)
    if bay is None:
        return False
    if bay.swarm_claim is not None and bay.swarm_claim != index:
        claimant = state.node(cluster_uuid, bay.swarm_claim)
        if claimant is not None and claimant.state == CREATING:
            return False
    bay.swarm_claim = index
    state.save_bay(bay)
    return True


def release_swarm_claim(state: StateDir, cluster_uuid: str, index: int) -> None:
    """Clear the claim if ``index`` holds it (caller holds the lock)."""
    bay = state.bay(cluster_uuid)
    if bay is not None and bay.swarm_claim == index:
        bay.swarm_claim = None
        state.save_bay(bay)


def give_up_swarm_claim(state: StateDir, cluster_uuid: str, index: int) -> None:
    """:func:`release_swarm_claim` for a caller that does not hold the lock."""
    with state.lock():
        release_swarm_claim(state, cluster_uuid, index)


def _release_shared(bay: BayRecord) -> list[str]:
    """Remove the bay's FORWARD rule, bridge and user; return what failed."""
    failures = []
    if bay.forward_rule:
        try:
            network.remove_forward_rule(bay.bridge)
        except CommandFailed as exc:
            failures.append(f"removing the FORWARD rule of {bay.bridge}: {exc}")
    try:
        network.release_bay_network(bay.bridge)
    except CommandFailed as exc:
        failures.append(f"removing the bridge {bay.bridge}: {exc}")
    if bay.user:
        try:
            userns.release(bay.user)
        except CommandFailed as exc:
            failures.append(f"removing the user {bay.user}: {exc}")
    return failures


def ready_master(state: StateDir, cluster_uuid: str, exclude: int) -> NodeRecord | None:
    """The lowest-index master of the bay that is in its Swarm, other than ``exclude``."""
    for record in state.nodes(cluster_uuid):
        ready = record.state == READY and bool(record.swarm_node_id)
        if record.role == "master" and ready and record.index != exclude:
            return record
    return None


def client_for(state: StateDir, record: NodeRecord) -> object:
    """A Docker client on the node's unix socket."""
    return swarm.client(engines.EngineLayout(state.node_dir(record.key)).unix_url)


def enter_swarm(
    state: StateDir,
    record: NodeRecord,
    client: object,
    options: NodeOptions,
    undo: Undo,
    clock: Clock,
) -> str:
    """Join the bay's swarm via a ready master, or start it if this is the first master."""
    deadline = time.monotonic() + options.swarm_timeout
    while True:
        with state.lock():
            manager = ready_master(state, record.cluster_uuid, exclude=record.index)
            claimed = manager is None and record.role == "master"
            claimed = claimed and claim_swarm(state, record.cluster_uuid, record.index)
        if manager is not None:
            clock.lap("waiting for a master")
            manager_client = client_for(state, manager)
            node_id = swarm.join(client, record.address, manager_client, manager.address,
                                 as_manager=record.role == "master")  # fmt: skip
            undo.add("removing the node from the Swarm", swarm.forget, manager_client, node_id)
            clock.lap("swarm join")
            return node_id
        if claimed:
            undo.add("giving up the swarm claim", give_up_swarm_claim,
                     state, record.cluster_uuid, record.index)  # fmt: skip
            node_id = swarm.init(client, record.address)
            clock.lap("swarm init")
            return node_id
        if time.monotonic() > deadline:
            raise BayError(
                f"no master of cluster {record.cluster_uuid} was ready to join within "
                f"{options.swarm_timeout:g} s"
            )
        time.sleep(0.1)
