"""The dashboard's client for the service's workload routes.

The calls go over real HTTP, through the same keystoneauth session as
``api.magnum``, to a recorded service on 127.0.0.1 (``fake_service``); only
the catalog look-up (``url_for``) is replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum, workloads
from tests.dashboard.api import fake_service
from tests.dashboard.api.fake_service import FakeService

BAY = "/v1/clusters/bay-1/workloads"


@pytest.fixture
def fake() -> Iterator[FakeService]:
    with (
        fake_service.running() as service,
        mock.patch.object(magnum.base, "url_for", return_value=service.url),
    ):
        yield service


def test_summary_asks_the_service_with_the_users_token(fake: FakeService) -> None:
    """The summary is read from /v1/clusters/{id}/workloads with the user's own token."""
    summary = {"coe": "swarm", "kinds": ["services", "tasks", "nodes"]}
    fake.answer("GET", BAY, 200, summary)
    assert workloads.summary(fake.request(), "bay-1") == summary
    seen = fake.seen[0]
    assert (seen.method, seen.path, seen.headers["X-Auth-Token"]) == ("GET", BAY, "user-token")
    assert seen.headers["OpenStack-API-Version"] == "container-infra latest"


def test_list_passes_the_filters_and_unwraps_the_items(fake: FakeService) -> None:
    """Query filters reach the service; empty ones are left out; the items come back."""
    fake.answer("GET", BAY + "/pods?namespace=default&name=web", 200, {"items": [{"name": "w"}]})
    params = {"namespace": "default", "name": "web", "limit": ""}
    assert workloads.workload_list(fake.request(), "bay-1", "pods", params) == [{"name": "w"}]


def test_names_cannot_leave_their_route(fake: FakeService) -> None:
    """A name with slashes is quoted whole, so it stays one path segment."""
    fake.answer("GET", BAY + "/services/..%2F..%2Fclusters", 200, {"name": "x"})
    assert workloads.workload_get(fake.request(), "bay-1", "services", "../../clusters") == {
        "name": "x"
    }


def test_logs_scale_create_and_delete_use_their_routes(fake: FakeService) -> None:
    """Each call goes to its own route with its JSON body."""
    fake.answer(
        "GET", BAY + "/tasks/web.1/logs?tail=50", 200, {"lines": ["hi"], "truncated": False}
    )
    fake.answer("POST", BAY + "/services/web/scale", 202, {"name": "web"})
    fake.answer("POST", BAY, 201, {"created": [{"kind": "services", "name": "web"}]})
    fake.answer("DELETE", BAY + "/services/web", 204)
    request = fake.request()
    assert workloads.workload_logs(request, "bay-1", "tasks", "web.1", {"tail": "50"}) == {
        "lines": ["hi"],
        "truncated": False,
    }
    assert workloads.workload_scale(request, "bay-1", "services", "web", 1) == {"name": "web"}
    assert workloads.workload_create(request, "bay-1", "name: web\n")["created"][0]["name"] == "web"
    workloads.workload_delete(request, "bay-1", "services", "web")
    assert [(s.method, s.body) for s in fake.seen[1:3]] == [
        ("POST", {"replicas": 1}),
        ("POST", {"manifest": "name: web\n"}),
    ]
    assert (fake.seen[3].method, fake.seen[3].path) == ("DELETE", BAY + "/services/web")


def test_a_service_error_keeps_its_status_and_reason(fake: FakeService) -> None:
    """Magnum's error body turns into an HttpError with the service's status and detail."""
    reason = "The bay's Docker API at tcp://bay-api:2376 did not answer within 5 s."
    fake.answer(
        "GET",
        BAY + "/tasks",
        503,
        {"errors": [{"status": 503, "title": "Service Unavailable", "detail": reason}]},
    )
    with pytest.raises(magnum_exceptions.HttpError) as raised:
        workloads.workload_list(fake.request(), "bay-1", "tasks")
    assert (raised.value.http_status, raised.value.details) == (503, reason)
