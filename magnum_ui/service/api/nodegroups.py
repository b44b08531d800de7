"""``/v1/clusters/{cluster_ident}/nodegroups``: a cluster's node groups, microversion 1.9+.

As Magnum serves them to python-magnumclient:

* ``GET .../nodegroups`` lists a summary (``?role=`` filters, paginated),
  ``GET .../nodegroups/detail`` every field, ``GET .../nodegroups/{ng}`` one
  group by uuid or name.
* ``POST`` adds a group (any role but ``master``) and answers 202 with it;
  ``PATCH`` may change only ``min_node_count`` / ``max_node_count`` (node
  counts change through the cluster's resize action) and answers 202;
  ``DELETE`` answers 204, and refuses the default groups with a 400.
* A cluster busy with another operation refuses all three with a 409, and
  inconsistent counts (min > node_count, node_count > max) are a 409 as in
  Magnum; malformed bodies are 400s.
"""

from __future__ import annotations

import urllib.parse
from functools import partial
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import re_path

from magnum_ui.service import (
    errors,
    lookup,
    nodegroups,
    operations,
    patches,
    policies,
    schemas,
    scoping,
)
from magnum_ui.service.api import bodies, collections, context
from magnum_ui.service.api.declarations import Documented, crud, query, record, ref
from magnum_ui.service.api.resources import Naming, ResourceView
from magnum_ui.service.api.routing import methods, require_version
from magnum_ui.service.models import Cluster, NodeGroup
from magnum_ui.service.models.clusters import is_busy
from magnum_ui.service.models.nodegroups import MASTER, WORKER

VERSION = (1, 9)
KIND = "NodeGroup"

_COUNT = {"type": ["integer", "null"], "minimum": 0}
_IDENT = {"type": ["string", "null"], "minLength": 1, "maxLength": 255}

# What a client may send to add a group; also the OpenAPI request schema.
CREATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["name"],
    "additionalProperties": False,
    "properties": {
        # Magnum puts no pattern on group names; a '/' would make one unreachable by name.
        "name": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^/]+$"},
        "node_count": _COUNT,
        "min_node_count": _COUNT,
        "max_node_count": _COUNT,
        "docker_volume_size": {"type": ["integer", "null"], "minimum": 1},
        "flavor_id": _IDENT,
        "image_id": _IDENT,
        "labels": {"oneOf": [schemas.LABELS, {"type": "null"}]},
        "role": _IDENT,
        "merge_labels": {"type": ["boolean", "null"]},
    },
}

# A patch may touch only these, with these values when a field is removed.
MUTABLE: dict[str, int | None] = {"min_node_count": 0, "max_node_count": None}
_PATCHED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"min_node_count": {"type": "integer", "minimum": 0}, "max_node_count": _COUNT},
}

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

CREATE_IN_PROGRESS = "CREATE_IN_PROGRESS"
UPDATE_IN_PROGRESS = "UPDATE_IN_PROGRESS"
DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"


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
    cluster = scoping.find_cluster(context.get(request), cluster_ident)
    policies.authorize(context.get(request), "nodegroup:get_all", _target(cluster))
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
    cluster = scoping.find_cluster(context.get(request), cluster_ident)
    policies.authorize(context.get(request), "nodegroup:get", _target(cluster))
    group: NodeGroup = lookup.find(NodeGroup.objects.filter(cluster=cluster), ident, KIND)
    return JsonResponse(serialize(request, group, cluster, detail=True))


def create(request: HttpRequest, cluster_ident: str) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    ctx = context.get(request)
    with transaction.atomic():
        cluster = _locked_cluster(request, cluster_ident)
        policies.authorize(ctx, "nodegroup:create", _target(cluster))
        fields = schemas.validate(bodies.json_body(request), CREATE_SCHEMA)
        fields = {k: v for k, v in fields.items() if v is not None}
        fields.setdefault("role", WORKER)
        if fields["role"] == MASTER:
            raise errors.Invalid(
                "Creating master node groups is not supported: a cluster's masters are "
                f"its {nodegroups.DEFAULT_MASTER} group; add groups of another role.",
            )
        if NodeGroup.objects.filter(cluster=cluster, name=fields["name"]).exists():
            raise errors.Conflict(
                f"A node group named {fields['name']!r} already exists in cluster {cluster.uuid}.",
            )
        group = NodeGroup(
            cluster=cluster,
            project_id=cluster.project_id,
            user_id=ctx.user_id,
            **_inherit(cluster, fields),
        )
        _check_counts(group.name, group.node_count, group.min_node_count, group.max_node_count)
        _check_idle(cluster, "add a node group to it")
        if not cluster.api_address:
            raise errors.Conflict(
                f"Cluster {cluster.uuid} has no API address yet; add node groups once it "
                "is reachable.",
            )
        group.status = CREATE_IN_PROGRESS
        group.save()
        _start(cluster, group, "create", ctx)
    return JsonResponse(serialize(request, group, cluster, detail=True), status=202)


def update(request: HttpRequest, cluster_ident: str, ident: str) -> JsonResponse:
    require_version(request, VERSION, "Node groups")
    ctx = context.get(request)
    with transaction.atomic():
        cluster = _locked_cluster(request, cluster_ident)
        policies.authorize(ctx, "nodegroup:update", _target(cluster))
        group: NodeGroup = lookup.find(NodeGroup.objects.filter(cluster=cluster), ident, KIND)
        patch = schemas.validate_patch(bodies.json_body(request))
        current = {name: getattr(group, name) for name in MUTABLE}
        why = "Node counts change through the cluster's resize action; only"
        patched = patches.apply(current, patch, MUTABLE, why)
        changed: dict[str, Any] = {
            name: patched.get(name, default) for name, default in MUTABLE.items()
        }
        schemas.validate(changed, _PATCHED_SCHEMA)
        _check_counts(
            group.name, group.node_count, changed["min_node_count"], changed["max_node_count"]
        )
        _check_idle(cluster, "update its node groups")
        for name, value in changed.items():
            setattr(group, name, value)
        group.status = UPDATE_IN_PROGRESS
        group.save()
        _start(cluster, group, "update", ctx)
    return JsonResponse(serialize(request, group, cluster, detail=True), status=202)


def delete(request: HttpRequest, cluster_ident: str, ident: str) -> HttpResponse:
    require_version(request, VERSION, "Node groups")
    ctx = context.get(request)
    with transaction.atomic():
        cluster = _locked_cluster(request, cluster_ident)
        policies.authorize(ctx, "nodegroup:delete", _target(cluster))
        group: NodeGroup = lookup.find(NodeGroup.objects.filter(cluster=cluster), ident, KIND)
        if group.is_default:
            raise errors.Invalid(
                f"{group.name} is a default node group, which cannot be deleted; resize the "
                "cluster instead, or delete the whole cluster.",
            )
        _check_idle(cluster, "delete its node groups")
        group.status = DELETE_IN_PROGRESS
        group.save(update_fields=["status", "updated_at"])
        _start(cluster, group, "delete", ctx)
    return HttpResponse(status=204)


def _locked_cluster(request: HttpRequest, ident: str) -> Cluster:
    """The cluster, locked until the transaction ends, so two changes cannot both start."""
    queryset = scoping.clusters(context.get(request)).select_for_update(of=("self",))
    return lookup.find(queryset, ident, "Cluster")


def _inherit(cluster: Cluster, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with what the client left out taken from the cluster, as Magnum does."""
    template = cluster.cluster_template
    merged = dict(fields)
    merged.setdefault("image_id", template.image_id)
    merged.setdefault("flavor_id", cluster.flavor_id or template.flavor_id)
    # Magnum leaves this empty; the cluster's value is what the nodes would get anyway.
    merged.setdefault("docker_volume_size", cluster.docker_volume_size)
    if "labels" not in merged:
        merged["labels"] = dict(cluster.labels)
    elif merged.get("merge_labels"):
        merged["labels"] = {**cluster.labels, **merged["labels"]}
    return merged


def _check_counts(name: str, node_count: int, minimum: int, maximum: int | None) -> None:
    """Magnum's rule min <= node_count <= max; breaking it is a 409 there too."""
    if maximum is not None and minimum > maximum:
        raise errors.Conflict(
            f"Node group {name}: min_node_count ({minimum}) must not exceed "
            f"max_node_count ({maximum}).",
        )
    if maximum is not None and node_count > maximum:
        raise errors.Conflict(
            f"Node group {name}: node_count ({node_count}) must not exceed "
            f"max_node_count ({maximum}).",
        )
    if minimum > node_count:
        raise errors.Conflict(
            f"Node group {name}: min_node_count ({minimum}) must not exceed "
            f"node_count ({node_count}).",
        )


def _check_idle(cluster: Cluster, what: str) -> None:
    if is_busy(cluster.status):
        raise errors.Conflict(
            f"Cluster {cluster.uuid} is {cluster.status}; {what} once that operation has finished.",
        )


def _start(cluster: Cluster, group: NodeGroup, action: str, ctx: context.RequestContext) -> None:
    """Mark the cluster busy and hand the node group change to a conductor.

    It rides on the cluster's ``update`` operation kind, with the group and the
    action in its parameters, so the one-unfinished-operation rule covers it.
    """
    cluster.status = UPDATE_IN_PROGRESS
    cluster.status_reason = None
    cluster.save(update_fields=["status", "status_reason", "updated_at"])
    operations.enqueue(cluster, "update", {"nodegroup": group.uuid, "action": action}, ctx)


def _target(cluster: Cluster) -> dict[str, Any]:
    return {"project_id": cluster.project_id}


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
            "NodeGroupCreate": CREATE_SCHEMA,
            "NodeGroupSummary": record(Model, VIEW.summary_fields),
            "NodeGroup": record(Model, VIEW.detail_fields, extra=extra),
        },
    )  # fmt: skip
