"""A cluster's node groups: the two default groups every cluster has, and label inheritance.

``default-master`` and ``default-worker`` mirror the cluster's
``master_count`` and ``node_count``; whoever changes those counts calls
:func:`sync_defaults` in the same transaction.  Nothing here knows about HTTP.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from magnum_ui.service.models import Cluster, NodeGroup
from magnum_ui.service.models.nodegroups import MASTER, WORKER

DEFAULT_MASTER = f"default-{MASTER}"
DEFAULT_WORKER = f"default-{WORKER}"


def create_defaults(cluster: Cluster) -> None:
    """Create the cluster's ``default-master`` and ``default-worker`` groups."""
    template = cluster.cluster_template
    # The cluster's own values win; the template fills what the cluster left empty.
    shared: dict[str, Any] = {
        "cluster": cluster,
        "project_id": cluster.project_id,
        "user_id": cluster.user_id,
        "is_default": True,
        "image_id": template.image_id,
        "docker_volume_size": cluster.docker_volume_size or template.docker_volume_size,
        "status": cluster.status,
    }
    NodeGroup.objects.create(
        name=DEFAULT_MASTER,
        role=MASTER,
        node_count=cluster.master_count,
        flavor_id=cluster.master_flavor_id or template.master_flavor_id,
        labels=dict(cluster.labels),
        **shared,
    )
    NodeGroup.objects.create(
        name=DEFAULT_WORKER,
        role=WORKER,
        node_count=cluster.node_count,
        flavor_id=cluster.flavor_id or template.flavor_id,
        labels=dict(cluster.labels),
        **_autoscaling_bounds(cluster.labels),
        **shared,
    )


def sync_defaults(cluster: Cluster) -> None:
    """Give the default groups the cluster's current ``master_count`` and ``node_count``."""
    now = timezone.now()
    defaults = NodeGroup.objects.filter(cluster=cluster, is_default=True)
    # update() skips auto_now, so the timestamp is set here.
    defaults.filter(role=MASTER).update(node_count=cluster.master_count, updated_at=now)
    defaults.filter(role=WORKER).update(node_count=cluster.node_count, updated_at=now)


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


def _autoscaling_bounds(labels: dict[str, Any]) -> dict[str, int]:
    """``min_node_count`` / ``max_node_count`` from the cluster's labels, as Magnum reads them.

    The cluster autoscaler takes the worker group's bounds from these labels;
    a value that is not a non-negative integer is ignored rather than failing
    the cluster's creation.
    """
    bounds: dict[str, int] = {}
    for name in ("min_node_count", "max_node_count"):
        try:
            value = int(str(labels.get(name, "")))
        except ValueError:
            continue
        if value >= 0:
            bounds[name] = value
    return bounds
