"""A bay's full credentials give no power over the host, and a bay stays within its flavor.

One real bay (one ``local.tiny`` node, a 1 GiB disk) made through the
service API, Heat and the local driver; its owner's client configuration is
downloaded as a user would (``GET /v1/clusters/{id}/config``) and used with the
Docker SDK over TLS, exactly as ``docker --tlsverify`` would.  Every classic
escape is tried against a root-only canary file on this host; the memory hog
and the fork bomb run inside the node's bounds (half a CPU, 512 MiB, 512
processes), which keeps them safe on a shared 2-core machine.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docker
import docker.errors
import docker.types
import pytest
import requests
from keystoneauth1 import session

from magnum_ui.service.drivers.local import cgroups, disks, engines, flavors, image
from magnum_ui.service.drivers.local.state import StateDir
from tests.allinone import AllInOne
from tests.e2e.test_bays import bay_docker, call, created_bay, nodes_dir

pytestmark = pytest.mark.e2e

REFUSED = "refused by the bay's policy"
TINY = flavors.get("local.tiny")
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


@pytest.fixture(scope="module")
def bay(demo: session.Session, aio: AllInOne) -> Iterator[dict[str, Any]]:
    """A one-node local.tiny bay with a 1 GiB disk, deleted (and checked gone) afterwards."""
    model = {
        "name": "e2e-tiny", "coe": "swarm-mode", "server_type": "local",
        "flavor_id": "local.tiny", "master_flavor_id": "local.tiny", "docker_volume_size": 1,
    }  # fmt: skip
    made = call(demo, aio, "POST", "/clustertemplates", json=model)
    assert made.status_code == 201, made.text
    body = {"name": "e2e-sandbox", "cluster_template_id": "e2e-tiny", "node_count": 0}
    try:
        with created_bay(demo, aio, body) as created:
            yield created
    finally:
        call(demo, aio, "DELETE", "/clustertemplates/e2e-tiny")


@pytest.fixture(scope="module")
def client(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any], tmp_path_factory: Any
) -> docker.DockerClient:
    """The Docker SDK with the configuration the bay's owner downloads."""
    config = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/config")
    assert config.status_code == 200, config.text
    folder: Path = tmp_path_factory.mktemp("bay-config")
    for name, text in config.json()["files"].items():
        (folder / name).write_text(text)
    return bay_docker(bay["api_address"], folder)


@pytest.fixture(scope="module")
def canary(tmp_path_factory: Any) -> Iterator[tuple[Path, str]]:
    """A file only root can read, in a folder only root can enter, holding a secret."""
    folder: Path = tmp_path_factory.mktemp("canary")
    folder.chmod(0o700)
    path = folder / "secret"
    text = secrets.token_hex(16)
    path.write_text(text)
    path.chmod(0o600)
    yield path, text
    assert path.read_text() == text, "the canary file was changed"
    assert sorted(p.name for p in folder.iterdir()) == ["secret"], "something was written there"


def node_key(aio: AllInOne, bay: dict[str, Any]) -> str:
    (record,) = StateDir(nodes_dir(aio)).nodes(bay["uuid"])
    return record.key


def controller_folder(key: str, controller: str) -> Path:
    """The node's cgroup folder in the hierarchy that holds ``controller``."""
    hierarchy = next(h for h in cgroups.machine_hierarchies() if controller in h.controllers)
    return hierarchy.mount_point / cgroups.node_name(key)


def refused(attempt: Callable[[], Any]) -> str:
    """The daemon's refusal of ``attempt``; fails if it went through."""
    with pytest.raises(docker.errors.APIError) as failure:
        attempt()
    message = str(failure.value.explanation or failure.value)
    assert "authorization denied by plugin" in message, message
    assert REFUSED in message, message
    return message


def test_every_escape_to_the_host_is_refused_by_the_bays_policy(
    client: docker.DockerClient, canary: tuple[Path, str]
) -> None:
    """Host mounts, host namespaces, privileges, devices and cgroup escapes all fail, saying why."""
    path, _ = canary
    cat = ["cat", f"/host{path}"]
    run = client.containers.run
    attempts: dict[str, Callable[[], Any]] = {
        "bind mount of /": lambda: run(image.IMAGE, cat, volumes={"/": {"bind": "/host"}}),
        "--mount type=bind": lambda: run(image.IMAGE, cat, mounts=[
            docker.types.Mount("/host", "/", type="bind")]),
        "--userns=host": lambda: run(image.IMAGE, ["id"], userns_mode="host"),
        "--pid=host": lambda: run(image.IMAGE, ["cat", f"/proc/1/root{path}"], pid_mode="host"),
        "--privileged": lambda: run(image.IMAGE, ["id"], privileged=True),
        "--cap-add SYS_ADMIN": lambda: run(image.IMAGE, ["id"], cap_add=["SYS_ADMIN"]),
        "seccomp=unconfined": lambda: run(image.IMAGE, ["id"],
                                          security_opt=["seccomp=unconfined"]),
        "apparmor=unconfined": lambda: run(image.IMAGE, ["id"],
                                           security_opt=["apparmor=unconfined"]),
        "--device": lambda: run(image.IMAGE, ["id"], devices=["/dev/vda:/dev/disk"]),
        "--network=host": lambda: run(image.IMAGE, ["id"], network_mode="host"),
        "--ipc=host": lambda: run(image.IMAGE, ["id"], ipc_mode="host"),
        "--cgroup-parent /": lambda: run(image.IMAGE, ["id"], cgroup_parent="/"),
        "local volume o=bind": lambda: client.volumes.create(
            "root", driver_opts={"type": "none", "device": "/", "o": "bind"}),
        "service bind mount of /": lambda: client.services.create(
            image.IMAGE, cat, mounts=["/:/host:ro"]),
        "plugin install": lambda: client.api.pull_plugin("vieux/sshfs", []),
    }  # fmt: skip
    messages = {name: refused(attempt) for name, attempt in attempts.items()}
    assert "host bind mount" in messages["bind mount of /"]
    assert "UsernsMode" in messages["--userns=host"]
    assert "plugin" in messages["plugin install"]
    assert client.containers.list(all=True) == []
    assert client.services.list() == []


def test_exec_cannot_gain_privileges_and_container_root_is_nobody_on_the_host(
    client: docker.DockerClient, aio: AllInOne, bay: dict[str, Any]
) -> None:
    """``exec --privileged`` is refused, and root in a container is the bay's unprivileged id."""
    box = client.containers.run(image.IMAGE, ["sleep", "300"], detach=True)
    try:
        refused(lambda: client.api.exec_create(box.id, ["id"], privileged=True))
        pid = client.api.inspect_container(box.id)["State"]["Pid"]
        uid_line = next(
            line for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("Uid:")
        )  # fmt: skip
        host_uid = int(uid_line.split()[1])
        assert host_uid >= 1_100_000_000, uid_line  # the bay's own subordinate range
        assert box.exec_run(["id", "-u"]).output.decode().strip() == "0"
    finally:
        box.remove(force=True)


def test_the_node_is_held_to_its_flavor_by_the_kernel(aio: AllInOne, bay: dict[str, Any]) -> None:
    """The node's cgroups hold local.tiny's CPU, memory and process bounds; its disk is 1 GiB."""
    key = node_key(aio, bay)
    held = cgroups.limits(key)
    assert held["containers/memory.limit_in_bytes"] == str(TINY.ram_mib * MIB)
    assert held["containers/pids.max"] == str(TINY.pids)
    assert held["cpu.cfs_quota_us"] == str(int(TINY.vcpus * 100_000))
    assert held["pids.max"] == str(TINY.pids + flavors.ENGINE_PIDS)
    layout = engines.EngineLayout(StateDir(nodes_dir(aio)).node_dir(key))
    assert 0.9 < disks.size_gib(layout.data) <= 1.0


def test_a_memory_hog_is_killed_by_the_bays_limit(
    client: docker.DockerClient, aio: AllInOne, bay: dict[str, Any]
) -> None:
    """A container allocating without end is killed at 512 MiB inside its node; the engine lives."""
    folder = controller_folder(node_key(aio, bay), "memory") / "containers"
    started = time.monotonic()
    # busybox's tail keeps the last "line" of /dev/zero, which never ends.
    hog = client.containers.run(image.IMAGE, ["tail", "/dev/zero"], detach=True)
    result = hog.wait(timeout=60)
    print(f"memory hog killed after {time.monotonic() - started:.1f} s")
    state = client.api.inspect_container(hog.id)["State"]
    hog.remove()
    assert (result["StatusCode"], state["OOMKilled"]) == (137, True)
    # It was the node's containers' bound that was reached: 512 MiB, not the host's memory.
    peak = folder / "memory.max_usage_in_bytes"  # cgroup v1; v2 calls it memory.peak
    assert _read_int(peak if peak.exists() else folder / "memory.peak") == TINY.ram_mib * MIB
    assert client.ping()  # the engine kept its own share


def test_a_fork_bomb_stays_in_its_node_and_the_api_keeps_answering(
    client: docker.DockerClient, aio: AllInOne, bay: dict[str, Any]
) -> None:
    """While a fork bomb fills its node's process bound, the service API answers in under 1 s."""
    # The shell stays (sleep) as the container's first process while the bomb goes on.
    bomb = client.containers.run(
        image.IMAGE, ["sh", "-c", "b() { b | b & }; b; sleep 600"], detach=True
    )
    latencies: list[float] = []
    try:
        pids = controller_folder(node_key(aio, bay), "pids") / "containers"
        deadline = time.monotonic() + 20
        while _read_int(pids / "pids.current") < TINY.pids // 2:  # the bomb is going
            assert time.monotonic() < deadline, "the fork bomb never grew"
            time.sleep(0.2)
        for _ in range(10):
            started = time.monotonic()
            answer = requests.get(aio.api_url.removesuffix("/v1") + "/", timeout=5)
            latencies.append(time.monotonic() - started)
            assert answer.status_code == 200
            time.sleep(0.3)
        assert _read_int(pids / "pids.current") <= TINY.pids
    finally:
        bomb.remove(force=True)
    print(f"API latency during the fork bomb: max {max(latencies) * 1000:.0f} ms")
    assert max(latencies) < 1.0
    assert client.ping()


def _read_int(path: Path) -> int:
    return int(path.read_text().split()[0])


def test_a_bay_past_the_projects_vcpu_bound_is_refused_at_request_time(
    demo: session.Session, aio: AllInOne, bay: dict[str, Any]
) -> None:
    """Two local.medium nodes (4 vCPUs) beside the tiny bay pass the test bound of 4: a 403."""
    model = {"name": "e2e-medium", "coe": "swarm-mode", "server_type": "local",
             "flavor_id": "local.medium", "master_flavor_id": "local.medium"}  # fmt: skip
    assert call(demo, aio, "POST", "/clustertemplates", json=model).status_code == 201
    try:
        body = {"name": "too-wide", "cluster_template_id": "e2e-medium", "node_count": 1}
        response = call(demo, aio, "POST", "/clusters", json=body)
        assert response.status_code == 403, response.text
        detail = response.json()["errors"][0]["detail"]
        assert "4.5 vCPUs of local nodes, more than the 4" in detail
        names = [c["name"] for c in call(demo, aio, "GET", "/clusters").json()["clusters"]]
        assert "too-wide" not in names
    finally:
        call(demo, aio, "DELETE", "/clustertemplates/e2e-medium")
