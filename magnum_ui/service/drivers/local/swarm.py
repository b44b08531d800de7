"""Joining nodes into their bay's Swarm and taking them out again.

The first master of a bay runs ``swarm init --advertise-addr <its address>``;
later masters join as managers and workers as workers, with the tokens read
from a ready master over its unix socket.  Removing a node while others remain
drains it (its tasks move to other nodes), demotes it if it is a manager,
makes it leave, and removes it from the managers' node list.  Before a node is
drained, a service whose every running task is on it is first spread (a
rolling restart that starts each new task before stopping the old one), so
that draining never leaves a service of several replicas with none running.

The ``ingress`` network ``swarm init`` creates is removed straight away: its
routing mesh needs IPVS, which this kernel lacks, so it never works here
(services publish ports in host mode), and every node that left a swarm
with it waited 5 s for its removal to time out.  A service asking for an
ingress-mode port now fails at once with Docker's own error instead.

Everything goes through the ``docker`` SDK's low-level API on the engines'
unix sockets (root only, no TLS needed), pinned to Docker 20.10's API version
so no request is spent negotiating it.  (The high-level ``client.swarm``
reloads itself on access, which a worker answers with an error in its log.)
"""

from __future__ import annotations

import logging
import time
from typing import Any

import docker
import docker.errors

API_VERSION = "1.41"  # Docker Engine 20.10 (Debian bookworm's docker.io)
SWARM_PORT = 2377
INGRESS_TIMEOUT = 3.0
# Task states in which a container is (or is about to be) running on its node.
_ACTIVE_TASK_STATES = {"assigned", "accepted", "preparing", "ready", "starting", "running"}

LOG = logging.getLogger(__name__)


class SwarmError(RuntimeError):
    """A swarm operation failed; the message says which and why."""


def client(unix_url: str, timeout: float = 60.0) -> Any:
    """A ``docker.DockerClient`` on an engine's unix socket."""
    return docker.DockerClient(base_url=unix_url, version=API_VERSION, timeout=timeout)


def init(node: Any, address: str) -> str:
    """Start a new swarm on ``node``; return its swarm node id."""
    try:
        node.api.init_swarm(advertise_addr=address, listen_addr=f"{address}:{SWARM_PORT}")
        _remove_ingress(node)
    except docker.errors.APIError as exc:
        raise SwarmError(f"swarm init failed: {_explain(exc)}") from None
    return node_id(node)


def _remove_ingress(node: Any) -> None:
    """Remove the ingress network, which the new leader creates a few ms after init."""
    deadline = time.monotonic() + INGRESS_TIMEOUT
    while time.monotonic() < deadline:
        ingress = [net for net in node.api.networks() if net.get("Ingress")]
        if ingress:
            node.api.remove_network(ingress[0]["Id"])
            return
        time.sleep(0.02)
    LOG.warning("no ingress network appeared within %s s of swarm init", INGRESS_TIMEOUT)


def join(node: Any, address: str, manager: Any, manager_address: str, as_manager: bool) -> str:
    """Join ``node`` to the swarm ``manager`` belongs to; return its swarm node id."""
    try:
        tokens = manager.api.inspect_swarm()["JoinTokens"]
    except (docker.errors.APIError, KeyError) as exc:
        raise SwarmError(f"reading the join tokens from {manager_address} failed: {exc}") from None
    try:
        node.api.join_swarm(
            remote_addrs=[f"{manager_address}:{SWARM_PORT}"],
            join_token=tokens["Manager" if as_manager else "Worker"],
            advertise_addr=address,
            listen_addr=f"{address}:{SWARM_PORT}",
        )
    except docker.errors.APIError as exc:
        raise SwarmError(f"swarm join via {manager_address} failed: {_explain(exc)}") from None
    return node_id(node)


def node_id(node: Any) -> str:
    found = node.info().get("Swarm", {}).get("NodeID") or ""
    if not found:
        raise SwarmError("the engine reports no swarm node id after joining")
    return str(found)


def remove(manager: Any, node: Any | None, swarm_node_id: str, drain_timeout: float) -> None:
    """Drain the node, demote it if it manages, make it leave, and remove it from the list.

    ``node`` is None when its engine no longer answers: the managers then
    simply forget it.  Each step is attempted even when an earlier one failed,
    because the node is going away regardless; the first failure is raised at
    the end so the caller can report it.
    """
    failures: list[str] = []
    try:
        entry = _find(manager, swarm_node_id)
    except (docker.errors.DockerException, OSError) as exc:
        raise SwarmError(f"the managers cannot be asked about the node: {exc}") from None
    if entry is not None and node is not None:
        _attempt(failures, "drain", _drain, manager, entry, drain_timeout)
        if entry.attrs.get("Spec", {}).get("Role") == "manager":
            _attempt(failures, "demote", _update_spec, entry, Role="worker")
    if node is not None:
        _attempt(failures, "leave", _leave, node)
    if entry is not None:
        _attempt(failures, "node rm", forget, manager, swarm_node_id)
    if failures:
        raise SwarmError("; ".join(failures))


def set_aside(manager: Any, swarm_node_id: str, drain_timeout: float) -> None:
    """Drain the node for a change in place: its tasks move to the other nodes.

    When no other node is active (a one-node bay) there is nowhere to move them:
    the node is marked drained and its tasks wait for it.
    """
    entry = _find(manager, swarm_node_id)
    if entry is None:
        raise SwarmError("the managers do not know the node")
    others = [
        n for n in manager.api.nodes()
        if n["ID"] != swarm_node_id and n.get("Spec", {}).get("Availability") == "active"
        and n.get("Status", {}).get("State") == "ready"
    ]  # fmt: skip
    if others:
        _drain(manager, entry, drain_timeout)
    else:
        _update_spec(entry, Availability="drain")


def bring_back(manager: Any, swarm_node_id: str, timeout: float) -> None:
    """Wait for the node to be ready in its Swarm again, then make it active."""
    deadline = time.monotonic() + timeout
    while True:
        entry = _find(manager, swarm_node_id)
        if entry is not None and entry.attrs.get("Status", {}).get("State") == "ready":
            _update_spec(entry, Availability="active")
            return
        if time.monotonic() > deadline:
            raise SwarmError(f"the node was not ready in its Swarm again within {timeout:g} s")
        time.sleep(0.1)


def ready_nodes(manager: Any) -> set[str]:
    """The ids of the nodes this manager sees ready."""
    return {n["ID"] for n in manager.api.nodes() if n.get("Status", {}).get("State") == "ready"}


def wait_until_ready(manager: Any, swarm_node_ids: set[str], timeout: float) -> None:
    """Wait until this manager sees every one of the nodes ready.

    A manager whose engine restarted counts the other nodes as down until each
    reports in again (a few seconds): a change is not over before that.
    """
    deadline = time.monotonic() + timeout
    while missing := swarm_node_ids - ready_nodes(manager):
        if time.monotonic() > deadline:
            raise SwarmError(f"{len(missing)} node(s) not ready in the Swarm within {timeout:g} s")
        time.sleep(0.1)


def forget(manager: Any, swarm_node_id: str) -> None:
    """``docker node rm --force``: the managers stop expecting this node (gone already is fine)."""
    entry = _find(manager, swarm_node_id)
    if entry is not None:
        entry.remove(force=True)


def _drain(manager: Any, entry: Any, timeout: float) -> None:
    for service in _only_on(manager, entry.id):
        _restart_elsewhere_first(manager, service, timeout)
    _update_spec(entry, Availability="drain")
    deadline = time.monotonic() + timeout
    while _active_tasks(manager, entry.id):
        if time.monotonic() > deadline:
            raise SwarmError(f"tasks still run on the node after {timeout:g} s")
        time.sleep(0.2)


def _only_on(manager: Any, swarm_node_id: str) -> list[dict[str, Any]]:
    """The services of several replicas whose every running task is on this node.

    Draining would stop them all at once, and the service would be down until
    their replacements run elsewhere (longer still if a node must pull the image).
    """
    found = []
    for service in manager.api.services():
        replicas = service["Spec"].get("Mode", {}).get("Replicated", {}).get("Replicas", 0)
        if replicas < 2:
            continue
        tasks = manager.api.tasks(filters={"service": service["ID"], "desired-state": "running"})
        nodes = {t.get("NodeID") for t in tasks if t.get("Status", {}).get("State") == "running"}
        if nodes == {swarm_node_id}:
            found.append(service)
    return found


def _restart_elsewhere_first(manager: Any, service: dict[str, Any], timeout: float) -> None:
    """Replace the service's tasks one by one, each new one started before the old stops.

    The scheduler spreads the new tasks, so some now run on other nodes.  The
    service's own update settings are put back afterwards (that changes no task).
    A service that cannot be spread in time is drained all the same (logged).
    """
    spec = service["Spec"]
    force = spec["TaskTemplate"].get("ForceUpdate", 0) + 1
    own = spec.get("UpdateConfig")
    rolling = {**(own or {}), "Order": "start-first", "Parallelism": 1, "FailureAction": "pause"}
    try:
        _send_spec(manager, service["ID"], service["Version"]["Index"], {
            **spec, "TaskTemplate": {**spec["TaskTemplate"], "ForceUpdate": force},
            "UpdateConfig": rolling,
        })  # fmt: skip
        spread = _wait_for_replaced(manager, service, force, timeout)
        current = manager.api.inspect_service(service["ID"])
        _send_spec(manager, service["ID"], current["Version"]["Index"],
                   {**current["Spec"], "UpdateConfig": own})  # fmt: skip
    except docker.errors.APIError as exc:
        LOG.warning("spreading service %s failed: %s", spec.get("Name"), _explain(exc))
        return
    if not spread:
        LOG.warning("service %s was not spread within %g s", spec.get("Name"), timeout)


def _wait_for_replaced(manager: Any, service: dict[str, Any], force: int, timeout: float) -> bool:
    """Whether every replica runs as a new task (or the update paused) within ``timeout``."""
    replicas = service["Spec"]["Mode"]["Replicated"]["Replicas"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        tasks = manager.api.tasks(filters={"service": service["ID"], "desired-state": "running"})
        new = [
            t for t in tasks if t.get("Status", {}).get("State") == "running"
            and t.get("Spec", {}).get("ForceUpdate") == force
        ]  # fmt: skip
        status = manager.api.inspect_service(service["ID"]).get("UpdateStatus") or {}
        if len(new) >= replicas or status.get("State") == "paused":
            return True
        time.sleep(0.2)
    return False


def _send_spec(manager: Any, service_id: str, version: int, spec: dict[str, Any]) -> None:
    """Send a service's spec as stored, changed only where asked (no defaults filled in)."""
    manager.api.update_service(
        service_id, version, task_template=spec.get("TaskTemplate"), name=spec.get("Name"),
        labels=spec.get("Labels"), mode=spec.get("Mode"), update_config=spec.get("UpdateConfig"),
        rollback_config=spec.get("RollbackConfig"), endpoint_spec=spec.get("EndpointSpec"),
    )  # fmt: skip


def _active_tasks(manager: Any, swarm_node_id: str) -> list[dict[str, Any]]:
    tasks = manager.api.tasks(filters={"node": swarm_node_id})
    return [t for t in tasks if t.get("Status", {}).get("State") in _ACTIVE_TASK_STATES]


def _update_spec(entry: Any, **changes: str) -> None:
    entry.reload()  # the update must carry the node's current version
    entry.update({**entry.attrs["Spec"], **changes})


def _leave(node: Any) -> None:
    try:
        node.api.leave_swarm()
    except docker.errors.APIError:
        # A manager whose demotion has not landed yet refuses a plain leave.
        node.api.leave_swarm(force=True)


def _find(manager: Any, swarm_node_id: str) -> Any | None:
    try:
        return manager.nodes.get(swarm_node_id)
    except docker.errors.NotFound:
        return None


def _attempt(failures: list[str], step: str, function: Any, *args: Any, **kwargs: Any) -> None:
    try:
        function(*args, **kwargs)
    except (docker.errors.DockerException, SwarmError, OSError) as exc:
        LOG.warning("swarm %s failed: %s", step, exc)
        failures.append(f"{step}: {_explain(exc)}")


def _explain(exc: Exception) -> str:
    if isinstance(exc, docker.errors.APIError):
        return str(exc.explanation or exc)
    return str(exc)
