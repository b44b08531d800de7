"""A cluster's node groups: the rules of adding, bounding and removing one, and their counts.

Every cluster has ``default-master`` and ``default-worker``; users add worker
groups of their own (Magnum 1.9+).  Adding or removing a group, like resizing
one, is a change of the cluster's stack that a conductor makes (the group is
already so in the database: the driver writes the stack from the groups);
changing a group's bounds changes nothing that runs, so it is done at once.
Everything the driver cannot build is refused here, before anything starts
(its :class:`~magnum_ui.service.drivers.base.DriverLimits`, its flavors, the
project's bounds).  When the conductor is done, :func:`settle` writes back
what runs: each group's nodes, and counts that never claim nodes that are not
there, even after a failure.  A cluster's ``node_count`` is the sum of its
worker groups', as in Magnum.  No HTTP in here::

    group = nodegroups.create(ctx, cluster_ident, {"name": "gpu", "node_count": 2})
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from magnum_ui.service import (
    capacity,
    drivers,
    errors,
    lookup,
    operations,
    patches,
    policies,
    schemas,
    scoping,
)
from magnum_ui.service.context import RequestContext
from magnum_ui.service.drivers.base import Driver, RequestRefused
from magnum_ui.service.models import Cluster, NodeGroup
from magnum_ui.service.models.clusters import is_busy
from magnum_ui.service.models.nodegroups import MASTER, WORKER
from magnum_ui.service.nodegroup_state import (
    CREATE_IN_PROGRESS,
    DEFAULT_MASTER,
    DEFAULT_WORKER,
    DELETE_IN_PROGRESS,
    UPDATE_IN_PROGRESS,
)

KIND = "NodeGroup"

_COUNT = {"type": ["integer", "null"], "minimum": 0, "maximum": schemas.MAX_COUNT}
# What a client may send to add a group; also the OpenAPI request schema.
CREATE_SCHEMA = schemas.body(
    ["name"],
    # Magnum puts no pattern on group names; a '/' would make one unreachable by name.
    name={"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^/]+$"},
    node_count=_COUNT,
    min_node_count=_COUNT,
    max_node_count=_COUNT,
    docker_volume_size={"type": ["integer", "null"], "minimum": 1, "maximum": 10000},
    flavor_id=schemas.IDENT_OR_NULL,
    image_id=schemas.IDENT_OR_NULL,
    labels=schemas.LABELS_OR_NULL,
    role=schemas.IDENT_OR_NULL,
    merge_labels={"type": ["boolean", "null"]},
)
# A patch may touch only these, with these values when a field is removed.
MUTABLE: dict[str, int | None] = {"min_node_count": 0, "max_node_count": None}
_PATCHED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "min_node_count": {"type": "integer", "minimum": 0, "maximum": schemas.MAX_COUNT},
        "max_node_count": _COUNT,
    },
}


# --- requests ---------------------------------------------------------------------


def find(ctx: RequestContext, cluster_ident: str, ident: str) -> tuple[Cluster, NodeGroup]:
    cluster = scoping.find_cluster(ctx, cluster_ident)
    return cluster, lookup.find(NodeGroup.objects.filter(cluster=cluster), ident, KIND)


def create(ctx: RequestContext, cluster_ident: str, fields: Any) -> tuple[Cluster, NodeGroup]:
    """A new worker group, built by a stack update the conductor makes."""
    fields = {k: v for k, v in schemas.validate(fields, CREATE_SCHEMA).items() if v is not None}
    with transaction.atomic():
        cluster = _locked(ctx, cluster_ident)
        policies.authorize(ctx, "nodegroup:create", target(cluster))
        fields.setdefault("role", WORKER)
        if fields["role"] == MASTER:
            raise errors.Invalid(
                "Creating master node groups is not supported: a cluster's masters are "
                f"its {DEFAULT_MASTER} group; add groups of another role.",
            )
        if NodeGroup.objects.filter(cluster=cluster, name=fields["name"]).exists():
            raise errors.Conflict(
                f"A node group named {fields['name']!r} already exists in cluster {cluster.uuid}.",
            )
        group = NodeGroup(
            cluster=cluster, project_id=cluster.project_id, user_id=ctx.user_id,
            **_inherit(cluster, fields),
        )  # fmt: skip
        _check_counts(group.name, group.node_count, group.min_node_count, group.max_node_count)
        _check_idle(cluster, "add a node group to it")
        if not cluster.api_address:
            raise errors.Conflict(
                f"Cluster {cluster.uuid} has no API address yet; add node groups once it "
                "is reachable.",
            )
        driver = drivers.for_template(cluster.cluster_template)
        group.slot = _free_slot(cluster, driver)
        check_group(driver, group)
        capacity.check(
            cluster.project_id, cluster, {group.name: (group.flavor_id, group.node_count)}
        )
        group.status = CREATE_IN_PROGRESS
        group.save()
        _start(cluster, group, "create", ctx)
    return cluster, group


def update(
    ctx: RequestContext, cluster_ident: str, ident: str, patch: Any
) -> tuple[Cluster, NodeGroup]:
    """New bounds (min/max_node_count): nothing that runs changes, so it is done at once."""
    with transaction.atomic():
        cluster = _locked(ctx, cluster_ident)
        policies.authorize(ctx, "nodegroup:update", target(cluster))
        group: NodeGroup = lookup.find(NodeGroup.objects.filter(cluster=cluster), ident, KIND)
        patch = schemas.validate_patch(patch)
        current = {name: getattr(group, name) for name in MUTABLE}
        why = "Node counts change through the cluster's resize action; only"
        patched = patches.apply(current, patch, MUTABLE, why)
        changed = {name: patched.get(name, default) for name, default in MUTABLE.items()}
        schemas.validate(changed, _PATCHED_SCHEMA)
        _check_counts(
            group.name, group.node_count, int(changed["min_node_count"] or 0),
            changed["max_node_count"],
        )  # fmt: skip
        for name, value in changed.items():
            setattr(group, name, value)
        check_group(drivers.for_template(cluster.cluster_template), group)
        group.save()
    return cluster, group


def delete(ctx: RequestContext, cluster_ident: str, ident: str) -> None:
    """Remove an added group: its nodes leave the Swarm and go, by a stack update."""
    with transaction.atomic():
        cluster = _locked(ctx, cluster_ident)
        policies.authorize(ctx, "nodegroup:delete", target(cluster))
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


def check_group(driver: type[Driver] | None, group: NodeGroup) -> None:
    """400 when the driver cannot place the group's nodes or build its flavor and disk."""
    limits = driver.limits if driver else None
    if driver is None or limits is None:
        return
    if group.role == MASTER:
        most, what = limits.masters_max, "masters"
    elif group.is_default:
        most, what = limits.workers_max, f"nodes in {DEFAULT_WORKER}"
    else:
        most, what = limits.group_nodes_max, "nodes in an added node group"
        if not re.fullmatch(limits.group_name_pattern, group.name):
            raise errors.Invalid(
                f"Node group name {group.name!r}: the {driver.name} driver needs "
                f"{limits.group_name_rule}."
            )
    for field in ("node_count", "max_node_count"):
        value = getattr(group, field)
        if value is not None and value > most:
            raise errors.Invalid(
                f"Node group {group.name}: {field} {value} is past the {driver.name} driver's "
                f"limit of {most} {what}."
            )
    try:
        driver.check_fields(
            {"flavor_id": group.flavor_id, "docker_volume_size": group.docker_volume_size}
        )
    except RequestRefused as exc:
        raise errors.Invalid(f"Node group {group.name}: {exc}") from None


def check_removal(group: NodeGroup, new_count: int, nodes: list[str]) -> None:
    """``nodes_to_remove`` must name nodes the group has (by name or address), no more than go."""
    known = set(group.node_names) | set(group.node_addresses)
    unknown = [node for node in nodes if node not in known]
    if unknown:
        shown = ", ".join(group.node_names) or "none known yet"
        raise errors.Invalid(
            f"nodes_to_remove: {', '.join(map(repr, unknown))} is not a node of node group "
            f"{group.name} (its nodes: {shown})."
        )
    going = group.node_count - new_count
    if len(set(nodes)) > max(going, 0):
        raise errors.Invalid(
            f"nodes_to_remove names {len(set(nodes))} node(s), but resizing {group.name} from "
            f"{group.node_count} to {new_count} removes {max(going, 0)}."
        )


# --- helpers ----------------------------------------------------------------------


def labels_diff(
    parent: dict[str, Any], labels: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """How a group's labels differ from its cluster's, as Magnum reports it.

    Returns (overridden, added, skipped): keys both have with different values
    (with the cluster's value), keys only the group has, keys only the cluster has.
    """
    overridden = {k: parent[k] for k, v in labels.items() if k in parent and parent[k] != v}
    added = {k: v for k, v in labels.items() if k not in parent}
    skipped = {k: v for k, v in parent.items() if k not in labels}
    return overridden, added, skipped


def target(cluster: Cluster) -> dict[str, Any]:
    return {"project_id": cluster.project_id}


def _locked(ctx: RequestContext, ident: str) -> Cluster:
    """The cluster, locked until the transaction ends, so two changes cannot both start."""
    return lookup.find(scoping.clusters(ctx).select_for_update(of=("self",)), ident, "Cluster")


def _free_slot(cluster: Cluster, driver: type[Driver] | None) -> int:
    """The lowest slot no group of the cluster holds; 400 past the driver's number of groups."""
    taken = set(NodeGroup.objects.filter(cluster=cluster).values_list("slot", flat=True))
    most = driver.limits.groups_max if driver and driver.limits else len(taken) + 1
    free = next((slot for slot in range(most) if slot not in taken), None)
    if free is None:
        name = driver.name if driver else "its"
        raise errors.Invalid(
            f"Cluster {cluster.uuid} already has {most} added node groups, the most the "
            f"{name} driver places; delete one first."
        )
    return free


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
    for low, high, low_name, high_name in (
        (minimum, maximum, "min_node_count", "max_node_count"),
        (node_count, maximum, "node_count", "max_node_count"),
        (minimum, node_count, "min_node_count", "node_count"),
    ):
        if high is not None and low > high:
            raise errors.Conflict(
                f"Node group {name}: {low_name} ({low}) must not exceed {high_name} ({high})."
            )


def _check_idle(cluster: Cluster, what: str) -> None:
    if is_busy(cluster.status):
        raise errors.Conflict(
            f"Cluster {cluster.uuid} is {cluster.status}; {what} once that operation has finished.",
        )


def _start(cluster: Cluster, group: NodeGroup, action: str, ctx: RequestContext) -> None:
    """Mark the cluster busy and hand the node group change to a conductor.

    It rides on the cluster's ``update`` operation kind, with the group and the
    action in its parameters, so the one-unfinished-operation rule covers it.
    """
    cluster.status = UPDATE_IN_PROGRESS
    cluster.status_reason = None
    cluster.save(update_fields=["status", "status_reason", "updated_at"])
    operations.enqueue(cluster, "update", {"nodegroup": group.uuid, "action": action}, ctx)
