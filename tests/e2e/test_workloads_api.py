"""The workload browser's API on a real two-node Swarm bay: create, spread, logs, scale, delete.

Everything is real: Keystone tokens, the service API (which reaches the bay's
manager over TLS with its own certificate from the bay's CA), the conductor,
Heat, and two Docker Engines in network namespaces joined into a Swarm.  The
tests run in order and share one bay, deleted at the end.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from keystoneauth1 import session

from magnum_ui.service.drivers.local import image
from tests.allinone import AllInOne
from tests.e2e.test_bays import call, created_bay

pytestmark = pytest.mark.e2e

MANIFEST = f"""
name: hello
image: {image.IMAGE}
replicas: 3
command: [sh, -c, "while true; do echo hello; sleep 1; done"]
labels: {{purpose: e2e}}
"""


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


@pytest.fixture(scope="module")
def bay(demo: session.Session, aio: AllInOne) -> Iterator[dict[str, Any]]:
    """A 1 master + 1 worker bay from local-swarm, deleted (and checked gone) afterwards."""
    body = {"name": "e2e-workloads", "cluster_template_id": "local-swarm", "node_count": 1}
    with created_bay(demo, aio, body) as created:
        yield created


def until(what: str, check: Callable[[], Any], timeout: float = 90) -> Any:
    """``check()``'s first truthy answer, polling; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


class TestWorkloadsOfASwarmBay:
    def test_the_summary_offers_services_tasks_and_nodes(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """GET .../workloads: a swarm bay with its three kinds."""
        response = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/workloads")
        assert response.json() == {"coe": "swarm", "kinds": ["services", "tasks", "nodes"]}

    def test_the_nodes_are_the_bays_two_engines(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """GET .../workloads/nodes: one leading manager and one worker, both ready."""
        nodes = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/workloads/nodes").json()["items"]
        assert sorted((n["role"], n["leader"], n["state"]) for n in nodes) == [
            ("manager", True, "ready"), ("worker", False, "ready")
        ]  # fmt: skip
        addresses = {n["address"] for n in nodes}
        assert addresses == set(bay["master_addresses"]) | set(bay["node_addresses"])

    def test_a_manifest_creates_a_service_whose_tasks_spread_over_both_nodes(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """POST a manifest (3 replicas): 201, then 3 running tasks on both nodes."""
        base = f"/clusters/{bay['uuid']}/workloads"
        response = call(demo, aio, "POST", base, json={"manifest": MANIFEST})
        assert response.status_code == 201, response.text
        assert response.json() == {
            "created": [{"kind": "services", "name": "hello", "namespace": None}],
            "warnings": [],  # its image is one every local node is given
        }

        def running() -> list[dict[str, Any]]:
            tasks = call(demo, aio, "GET", f"{base}/tasks?name=hello").json()["items"]
            up = [t for t in tasks if t["state"] == "running"]
            return up if len(up) == 3 else []

        tasks = until("3 running tasks", running)
        assert sorted(t["name"] for t in tasks) == ["hello.1", "hello.2", "hello.3"]
        assert len({t["node"] for t in tasks}) == 2
        service = call(demo, aio, "GET", f"{base}/services/hello").json()
        assert service["replicas"] == {"running": 3, "desired": 3}
        assert service["labels"] == {"purpose": "e2e"}
        assert service["raw"]["Spec"]["Name"] == "hello"

    def test_a_tasks_logs_say_hello(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """GET .../tasks/hello.1/logs: the task's output, read through the manager."""
        url = f"/clusters/{bay['uuid']}/workloads/tasks/hello.1/logs?tail=5"

        def some_lines() -> list[str]:
            lines: list[str] = call(demo, aio, "GET", url).json()["lines"]
            return lines if len(lines) >= 2 else []

        logs = until("two log lines", some_lines)
        assert set(logs) == {"hello"}

    def test_scaling_to_one_leaves_one_task_running(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """POST .../services/hello/scale {replicas: 1}: 202 desired 1, then one running task."""
        base = f"/clusters/{bay['uuid']}/workloads"
        response = call(demo, aio, "POST", f"{base}/services/hello/scale", json={"replicas": 1})
        assert response.status_code == 202, response.text
        assert response.json()["replicas"]["desired"] == 1

        def one_left() -> bool:
            tasks = call(demo, aio, "GET", f"{base}/tasks?name=hello").json()["items"]
            return [t["state"] for t in tasks if t["desired_state"] == "running"] == ["running"]

        until("one running task", one_left)

    def test_delete_removes_the_service(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """DELETE .../services/hello: 204, then a 404 for it."""
        base = f"/clusters/{bay['uuid']}/workloads/services/hello"
        assert call(demo, aio, "DELETE", base).status_code == 204
        gone = call(demo, aio, "GET", base)
        assert gone.status_code == 404
        assert "hello" in gone.json()["errors"][0]["detail"]

    def test_a_frozen_manager_is_a_503_within_five_seconds(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """With the manager's engine stopped (SIGSTOP), listing tasks answers 503 in under 5 s."""
        manager = bay["api_address"].removeprefix("tcp://").split(":")[0]
        pid = engine_pid(aio, manager)
        os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            response = call(demo, aio, "GET", f"/clusters/{bay['uuid']}/workloads/tasks")
            elapsed = time.monotonic() - started
        finally:
            os.kill(pid, signal.SIGCONT)
        print(f"frozen manager: {response.status_code} after {elapsed:.2f} s")
        assert response.status_code == 503, response.text
        assert "did not answer in time" in response.json()["errors"][0]["detail"]
        assert elapsed < 5

    def test_a_worker_whose_engine_stops_makes_the_bay_unhealthy_until_it_is_back(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """The conductor keeps the bay's health: HEALTHY with both nodes Ready; the worker's
        engine frozen (SIGSTOP), UNHEALTHY with that node Not ready; thawed, HEALTHY again."""

        def health_is(status: str) -> dict[str, Any] | None:
            """The bay's health reason when its health is ``status`` (one read), else None."""
            found = call(demo, aio, "GET", f"/clusters/{bay['uuid']}").json()
            return found["health_status_reason"] if found["health_status"] == status else None

        prefix = f"bay-{bay['uuid'][:8]}"
        assert until("the bay healthy", lambda: health_is("HEALTHY")) == {
            "api": "ok", f"{prefix}-master-0.Ready": True, f"{prefix}-worker-10.Ready": True
        }  # fmt: skip
        pid = engine_pid(aio, bay["node_addresses"][0])
        os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            reason = until("the worker not ready", lambda: health_is("UNHEALTHY"))
            print(f"unhealthy after {time.monotonic() - started:.1f} s: {reason}")
        finally:
            os.kill(pid, signal.SIGCONT)
        assert reason == {
            "api": "ok", f"{prefix}-master-0.Ready": True, f"{prefix}-worker-10.Ready": False
        }  # fmt: skip
        until("the bay healthy again", lambda: health_is("HEALTHY"))


def engine_pid(aio: AllInOne, address: str) -> int:
    """The pid of the dockerd listening on ``address`` (from its command line)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                argv = handle.read().split(b"\0")
        except OSError:
            continue
        mine = str(aio.state_dir).encode() in b" ".join(argv)
        if argv[0].endswith(b"dockerd") and f"tcp://{address}:2376".encode() in argv and mine:
            return int(entry)
    pytest.fail(f"no dockerd of this all-in-one listens on {address}")
