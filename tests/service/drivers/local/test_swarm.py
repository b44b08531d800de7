"""A bay's Swarm when Heat creates its nodes all at once; also where the time goes.

Run with ``-s`` to see the measurements (no timing is asserted)::

    python -m pytest tests/service/drivers/local/test_swarm.py -s -p no:cacheprovider
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.drivers.local import nodes, swarm
from magnum_ui.service.drivers.local.options import NodeOptions
from tests.service.drivers.local import machine
from tests.service.drivers.local.conftest import BayCA
from tests.service.drivers.local.test_nodes import hostname, unix_client, wait_for

pytestmark = pytest.mark.skipif(
    not (machine.IS_ROOT and machine.HAS_DOCKERD and machine.HAS_NETWORK_TOOLS),
    reason=f"{machine.NOT_ROOT}; {machine.NO_DOCKER}",
)


def create_all(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions, roles: list[str]
) -> list[nodes.NodeInfo]:
    """Create the nodes concurrently, as Heat does for a new stack."""
    with ThreadPoolExecutor(max_workers=len(roles)) as pool:
        futures = [
            pool.submit(
                nodes.create_node, root, cluster, i, role, ca.issue, project, options=options
            )
            for i, role in enumerate(roles)
        ]
        return [future.result() for future in futures]


def test_a_master_and_two_workers_created_at_once_form_one_swarm(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    """Workers wait for the master's swarm init, then join it; the ingress network is gone."""
    started = time.monotonic()
    infos = create_all(root, ca, cluster, project, options, ["master", "worker", "worker"])
    up = time.monotonic() - started
    manager = unix_client(root, cluster, 0)
    names = {info.name for info in infos}

    def all_ready() -> bool:
        states = {hostname(n): n.attrs["Status"]["State"] for n in manager.nodes.list()}
        return set(states) == names and set(states.values()) == {"ready"}

    wait_for("three ready nodes", all_ready)
    ready = time.monotonic() - started
    assert [n.attrs["Spec"]["Role"] for n in manager.nodes.list()].count("manager") == 1
    # Removed at init (no IPVS here); the removal reaches the list a moment later.
    wait_for("no ingress network", lambda: not [
        n for n in manager.api.networks() if n.get("Ingress")
    ])  # fmt: skip

    started = time.monotonic()
    nodes.delete_bay(root, cluster)
    deleted = time.monotonic() - started

    print(
        f"\n1 master + 2 workers created at once: all created in {up:.2f} s, all Ready in "
        f"the master's node list after {ready:.2f} s; bay deleted in {deleted:.2f} s"
    )
    for info in infos:
        steps = ", ".join(f"{step} {seconds:.2f}" for step, seconds in info.timings.items())
        print(f"  {info.name}: {sum(info.timings.values()):.2f} s ({steps})")


def test_two_masters_created_at_once_start_one_swarm_that_survives_losing_the_first(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    """Only one master may swarm init; the other joins as a manager and keeps the swarm."""
    infos = create_all(root, ca, cluster, project, options, ["master", "master"])
    assert sum("swarm init" in info.timings for info in infos) == 1

    def listed_by(index: int) -> list[Any]:
        return list(unix_client(root, cluster, index).nodes.list())

    names = {i.name for i in infos}
    for index in (0, 1):
        wait_for("both listed", lambda: {hostname(n) for n in listed_by(index)} == names)  # noqa: B023
        assert {n.attrs["Spec"]["Role"] for n in listed_by(index)} == {"manager"}

    # Raft needs the second manager reachable before the first can be demoted.
    wait_for(
        "two reachable managers",
        lambda: {n.attrs.get("ManagerStatus", {}).get("Reachability")
                 for n in unix_client(root, cluster, 1).nodes.list()} == {"reachable"},
    )  # fmt: skip
    assert nodes.delete_node(root, cluster, 0, options=options) is True
    remaining = unix_client(root, cluster, 1).nodes.list()
    assert [hostname(n) for n in remaining] == [infos[1].name]


class RestartedManager:
    """A manager's node list as it looks just after its engine restarted: the worker is
    "unknown" for the first ``late`` looks, then ready (no Docker needed)."""

    def __init__(self, late: int) -> None:
        self.looks, self.late, self.api = 0, late, self

    def nodes(self) -> list[dict[str, Any]]:
        self.looks += 1
        worker = "ready" if self.looks > self.late else "unknown"
        return [{"ID": "m", "Status": {"State": "ready"}},
                {"ID": "w", "Status": {"State": worker}}]  # fmt: skip


def test_a_change_waits_until_the_restarted_manager_sees_the_others_ready_again() -> None:
    """wait_until_ready returns once every node ready before is ready again, not before."""
    manager = RestartedManager(late=3)
    swarm.wait_until_ready(manager, {"m", "w"}, timeout=5)
    assert manager.looks == 4


def test_a_node_that_does_not_come_back_fails_the_change_with_a_reason() -> None:
    with pytest.raises(swarm.SwarmError, match=r"1 node\(s\) not ready in the Swarm within 0.3 s"):
        swarm.wait_until_ready(RestartedManager(late=10_000), {"m", "w"}, timeout=0.3)
