"""Faults injected into the real all-in-one while a bay is worked on: everything recovers.

One ``local.tiny`` bay goes through its life while the parts it depends on
fail under it: Heat frozen (SIGSTOP) for 30 s while the bay is created,
PostgreSQL frozen for 20 s while it is resized, the conductor killed while a
node group is added, Keystone frozen for 20 s while it is deleted; then
deletes sent at several moments after a create.  Each ends as it should
(COMPLETE, or gone) with nothing left on the machine or in Heat.  What was
injected, what happened and how long recovery took is printed (``-s``) and
recorded in docs/reliability.md.

"Frozen" is SIGSTOP of the service's processes (a hung server: connections
open, no answer), then SIGCONT; PostgreSQL frozen also freezes Heat's
database, so Heat rides it out as well.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from keystoneauth1 import session

from tests.allinone import AllInOne
from tests.e2e.test_bays import call, leftovers
from tests.e2e.test_conductor_crash import kill_conductor, stacks_named

pytestmark = pytest.mark.e2e

TINY = {
    "name": "e2e-faults", "coe": "swarm-mode", "server_type": "local",
    "flavor_id": "local.tiny", "master_flavor_id": "local.tiny", "docker_volume_size": 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> Iterator[session.Session]:
    own = aio.demo_session()
    made = call(own, aio, "POST", "/clustertemplates", json=TINY)
    assert made.status_code == 201, made.text
    yield own
    call(own, aio, "DELETE", "/clustertemplates/e2e-faults")


@pytest.fixture(scope="module")
def bay(demo: session.Session, aio: AllInOne) -> Iterator[dict[str, Any]]:
    """The bay the faults are injected under; made by the first test, deleted by the last."""
    found: dict[str, Any] = {}
    yield found
    if found.get("uuid") and status(demo, aio, found["uuid"]) is not None:
        call(demo, aio, "DELETE", f"/clusters/{found['uuid']}")
        until("the bay gone", lambda: status(demo, aio, found["uuid"]) is None, 240)


def status(demo: session.Session, aio: AllInOne, uuid: str) -> str | None:
    """The bay's status, or None once it is gone."""
    response = call(demo, aio, "GET", f"/clusters/{uuid}")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    return str(response.json()["status"])


def why(demo: session.Session, aio: AllInOne, uuid: str) -> str:
    """What the bay says of its last operation, and the logs' last lines (for a failure)."""
    body = call(demo, aio, "GET", f"/clusters/{uuid}").json()
    logs = [
        f"--- {name}.log\n" + "\n".join((aio.state_dir / "logs" / f"{name}.log").read_text(
            errors="replace").splitlines()[-40:])
        for name in ("conductor", "heat")
        if (aio.state_dir / "logs" / f"{name}.log").exists()
    ]  # fmt: skip
    return "\n".join([f"reason: {body.get('status_reason')}, faults: {body.get('faults')}", *logs])


def until(what: str, check: Callable[[], Any], timeout: float = 240) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def settled(demo: session.Session, aio: AllInOne, uuid: str, timeout: float = 300) -> str | None:
    """The bay's status once nothing is in progress (None: gone)."""
    found: list[str | None] = []

    def check() -> bool:
        found[:] = [status(demo, aio, uuid)]
        return found[0] is None or not str(found[0]).endswith("_IN_PROGRESS")

    until(f"bay {uuid} to settle", check, timeout)
    return found[0]


def family(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current, []))
    return found


def freeze(aio: AllInOne, service: str, seconds: float) -> float:
    """SIGSTOP a service of the all-in-one (and its children) for ``seconds``, then SIGCONT.

    Returns when it answers again (time.monotonic()).
    """
    pid = int((aio.state_dir / "run" / f"{service}.pid").read_text())
    pids = family(pid)
    for each in pids:
        os.kill(each, signal.SIGSTOP)
    try:
        time.sleep(seconds)
    finally:
        for each in pids:
            with suppress(ProcessLookupError):
                os.kill(each, signal.SIGCONT)
    return time.monotonic()


def report(what: str, **numbers: float) -> None:
    shown = ", ".join(f"{name} {value:.1f} s" for name, value in numbers.items())
    print(f"\nFAULT {what}: {shown}")


class TestOneBayUnderFaults:
    def test_heat_frozen_for_30_s_while_the_bay_is_created(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        made = call(demo, aio, "POST", "/clusters",
                    json={"name": "e2e-faults", "cluster_template_id": "e2e-faults",
                          "node_count": 0})  # fmt: skip
        assert made.status_code == 202, made.text
        bay["uuid"] = uuid = made.json()["uuid"]
        until("the stack to be made", lambda: stacks_named(demo, aio, f"bay-{uuid}"), 60)
        thawed = freeze(aio, "heat", 30)
        assert settled(demo, aio, uuid) == "CREATE_COMPLETE", why(demo, aio, uuid)
        report("Heat frozen 30 s during a create", recovery=time.monotonic() - thawed)

    def test_postgres_frozen_for_20_s_while_it_is_resized(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        uuid = bay["uuid"]
        patch = [{"op": "replace", "path": "/node_count", "value": 1}]
        response = call(demo, aio, "PATCH", f"/clusters/{uuid}", json=patch)
        assert response.status_code == 202, response.text
        time.sleep(1)  # the conductor has claimed it and sent the stack update
        thawed = freeze(aio, "postgres", 20)
        assert settled(demo, aio, uuid) == "UPDATE_COMPLETE", why(demo, aio, uuid)
        body = call(demo, aio, "GET", f"/clusters/{uuid}").json()
        assert (body["node_count"], len(body["node_addresses"])) == (1, 1)
        report("PostgreSQL frozen 20 s during a resize", recovery=time.monotonic() - thawed)

    def test_the_conductor_killed_while_a_node_group_is_added(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        uuid = bay["uuid"]
        base = f"/clusters/{uuid}/nodegroups"
        made = call(demo, aio, "POST", base, json={"name": "extra", "node_count": 1,
                                                   "flavor_id": "local.tiny"})  # fmt: skip
        assert made.status_code == 202, made.text
        time.sleep(1)
        kill_conductor(aio)
        killed = time.monotonic()

        def group_done() -> dict[str, Any] | None:
            found: dict[str, Any] = call(demo, aio, "GET", f"{base}/extra").json()
            return None if found["status"].endswith("_IN_PROGRESS") else found

        group = until("the group to settle", group_done, 240)
        assert group["status"] == "CREATE_COMPLETE", group["status_reason"]
        assert settled(demo, aio, uuid) == "UPDATE_COMPLETE", why(demo, aio, uuid)
        report("conductor killed during a node-group add", recovery=time.monotonic() - killed)

    def test_keystone_frozen_for_20_s_while_it_is_deleted(
        self, demo: session.Session, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        uuid = bay["uuid"]
        demo.get_token()  # fetched now: Keystone is about to stop answering
        response = call(demo, aio, "DELETE", f"/clusters/{uuid}")
        assert response.status_code == 204, response.text
        thawed = freeze(aio, "keystone", 20)
        assert settled(demo, aio, uuid) is None
        assert stacks_named(demo, aio, f"bay-{uuid}") == []
        assert leftovers(aio, uuid) == []
        report("Keystone frozen 20 s during a delete", recovery=time.monotonic() - thawed)


@pytest.mark.parametrize("offset", [0.0, 0.5, 2.0])
def test_a_delete_soon_after_a_create_leaves_nothing(
    demo: session.Session, aio: AllInOne, offset: float
) -> None:
    """DELETE sent ``offset`` seconds after POST: the bay, its stack and its nodes all go."""
    made = call(demo, aio, "POST", "/clusters",
                json={"name": f"e2e-race-{int(offset * 10)}", "cluster_template_id": "e2e-faults",
                      "node_count": 0})  # fmt: skip
    assert made.status_code == 202, made.text
    uuid = made.json()["uuid"]
    time.sleep(offset)
    sent = time.monotonic()
    assert call(demo, aio, "DELETE", f"/clusters/{uuid}").status_code == 204
    assert settled(demo, aio, uuid) is None
    until("no stack", lambda: stacks_named(demo, aio, f"bay-{uuid}") == [], 60)
    until("no node", lambda: leftovers(aio, uuid) == [], 30)
    report(f"delete {offset:g} s after a create", gone=time.monotonic() - sent)
