"""The conductor survives its own death, and two conductors share the work.

``kill -9`` of the all-in-one's conductor at several points of a create, a
resize and a delete: the supervisor starts it again (as systemd would), it
resumes the operation from the stack's state, and the bay ends as it should
with exactly one stack and nothing left on the machine.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from keystoneauth1 import session

from tests.allinone import AllInOne
from tests.e2e.test_bays import call, demo, leftovers, wait_for

pytestmark = pytest.mark.e2e

__all__ = ["demo"]  # the module-scoped fixture, shared with test_bays


def kill_conductor(aio: AllInOne) -> int:
    pid = int((aio.state_dir / "run" / "conductor.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    return pid


def wait_until(check: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.1)


def stacks_named(demo: session.Session, aio: AllInOne, name: str) -> list[dict[str, Any]]:
    response = demo.get(
        f"/stacks?name={name}",
        raise_exc=False,
        endpoint_filter={"service_type": "orchestration", "interface": "public"},
    )
    response.raise_for_status()
    # Heat lists a deleted stack for a moment after DELETE_COMPLETE: it is gone.
    return [s for s in response.json()["stacks"] if s["stack_status"] != "DELETE_COMPLETE"]


def stack_id_of(aio: AllInOne, uuid: str) -> str | None:
    rows = aio.sql("SELECT stack_id FROM magnum_service_cluster WHERE uuid = %s", (uuid,))
    return str(rows[0][0]) if rows and rows[0][0] else None


@pytest.fixture(autouse=True)
def no_bays_left(demo: session.Session, aio: AllInOne) -> Iterator[None]:
    """Whatever a test leaves (a failure midway) is deleted, so the next one has room."""
    yield
    for bay in call(demo, aio, "GET", "/clusters").json()["clusters"]:
        call(demo, aio, "DELETE", f"/clusters/{bay['uuid']}")
    for bay in call(demo, aio, "GET", "/clusters").json()["clusters"]:
        wait_for(demo, aio, bay["uuid"])


@pytest.mark.parametrize("moment", ["at once", "once the stack exists"])
def test_kill_during_create_resize_and_delete(
    demo: session.Session, aio: AllInOne, moment: str
) -> None:
    body = {
        "name": f"crash-{moment.split()[0]}",
        "cluster_template_id": "local-swarm",
        "node_count": 1,
    }
    uuid = call(demo, aio, "POST", "/clusters", json=body).json()["uuid"]
    if moment != "at once":
        wait_until(lambda: stack_id_of(aio, uuid) is not None)
    kill_conductor(aio)
    bay = wait_for(demo, aio, uuid)
    assert bay["status"] == "CREATE_COMPLETE", bay.get("status_reason")
    assert len(stacks_named(demo, aio, f"bay-{uuid}")) == 1

    resize = call(demo, aio, "POST", f"/clusters/{uuid}/actions/resize", json={"node_count": 2})
    assert resize.status_code == 202
    time.sleep(1.5 if moment == "at once" else 4)
    kill_conductor(aio)
    bay = wait_for(demo, aio, uuid)
    assert bay["status"] == "UPDATE_COMPLETE", bay.get("status_reason")
    assert len(bay["node_addresses"]) == 2

    assert call(demo, aio, "DELETE", f"/clusters/{uuid}").status_code == 204
    time.sleep(1.5 if moment == "at once" else 4)
    kill_conductor(aio)
    assert wait_for(demo, aio, uuid) == {}
    assert stacks_named(demo, aio, f"bay-{uuid}") == []
    assert leftovers(aio, uuid) == []


def test_two_conductors_share_the_work_without_overlap(
    demo: session.Session, aio: AllInOne, tmp_path: Path
) -> None:
    """With a second conductor running, two bays come up and no operation ran twice."""
    config = (aio.state_dir / "service" / "magnum-ui.conf").read_text()
    second = tmp_path / "second.conf"
    second.write_text(config + "\n[conductor]\nhost = e2e-second-conductor\n")
    log = (tmp_path / "second.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "magnum_ui.service.conductor.cli", "--config-file", str(second)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        uuids = [
            call(demo, aio, "POST", "/clusters",
                 json={"name": f"pair-{i}", "cluster_template_id": "local-swarm", "node_count": 0},
                 ).json()["uuid"]
            for i in range(2)
        ]  # fmt: skip
        for uuid in uuids:
            bay = wait_for(demo, aio, uuid)
            assert bay["status"] == "CREATE_COMPLETE", bay.get("status_reason")
        rows = aio.sql(
            "SELECT o.claimed_by, o.attempts FROM magnum_service_operation o "
            "JOIN magnum_service_cluster c ON c.id = o.cluster_id WHERE c.uuid = ANY(%s)",
            (uuids,),
        )
        assert len(rows) == 2
        assert all(attempts == 1 for _, attempts in rows)
        services = call(demo, aio, "GET", "/mservices")  # demo is no admin: 403
        assert services.status_code == 403
        for uuid in uuids:
            assert call(demo, aio, "DELETE", f"/clusters/{uuid}").status_code == 204
        for uuid in uuids:
            assert wait_for(demo, aio, uuid) == {}
            assert leftovers(aio, uuid) == []
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
