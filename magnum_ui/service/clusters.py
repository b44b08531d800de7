"""Clusters (bays): the rules of creating, changing and deleting one, without HTTP.

Every change is recorded as an operation for a conductor
(:mod:`magnum_ui.service.operations`) in the transaction that sets the
cluster's ``*_IN_PROGRESS`` status, after the checks that can refuse it at
once: policy, the project's quota, the driver (flavors, sizes) and the
per-project bounds of bounded drivers (:mod:`.capacity`).  The API's views
(``api/clusters.py``) parse the request, call one function here and answer::

    cluster = clusters.create(ctx, {"cluster_template_id": "local-swarm", "node_count": 2})
    clusters.resize(ctx, cluster.uuid, {"node_count": 3})
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from magnum_ui.service import (
    capacity,
    drivers,
    errors,
    lookup,
    nodegroup_state,
    nodegroups,
    operations,
    patches,
    policies,
    quotas,
    schemas,
    scoping,
)
from magnum_ui.service.context import RequestContext
from magnum_ui.service.drivers.base import RequestRefused
from magnum_ui.service.models import Cluster, NodeGroup
from magnum_ui.service.models.clusters import HEALTH_STATUSES, is_busy

_TEMPLATE = {"type": "string", "minLength": 1, "maxLength": 255}  # its uuid or name
_NODE_COUNT = {"type": "integer", "minimum": 0, "maximum": 1000}
CREATE_SCHEMA = schemas.body(
    ["cluster_template_id"],
    name={"oneOf": [schemas.NAME, {"type": "null"}]},
    cluster_template_id=_TEMPLATE,
    node_count=_NODE_COUNT,
    master_count={"type": "integer", "minimum": 1, "maximum": 100},
    create_timeout={"type": ["integer", "null"], "minimum": 0, "maximum": 10080},
    docker_volume_size=schemas.VOLUME_GIB,
    labels=schemas.LABELS_OR_NULL,
    merge_labels={"type": "boolean"},
    floating_ip_enabled={"type": ["boolean", "null"]},
    master_lb_enabled={"type": ["boolean", "null"]},
    **{
        name: schemas.STRING_OR_NULL
        for name in (
            "keypair", "flavor_id", "master_flavor_id", "fixed_network", "fixed_subnet",
            "discovery_url",
        )
    },
)  # fmt: skip
RESIZE_SCHEMA = schemas.body(
    ["node_count"],
    node_count=_NODE_COUNT,
    # null means "not given", as Magnum reads it (openstacksdk sends nulls).
    nodes_to_remove={"type": ["array", "null"], "items": {"type": "string", "maxLength": 255}},
    nodegroup=schemas.STRING_OR_NULL,
)
UPGRADE_SCHEMA = schemas.body(
    ["cluster_template"],
    cluster_template=_TEMPLATE,
    max_batch_size={
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": schemas.MAX_COUNT,
        "default": 1,
    },
    nodegroup=schemas.STRING_OR_NULL,
)
# What a PATCH may change (Magnum: the size, and the health the monitor reports).
UPDATABLE = ("node_count", "health_status", "health_status_reason")
UPDATE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "node_count": _NODE_COUNT,
        "health_status": {"enum": [*HEALTH_STATUSES, None]},
        "health_status_reason": {"type": "object"},
    },
}


def visible(ctx: RequestContext) -> QuerySet[Cluster]:
    """The clusters the caller may list: its project's (admins: every project's)."""
    policies.authorize(ctx, "cluster:get_all")
    return scoping.clusters(ctx)


def find(ctx: RequestContext, ident: str, rule: str = "cluster:get") -> Cluster:
    """The cluster ``ident`` names, if the caller may ``rule`` it (out of its reach: a 404)."""
    cluster = scoping.find_cluster(ctx, ident)
    policies.authorize(ctx, rule, target(cluster))
    return cluster


def create(ctx: RequestContext, fields: Any) -> Cluster:
    """A new cluster from a template, its default node groups, and its create operation."""
    policies.authorize(ctx, "cluster:create")
    fields = dict(schemas.validate(fields, CREATE_SCHEMA))
    with transaction.atomic():
        template = scoping.find_cluster_template(ctx, fields.pop("cluster_template_id"))
        quotas.check_cluster_quota(ctx.project_id)
        labels = fields.pop("labels", None)
        if fields.pop("merge_labels", False):
            labels = {**template.labels, **(labels or {})}
        given = {k: v for k, v in fields.items() if v is not None}
        cluster = Cluster.objects.create(
            cluster_template=template,
            project_id=ctx.project_id,
            user_id=ctx.user_id,
            status="CREATE_IN_PROGRESS",
            name=given.pop("name", None) or f"{template.name or 'cluster'}-{secrets.token_hex(3)}",
            labels=template.labels if labels is None else labels,
            keypair=given.pop("keypair", template.keypair_id),
            flavor_id=given.pop("flavor_id", template.flavor_id),
            master_flavor_id=given.pop("master_flavor_id", template.master_flavor_id),
            docker_volume_size=given.pop("docker_volume_size", template.docker_volume_size),
            fixed_network=given.pop("fixed_network", template.fixed_network),
            fixed_subnet=given.pop("fixed_subnet", template.fixed_subnet),
            floating_ip_enabled=given.pop("floating_ip_enabled", template.floating_ip_enabled),
            master_lb_enabled=given.pop("master_lb_enabled", template.master_lb_enabled),
            create_timeout=given.pop("create_timeout", 60),
            **given,
        )
        _check_driver_fields(cluster)
        nodegroup_state.create_defaults(cluster)
        driver = drivers.for_template(template)
        for group in cluster.nodegroups.all():
            nodegroups.check_group(driver, group)
        capacity.check(ctx.project_id, cluster, {})
        operations.enqueue(cluster, "create", {}, ctx)
    return cluster


def update(ctx: RequestContext, ident: str, patch: Any) -> Cluster:
    """A JSON patch of the size (an update operation) or of the health the monitor reports."""
    patch = schemas.validate_patch(patch)
    with transaction.atomic():
        cluster = _lock(ctx, ident)
        policies.authorize(ctx, "cluster:update", _target(cluster))
        current = {name: getattr(cluster, name) for name in UPDATABLE}
        changed = patches.apply(current, patch, UPDATABLE, "Only")
        schemas.validate(changed, UPDATE_SCHEMA)
        cluster.health_status = changed.get("health_status")
        cluster.health_status_reason = changed.get("health_status_reason") or {}
        new_count = changed.get("node_count", cluster.node_count)
        cluster.save()
        if new_count != cluster.node_count:
            # node_count counts every worker group; a new one resizes default-worker.
            group = _nodegroup(cluster, nodegroup_state.DEFAULT_WORKER)
            others = cluster.node_count - group.node_count
            if new_count < others:
                raise errors.Invalid(
                    f"node_count {new_count} is fewer than the {others} workers of the added "
                    "node groups; resize or delete those groups instead."
                )
            _resize_group(ctx, cluster, group, new_count - others, [], "update")
    return cluster


def resize(ctx: RequestContext, ident: str, fields: Any) -> Cluster:
    """A new size for a worker node group (``nodes_to_remove`` choosing who goes)."""
    fields = schemas.validate(fields, RESIZE_SCHEMA)
    with transaction.atomic():
        cluster = _lock(ctx, ident)
        policies.authorize(ctx, "cluster:resize", _target(cluster))
        group = _nodegroup(cluster, fields.get("nodegroup") or nodegroup_state.DEFAULT_WORKER)
        if group.role == "master":
            raise errors.Invalid("Masters cannot be resized; resize a worker node group.")
        removing = fields.get("nodes_to_remove") or []
        _resize_group(ctx, cluster, group, fields["node_count"], removing, "resize")
    return cluster


def _resize_group(
    ctx: RequestContext,
    cluster: Cluster,
    group: NodeGroup,
    new_count: int,
    removing: list[str],
    kind: str,
) -> None:
    """Check a group's new size against its bounds, its driver and the project, then start."""
    low, high = group.min_node_count, group.max_node_count
    if new_count < low or (high is not None and new_count > high):
        bounds = f"{low}..{high if high is not None else 'unbounded'}"
        raise errors.Invalid(
            f"node_count {new_count} is outside node group {group.name}'s range {bounds}."
        )
    old_count = group.node_count
    group.node_count = new_count
    nodegroups.check_group(drivers.for_template(cluster.cluster_template), group)
    group.node_count = old_count
    if removing:
        nodegroups.check_removal(group, new_count, removing)
    capacity.check(cluster.project_id, cluster, {group.name: (group.flavor_id, new_count)})
    params = {
        "nodegroup": group.uuid,
        "node_count": new_count,
        "from": old_count,
        "nodes_to_remove": removing,
    }
    _start(cluster, ctx, kind, params)
    cluster.save()
    group.node_count = new_count
    group.status = nodegroup_state.UPDATE_IN_PROGRESS
    group.save()
    nodegroup_state.sync_counts(cluster)


def upgrade(ctx: RequestContext, ident: str, fields: Any) -> Cluster:
    """Move the cluster to another template of the same orchestrator."""
    fields = schemas.validate(fields, UPGRADE_SCHEMA)
    with transaction.atomic():
        cluster = _lock(ctx, ident)
        policies.authorize(ctx, "cluster:upgrade", _target(cluster))
        template = scoping.find_cluster_template(ctx, fields["cluster_template"])
        group = None
        if fields.get("nodegroup"):
            group = _nodegroup(cluster, fields["nodegroup"])
        _check_upgrade(cluster, template, group)
        params = {
            "cluster_template": template.uuid,
            "from": cluster.cluster_template.uuid,
            "max_batch_size": fields.get("max_batch_size") or 1,
            "nodegroup": group.uuid if group else None,
        }
        _start(cluster, ctx, "upgrade", params)
        cluster.save()
    return cluster


def _check_upgrade(cluster: Cluster, template: Any, group: NodeGroup | None) -> None:
    """400 when the template's orchestrator, driver or disk cannot take over the nodes."""
    current = cluster.cluster_template
    if template.coe != current.coe:
        raise errors.Invalid(
            f"ClusterTemplate {template.uuid} runs {template.coe}, the cluster runs "
            f"{current.coe}: an upgrade cannot change the orchestrator."
        )
    driver = drivers.for_template(current)
    if drivers.for_template(template) is not driver:
        raise errors.Invalid(
            f"ClusterTemplate {template.uuid} is built by another driver than the cluster's "
            f"({driver.name if driver else 'none'}): an upgrade changes nodes, not servers."
        )
    groups = [group] if group else list(cluster.nodegroups.all())
    wanted = {}
    for each in groups:
        flavor = template.master_flavor_id if each.role == "master" else template.flavor_id
        size = template.docker_volume_size
        if size and each.docker_volume_size and size < each.docker_volume_size:
            raise errors.Invalid(
                f"Node group {each.name}: its disk cannot shrink from "
                f"{each.docker_volume_size} to {size} GiB."
            )
        wanted[each.name] = (flavor or each.flavor_id, each.node_count)
    capacity.check(cluster.project_id, cluster, wanted)


def delete(ctx: RequestContext, ident: str) -> None:
    """Start deleting the cluster (again is fine); it wins over anything pending."""
    with transaction.atomic():
        cluster = _lock(ctx, ident)
        policies.authorize(ctx, "cluster:delete", _target(cluster))
        if cluster.status == "DELETE_IN_PROGRESS":
            return
        # Deleting wins over anything still pending or running on the cluster.
        operations.supersede(cluster, "superseded by a delete request")
        cluster.status = "DELETE_IN_PROGRESS"
        cluster.status_reason = None
        cluster.save()
        operations.enqueue(cluster, "delete", {}, ctx)


def _check_driver_fields(cluster: Cluster) -> None:
    """400 when the cluster's driver cannot build its flavors or volume size."""
    driver = drivers.for_template(cluster.cluster_template)
    if driver is None:
        return
    fields = {
        "flavor_id": cluster.flavor_id,
        "master_flavor_id": cluster.master_flavor_id,
        "docker_volume_size": cluster.docker_volume_size,
    }
    try:
        driver.check_fields(fields)
    except RequestRefused as exc:
        raise errors.Invalid(f"The {driver.name} driver cannot build this cluster: {exc}") from None


def _start(cluster: Cluster, ctx: RequestContext, kind: str, params: dict[str, Any]) -> None:
    if is_busy(cluster.status):
        raise errors.Conflict(
            f"Cluster {cluster.uuid} is busy ({cluster.status}); "
            "try again when the current operation is done.",
        )
    cluster.status = "UPDATE_IN_PROGRESS"
    cluster.status_reason = None
    operations.enqueue(cluster, kind, params, ctx)


def _lock(ctx: RequestContext, ident: str) -> Cluster:
    found = scoping.find_cluster(ctx, ident)
    return Cluster.objects.select_for_update().select_related("cluster_template").get(pk=found.pk)


def _nodegroup(cluster: Cluster, ident: str) -> Any:
    return lookup.find(cluster.nodegroups.all(), ident, "NodeGroup")


def target(cluster: Cluster) -> dict[str, Any]:
    """What policy checks a cluster against: its project."""
    return {"project_id": cluster.project_id}


_target = target
