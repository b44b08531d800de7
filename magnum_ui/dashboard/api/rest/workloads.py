"""``/api/container_infra/bays/<id>/workloads/...``: the Workloads view's data.

A mirror of the service's ``/v1/clusters/{id}/workloads`` routes; query
parameters pass through.  The logs route also answers a plain browser link
(``?download=1``) with a text file, so it cannot require Horizon's AJAX header
for that case.
"""

from __future__ import annotations

from typing import Any

from django import http
from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import workloads
from magnum_ui.dashboard.api.rest import ID, json_object, required, revalidated, service_errors

BAY = rf"container_infra/bays/(?P<bay_id>{ID})/workloads/"
ITEM = BAY + rf"(?P<kind>{ID})/(?P<name>{ID})/"


def _params(request: HttpRequest) -> dict[str, str]:
    return {key: value for key, value in request.GET.items() if key != "download"}


@urls.register
class Workloads(generic.View):
    url_regex = BAY + r"$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        return workloads.summary(request, bay_id)

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest, bay_id: str) -> http.HttpResponse:
        manifest = required(json_object(request.DATA), "manifest", str)
        if not manifest.strip():
            raise utils.AjaxError(400, "manifest is required: the YAML or JSON text to create.")
        created = workloads.workload_create(request, bay_id, manifest)
        return utils.CreatedResponse(request.path, created)


@urls.register
class WorkloadKind(generic.View):
    url_regex = BAY + rf"(?P<kind>{ID})/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str, kind: str) -> dict[str, Any]:
        return {"items": workloads.workload_list(request, bay_id, kind, _params(request))}


@urls.register
class Workload(generic.View):
    url_regex = ITEM + r"$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str, kind: str, name: str) -> dict[str, Any]:
        return workloads.workload_get(request, bay_id, kind, name, _params(request))

    @utils.ajax()
    @service_errors
    def delete(self, request: HttpRequest, bay_id: str, kind: str, name: str) -> None:
        workloads.workload_delete(request, bay_id, kind, name, _params(request))


@urls.register
class WorkloadScale(generic.View):
    url_regex = ITEM + r"scale/$"

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest, bay_id: str, kind: str, name: str) -> dict[str, Any]:
        replicas = required(json_object(request.DATA), "replicas", int)
        if replicas < 0:
            raise utils.AjaxError(400, "replicas must be 0 or more.")
        return workloads.workload_scale(request, bay_id, kind, name, replicas, _params(request))


@urls.register
class WorkloadLogs(generic.View):
    url_regex = ITEM + r"logs/$"

    def get(self, request: HttpRequest, bay_id: str, kind: str, name: str) -> http.HttpResponse:
        if request.GET.get("download"):
            return self.download(request, bay_id, kind, name)
        return self.lines(request, bay_id, kind, name)

    @utils.ajax()
    @service_errors
    def lines(self, request: HttpRequest, bay_id: str, kind: str, name: str) -> dict[str, Any]:
        return workloads.workload_logs(request, bay_id, kind, name, _params(request))

    def download(
        self, request: HttpRequest, bay_id: str, kind: str, name: str
    ) -> http.HttpResponse:
        """The log lines as a text file the browser saves (a plain link, no AJAX)."""
        if not request.user.is_authenticated:
            return http.HttpResponse(
                "Log in to download logs.", status=401, content_type="text/plain"
            )
        try:
            logs = service_errors(workloads.workload_logs)(
                request, bay_id, kind, name, _params(request)
            )
        except utils.AjaxError as exc:
            return http.HttpResponse(str(exc), status=exc.http_status, content_type="text/plain")
        text = "".join(line if line.endswith("\n") else line + "\n" for line in logs["lines"])
        response = http.HttpResponse(text, content_type="text/plain; charset=utf-8")
        filename = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
        response["Content-Disposition"] = f'attachment; filename="{filename}.log"'
        return response
