"""``/v1/clusters`` (with resize and upgrade actions) and its seed-era twin ``/v1/bays``.

Thin views over :mod:`magnum_ui.service.clusters`: writes answer 202 at once,
the work being an operation that a conductor claims.
"""

from __future__ import annotations

import sys
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import re_path

from magnum_ui.service import clusters
from magnum_ui.service.api import bodies, context
from magnum_ui.service.api.declarations import Documented, Operation, crud, record, ref, renamed
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.api.routing import collection_routes, methods, require_version

CURRENT = Naming(collection="clusters", kind="Cluster")
SEED_ERA = Naming(
    collection="bays",
    kind="Bay",
    renames={"cluster_template_id": "baymodel_id", "create_timeout": "bay_create_timeout"},
)

_SUMMARY = (
    "uuid", "name", "cluster_template_id", "keypair", "docker_volume_size",
    "labels", "master_flavor_id", "flavor_id", "create_timeout", "node_count",
    "master_count", "stack_id", "status", "health_status", "project_id",
    "created_at", "updated_at",
)  # fmt: skip
_DETAIL = (
    *_SUMMARY,
    "user_id", "status_reason", "health_status_reason", "discovery_url",
    "api_address", "master_addresses", "node_addresses", "coe_version",
    "container_version", "fixed_network", "fixed_subnet", "floating_ip_enabled",
    "master_lb_enabled", "faults",
)  # fmt: skip

VIEW = ResourceView(
    summary_fields=_SUMMARY,
    detail_fields=_DETAIL,
    sortable=("name", "status", "node_count", "master_count", "created_at", "updated_at", "uuid"),
)


def list_view(request: HttpRequest, naming: Naming, detail: bool) -> JsonResponse:
    return VIEW.list_response(request, clusters.visible(context.get(request)), naming, detail)


def show(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    cluster = clusters.find(context.get(request), ident)
    return JsonResponse(VIEW.serialize(request, cluster, naming, detail=True))


def create(request: HttpRequest, naming: Naming) -> JsonResponse:
    body = _current_names(bodies.json_body(request), naming)
    cluster = clusters.create(context.get(request), body)
    return JsonResponse({"uuid": cluster.uuid}, status=202)


def update(request: HttpRequest, ident: str, naming: Naming) -> JsonResponse:
    cluster = clusters.update(context.get(request), ident, bodies.json_body(request))
    return JsonResponse({"uuid": cluster.uuid}, status=202)


def resize(request: HttpRequest, ident: str) -> JsonResponse:
    require_version(request, (1, 7), "Resizing")
    cluster = clusters.resize(context.get(request), ident, bodies.json_body(request))
    return JsonResponse({"uuid": cluster.uuid}, status=202)


def upgrade(request: HttpRequest, ident: str) -> JsonResponse:
    require_version(request, (1, 8), "Upgrading")
    cluster = clusters.upgrade(context.get(request), ident, bodies.json_body(request))
    return JsonResponse({"uuid": cluster.uuid}, status=202)


def delete(request: HttpRequest, ident: str, naming: Naming) -> HttpResponse:
    clusters.delete(context.get(request), ident)
    return HttpResponse(status=204)


def _current_names(document: Any, naming: Naming) -> Any:
    """Seed-era requests use the old names (baymodel_id, ...): map them to today's."""
    if not isinstance(document, dict) or not naming.renames:
        return document
    old_to_new = {old: new for new, old in naming.renames.items()}
    return {old_to_new.get(key, key): value for key, value in document.items()}


ROUTES = [
    *collection_routes(CURRENT, sys.modules[__name__]),
    *collection_routes(SEED_ERA, sys.modules[__name__]),
    re_path(r"^v1/clusters/(?P<ident>[^/]+)/actions/resize/?$", methods(POST=resize)),
    re_path(r"^v1/clusters/(?P<ident>[^/]+)/actions/upgrade/?$", methods(POST=upgrade)),
]


def openapi() -> Documented:
    from magnum_ui.service.models import Cluster as Model

    accepted = (202, ref("Accepted"))
    one = "/v1/clusters/{ident}"
    bay = SEED_ERA.renames
    return Documented(
        [
            *crud("/v1/clusters", "Clusters", ("ClusterSummary", "Cluster"), VIEW.sortable,
                  accepted, accepted),
            *crud("/v1/bays", "Bays", ("BaySummary", "Bay"), VIEW.sortable, accepted, accepted),
            Operation("POST", f"{one}/actions/resize", "Clusters",
                      "Change a worker node group's size", 202, ref("Accepted"),
                      body=ref("ClusterResize"), min_version=(1, 7)),
            Operation("POST", f"{one}/actions/upgrade", "Clusters",
                      "Move a cluster to another template", 202, ref("Accepted"),
                      body=ref("ClusterUpgrade"), min_version=(1, 8)),
        ],
        {
            "ClusterCreate": clusters.CREATE_SCHEMA,
            "ClusterSummary": record(Model, VIEW.summary_fields),
            "Cluster": record(Model, VIEW.detail_fields),
            "ClusterResize": clusters.RESIZE_SCHEMA,
            "ClusterUpgrade": clusters.UPGRADE_SCHEMA,
            "BayCreate": renamed(clusters.CREATE_SCHEMA, bay),
            "BaySummary": record(Model, VIEW.summary_fields, bay),
            "Bay": record(Model, VIEW.detail_fields, bay),
        },
    )  # fmt: skip
