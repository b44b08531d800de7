"""Local nodes for real: Docker Engines in namespaces, a Swarm, and nothing left afterwards."""

from __future__ import annotations

import os
import signal
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docker
import docker.errors
import docker.tls
import pytest
import requests

from magnum_ui.service.drivers.local import image, nodes, sweep, tls
from magnum_ui.service.drivers.local.nodes import NodePlan
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import StateDir
from magnum_ui.service.drivers.local.validation import InvalidNodeInput
from tests.service.drivers.local import machine
from tests.service.drivers.local.conftest import BayCA

needs_docker = pytest.mark.skipif(
    not (machine.IS_ROOT and machine.HAS_DOCKERD and machine.HAS_NETWORK_TOOLS),
    reason=f"{machine.NOT_ROOT}; {machine.NO_DOCKER}",
)
OTHER_OWNER = "0e0e0e0e-0000-4000-8000-000000000000"
OWNER = "0a0a0a0a-0000-4000-8000-000000000000"


def wait_for(what: str, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def tls_client(info: nodes.NodeInfo, config: docker.tls.TLSConfig) -> docker.DockerClient:
    client = docker.DockerClient(base_url=info.docker_host, tls=config, version="1.41", timeout=20)
    # requests lets REQUESTS_CA_BUNDLE (set on this machine) replace the session's own CA.
    client.api.trust_env = False
    return client


def hostname(node: Any) -> str | None:
    """A Swarm node's host name (None for a node that joined a moment ago: not yet described)."""
    return node.attrs.get("Description", {}).get("Hostname")


def ready_nodes(manager: docker.DockerClient) -> set[str]:
    return {
        name
        for n in manager.nodes.list()
        if n.attrs["Status"]["State"] == "ready" and (name := hostname(n))
    }


def running_tasks(service: Any) -> list[dict[str, Any]]:
    return [t for t in service.tasks() if t["Status"]["State"] == "running"]


def unix_client(root: Path, cluster: str, index: int) -> docker.DockerClient:
    """A client on the node's unix socket (root only, no TLS)."""
    state = StateDir(root)
    socket = state.node_dir(state.node_key(cluster, index)) / "docker.sock"
    return docker.DockerClient(base_url=f"unix://{socket}", version="1.41")


def expected_names(root: Path, cluster: str, *indexes: int) -> machine.KernelNames:
    """The kernel names a node would get, for checking a create that failed and kept nothing."""
    state = StateDir(root)
    names = machine.KernelNames(bridges={state.bridge_name(cluster)})
    names.links |= names.bridges
    names.users.add(state.user_name(cluster))
    for index in indexes:
        key = state.node_key(cluster, index)
        names.add_node(f"mui-{key}", f"muv{key}", key)
    return names


@needs_docker
def test_two_node_bay_runs_a_service_loses_its_worker_and_leaves_no_trace(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions, tmp_path: Path
) -> None:
    """A master and a worker form a Swarm reachable over TLS; deletion removes every trace.

    Made under umask 077, as the all-in-one's Heat runs: what the engines' remapped
    root users must pass through stays passable all the same.
    """
    umask = os.umask(0o077)
    try:
        master = nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options)
        worker = nodes.create_node(root, cluster, 1, "worker", ca.issue, project, options=options)
    finally:
        os.umask(umask)
    names = machine.KernelNames().add(root)
    assert [plan.address for plan in ca.issued] == [master.address, worker.address]

    config = ca.client_tls(tmp_path / "client")
    for node in (master, worker):
        assert tls_client(node, config).info()["Name"] == node.name
    anonymous = docker.tls.TLSConfig(ca_cert=config.ca_cert, verify=True)
    with pytest.raises((requests.exceptions.SSLError, requests.exceptions.ConnectionError)):
        tls_client(master, anonymous).ping()  # --tlsverify: no client certificate, no entry

    manager = tls_client(master, config)
    wait_for("both nodes ready", lambda: ready_nodes(manager) == {master.name, worker.name})
    service = manager.services.create(
        image.IMAGE,
        command=["sleep", "3600"],
        name="sleepers",
        mode=docker.types.ServiceMode("replicated", replicas=2),
        stop_grace_period=1_000_000_000,  # busybox sleep ignores SIGTERM as pid 1
    )
    wait_for("2 running replicas", lambda: len(running_tasks(service)) == 2)
    assert len({task["NodeID"] for task in running_tasks(service)}) == 2  # spread over both

    assert nodes.delete_node(root, cluster, 1, options=options) is True
    assert {n.attrs["Description"]["Hostname"] for n in manager.nodes.list()} == {master.name}
    wait_for("both replicas back on the master", lambda: len(running_tasks(service)) == 2)
    assert f"muv{StateDir(root).node_key(cluster, 1)}" not in machine.link_names()
    assert [n.name for n in nodes.list_nodes(root, cluster)] == [master.name]

    assert nodes.delete_bay(root, cluster) == 1
    assert machine.leftovers(root, names) == []


@needs_docker
def test_a_node_whose_engine_was_killed_is_still_removed_without_a_trace(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    """dockerd killed with a container running: its containerd, shim, container and mounts go."""
    nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options)
    names = machine.KernelNames().add(root)
    unix_client(root, cluster, 0).containers.run(image.IMAGE, ["sleep", "3600"], detach=True)
    record = StateDir(root).node(cluster, 0)
    assert record is not None
    assert record.engine is not None
    assert sweep.cgroup_pids(record.engine.cgroups)  # the container runs in the node's cgroup
    os.kill(record.engine.pid, signal.SIGKILL)

    assert nodes.delete_node(root, cluster, 0, options=options) is True
    assert machine.leftovers(root, names) == []


@needs_docker
def test_an_engine_that_fails_to_start_says_why_and_leaves_nothing(
    root: Path, ca: BayCA, cluster: str, project: str
) -> None:
    """A dockerd flag it refuses: the error quotes dockerd, and the new bay's network goes too."""
    broken = NodeOptions(subnet_pool=machine.TEST_POOL, extra_engine_args=("--no-such-flag",))
    with pytest.raises(nodes.NodeError) as failure:
        nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=broken)
    assert "starting the Docker Engine failed: dockerd exited" in str(failure.value)
    assert "unknown flag: --no-such-flag" in str(failure.value)
    assert machine.leftovers(root, expected_names(root, cluster, 0)) == []


@needs_docker
def test_a_failing_certificate_source_is_reported_and_leaves_nothing(
    root: Path, cluster: str, project: str, options: NodeOptions
) -> None:
    def unavailable(plan: NodePlan) -> tls.NodeCertificates:
        raise RuntimeError(f"service API unreachable for {plan.name}")

    with pytest.raises(nodes.NodeError, match="TLS certificate failed: service API unreachable"):
        nodes.create_node(root, cluster, 0, "master", unavailable, project, options=options)
    assert machine.leftovers(root, expected_names(root, cluster, 0)) == []


@needs_docker
def test_a_worker_without_a_master_gives_up_and_stops_its_running_engine(
    root: Path, ca: BayCA, cluster: str, project: str
) -> None:
    """A failure after the engine answered still stops the engine and removes its files."""
    impatient = NodeOptions(subnet_pool=machine.TEST_POOL, swarm_timeout=0.5)
    with pytest.raises(nodes.NodeError, match=r"no master of cluster .* was ready to join"):
        nodes.create_node(root, cluster, 2, "worker", ca.issue, project, options=impatient)
    assert machine.leftovers(root, expected_names(root, cluster, 2)) == []


@needs_docker
def test_a_failed_node_leaves_the_rest_of_its_bay_running(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    master = nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options)
    names = machine.KernelNames().add(root)
    broken = NodeOptions(subnet_pool=machine.TEST_POOL, extra_engine_args=("--no-such-flag",))
    with pytest.raises(nodes.NodeError):
        nodes.create_node(root, cluster, 1, "worker", ca.issue, project, options=broken)
    assert names.bridges <= machine.link_names()
    assert [n.name for n in nodes.list_nodes(root, cluster)] == [master.name]
    assert len(unix_client(root, cluster, 0).nodes.list()) == 1
    nodes.delete_bay(root, cluster)
    assert machine.leftovers(root, names | expected_names(root, cluster, 1)) == []


@needs_docker
def test_only_the_owner_deletes_a_node_and_other_projects_stay_out_of_its_bay(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    nodes.create_node(root, cluster, 0, "master", ca.issue, project, owner=OWNER, options=options)
    with pytest.raises(nodes.NodeError, match="already exists"):
        nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=options)
    with pytest.raises(nodes.NodeError, match="belongs to another project"):
        nodes.create_node(root, cluster, 1, "worker", ca.issue, "ab" * 16, options=options)
    assert nodes.delete_node(root, cluster, 0, owner=OTHER_OWNER) is False
    assert len(nodes.list_nodes(root, cluster)) == 1
    assert nodes.delete_node(root, cluster, 0, owner=OWNER) is True
    assert nodes.list_nodes(root) == []
    assert nodes.delete_node(root, cluster, 0, owner=OWNER) is False  # idempotent


@needs_docker
def test_a_project_cannot_run_more_nodes_than_its_bound(
    root: Path, ca: BayCA, cluster: str, project: str
) -> None:
    """The bound counts every bay of the project; the refused bay gets no network at all."""
    bounded = NodeOptions(subnet_pool=machine.TEST_POOL, max_nodes_per_project=1)
    nodes.create_node(root, cluster, 0, "master", ca.issue, project, options=bounded)
    other_bay = "11111111-2222-4333-8444-555555555555"
    with pytest.raises(nodes.NodeLimitExceeded, match="would have 2 local nodes, more than the 1"):
        nodes.create_node(root, other_bay, 0, "master", ca.issue, project, options=bounded)
    assert list(nodes.list_bays(root)) == [cluster]
    assert StateDir(root).bridge_name(other_bay) not in machine.link_names()
    # The flavors count too: a medium node (2 vCPUs) beside a small one passes 2 vCPUs.
    by_cpu = NodeOptions(subnet_pool=machine.TEST_POOL, max_vcpus_per_project=2)
    with pytest.raises(nodes.NodeLimitExceeded, match="3 vCPUs of local nodes, more than the 2"):
        nodes.create_node(root, other_bay, 0, "master", ca.issue, project, options=by_cpu,
                          flavor="local.medium")  # fmt: skip


@pytest.mark.parametrize(
    ("cluster_uuid", "index", "role", "project_id", "wrong"),
    [
        ("../../etc", 0, "master", "ab12", "cluster_uuid"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f\n", 0, "master", "ab12", "cluster_uuid"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", 240, "master", "ab12", "index"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", -1, "master", "ab12", "index"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", True, "master", "ab12", "index"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", 0, "manager", "ab12", "role"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", 0, "master", "admin; rm -rf /", "project_id"),
        ("3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", 0, "master", "", "project_id"),
    ],
)
def test_create_refuses_bad_input_before_touching_anything(
    cluster_uuid: str, index: int, role: str, project_id: str, wrong: str
) -> None:
    root = Path(tempfile.gettempdir()) / f"mui-{uuid.uuid4().hex[:12]}"
    with pytest.raises(InvalidNodeInput, match=wrong):
        nodes.create_node(root, cluster_uuid, index, role, BayCA().issue, project_id)
    assert not root.exists()


def test_delete_of_a_node_that_never_was_is_fine(root: Path) -> None:
    """Heat deletes resources whose create failed: that must succeed and report nothing."""
    assert nodes.delete_node(root, "3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f", 3) is False
    assert list(root.iterdir()) == []


@needs_docker
def test_a_node_of_an_added_group_is_named_and_labelled_after_it(
    root: Path, ca: BayCA, cluster: str, project: str, options: NodeOptions
) -> None:
    """Group gpu's first node (index 100) is bay-...-gpu-0 at .110, its engine labelled gpu."""
    info = nodes.create_node(root, cluster, 100, "master", ca.issue, project, options=options,
                             group="gpu", position=0)  # fmt: skip
    assert info.name == f"bay-{cluster[:8]}-gpu-0"
    assert info.address.endswith(".110")
    labels = unix_client(root, cluster, 100).info()["Labels"]
    assert "org.openstack.magnum-ui.nodegroup=gpu" in labels
    assert nodes.delete_bay(root, cluster) == 1
