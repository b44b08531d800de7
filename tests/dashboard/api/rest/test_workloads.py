"""REST glue of the Workloads view: each view calls one ``api.workloads`` function.

``api.workloads`` is replaced here (its HTTP calls are tested in
``tests/dashboard/api/test_workloads.py``); the whole chain through the real
service API and a real Swarm bay runs in ``tests/e2e/test_workloads_ui.py``.
"""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from django.test import RequestFactory, SimpleTestCase
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import workloads as api
from magnum_ui.dashboard.api.rest import workloads

PREFIX = "/api/container_infra/bays/b1/workloads/"


def _request(method: str, path: str, body: Any = None, ajax: bool = True, user: bool = True) -> Any:
    factory = RequestFactory()
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    if body is None:
        request = getattr(factory, method)(path, **headers)
    else:
        request = getattr(factory, method)(
            path, data=json.dumps(body), content_type="application/json", **headers
        )
    request.user = mock.Mock(is_authenticated=user)
    return request


def _call(view: Any, request: Any, **kwargs: str) -> tuple[int, Any]:
    response = view.as_view()(request, **kwargs)
    content = response.content.decode()
    return response.status_code, json.loads(content) if content else None


def _service_error(status: int, detail: str) -> magnum_exceptions.HttpError:
    return magnum_exceptions.from_response(
        mock.Mock(status_code=status, headers={"Content-Type": "application/json"}),
        message="Error",
        traceback=detail,
    )


class WorkloadViewsTest(SimpleTestCase):
    def test_summary_is_the_services_answer(self) -> None:
        """GET .../workloads/ gives the bay's COE and kinds as the service said."""
        found = {"coe": "swarm", "kinds": ["services", "tasks", "nodes"]}
        with mock.patch.object(api, "summary", return_value=found) as summary:
            status, body = _call(workloads.Workloads, _request("get", PREFIX), bay_id="b1")
        assert (status, body) == (200, found)
        assert summary.call_args.args[1] == "b1"

    def test_a_kind_is_listed_as_items_with_the_query_passed_through(self) -> None:
        """GET .../workloads/pods/?namespace=x&name=y passes both filters on."""
        pods = [{"name": "web-1", "namespace": "x"}]
        with mock.patch.object(api, "workload_list", return_value=pods) as listed:
            status, body = _call(
                workloads.WorkloadKind,
                _request("get", PREFIX + "pods/?namespace=x&name=y"),
                bay_id="b1", kind="pods",
            )  # fmt: skip
        assert (status, body) == (200, {"items": pods})
        assert listed.call_args.args[1:] == ("b1", "pods", {"namespace": "x", "name": "y"})

    def test_one_workload_and_its_deletion(self) -> None:
        """GET answers the item with raw; DELETE answers 204."""
        item = {"name": "web", "raw": {"Spec": {}}}
        with mock.patch.object(api, "workload_get", return_value=item):
            status, body = _call(
                workloads.Workload, _request("get", PREFIX + "services/web/"),
                bay_id="b1", kind="services", name="web",
            )  # fmt: skip
        assert (status, body) == (200, item)
        with mock.patch.object(api, "workload_delete", return_value=None) as deleted:
            status, body = _call(
                workloads.Workload, _request("delete", PREFIX + "services/web/"),
                bay_id="b1", kind="services", name="web",
            )  # fmt: skip
        assert status == 204
        assert deleted.call_args.args[1:4] == ("b1", "services", "web")

    def test_create_sends_the_manifest_and_answers_201(self) -> None:
        """POST .../workloads/ with a manifest creates it and answers what was created."""
        created = {"created": [{"kind": "services", "name": "web", "namespace": None}]}
        with mock.patch.object(api, "workload_create", return_value=created) as create:
            status, body = _call(
                workloads.Workloads,
                _request("post", PREFIX, {"manifest": "name: web\nimage: busybox\n"}),
                bay_id="b1",
            )
        assert (status, body) == (201, created)
        assert create.call_args.args[1:] == ("b1", "name: web\nimage: busybox\n")

    def test_an_empty_manifest_is_refused_before_the_service(self) -> None:
        """A blank manifest is a 400 naming the field; the service is not called."""
        with mock.patch.object(api, "workload_create") as create:
            status, body = _call(
                workloads.Workloads, _request("post", PREFIX, {"manifest": "  "}), bay_id="b1"
            )
        assert status == 400
        assert body.startswith("manifest is required")
        create.assert_not_called()

    def test_a_bad_manifest_keeps_the_services_reason(self) -> None:
        """The service's 400 reason (naming the field) reaches the browser as is."""
        error = _service_error(400, "replicas: must be a whole number of 0 or more")
        with mock.patch.object(api, "workload_create", side_effect=error):
            status, body = _call(
                workloads.Workloads, _request("post", PREFIX, {"manifest": "replicas: x"}),
                bay_id="b1",
            )  # fmt: skip
        assert (status, body) == (400, "replicas: must be a whole number of 0 or more")

    def test_scale_passes_a_whole_number(self) -> None:
        """POST .../scale/ {"replicas": 0} scales to zero and answers the item."""
        item = {"name": "web", "replicas": {"running": 2, "desired": 0}}
        with mock.patch.object(api, "workload_scale", return_value=item) as scale:
            status, body = _call(
                workloads.WorkloadScale,
                _request("post", PREFIX + "services/web/scale/", {"replicas": 0}),
                bay_id="b1", kind="services", name="web",
            )  # fmt: skip
        assert (status, body) == (200, item)
        assert scale.call_args.args[1:5] == ("b1", "services", "web", 0)

    def test_scale_refuses_what_is_not_a_count(self) -> None:
        """Negative, fractional, boolean or text replicas are a 400; the service is not called."""
        with mock.patch.object(api, "workload_scale") as scale:
            for bad in (-1, 1.5, True, "3", None):
                status, body = _call(
                    workloads.WorkloadScale,
                    _request("post", PREFIX + "services/web/scale/", {"replicas": bad}),
                    bay_id="b1", kind="services", name="web",
                )  # fmt: skip
                assert (status, body.split()[0]) == (400, "replicas"), bad
        scale.assert_not_called()

    def test_an_unreachable_bay_answers_503_with_the_reason(self) -> None:
        """The service's 503 and its reason reach the browser, not a 500."""
        error = _service_error(503, "The bay's Docker API did not answer within 5 s.")
        with mock.patch.object(api, "workload_list", side_effect=error):
            status, body = _call(
                workloads.WorkloadKind, _request("get", PREFIX + "tasks/"),
                bay_id="b1", kind="tasks",
            )  # fmt: skip
        assert (status, body) == (503, "The bay's Docker API did not answer within 5 s.")

    def test_logs_answer_json_lines(self) -> None:
        """GET .../logs/?tail=20 answers the lines as JSON and passes tail on."""
        logs = {"lines": ["tick 1", "tick 2"], "truncated": False}
        with mock.patch.object(api, "workload_logs", return_value=logs) as read:
            status, body = _call(
                workloads.WorkloadLogs, _request("get", PREFIX + "tasks/web.1/logs/?tail=20"),
                bay_id="b1", kind="tasks", name="web.1",
            )  # fmt: skip
        assert (status, body) == (200, logs)
        assert read.call_args.args[4] == {"tail": "20"}

    def test_logs_download_is_a_text_attachment_for_a_plain_link(self) -> None:
        """?download=1 without the AJAX header gives a text/plain attachment named after it."""
        logs = {"lines": ["tick 1", "tick 2\n"], "truncated": False}
        request = _request("get", PREFIX + "tasks/web.1/logs/?download=1&tail=5000", ajax=False)
        with mock.patch.object(api, "workload_logs", return_value=logs) as read:
            response = workloads.WorkloadLogs.as_view()(
                request, bay_id="b1", kind="tasks", name="web.1"
            )
        assert response.status_code == 200
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="web.1.log"'
        assert response.content == b"tick 1\ntick 2\n"
        assert read.call_args.args[4] == {"tail": "5000"}

    def test_logs_download_shows_the_services_reason_as_text(self) -> None:
        """A failed download answers the service's status with its reason as plain text."""
        request = _request("get", PREFIX + "tasks/web.1/logs/?download=1", ajax=False)
        error = _service_error(404, "Task web.1 not found.")
        with mock.patch.object(api, "workload_logs", side_effect=error):
            response = workloads.WorkloadLogs.as_view()(
                request, bay_id="b1", kind="tasks", name="web.1"
            )
        assert (response.status_code, response.content) == (404, b"Task web.1 not found.")

    def test_logs_download_needs_a_logged_in_user(self) -> None:
        """An anonymous download is a 401 and never reaches the service."""
        request = _request("get", PREFIX + "tasks/web.1/logs/?download=1", ajax=False, user=False)
        with mock.patch.object(api, "workload_logs") as read:
            response = workloads.WorkloadLogs.as_view()(
                request, bay_id="b1", kind="tasks", name="web.1"
            )
        assert response.status_code == 401
        read.assert_not_called()

    def test_views_are_registered_with_horizons_rest_urls(self) -> None:
        """DashboardConfig.ready() registered the workload routes under /api/."""
        from django.urls import resolve

        match = resolve("/api/container_infra/bays/b1/workloads/tasks/web.1/logs/")
        assert match.func.view_class is workloads.WorkloadLogs
        assert match.kwargs == {"bay_id": "b1", "kind": "tasks", "name": "web.1"}
        assert resolve(PREFIX).func.view_class is workloads.Workloads
