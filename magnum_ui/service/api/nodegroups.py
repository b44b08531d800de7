"""``/v1/clusters/{cluster_ident}/nodegroups``: a cluster's node groups, microversion 1.9+.

Thin views over :mod:`magnum_ui.service.nodegroups`, as Magnum serves them to
python-magnumclient: ``GET .../nodegroups`` lists a summary (``?role=``
filters, paginated), ``GET .../nodegroups/detail`` every field,
``GET .../nodegroups/{ng}`` one group by uuid or name; ``POST`` adds a group
(202, a conductor builds it), ``PATCH`` changes its bounds (done at once),
``DELETE`` removes an added group (204, a conductor takes its nodes away).
"""

from __future__ import annotations

import urllib.parse
from functools import partial
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import re_path

from magnum_ui.service import nodegroups, policies, scoping
from magnum_ui.service.api import bodies, collections, context
from magnum_ui.service.api.declarations import Documented, crud, query, record, ref
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.api.routing import methods, require_version
from magnum_ui.service.models import Cluster, NodeGroup

VERSION = (1, 9)
KIND = nodegroups.KIND

_SUMMARY = (
    "uuid", "name", "flavor_id", "image_id", "node_count", "role", "is_default",
    "status", "stack_id",
)  # fmt: skip

_DETAIL = (
    *_SUMMARY,
    "project_id", "docker_volume_size", "labels", "node_addresses",
    "max_node_count", "min_node_count", "status_reason", "version",
    "merge_labels", "created_at", "updated_at",
)  # fmt: skip

VIEW = ResourceView(
    summary_fields=_SUMMARY,
    detail_fields=_DETAIL,
    sortable=(
        "name", "role", "node_count", "min_node_count", "max_node_count",
        "is_default", "status", "created_at", "updated_at", "uuid",
    ),
)  # fmt: skip


def naming(cluster: Cluster) -> Naming:
    """Links of a group live under its cluster: ``clusters/{uuid}/nodegroups/{uuid}``."""
    return Naming(collection=f"clusters/{cluster.uuid}/nodegroups", kind=KIND)


def serialize(
    request: HttpRequest, group: NodeGroup, cluster: Cluster, detail: bool
) -> dict[str, Any]:
    body = VIEW.serialize(request, group, naming(cluster), detail)
    if detail:
        body["cluster_id"] = cluster.uuid
        overridden, added, skipped = nodegroups.labels_diff(cluster.labels, group.labels)
        body.update(labels_overridden=overridden, labels_added=added, labels_skipped=skipped)
    return body


def list_view(request: HttpRequest, cluster_ident: str, detail: bool) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    ctx = context.get(request)
    cluster = scoping.find_cluster(ctx, cluster_ident)
    policies.authorize(ctx, "nodegroup:get_all", nodegroups.target(cluster))
    queryset = NodeGroup.objects.filter(cluster=cluster)
    role = request.GET.get("role")
    if role:
        queryset = queryset.filter(role=role)
    path = naming(cluster).collection + ("/detail" if detail else "")
    page = collections.paginate(request, queryset, VIEW.sortable, path)
    body: dict[str, Any] = {
        "nodegroups": [serialize(request, group, cluster, detail) for group in page.items]
    }
    if page.next_url:
        # Without the filter the next page would mix in the other roles.
        suffix = f"&{urllib.parse.urlencode({'role': role})}" if role else ""
        body["next"] = page.next_url + suffix
    return JsonResponse(body)


def show(request: HttpRequest, cluster_ident: str, ident: str) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    ctx = context.get(request)
    cluster, group = nodegroups.find(ctx, cluster_ident, ident)
    policies.authorize(ctx, "nodegroup:get", nodegroups.target(cluster))
    return JsonResponse(serialize(request, group, cluster, detail=True))


def create(request: HttpRequest, cluster_ident: str) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    body = bodies.json_body(request)
    cluster, group = nodegroups.create(context.get(request), cluster_ident, body)
    return JsonResponse(serialize(request, group, cluster, detail=True), status=202)


def update(request: HttpRequest, cluster_ident: str, ident: str) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    body = bodies.json_body(request)
    cluster, group = nodegroups.update(context.get(request), cluster_ident, ident, body)
    return JsonResponse(serialize(request, group, cluster, detail=True), status=202)


def delete(request: HttpRequest, cluster_ident: str, ident: str) -> HttpResponse:
    require_version(request, VERSION, "Node groups")
    nodegroups.delete(context.get(request), cluster_ident, ident)
    return HttpResponse(status=204)


_BASE = r"^v1/clusters/(?P<cluster_ident>[^/]+)/nodegroups"

ROUTES = [
    re_path(
        rf"{_BASE}/?$",
        methods(GET=partial(list_view, detail=False), POST=create),
    ),
    re_path(
        rf"{_BASE}/detail/?$",
        methods(GET=partial(list_view, detail=True)),
    ),
    re_path(rf"{_BASE}/(?P<ident>[^/]+)/?$", methods(GET=show, PATCH=update, DELETE=delete)),
]


def openapi() -> Documented:
    from magnum_ui.service.models import NodeGroup as Model

    nodegroup = ref("NodeGroup")
    labels = {"type": "object", "additionalProperties": {"type": "string"}}
    extra: dict[str, dict[str, Any]] = {
        "cluster_id": {"type": "string"},
        **{f"labels_{how}": labels for how in ("overridden", "added", "skipped")},
    }
    return Documented(
        crud("/v1/clusters/{cluster_ident}/nodegroups", "NodeGroups",
             ("NodeGroupSummary", "NodeGroup"), VIEW.sortable, (202, nodegroup),
             (202, nodegroup), min_version=VERSION,
             list_query=[query("role", {"type": "string"}, "Only this role.")]),
        {
            "NodeGroupCreate": nodegroups.CREATE_SCHEMA,
            "NodeGroupSummary": record(Model, VIEW.summary_fields),
            "NodeGroup": record(Model, VIEW.detail_fields, extra=extra),
        },
    )  # fmt: skip
