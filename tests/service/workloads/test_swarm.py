"""The Swarm adapter against a real Docker Engine: one local manager node, TLS with its CA.

The node comes from the local driver's library (a Docker Engine in its own
network namespace, ``swarm init`` done, ``magnum-ui/busybox`` loaded); the
adapter reaches it over TCP with a client certificate from the bay's CA, as
the service does.  Nothing is mocked.  The tests run in order on one node;
``tests/e2e/test_workloads_api.py`` covers a two-node bay through the API.
"""

from __future__ import annotations

import os
import signal
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.drivers.local import image, nodes, tls
from magnum_ui.service.drivers.local.options import NodeOptions
from magnum_ui.service.drivers.local.state import StateDir
from magnum_ui.service.workloads import base
from magnum_ui.service.workloads.credentials import Credentials
from magnum_ui.service.workloads.swarm import SwarmAdapter, demultiplex
from tests.service.drivers.local import machine
from tests.service.drivers.local.conftest import BayCA
from tests.service.drivers.local.test_nodes import wait_for

needs_docker = pytest.mark.skipif(
    not (
        machine.IS_ROOT
        and machine.HAS_DOCKERD
        and machine.HAS_NETWORK_TOOLS
        and machine.HAS_BUSYBOX
    ),
    reason=f"{machine.NOT_ROOT}; {machine.NO_DOCKER}",
)

HELLO = f"""
name: hello
image: {image.IMAGE}
replicas: 2
command: [sh, -c, "while true; do echo hello from $GREETER; sleep 0.2; done"]
env: {{GREETER: swarm, VERBOSE: true}}
labels: {{tier: test}}
"""


@dataclass(frozen=True)
class Node:
    info: nodes.NodeInfo
    credentials: Credentials  # the service's, made with the node's CA
    pidfile: Path  # the engine's


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    """One manager node, its engine's pid file, and the service's credentials for it."""
    root, ca, bay = machine.new_root(), BayCA(), str(uuid.uuid4())
    try:
        info = nodes.create_node(
            root,
            bay,
            0,
            "master",
            ca.issue,
            uuid.uuid4().hex,
            options=NodeOptions(subnet_pool=machine.TEST_POOL),
        )
        key, csr = tls.new_key_and_csr("magnum-ui-workloads", "127.0.0.1")
        server = info.docker_host.replace("tcp://", "https://")
        creds = Credentials(server=server, ca_pem=ca.pem, cert_pem=ca.sign(csr), key_pem=key)
        state = StateDir(root)
        yield Node(info, creds, state.node_dir(state.node_key(bay, 0)) / "dockerd.pid")
    finally:
        machine.destroy(root)


@pytest.fixture
def adapter(node: Node) -> Iterator[SwarmAdapter]:
    with SwarmAdapter(node.credentials) as opened:
        yield opened


def items(adapter: SwarmAdapter, kind: str, **query: Any) -> dict[str, Any]:
    return {i["name"]: i for i in adapter.list_items(kind, base.ListQuery(**query))}


@needs_docker
class TestOneNode:
    def test_the_node_is_a_ready_leading_manager(self, node: Node, adapter: SwarmAdapter) -> None:
        """nodes lists the engine by hostname: manager, leader, ready, with its version."""
        found = items(adapter, "nodes")[node.info.name]
        assert (found["role"], found["leader"], found["state"]) == ("manager", True, "ready")
        assert found["availability"] == "active"
        assert found["engine_version"]
        assert found["address"] == node.info.address

    def test_its_health_is_magnums_healthy_with_each_node_ready(
        self, node: Node, adapter: SwarmAdapter
    ) -> None:
        """health(): HEALTHY, the API ok and the one node Ready, keyed by its hostname."""
        assert adapter.health() == ("HEALTHY", {"api": "ok", f"{node.info.name}.Ready": True})

    def test_a_service_from_a_yaml_manifest_runs_its_replicas(self, adapter: SwarmAdapter) -> None:
        """The manifest's service is created and its two replicas reach running."""
        assert adapter.create(HELLO) == [base.Created("services", "hello")]
        wait_for(
            "2 running replicas",
            lambda: items(adapter, "services")["hello"]["replicas"] == {"running": 2, "desired": 2},
            timeout=60,
        )
        service = items(adapter, "services")["hello"]
        assert (service["image"], service["mode"], service["labels"]) == (
            image.IMAGE,
            "replicated",
            {"tier": "test"},
        )
        assert service["created_at"].endswith("Z")

    def test_tasks_are_named_service_dot_slot_and_placed_on_the_node(
        self, node: Node, adapter: SwarmAdapter
    ) -> None:
        """Each task shows its service, slot, node hostname and state."""
        tasks = items(adapter, "tasks", name="hello.")
        assert sorted(tasks) == ["hello.1", "hello.2"]
        one = tasks["hello.1"]
        assert (one["service"], one["slot"], one["node"]) == ("hello", 1, node.info.name)
        assert (one["state"], one["desired_state"]) == ("running", "running")
        assert one["container_id"]
        # Microseconds at most: the Engine's nanoseconds are cut for browsers' Date.
        assert len(one["started_at"].split(".")[1]) <= len("123456Z")

    def test_a_task_is_found_by_slot_or_id_with_the_engines_object(
        self, adapter: SwarmAdapter
    ) -> None:
        """get tasks/hello.1 and get tasks/<its id> are the same task, with raw."""
        by_slot = adapter.get("tasks", "hello.1")
        by_id = adapter.get("tasks", by_slot["id"])
        assert by_slot["id"] == by_id["id"]
        assert by_slot["raw"]["Spec"]["ContainerSpec"]["Env"] == ["GREETER=swarm", "VERBOSE=true"]
        with pytest.raises(base.NotFound, match=r"no task hello\.9"):
            adapter.get("tasks", "hello.9")

    def test_task_logs_are_the_last_lines_and_say_when_cut(self, adapter: SwarmAdapter) -> None:
        """tail=3 gives the last three lines of the task's output and truncated=true."""
        wait_for(
            "4 log lines",
            lambda: len(adapter.logs("tasks", "hello.1", base.LogQuery(tail=10))["lines"]) >= 4,
        )
        logs = adapter.logs("tasks", "hello.1", base.LogQuery(tail=3))
        assert logs["lines"] == ["hello from swarm"] * 3
        assert logs["truncated"] is True

    def test_scaling_changes_the_desired_replicas(self, adapter: SwarmAdapter) -> None:
        """scale to 1: desired 1, and one of the two tasks keeps running (scaled, not replaced)."""
        before = {t["id"] for t in items(adapter, "tasks", name="hello.").values()}
        assert adapter.scale("services", "hello", 1)["replicas"]["desired"] == 1
        wait_for(
            "1 running replica",
            lambda: items(adapter, "services")["hello"]["replicas"] == {"running": 1, "desired": 1},
            timeout=60,
        )
        tasks = adapter.list_items("tasks", base.ListQuery(name="hello."))
        running = {t["id"] for t in tasks if t["desired_state"] == "running"}
        assert len(running) == 1
        assert running <= before
        assert adapter.get("services", "hello")["raw"].get("UpdateStatus") is None

    def test_a_taken_name_is_a_conflict(self, adapter: SwarmAdapter) -> None:
        """Creating a second service named hello is a Conflict with the engine's reason."""
        with pytest.raises(base.Conflict, match="hello"):
            adapter.create(HELLO)

    def test_a_global_service_cannot_be_scaled(self, adapter: SwarmAdapter) -> None:
        """A global service runs one task per node: scaling it is refused before the engine."""
        adapter.create(
            f"{{name: everywhere, image: {image.IMAGE}, mode: global, command: [sleep, '600']}}"
        )
        assert items(adapter, "services")["everywhere"]["mode"] == "global"
        with pytest.raises(base.Invalid, match="global"):
            adapter.scale("services", "everywhere", 3)
        adapter.delete("services", "everywhere")

    def test_a_service_without_its_image_says_so_in_plain_words(
        self, adapter: SwarmAdapter
    ) -> None:
        """Tasks rejected for want of their image give the service a problem naming it."""
        adapter.create("{name: imageless, image: 'mui-not-there:1', command: [sleep, '600']}")
        try:
            wait_for(
                "the missing image reported",
                lambda: items(adapter, "services")["imageless"]["problem"] is not None,
                timeout=60,
            )
            said = adapter.get("services", "imageless")["problem"]
            assert said.startswith("image mui-not-there:1 could not be pulled on any node: ")
            assert "No such image" in said
            assert items(adapter, "services")["hello"]["problem"] is None
            tasks = adapter.list_items("tasks", base.ListQuery(name="imageless."))
            assert {t["service_problem"] for t in tasks} == {said}
            hello = adapter.list_items("tasks", base.ListQuery(name="hello."))
            assert {t["service_problem"] for t in hello} == {None}
        finally:
            adapter.delete("services", "imageless")

    def test_tasks_cannot_be_deleted_nor_nodes_scaled(self, adapter: SwarmAdapter) -> None:
        """Only services are deleted and scaled; only tasks have logs."""
        with pytest.raises(base.Invalid, match="can be deleted"):
            adapter.delete("tasks", "hello.1")
        with pytest.raises(base.Invalid, match="have logs"):
            adapter.logs("services", "hello", base.LogQuery())

    def test_delete_removes_the_service(self, adapter: SwarmAdapter) -> None:
        """After delete the service is not found."""
        adapter.delete("services", "hello")
        with pytest.raises(base.NotFound, match="hello"):
            adapter.get("services", "hello")
        with pytest.raises(base.NotFound):
            adapter.delete("services", "hello")

    def test_an_engine_that_stops_answering_is_unreachable_within_the_timeout(
        self, node: Node, adapter: SwarmAdapter
    ) -> None:
        """The engine is frozen (SIGSTOP): Unreachable, saying it did not answer, in time."""
        pid = int(node.pidfile.read_text())
        os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            with pytest.raises(base.Unreachable, match="did not answer in time"):
                adapter.list_items("services", base.ListQuery())
            elapsed = time.monotonic() - started
            status, reason = adapter.health()
        finally:
            os.kill(pid, signal.SIGCONT)
        assert elapsed < sum(base.TIMEOUT)
        assert status == "UNKNOWN"
        assert list(reason) == ["api"]
        assert "did not answer in time" in reason["api"]


def test_a_closed_port_is_unreachable_at_once() -> None:
    """Nothing listening: Unreachable saying so, in well under a second."""
    creds = Credentials(server="http://127.0.0.1:1")
    started = time.monotonic()
    with SwarmAdapter(creds) as adapter, pytest.raises(base.Unreachable, match="cannot be reached"):
        adapter.list_items("services", base.ListQuery())
    assert time.monotonic() - started < 1


def test_an_engine_that_never_answers_is_unreachable_within_the_timeout() -> None:
    """A socket that accepts but never replies: Unreachable after the read timeout, not later."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)  # the kernel completes the handshake; nobody ever reads
        creds = Credentials(server=f"http://127.0.0.1:{listener.getsockname()[1]}")
        started = time.monotonic()
        with SwarmAdapter(creds) as adapter, pytest.raises(base.Unreachable, match="in time"):
            adapter.list_items("nodes", base.ListQuery())
        elapsed = time.monotonic() - started
    assert base.TIMEOUT[1] - 0.5 <= elapsed < sum(base.TIMEOUT)


def test_a_manifest_is_checked_before_the_engine_is_asked() -> None:
    """A bad manifest is a BadManifest naming the field, even with no engine there at all."""
    with SwarmAdapter(Credentials(server="http://127.0.0.1:1")) as adapter:
        with pytest.raises(base.BadManifest, match="replicas: 'three' is not of type 'integer'"):
            adapter.create("{name: web, image: busybox, replicas: three}")
        with pytest.raises(base.BadManifest, match="Unknown field"):
            adapter.create("{name: web, image: busybox, replica: 3}")


def test_multiplexed_log_frames_are_joined_in_order() -> None:
    """Docker's 8-byte headed stdout/stderr frames become one text, header bytes dropped."""
    frames = b"".join(
        bytes([stream, 0, 0, 0]) + len(text).to_bytes(4, "big") + text
        for stream, text in ((1, b"out\n"), (2, b"err\n"), (1, b"more\n"))
    )
    assert demultiplex(frames) == b"out\nerr\nmore\n"
