"""``/v1/clusters/{id}/progress``: the bay's Heat stack, its nodes and its latest events.

Heat is real in ``tests/e2e/test_progress.py``.  Here the service's Heat
connection is replaced by :class:`RecordedHeat`, which answers with Heat 27's
own responses recorded from the all-in-one (``heat_progress_recording.json``:
a scale-up, a scale-down and a delete of a local bay), and for "Heat is down"
by a real keystoneauth adapter pointed at a closed port.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
import requests
from django.test import Client
from keystoneauth1 import adapter, loading, session, token_endpoint

from magnum_ui.service.api import cluster_progress
from magnum_ui.service.heat import client as heat
from magnum_ui.service.models import Cluster
from tests.service.api.helpers import READER, cluster, detail, get, identity, template

pytestmark = pytest.mark.django_db

RECORDING = json.loads((Path(__file__).parent / "heat_progress_recording.json").read_text())


class RecordedHeat:
    """Stands in for ``conn.orchestration``: answers GETs from recorded Heat responses."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, float | None]] = []

    def get(self, path: str, params: dict[str, Any] | None = None, timeout: Any = None) -> Any:
        query = "&".join(f"{k}={v}" for k, v in sorted((params or {}).items()))
        key = f"{path}?{query}" if query else path
        self.asked.append((key, timeout))
        status, body = self.answers.get(key, [404, {"error": {"message": f"{key} not found"}}])
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers["Content-Type"] = "application/json"
        response.url = f"http://heat.test/v1/p{path}"
        response.request = requests.Request("GET", response.url).prepare()
        return response


def _recorded(label: str, **fields: Any) -> tuple[Cluster, RecordedHeat]:
    """The bay of one recorded moment (named "bay" in project p-demo), and its Heat."""
    moment = RECORDING[label]
    recorded = {k: v for k, v in moment["cluster"].items() if v is not None}
    bay = cluster("bay", template(), **{**recorded, **fields})
    return bay, RecordedHeat(moment["answers"])


def _progress(client: Client, orchestration: Any, **headers: Any) -> Any:
    connection = SimpleNamespace(orchestration=orchestration)
    with mock.patch.object(heat, "service_connection", return_value=connection):
        return get(client, "/v1/clusters/bay/progress", **headers)


def _nodes(body: dict[str, Any]) -> list[str]:
    return sorted(r["status"] for r in body["resources"] if r["type"] == "Magnum::Local::Node")


def test_a_node_being_created_shows_how_many_are_done(client: Client) -> None:
    """Scaling 2 -> 3 nodes with the third being created: 2 of 3 complete, 67 %."""
    _bay, recorded = _recorded("scale up, a node being created")
    response = _progress(client, recorded)
    assert response.status_code == 200
    body = response.json()
    assert body["stack_status"] == "UPDATE_IN_PROGRESS"
    assert body["nodes"] == {"complete": 2, "target": 3}
    assert body["percent"] == 67
    assert _nodes(body) == ["CREATE_COMPLETE", "CREATE_COMPLETE", "CREATE_IN_PROGRESS"]
    # A created node is named by its engine; the new one has no name yet.
    named = {
        r["status"]: r["physical_id"]
        for r in body["resources"]
        if r["type"] == "Magnum::Local::Node"
    }
    assert str(named["CREATE_COMPLETE"]).startswith("bay-560c92ac-")
    assert named["CREATE_IN_PROGRESS"] is None


def test_events_come_from_every_nested_stack_newest_first(client: Client) -> None:
    """Events of the bay's stack and of its nested stacks, newest first, at most 30."""
    _bay, recorded = _recorded("scale up, a node being created")
    body = _progress(client, recorded).json()
    times = [event["time"] for event in body["events"]]
    assert times == sorted(times, reverse=True)
    assert 0 < len(times) <= cluster_progress.EVENT_LIMIT
    assert set(body["events"][0]) == {"time", "resource", "status", "reason"}
    # The node's own events live in its nested stack: reading them means walking the links.
    assert any(event["resource"] == "node" for event in body["events"])
    stacks_asked = [key for key, _ in recorded.asked if "/events" in key]
    assert len(stacks_asked) > 1


def test_every_heat_request_has_the_short_timeout(client: Client) -> None:
    _bay, recorded = _recorded("scale up, a node being created")
    _progress(client, recorded)
    assert recorded.asked
    assert {timeout for _, timeout in recorded.asked} == {cluster_progress.HEAT_TIMEOUT_SECONDS}


def test_a_finished_action_is_100(client: Client) -> None:
    _bay, recorded = _recorded("scale up complete")
    body = _progress(client, recorded).json()
    assert (body["stack_status"], body["percent"]) == ("UPDATE_COMPLETE", 100)
    assert body["nodes"] == {"complete": 3, "target": 3}


def test_a_complete_stack_of_a_busy_bay_is_not_yet_100(client: Client) -> None:
    """Until the conductor has seen the stack finish, the bay is not ready: at most 99 %."""
    _bay, recorded = _recorded("scale up complete", status="UPDATE_IN_PROGRESS")
    body = _progress(client, recorded).json()
    assert (body["stack_status"], body["percent"]) == ("UPDATE_COMPLETE", 99)


def test_a_scale_down_stays_under_100_while_a_node_is_deleted(client: Client) -> None:
    """Scaling 3 -> 2: two complete nodes already reach the target, the stack still works."""
    _bay, recorded = _recorded("scale down, a node being deleted")
    body = _progress(client, recorded).json()
    assert _nodes(body) == ["CREATE_COMPLETE", "CREATE_COMPLETE", "DELETE_IN_PROGRESS"]
    assert body["percent"] == 99


def test_a_delete_counts_the_nodes_gone(client: Client) -> None:
    """Deleting a 3-node bay with two nodes still listed: one of three gone, 33 %."""
    _bay, recorded = _recorded("delete, two of three nodes left")
    body = _progress(client, recorded).json()
    assert body["stack_status"] == "DELETE_IN_PROGRESS"
    assert _nodes(body) == ["DELETE_IN_PROGRESS", "DELETE_IN_PROGRESS"]
    assert body["percent"] == 33


def test_a_deleted_stack_while_the_bay_is_still_deleting(client: Client) -> None:
    _bay, recorded = _recorded("delete complete", status="DELETE_IN_PROGRESS")
    body = _progress(client, recorded).json()
    assert (body["stack_status"], body["resources"], body["percent"]) == (
        "DELETE_COMPLETE", [], 99,
    )  # fmt: skip


def test_a_bay_without_a_stack_yet_is_0_and_heat_is_not_asked(client: Client) -> None:
    """A bay the conductor has not started: no resources, no events, 0 %, no Heat call."""
    cluster("bay", template(), status="CREATE_IN_PROGRESS", node_count=2)
    with mock.patch.object(heat, "service_connection", side_effect=AssertionError("asked")):
        response = get(client, "/v1/clusters/bay/progress")
    assert response.status_code == 200
    assert response.json() == {
        "stack_status": None,
        "stack_status_reason": None,
        "percent": 0,
        "nodes": {"complete": 0, "target": 3},
        "resources": [],
        "events": [],
    }


def test_a_stack_heat_does_not_know_is_empty(client: Client) -> None:
    cluster("bay", template(), status="CREATE_IN_PROGRESS", stack_id="gone-stack")
    body = _progress(client, RecordedHeat({})).json()
    assert body["stack_status"] is None
    assert body["stack_status_reason"] == "Heat has no stack gone-stack."
    assert (body["percent"], body["resources"]) == (0, [])


def test_heat_down_is_a_503_with_the_reason(client: Client) -> None:
    """Heat refusing connections (a real adapter to a closed port) is a 503 that says so."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    auth = token_endpoint.Token(f"http://127.0.0.1:{port}/v1/p", "token")
    closed = adapter.Adapter(
        session.Session(auth=auth), endpoint_override=f"http://127.0.0.1:{port}/v1/p"
    )
    cluster("bay", template(), status="CREATE_IN_PROGRESS", stack_id="s-1")
    response = _progress(client, closed)
    assert response.status_code == 503
    assert f"Unable to establish connection to http://127.0.0.1:{port}/" in detail(response)


def test_the_connection_loads_where_keystonemiddleware_registered_its_options(
    client: Client,
) -> None:
    """In the API process keystonemiddleware registers [keystone_authtoken] first; the
    service user's connection still loads (Keystone on a closed port here: a 503, no 500)."""
    from keystonemiddleware.auth_token import _opts as middleware_opts
    from oslo_config import cfg

    from magnum_ui.service import conf as service_conf

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fresh = cfg.ConfigOpts()
    fresh([])
    for group, options in middleware_opts.list_opts():
        fresh.register_opts(options, group=group)
    fresh.register_opts(service_conf.conductor_opts, group="conductor")  # the call timeout's
    fresh.set_override("auth_type", "password", group=heat.GROUP)
    cluster("bay", template(), status="CREATE_IN_PROGRESS", stack_id="s-1")
    heat._service_auth.cache_clear()
    heat.service_connection.cache_clear()
    try:
        with mock.patch.object(heat.conf, "CONF", fresh):
            heat._register()
            fresh.register_opts(loading.get_auth_plugin_conf_options("password"), group=heat.GROUP)
            for name, value in (
                ("auth_url", f"http://127.0.0.1:{port}/v3"),
                ("username", "magnum"),
                ("password", "secret"),
                ("project_name", "service"),
            ):
                fresh.set_override(name, value, group=heat.GROUP)
            response = get(client, "/v1/clusters/bay/progress")
    finally:
        heat._service_auth.cache_clear()
        heat.service_connection.cache_clear()
    assert response.status_code == 503
    assert f"Unable to establish connection to http://127.0.0.1:{port}/v3" in detail(response)


def test_a_heat_error_is_a_503_with_heats_message(client: Client) -> None:
    broken = {"error": {"message": "Remote error: DBConnectionError"}, "code": 500}
    cluster("bay", template(), status="CREATE_IN_PROGRESS", stack_id="s-1")
    response = _progress(client, RecordedHeat({"/stacks/s-1": [500, broken]}))
    assert response.status_code == 503
    assert "DBConnectionError" in detail(response)


def test_readers_may_follow_the_progress(client: Client) -> None:
    """Reading the progress is showing the bay (cluster:get): readers may."""
    _bay, recorded = _recorded("scale up complete")
    assert _progress(client, recorded, **identity(roles=READER)).status_code == 200


def test_another_projects_bay_is_404(client: Client) -> None:
    cluster("bay", template("t", project_id="p-other"), project_id="p-other", stack_id="s")
    response = _progress(client, RecordedHeat({}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("status", "nodes", "target", "busy", "expected"),
    [
        (None, [], 3, True, 0),
        ("CREATE_IN_PROGRESS", [], 3, True, 0),
        ("CREATE_IN_PROGRESS", ["CREATE_COMPLETE"], 3, True, 33),
        ("CREATE_COMPLETE", ["CREATE_COMPLETE"] * 3, 3, False, 100),
        ("CREATE_FAILED", ["CREATE_COMPLETE", "CREATE_FAILED"], 2, False, 50),
        ("DELETE_IN_PROGRESS", ["DELETE_COMPLETE", "DELETE_IN_PROGRESS"], 2, True, 50),
        ("UPDATE_IN_PROGRESS", ["CREATE_COMPLETE"], 0, True, 0),
    ],
)
def test_percent(
    status: str | None, nodes: list[str], target: int, busy: bool, expected: int
) -> None:
    """Complete (or, deleting, gone) nodes over the target; 100 only when all is done."""
    resources = [{"type": "OS::Nova::Server", "status": s} for s in nodes]
    assert cluster_progress.percent(status, resources, target, busy) == expected
