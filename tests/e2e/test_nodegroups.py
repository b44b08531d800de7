"""What the API accepts happens on the bay: node groups, CA rotation and upgrades, for real.

One real bay (a ``local.tiny`` master and worker) driven through
python-magnumclient, as a user's script would, and looked at through its own
Docker API with the configuration its owner downloads.  The tests run in
order and share the bay: an added group joins the Swarm, grows, gives up a
named node and goes; the default group's bounds change at once; every request
the driver cannot do is refused at request time and changes nothing; the CA is
rotated (old certificates refused, new ones working, services kept); and two
upgrades (one group, then the bay) move the nodes to ``local.small`` while a
2-replica service keeps a task running at every moment.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docker
import docker.errors
import docker.types
import pytest
import requests
from keystoneauth1 import session
from magnumclient import exceptions

from magnum_ui.service.drivers.local import cgroups, flavors, image
from magnum_ui.service.drivers.local.state import StateDir
from tests.allinone import AllInOne
from tests.contract.clients import magnum
from tests.e2e.test_bays import bay_docker, call, leftovers, nodes_dir

pytestmark = pytest.mark.e2e

TINY = {"flavor_id": "local.tiny", "master_flavor_id": "local.tiny", "docker_volume_size": 1}
SMALL = {"flavor_id": "local.small", "master_flavor_id": "local.small", "docker_volume_size": 2}
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


@pytest.fixture(scope="module")
def mc(aio: AllInOne) -> Any:
    return magnum(aio, api_version="latest")


@pytest.fixture(scope="module")
def bay(mc: Any, aio: AllInOne) -> Iterator[dict[str, Any]]:
    """A local.tiny master and worker; templates e2e-ng-tiny and e2e-ng-small; all removed after."""
    for name, sizes in (("e2e-ng-tiny", TINY), ("e2e-ng-small", SMALL)):
        mc.cluster_templates.create(name=name, coe="swarm-mode", server_type="local", **sizes)
    made = mc.clusters.create(name="e2e-ng", cluster_template_id="e2e-ng-tiny", node_count=1)
    try:
        yield settled(mc, made.uuid)
    finally:
        mc.clusters.delete(made.uuid)
        until("the bay gone", lambda: made.uuid not in {c.uuid for c in mc.clusters.list()}, 180)
        assert leftovers(aio, made.uuid) == []
        for name in ("e2e-ng-tiny", "e2e-ng-small"):
            mc.cluster_templates.delete(name)


def until(what: str, check: Callable[[], Any], timeout: float = 120) -> Any:
    """``check()``'s first truthy answer, polling; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def settled(mc: Any, uuid: str, want: str = "_COMPLETE") -> dict[str, Any]:
    """The bay once it is no longer in progress; it must have ended ``*want``."""
    found = until("the bay to settle", lambda: _if_settled(mc.clusters.get(uuid)), 240)
    assert found["status"].endswith(want), found["status_reason"]
    return found


def _if_settled(cluster: Any) -> dict[str, Any] | None:
    return None if cluster.status.endswith("_IN_PROGRESS") else cluster.to_dict()


def group(mc: Any, bay: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = mc.nodegroups.get(bay["uuid"], name).to_dict()
    return found


def group_settled(mc: Any, bay: dict[str, Any], name: str) -> dict[str, Any]:
    def check() -> dict[str, Any] | None:
        found = group(mc, bay, name)
        return None if found["status"].endswith("_IN_PROGRESS") else found

    found = until(f"node group {name} to settle", check, 180)
    assert found["status"].endswith("_COMPLETE"), found["status_reason"]
    return found


def _client(bay: dict[str, Any], folder: Path) -> docker.DockerClient:
    return bay_docker(bay["api_address"], folder, timeout=30)


def download_config(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any], folder: Path
) -> Path:
    """``GET /v1/clusters/{id}/config`` into ``folder`` (as the dashboard's download does)."""
    response = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/config")
    assert response.status_code == 200, response.text
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in response.json()["files"].items():
        (folder / name).write_text(text)
    return folder


def swarm_nodes(client: docker.DockerClient) -> dict[str, dict[str, Any]]:
    """``docker node ls``: hostname -> state, availability and engine labels."""
    return {
        n.attrs["Description"]["Hostname"]: {
            "state": n.attrs["Status"]["State"],
            "availability": n.attrs["Spec"]["Availability"],
            "labels": n.attrs["Description"]["Engine"].get("Labels", {}),
        }
        for n in client.nodes.list()
    }


def ready_names(client: docker.DockerClient) -> set[str]:
    return {name for name, node in swarm_nodes(client).items() if node["state"] == "ready"}


def refusal(attempt: Callable[[], Any]) -> tuple[int, str]:
    """The status and Magnum error text of a refused request; fails if it was accepted."""
    try:
        attempt()
    except exceptions.HttpError as exc:
        return exc.http_status, str(exc)
    pytest.fail("the request was accepted")


def replace(path: str, value: Any) -> list[dict[str, Any]]:
    return [{"op": "replace", "path": f"/{path}", "value": value}]


def names(found: list[Any]) -> set[str]:
    return {each.name for each in found}


def running(client: docker.DockerClient, name: str) -> int:
    tasks = client.services.get(name).tasks(filters={"desired-state": "running"})
    return sum(1 for t in tasks if t["Status"]["State"] == "running")


class TestNodeGroupsOfALocalBay:
    def test_an_added_group_joins_the_swarm_under_its_own_names(
        self, mc: Any, demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path: Path
    ) -> None:
        """POST .../nodegroups: 202, then a node bay-<id>-extra-0 ready in the Swarm."""
        mc.nodegroups.create(bay["uuid"], name="extra", node_count=1, flavor_id="local.tiny",
                             max_node_count=2, labels={"purpose": "e2e"})  # fmt: skip
        assert group(mc, bay, "extra")["status"] == "CREATE_IN_PROGRESS"
        made = group_settled(mc, bay, "extra")
        name = f"bay-{bay['uuid'][:8]}-extra-0"
        assert made["node_count"] == 1
        assert len(made["node_addresses"]) == 1
        client = _client(bay, download_config(demo, aio, bay, tmp_path))
        assert name in ready_names(client)
        assert swarm_nodes(client)[name]["labels"]["org.openstack.magnum-ui.nodegroup"] == "extra"
        after = settled(mc, bay["uuid"])
        assert after["node_count"] == 2  # the sum of the worker groups
        assert len(after["node_addresses"]) == 2
        stats = call(demo, aio, "GET", "/stats").json()
        assert stats["nodes"] == 3  # the master, the default worker, the extra node

    def test_the_group_grows_then_gives_up_the_node_named(
        self, mc: Any, demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path: Path
    ) -> None:
        """Resize extra to 2, then to 1 naming extra-0: extra-1 is the one left."""
        first, second = (f"bay-{bay['uuid'][:8]}-extra-{n}" for n in (0, 1))
        client = _client(bay, download_config(demo, aio, bay, tmp_path))
        mc.clusters.resize(bay["uuid"], 2, nodegroup="extra")
        assert group_settled(mc, bay, "extra")["node_count"] == 2
        assert {first, second} <= ready_names(client)
        mc.clusters.resize(bay["uuid"], 1, nodes_to_remove=[first], nodegroup="extra")
        assert group_settled(mc, bay, "extra")["node_count"] == 1
        names = set(swarm_nodes(client))
        assert second in names
        assert first not in names
        assert settled(mc, bay["uuid"])["node_count"] == 2

    def test_what_the_driver_cannot_do_is_refused_and_changes_nothing(
        self, mc: Any, bay: dict[str, Any]
    ) -> None:
        """Each refusal is a 4xx naming the limit, at request time; the counts stay true."""
        uuid, groups, clusters = bay["uuid"], mc.nodegroups, mc.clusters
        cases: list[tuple[Callable[[], Any], int, str]] = [
            (lambda: clusters.update(uuid, replace("node_count", 95)), 400, "90"),
            (lambda: clusters.resize(uuid, 0, nodes_to_remove=["no-node"]), 400, "no-node"),
            (lambda: clusters.resize(uuid, 3, nodegroup="extra"), 400, "range 0..2"),
            (
                lambda: groups.update(uuid, "default-worker", replace("min_node_count", 2)),
                409,  # as Magnum's NodeGroupInvalidInput
                "min_node_count",
            ),
            (lambda: groups.create(uuid, name="extra", node_count=1), 409, "extra"),
            (lambda: groups.create(uuid, name="big", flavor_id="local.xxl"), 400, "local.xxl"),
            (lambda: groups.create(uuid, name="more", node_count=3), 403, "nodes"),
            (lambda: groups.delete(uuid, "default-worker"), 400, "default"),
            (
                lambda: mc.cluster_templates.update("e2e-ng-small", replace("driver", "k8s_x")),
                400,
                "driver",
            ),
        ]
        for attempt, status, named in cases:
            code, text = refusal(attempt)
            assert (code, named in text) == (status, True), text
        after = mc.clusters.get(uuid).to_dict()
        assert after["status"].endswith("_COMPLETE")
        assert after["node_count"] == 2
        assert len(after["node_addresses"]) == 2
        counts = {g.name: g.node_count for g in mc.nodegroups.list(uuid)}
        assert counts == {"default-master": 1, "default-worker": 1, "extra": 1}

    def test_bounds_of_a_default_group_change_at_once(self, mc: Any, bay: dict[str, Any]) -> None:
        """PATCH default-worker max_node_count: 200 and done, no stack update, nothing changes."""
        changed = mc.nodegroups.update(bay["uuid"], "default-worker", replace("max_node_count", 3))
        changed = changed.to_dict()
        assert changed["max_node_count"] == 3
        assert changed["status"].endswith("_COMPLETE")
        assert not mc.clusters.get(bay["uuid"]).status.endswith("_IN_PROGRESS")

    def test_deleting_the_group_takes_its_nodes_out_of_the_swarm(
        self, mc: Any, demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path: Path
    ) -> None:
        client = _client(bay, download_config(demo, aio, bay, tmp_path))
        mc.nodegroups.delete(bay["uuid"], "extra")
        until("the group gone", lambda: "extra" not in names(mc.nodegroups.list(bay["uuid"])))
        assert not [n for n in swarm_nodes(client) if "-extra-" in n]
        after = settled(mc, bay["uuid"])
        assert (after["node_count"], len(after["node_addresses"])) == (1, 1)


class TestRotationAndUpgrade:
    def test_a_rotated_ca_reaches_every_engine_and_keeps_the_services(
        self, mc: Any, demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path: Path
    ) -> None:
        """Old configuration refused, new one working, the Swarm and its service kept."""
        old = _client(bay, download_config(demo, aio, bay, tmp_path / "old"))
        old.services.create(image.IMAGE, command=["sleep", "3600"], name="kept",
                            mode=docker.types.ServiceMode("replicated", replicas=2),
                            stop_grace_period=1_000_000_000)  # fmt: skip
        until("2 running replicas", lambda: running(old, "kept") == 2)
        ca_before = mc.certificates.get(cluster_uuid=bay["uuid"]).pem

        mc.certificates.rotate_ca(cluster_uuid=bay["uuid"])
        assert mc.clusters.get(bay["uuid"]).status == "UPDATE_IN_PROGRESS"
        settled(mc, bay["uuid"])
        assert mc.certificates.get(cluster_uuid=bay["uuid"]).pem != ca_before

        with pytest.raises((requests.exceptions.SSLError, requests.exceptions.ConnectionError)):
            old.ping()
        new = _client(bay, download_config(demo, aio, bay, tmp_path / "new"))
        assert len(ready_names(new)) == 2  # both engines re-keyed, still in the Swarm
        until("2 running replicas after the rotation", lambda: running(new, "kept") == 2)
        summary = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/workloads")
        assert summary.status_code == 200, summary.text  # the service reaches the bay too

    def test_upgrades_change_the_nodes_while_a_service_keeps_running(
        self, mc: Any, demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path: Path
    ) -> None:
        """One group first (nodegroup=default-worker), then the bay: local.tiny -> local.small.

        The service's tasks count as running once healthy (2 s after they start)
        and stop at once, so a node drained before its tasks ran elsewhere
        would show a moment with none running.
        """
        folder = download_config(demo, aio, bay, tmp_path)
        client = _client(bay, folder)
        client.services.create(
            image.IMAGE, command=["sleep", "3600"], name="available",
            mode=docker.types.ServiceMode("replicated", replicas=2), stop_grace_period=1,
            healthcheck=docker.types.Healthcheck(test=["CMD", "true"], interval=2_000_000_000),
        )  # fmt: skip
        until("2 healthy replicas", lambda: running(client, "available") == 2)
        small = mc.cluster_templates.get("e2e-ng-small").uuid

        seen = watch(
            folder,
            "available",
            lambda: mc.clusters.upgrade(
                bay["uuid"], small, max_batch_size=1, nodegroup="default-worker"
            ),
            mc,
            bay,
        )
        assert min(seen) >= 1, seen
        sizes = {g.name: g.flavor_id for g in mc.nodegroups.list(bay["uuid"], detail=True)}
        assert sizes == {"default-master": "local.tiny", "default-worker": "local.small"}
        assert memory_bounds(aio, bay) == {0: "local.tiny", 10: "local.small"}

        seen = watch(
            folder,
            "available",
            lambda: mc.clusters.upgrade(bay["uuid"], small, max_batch_size=1),
            mc,
            bay,
        )
        assert min(seen) >= 1, seen
        assert mc.clusters.get(bay["uuid"]).cluster_template_id == small
        assert memory_bounds(aio, bay) == {0: "local.small", 10: "local.small"}
        assert len(ready_names(client)) == 2


def watch(
    folder: Path, service: str, start: Callable[[], Any], mc: Any, bay: dict[str, Any]
) -> list[int]:
    """The service's healthy containers on all nodes, counted from ``start()`` until the bay
    settles.

    Each node's engine is asked itself: with one master, the Swarm's API is away
    while the master restarts, but the tasks on the other node keep running.
    """
    engines = [
        _client({"api_address": f"tcp://{address}:2376"}, folder)
        for address in [*bay["master_addresses"], *bay["node_addresses"]]
    ]
    seen: list[int] = []
    with ThreadPoolExecutor(1) as pool:
        pool.submit(start).result(timeout=30)
        done = pool.submit(settled, mc, bay["uuid"])
        while not done.done():
            seen.append(sum(healthy(engine, service) for engine in engines))
            time.sleep(0.1)
        done.result()
    return seen


def healthy(engine: docker.DockerClient, service: str) -> int:
    """How many of the service's containers run healthy on this engine (0 if it is away)."""
    wanted = {"label": f"com.docker.swarm.service.name={service}", "health": "healthy"}
    try:
        return len(engine.api.containers(filters=wanted))
    except (docker.errors.DockerException, requests.exceptions.RequestException):
        return 0


def memory_bounds(aio: AllInOne, bay: dict[str, Any]) -> dict[int, str]:
    """Each node's index -> the flavor whose memory bound the kernel holds for its containers."""
    by_size = {f.ram_mib * MIB: f.name for f in flavors.FLAVORS.values()}
    found = {}
    for record in StateDir(nodes_dir(aio)).nodes(bay["uuid"]):
        limits = cgroups.limits(record.key)
        value = limits.get("containers/memory.max") or limits["containers/memory.limit_in_bytes"]
        found[record.index] = by_size[int(value)]
    return found
