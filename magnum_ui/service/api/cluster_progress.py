"""``/v1/clusters/{id}/progress``: how far the bay's Heat stack has come (our extension).

Magnum's clients show a bay's ``status`` only; a person waiting for a bay
wants "node 2 of 3 created".  This route reads the bay's stack, its nested
stacks' resources and its latest events from Heat with the service's own
credentials (:func:`magnum_ui.service.heat.client.service_connection`,
the identity the conductor reads stacks with) and answers::

    {"stack_status": "CREATE_IN_PROGRESS", "stack_status_reason": "...",
     "percent": 66, "nodes": {"complete": 2, "target": 3},
     "resources": [{"name", "type", "status", "status_reason", "updated_time",
                    "physical_id", "parent"}, ...],
     "events": [{"time", "resource", "status", "reason"}, ...]}

``percent`` counts the node resources (:data:`NODE_TYPES`) that are complete
against the bay's ``node_count + master_count`` while the bay works, and is
100 once the stack is ``*_COMPLETE`` and the bay no longer in progress.  A
bay without a stack yet has no resources and 0 %.  Heat not answering (in
:data:`HEAT_TIMEOUT_SECONDS`) is a 503 with the reason.  Reading is allowed
to whoever may show the bay (``cluster:get``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path
from keystoneauth1 import exceptions as keystone_exceptions
from openstack import exceptions as sdk_exceptions

from magnum_ui.service import clusters, errors
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.heat import client as heat
from magnum_ui.service.models import Cluster
from magnum_ui.service.models.clusters import is_busy

# One resource per node: the local driver's node, or a cloud driver's server.
NODE_TYPES = frozenset({"Magnum::Local::Node", "OS::Nova::Server"})
# A page asks every few seconds: Heat gets this long before the answer is a 503.
HEAT_TIMEOUT_SECONDS = 10.0
# Deep enough for cluster -> node group -> node template -> node.
NESTED_DEPTH = 5
EVENT_LIMIT = 30
# Events are read stack by stack: a big bay's nested stacks beyond these are left out.
MAX_EVENT_STACKS = 12

_DONE = ("CREATE_COMPLETE", "UPDATE_COMPLETE", "RESUME_COMPLETE", "CHECK_COMPLETE")

# The fields of a resource and of an event in the answer, each with Heat's name for it.
RESOURCE_FIELDS = {
    "name": "resource_name",
    "type": "resource_type",
    "status": "resource_status",
    "status_reason": "resource_status_reason",
    "updated_time": "updated_time",
    # Where it is: a node's engine name, and the group (resource) it belongs to.
    "physical_id": "physical_resource_id",
    "parent": "parent_resource",
}
EVENT_FIELDS = {
    "time": "event_time",
    "resource": "resource_name",
    "status": "resource_status",
    "reason": "resource_status_reason",
}


def _list_of(fields: dict[str, str]) -> dict[str, Any]:
    """The schema of a list of objects with these fields, each a string or null."""
    properties = {name: {"type": ["string", "null"]} for name in fields}
    return {"type": "array", "items": {"type": "object", "properties": properties}}


RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["stack_status", "stack_status_reason", "percent", "nodes", "resources", "events"],
    "properties": {
        "stack_status": {"type": ["string", "null"]},
        "stack_status_reason": {"type": ["string", "null"]},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100},
        "nodes": {
            "type": "object",
            "properties": {"complete": {"type": "integer"}, "target": {"type": "integer"}},
        },
        "resources": _list_of(RESOURCE_FIELDS),
        "events": _list_of(EVENT_FIELDS),
    },
}


class HeatUnavailable(Exception):
    """Heat (or Keystone on the way to it) did not answer usefully."""


@dataclass
class Stack:
    status: str | None
    reason: str | None
    resources: list[dict[str, Any]]
    events: list[dict[str, Any]]


def show(request: HttpRequest, ident: str) -> JsonResponse:
    cluster = clusters.find(context.get(request), ident)
    if not cluster.stack_id:
        stack = Stack(status=None, reason=None, resources=[], events=[])
    else:
        try:
            stack = read_stack(_service_connection(), cluster.stack_id)
        except HeatUnavailable as exc:
            raise errors.Unavailable(
                f"Heat cannot tell the progress of cluster {cluster.uuid} now: {exc}"
            ) from None
    return JsonResponse(progress(cluster, stack))


def _service_connection() -> Any:
    """The conductor's Heat connection (service user); unusable settings are Heat's 503 too."""
    try:
        return heat.service_connection()
    except Exception as exc:
        # keystoneauth reports a missing setting with a bare Exception, oslo.config
        # with its own errors: whatever it is, the page can say what is wrong.
        raise HeatUnavailable(f"the service's [keystone_authtoken] credentials: {exc}") from exc


def progress(cluster: Cluster, stack: Stack) -> dict[str, Any]:
    """The route's answer for ``cluster`` whose stack is ``stack``."""
    target = cluster.node_count + cluster.master_count
    nodes = [r for r in stack.resources if r["type"] in NODE_TYPES]
    return {
        "stack_status": stack.status,
        "stack_status_reason": stack.reason,
        "percent": percent(stack.status, nodes, target, is_busy(cluster.status)),
        "nodes": {"complete": sum(1 for r in nodes if r["status"] in _DONE), "target": target},
        "resources": stack.resources,
        "events": stack.events,
    }


def percent(status: str | None, nodes: list[dict[str, Any]], target: int, busy: bool) -> int:
    """How far the bay's current action is, 0-100.

    ``nodes`` are the stack's node resources, ``target`` the bay's node count
    (masters included), ``busy`` whether the bay is still ``*_IN_PROGRESS``.
    Create and update: complete nodes over ``target``.  Delete: nodes gone
    (Heat stops listing them) over ``target``.  100 only when the stack is
    ``*_COMPLETE`` and the bay is done: until the conductor has seen the
    stack finish (or started it), the bay is not ready.
    """
    if status is None:
        return 0
    if status.endswith("_COMPLETE") and not busy:
        return 100
    if target <= 0:
        return 0
    if status.startswith("DELETE"):
        left = sum(1 for r in nodes if r["status"] != "DELETE_COMPLETE")
        done = max(0, target - left)
    else:
        done = sum(1 for r in nodes if r["status"] in _DONE)
    # A scale-down lists more complete nodes than the target for a while.
    return min(99, round(100 * done / target))


def read_stack(conn: Any, stack_id: str) -> Stack:
    """The stack's status, every resource of it and its nested stacks, its latest events.

    A stack Heat no longer knows (deleted) has no status and nothing in it.
    """
    try:
        stack = _get(conn, f"/stacks/{stack_id}")["stack"]
    except sdk_exceptions.NotFoundException:
        return Stack(status=None, reason=f"Heat has no stack {stack_id}.", resources=[], events=[])
    path = f"/stacks/{stack['stack_name']}/{stack['id']}"
    try:
        resources = _get(conn, f"{path}/resources", {"nested_depth": NESTED_DEPTH})["resources"]
        events = _events(conn, [path, *_nested_stacks(resources)])
    except sdk_exceptions.NotFoundException:
        # Deleted between two reads: what the stack said is still true.
        resources, events = [], []
    return Stack(
        status=stack.get("stack_status"),
        reason=stack.get("stack_status_reason"),
        resources=[_resource(r) for r in resources],
        events=[_renamed(e, EVENT_FIELDS) for e in events],
    )


def _nested_stacks(resources: list[dict[str, Any]]) -> list[str]:
    """``/stacks/{name}/{id}`` of every nested stack the resources link to."""
    paths: list[str] = []
    for resource in resources:
        for link in resource.get("links") or []:
            href = str(link.get("href") or "")
            if link.get("rel") == "nested" and "/stacks/" in href:
                paths.append("/stacks/" + href.split("/stacks/", 1)[1])
    return list(dict.fromkeys(paths))[:MAX_EVENT_STACKS]


def _events(conn: Any, stack_paths: list[str]) -> list[dict[str, Any]]:
    """The latest events of these stacks, newest first.

    Heat's own ``nested_depth`` on events answers nothing when the reader
    (the service user) is not in the stack's project, so each stack is
    asked in turn.
    """
    events: list[dict[str, Any]] = []
    for stack_path in stack_paths:
        params = {"sort_dir": "desc", "limit": EVENT_LIMIT}
        events.extend(_get(conn, f"{stack_path}/events", params)["events"])
    events.sort(key=lambda e: str(e.get("event_time") or ""), reverse=True)
    return events[:EVENT_LIMIT]


def _get(conn: Any, path: str, params: dict[str, Any] | None = None) -> Any:
    try:
        response = conn.orchestration.get(path, params=params, timeout=HEAT_TIMEOUT_SECONDS)
        sdk_exceptions.raise_from_response(response)
        return response.json()
    except sdk_exceptions.NotFoundException:
        raise
    except (sdk_exceptions.SDKException, keystone_exceptions.ClientException) as exc:
        raise HeatUnavailable(_reason(exc)) from exc
    except ValueError as exc:  # not JSON
        raise HeatUnavailable(f"Heat answered something that is not JSON ({exc}).") from exc


def _reason(exc: Exception) -> str:
    if isinstance(exc, keystone_exceptions.ConnectTimeout):
        return f"no answer within {HEAT_TIMEOUT_SECONDS:g} s."
    return str(exc).strip() or type(exc).__name__


def _renamed(raw: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """Heat's record with our names for its fields (``fields``: ours -> Heat's)."""
    return {ours: raw.get(heats) for ours, heats in fields.items()}


def _resource(raw: dict[str, Any]) -> dict[str, Any]:
    resource = _renamed(raw, RESOURCE_FIELDS)
    # Heat gives "" for a resource it has not made yet.
    return {**resource, "physical_id": resource["physical_id"] or None}


ROUTES = [re_path(r"^v1/clusters/(?P<ident>[^/]+)/progress/?$", methods(GET=show))]


def openapi() -> Documented:
    return Documented(
        [Operation("GET", "/v1/clusters/{ident}/progress", "Clusters",
                   "How far the cluster's Heat stack has come: nodes, resources, latest events",
                   200, ref("ClusterProgress"), errors=("4XX", "503"))],
        {"ClusterProgress": RESPONSE_SCHEMA},
    )  # fmt: skip
