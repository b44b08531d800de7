"""The conductor's reconciliation in the real all-in-one: what belongs to no bay goes.

A bay is made, then its rows are removed behind the service's back (what an
operator's database surgery or a lost write leaves): its Heat stack and its
local nodes now belong to no bay.  A stack named ``bay-<uuid>`` of no bay is
also made straight in Heat.  With a short interval and grace the real
conductor deletes both stacks through real Heat (which takes the nodes with
it), and ``/v1/mservices`` lists what was removed and why.
"""

from __future__ import annotations

import time
import uuid as uuids
from collections.abc import Iterator
from typing import Any

import pytest
from keystoneauth1 import session
from keystoneauth1.identity import v3

from tests.allinone import AllInOne
from tests.e2e.test_bays import call, leftovers, wait_for
from tests.e2e.test_conductor_crash import kill_conductor, stacks_named, wait_until

pytestmark = pytest.mark.e2e

HEAT = {"service_type": "orchestration", "interface": "public"}
EMPTY = {"heat_template_version": "2018-08-31", "resources": {}}


@pytest.fixture
def quick_reconciliation(aio: AllInOne) -> Iterator[None]:
    """The conductor restarted with a pass every 2 s and a grace of 3 s; then as it was."""
    config = aio.state_dir / "service" / "magnum-ui.conf"
    before = config.read_text()
    quick = "[conductor]\nreconcile_interval = 2\nreconcile_grace = 3\n"
    config.write_text(before.replace("[conductor]\n", quick, 1))
    assert quick in config.read_text()
    restart_conductor(aio)
    try:
        yield
    finally:
        config.write_text(before)
        restart_conductor(aio)


def restart_conductor(aio: AllInOne) -> None:
    old = kill_conductor(aio)
    pid_file = aio.state_dir / "run" / "conductor.pid"
    wait_until(lambda: pid_file.exists() and int(pid_file.read_text() or old) != old, 30)
    log = aio.state_dir / "logs" / "conductor.log"
    # Started: the supervisor's restart line, then the conductor's own.
    wait_until(lambda: log.read_text(errors="replace").rsplit("restarting", 1)[-1]
               .count(" started") > 0, 30)  # fmt: skip


def admin_session(aio: AllInOne) -> session.Session:
    auth = v3.Password(
        auth_url=aio.keystone_url, username="admin", password=aio.password,
        project_name="admin", user_domain_id="default", project_domain_id="default",
    )  # fmt: skip
    return session.Session(auth=auth)


def forget_bay(aio: AllInOne, uuid: str) -> None:
    """Delete the cluster's rows (and every row that points at them) in the database only."""
    referencing = aio.sql(
        "SELECT cl.relname, a.attname FROM pg_constraint c "
        "JOIN pg_class cl ON cl.oid = c.conrelid "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
        "WHERE c.contype = 'f' AND c.confrelid = 'magnum_service_cluster'::regclass"
    )
    for table, column in referencing:
        aio.sql(
            f'DELETE FROM "{table}" WHERE "{column}" IN '  # noqa: S608 (names from the catalog)
            "(SELECT id FROM magnum_service_cluster WHERE uuid = %s)",
            (uuid,),
        )
    aio.sql("DELETE FROM magnum_service_cluster WHERE uuid = %s", (uuid,))


def test_stacks_and_nodes_of_no_bay_are_removed_and_reported(
    aio: AllInOne, quick_reconciliation: None
) -> None:
    demo = aio.demo_session()
    made = call(demo, aio, "POST", "/clusters",
                json={"name": "e2e-stray", "cluster_template_id": "local-swarm",
                      "node_count": 1})  # fmt: skip
    assert made.status_code == 202, made.text
    uuid = made.json()["uuid"]
    assert wait_for(demo, aio, uuid)["status"] == "CREATE_COMPLETE"
    assert leftovers(aio, uuid) != []  # its engines run
    forget_bay(aio, uuid)
    assert call(demo, aio, "GET", f"/clusters/{uuid}").status_code == 404

    lone = f"bay-{uuids.uuid4()}"
    response = demo.post("/stacks", json={"stack_name": lone, "template": EMPTY},
                         endpoint_filter=HEAT, raise_exc=False)  # fmt: skip
    assert response.status_code == 201, response.text
    started = time.monotonic()

    wait_until(lambda: stacks_named(demo, aio, f"bay-{uuid}") == [], 120)
    wait_until(lambda: stacks_named(demo, aio, lone) == [], 60)
    wait_until(lambda: leftovers(aio, uuid) == [], 60)
    print(f"\nRECONCILE both stray stacks and the nodes gone in {time.monotonic() - started:.1f} s")

    services = call(admin_session(aio), aio, "GET", "/mservices")
    assert services.status_code == 200, services.text
    (conductor,) = [s for s in services.json()["mservices"] if s["last_reconciled_at"]]
    removed: list[dict[str, Any]] = conductor["reconciled"]
    names = {r["name"].split(" ")[0]: r["reason"] for r in removed if r["kind"] == "stack"}
    assert names[f"bay-{uuid}"] == "its bay is gone"
    assert names[lone] == "its bay is gone"
