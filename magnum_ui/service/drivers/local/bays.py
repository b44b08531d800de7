"""A bay's shared pieces: its network (bridge, subnet, FORWARD rule), its user and its Swarm claim.

The first node of a bay creates them and the last node's deletion removes
them.  Functions marked "caller holds the lock" are called by :mod:`.nodes`
inside ``StateDir.lock()``: the lock is a ``flock``, which a second open of
the folder in the same process would wait on forever.
"""

from __future__ import annotations

import logging

from magnum_ui.service.drivers.local import network, userns
from magnum_ui.service.drivers.local.commands import CommandFailed
from magnum_ui.service.drivers.local.state import CREATING, BayRecord, StateDir

LOG = logging.getLogger(__name__)


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


def release_if_empty(state: StateDir, cluster_uuid: str) -> list[str]:
    """Remove the bay's network, user and record if it has no node left; return what failed."""
    with state.lock():
        if state.nodes(cluster_uuid):
            return []
        bay = state.bay(cluster_uuid)
        failures = _release_shared(bay) if bay is not None else []
        if not failures:
            state.forget_bay(cluster_uuid)
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
