"""``/v1/clusters/{id}/workloads``: what runs on a bay (our extension, not in Magnum).

Thin views over :mod:`magnum_ui.service.workloads`: each finds the bay (another
project's is a 404), asks policy (``cluster:workloads:get`` to read; ``create``,
``update``, ``delete`` to change), parses the query or body, and calls one
adapter method.  The service talks to the bay with its own certificate; a bay
that cannot answer is a 503 within a few seconds, one without an orchestrator
yet a 409.  Any microversion serves these routes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import re_path

from magnum_ui.service import clusters, conf, errors, schemas, workloads
from magnum_ui.service.api import bodies, context
from magnum_ui.service.api.declarations import Documented, Operation, query, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.drivers.local import image as local_image
from magnum_ui.service.registry import catalog
from magnum_ui.service.workloads import base, images, manifests

# Under [api] max_request_body_size (112 KiB) with room for JSON's escapes.
MAX_MANIFEST = 64 * 1024
CREATE_SCHEMA = schemas.body(
    ["manifest"],
    manifest={"type": "string", "minLength": 1, "maxLength": MAX_MANIFEST},
)
SCALE_SCHEMA = schemas.body(
    ["replicas"],
    replicas={"type": "integer", "minimum": 0, "maximum": manifests.MAX_REPLICAS},
)
# Responses, for the OpenAPI description: items carry kind-specific fields besides these.
ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {"id": {"type": ["string", "null"]}, "name": {"type": ["string", "null"]}},
}
DETAIL_SCHEMA: dict[str, Any] = {
    **ITEM_SCHEMA,
    "required": ["id", "name", "raw"],
    "properties": {**ITEM_SCHEMA["properties"], "raw": {"type": "object"}},
}
SUMMARY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["coe", "kinds"],
    "properties": {
        "coe": {"enum": ["swarm", "kubernetes"]},
        "kinds": {"type": "array", "items": {"type": "string"}},
    },
}
LOGS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["lines", "truncated"],
    "properties": {
        "lines": {"type": "array", "items": {"type": "string"}},
        "truncated": {"type": "boolean"},
    },
}
CREATED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["created", "warnings"],
    "properties": {
        "warnings": {
            "type": "array",
            "items": {"type": "string"},
            "description": "what will keep the workload from running, such as an image the "
            "cloud's registry does not hold, and what to do about it",
        },
        "created": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "name", "namespace"],
                "properties": {
                    "kind": {"type": "string"},
                    "name": {"type": "string"},
                    "namespace": {"type": ["string", "null"]},
                },
            },
        },
    },
}


def summary(request: HttpRequest, ident: str) -> JsonResponse:
    cluster = clusters.find(context.get(request), ident, "cluster:workloads:get")
    return JsonResponse(workloads.summary(cluster))


def list_view(request: HttpRequest, ident: str, kind: str) -> JsonResponse:
    query = base.ListQuery(
        namespace=request.GET.get("namespace") or None,
        name=request.GET.get("name") or None,
        limit=_integer(request, "limit", 1, base.MAX_LIMIT),
    )
    with _adapter(request, ident, "cluster:workloads:get") as adapter:
        return JsonResponse({"items": adapter.list_items(kind, query)})


def show(request: HttpRequest, ident: str, kind: str, name: str) -> JsonResponse:
    with _adapter(request, ident, "cluster:workloads:get") as adapter:
        return JsonResponse(adapter.get(kind, name, request.GET.get("namespace") or None))


def logs(request: HttpRequest, ident: str, kind: str, name: str) -> JsonResponse:
    query = base.LogQuery(
        tail=_integer(request, "tail", 1, base.MAX_TAIL) or base.DEFAULT_TAIL,
        since=_time(request, "since"),
        namespace=request.GET.get("namespace") or None,
        container=request.GET.get("container") or None,
    )
    with _adapter(request, ident, "cluster:workloads:get") as adapter:
        return JsonResponse(adapter.logs(kind, name, query))


def create(request: HttpRequest, ident: str) -> JsonResponse:
    fields = schemas.validate(bodies.json_body(request), CREATE_SCHEMA)
    with _adapter(request, ident, "cluster:workloads:create") as adapter:
        created = adapter.create(fields["manifest"])
    options = conf.CONF.registry
    warnings = images.missing(
        [c.image for c in created if c.image], catalog.checker(options), options.address,
        preloaded=(local_image.IMAGE, local_image.REPOSITORY),
    )  # fmt: skip
    made = [{"kind": c.kind, "name": c.name, "namespace": c.namespace} for c in created]
    return JsonResponse({"created": made, "warnings": warnings}, status=201)


def scale(request: HttpRequest, ident: str, kind: str, name: str) -> JsonResponse:
    fields = schemas.validate(bodies.json_body(request), SCALE_SCHEMA)
    namespace = request.GET.get("namespace") or None
    with _adapter(request, ident, "cluster:workloads:update") as adapter:
        return JsonResponse(adapter.scale(kind, name, fields["replicas"], namespace), status=202)


def delete(request: HttpRequest, ident: str, kind: str, name: str) -> HttpResponse:
    with _adapter(request, ident, "cluster:workloads:delete") as adapter:
        adapter.delete(kind, name, request.GET.get("namespace") or None)
    return HttpResponse(status=204)


@contextmanager
def _adapter(request: HttpRequest, ident: str, rule: str) -> Iterator[workloads.Adapter]:
    """The bay's adapter, open for the request (its errors are the service's own)."""
    cluster = clusters.find(context.get(request), ident, rule)
    with workloads.adapter_for(cluster) as adapter:
        yield adapter


def _integer(request: HttpRequest, name: str, low: int, high: int) -> int | None:
    text = request.GET.get(name)
    if text in (None, ""):
        return None
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise errors.Invalid(f"{name} must be a whole number from {low} to {high}, not {text!r}.")
    return value


def _time(request: HttpRequest, name: str) -> datetime.datetime | None:
    text = request.GET.get(name)
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise errors.Invalid(
            f"{name} must be an ISO 8601 time such as 2026-11-29T14:00:00Z, not {text!r}."
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


_BAY = r"^v1/clusters/(?P<ident>[^/]+)/workloads"
_ONE = _BAY + r"/(?P<kind>[^/]+)/(?P<name>[^/]+)"
ROUTES = [
    re_path(_BAY + r"/?$", methods(GET=summary, POST=create)),
    re_path(_BAY + r"/(?P<kind>[^/]+)/?$", methods(GET=list_view)),
    re_path(_ONE + r"/?$", methods(GET=show, DELETE=delete)),
    re_path(_ONE + r"/logs/?$", methods(GET=logs)),
    re_path(_ONE + r"/scale/?$", methods(POST=scale)),
]


def openapi() -> Documented:
    bay, one = "/v1/clusters/{ident}/workloads", "/v1/clusters/{ident}/workloads/{kind}/{name}"
    namespace = query("namespace", {"type": "string"}, "Kubernetes: the namespace.")
    common: dict[str, Any] = {"tag": "Workloads", "errors": ("4XX", "503")}
    operations = [
        Operation("GET", bay, summary="The bay's orchestrator and its kinds of workload",
                  status=200, response=ref("WorkloadSummary"), **common),
        Operation("POST", bay, summary="Create workloads from a manifest (YAML or JSON)",
                  status=201, response=ref("WorkloadsCreated"), body=ref("WorkloadCreate"),
                  **common),
        Operation("GET", bay + "/{kind}", summary="List one kind of workload", status=200,
                  response={"type": "object", "required": ["items"], "properties": {
                      "items": {"type": "array", "items": ref("Workload")}}},
                  query=[namespace,
                         query("name", {"type": "string"}, "Only names containing this."),
                         query("limit", {"type": "integer", "minimum": 1,
                                         "maximum": base.MAX_LIMIT}, "At most this many.")],
                  **common),
        Operation("GET", one, summary="One workload with the orchestrator's own object",
                  status=200, response=ref("WorkloadDetail"), query=[namespace], **common),
        Operation("DELETE", one, summary="Delete a workload", status=204, query=[namespace],
                  **common),
        Operation("GET", one + "/logs", summary="A task's or a pod's last log lines",
                  status=200, response=ref("WorkloadLogs"),
                  query=[namespace,
                         query("tail", {"type": "integer", "minimum": 1,
                                        "maximum": base.MAX_TAIL}, "How many lines (200)."),
                         query("since", {"type": "string", "format": "date-time"},
                               "Only lines written since."),
                         query("container", {"type": "string"}, "Kubernetes: the container.")],
                  **common),
        Operation("POST", one + "/scale", summary="Change how many replicas run", status=202,
                  response=ref("WorkloadDetail"), body=ref("WorkloadScale"), query=[namespace],
                  **common),
    ]  # fmt: skip
    return Documented(operations, {
    "WorkloadSummary": SUMMARY_SCHEMA,
    "WorkloadCreate": CREATE_SCHEMA,
    "WorkloadsCreated": CREATED_SCHEMA,
    "Workload": ITEM_SCHEMA,
    "WorkloadDetail": DETAIL_SCHEMA,
    "WorkloadLogs": LOGS_SCHEMA,
    "WorkloadScale": SCALE_SCHEMA,
    })  # fmt: skip
