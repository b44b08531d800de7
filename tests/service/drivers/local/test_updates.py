"""Changing local nodes in place for real: bounds, disk and TLS change, the Swarm stays."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docker
import pytest
import requests

from magnum_ui.service.drivers.local import cgroups, disks, engines, flavors, image, nodes, updates
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import StateDir
from tests.service.drivers.local import machine
from tests.service.drivers.local.conftest import BayCA
from tests.service.drivers.local.test_nodes import (
    OTHER_OWNER,
    OWNER,
    needs_docker,
    ready_nodes,
    running_tasks,
    tls_client,
    wait_for,
)

pytestmark = needs_docker
MIB = 1024 * 1024


def memory_limit(root: Path, cluster: str, index: int) -> int:
    """The bound the kernel holds for the node's containers (v1 or v2 file)."""
    found = cgroups.limits(StateDir(root).node_key(cluster, index))
    value = found.get("containers/memory.max") or found["containers/memory.limit_in_bytes"]
    return int(value)


def test_a_worker_changes_flavor_disk_and_certificate_while_its_service_keeps_running(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions, tmp_path: Path
) -> None:
    """local.tiny -> local.small with 7 GiB: new bounds, a larger disk, back in the Swarm.

    Then a rotation: with a new certificate from a new CA, clients of the old CA
    are refused and the node keeps its Swarm membership and its tasks.
    """
    master = nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options)
    worker = nodes.create_node(root, cluster, 1, "worker", ca.issue, project, options=options,
                               owner=OWNER, flavor="local.tiny")  # fmt: skip
    names = machine.KernelNames().add(root)
    manager = tls_client(master, ca.client_tls(tmp_path / "old"))
    wait_for("both nodes ready", lambda: ready_nodes(manager) == {master.name, worker.name})
    # A task counts as running once healthy (2 s after its start) and stops at once: a
    # drain that stopped both replicas before starting others would show none running.
    service = manager.services.create(
        image.IMAGE, command=["sleep", "3600"], name="sleepers",
        mode=docker.types.ServiceMode("replicated", replicas=2), stop_grace_period=1,
        healthcheck=docker.types.Healthcheck(test=["CMD", "true"], interval=2_000_000_000),
    )  # fmt: skip
    wait_for("2 running replicas", lambda: len(running_tasks(service)) == 2)
    assert memory_limit(root, cluster, 1) == flavors.get("local.tiny").ram_mib * MIB

    with pytest.raises(nodes.NodeError, match="not one this resource made"):
        updates.update_node(root, cluster, 1, ca.issue, owner=OTHER_OWNER, options=options,
                            flavor="local.small")  # fmt: skip
    updates.update_node(root, cluster, 1, ca.issue, owner=OWNER, options=options,
                        flavor="local.small", volume_gib=7)  # fmt: skip
    layout = engines.EngineLayout(StateDir(root).node_dir(StateDir(root).node_key(cluster, 1)))
    assert memory_limit(root, cluster, 1) == flavors.get("local.small").ram_mib * MIB
    assert disks.size_gib(layout.data) > 6.5
    swarm_node = next(n for n in manager.nodes.list() if n.attrs["Description"]["Hostname"]
                      == worker.name)  # fmt: skip
    assert swarm_node.attrs["Spec"]["Availability"] == "active"  # back after the drain
    wait_for("2 running replicas again", lambda: len(running_tasks(service)) == 2)

    rotated = BayCA()
    updates.update_node(root, cluster, 1, rotated.issue, owner=OWNER, options=options,
                        flavor="local.small", volume_gib=1, rekey=True)  # fmt: skip
    assert disks.size_gib(layout.data) > 6.5  # a smaller size never shrinks a disk
    with pytest.raises((requests.exceptions.SSLError, requests.exceptions.ConnectionError)):
        tls_client(worker, ca.client_tls(tmp_path / "old-again")).ping()
    assert tls_client(worker, rotated.client_tls(tmp_path / "new")).info()["Name"] == worker.name
    wait_for("the worker ready in its Swarm", lambda: worker.name in ready_nodes(manager))
    wait_for("2 running replicas after the restart", lambda: len(running_tasks(service)) == 2)

    # Both replicas now run on the master (Swarm does not move tasks back): draining it
    # for its own change first spreads them, so one runs at every moment.
    assert {task["NodeID"] for task in running_tasks(service)} == {
        manager.info()["Swarm"]["NodeID"]
    }
    seen: list[int] = []
    with ThreadPoolExecutor(1) as pool:
        change = pool.submit(updates.update_node, root, cluster, 0, ca.issue, options=options,
                             flavor="local.tiny")  # fmt: skip
        while not change.done():
            seen.append(len(running_tasks(service)))
            time.sleep(0.05)
        change.result()
    assert min(seen) >= 1, seen
    wait_for(
        "2 running replicas after the master's change", lambda: len(running_tasks(service)) == 2
    )
    assert service.attrs["Spec"].get("UpdateConfig") == manager.services.get(service.id).attrs[
        "Spec"].get("UpdateConfig")  # fmt: skip

    # The master re-keyed too: its engine restarts, and the change ends only once the
    # restarted manager sees the worker ready again (it counts it down until it reports).
    updates.update_node(root, cluster, 0, rotated.issue, options=options,
                        flavor="local.tiny", rekey=True)  # fmt: skip
    rekeyed = tls_client(master, rotated.client_tls(tmp_path / "new-master"))
    assert ready_nodes(rekeyed) == {master.name, worker.name}

    assert nodes.delete_bay(root, cluster) == 2
    assert machine.leftovers(root, names) == []


def test_a_node_is_taken_over_only_from_the_owner_and_role_it_has(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    """Heat's replacement of a failed resource takes the node over; nobody else can."""
    nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options, owner=OWNER)
    assert updates.stands(root, cluster, 0, OWNER)
    assert updates.recorded_owner(root, cluster, 0) == (OWNER, f"bay-{cluster[:8]}-master-0")
    for previous, role in ((OTHER_OWNER, "master"), (OWNER, "worker")):
        with pytest.raises(nodes.NodeError, match="cannot be taken over"):
            updates.adopt_node(root, cluster, 0, ca.issue, previous=previous, owner=OTHER_OWNER,
                               role=role, options=options)  # fmt: skip
    updates.adopt_node(root, cluster, 0, ca.issue, previous=OWNER, owner=OTHER_OWNER,
                       role="master", options=options)  # fmt: skip
    assert not updates.stands(root, cluster, 0, OWNER)
    assert nodes.delete_node(root, cluster, 0, owner=OWNER, options=options) is False
    assert nodes.delete_node(root, cluster, 0, owner=OTHER_OWNER, options=options) is True
