"""What a cluster's node groups hold: the defaults it starts with, sizes, what runs.

The rules of changing groups are in :mod:`.nodegroups`; this is the record
the rest keeps in step with the bay: ``default-master`` and ``default-worker``
made with the cluster (:func:`create_defaults`), a template's sizes given by
an upgrade (:func:`upgrade_to`), and, when the conductor is done with the
stack, each group's nodes and counts as they run (:func:`settle`) — never
nodes that are not there, even after a failure.  A cluster's ``node_count``
is the sum of its worker groups', as in Magnum (:func:`sync_counts`).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from magnum_ui.service.drivers.base import Driver
from magnum_ui.service.models import Cluster, NodeGroup
from magnum_ui.service.models.nodegroups import MASTER, WORKER

DEFAULT_MASTER = f"default-{MASTER}"
DEFAULT_WORKER = f"default-{WORKER}"
CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS = "CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS"
DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"


def create_defaults(cluster: Cluster) -> None:
    """Create the cluster's ``default-master`` and ``default-worker`` groups."""
    template = cluster.cluster_template
    # The cluster's own values win; the template fills what the cluster left empty.
    for name, role, count, flavor, extra in (
        (DEFAULT_MASTER, MASTER, cluster.master_count,
         cluster.master_flavor_id or template.master_flavor_id, {}),
        (DEFAULT_WORKER, WORKER, cluster.node_count, cluster.flavor_id or template.flavor_id,
         _autoscaling_bounds(cluster.labels)),
    ):  # fmt: skip
        NodeGroup.objects.create(
            cluster=cluster, project_id=cluster.project_id, user_id=cluster.user_id,
            is_default=True, image_id=template.image_id, status=cluster.status,
            docker_volume_size=cluster.docker_volume_size or template.docker_volume_size,
            name=name, role=role, node_count=count, flavor_id=flavor,
            labels=dict(cluster.labels), **extra,
        )  # fmt: skip


def workers(cluster: Cluster) -> int:
    """How many workers the cluster has in all its worker groups (its ``node_count``)."""
    counts = NodeGroup.objects.filter(cluster=cluster).exclude(role=MASTER)
    return sum(counts.values_list("node_count", flat=True))


def sync_counts(cluster: Cluster) -> None:
    """Give the cluster the counts of its groups: masters, and every worker group's sum."""
    masters = NodeGroup.objects.filter(cluster=cluster, name=DEFAULT_MASTER)
    cluster.master_count = next(iter(masters.values_list("node_count", flat=True)), 1)
    cluster.node_count = workers(cluster)
    Cluster.objects.filter(pk=cluster.pk).update(
        master_count=cluster.master_count, node_count=cluster.node_count, updated_at=timezone.now()
    )


def settle(
    cluster: Cluster,
    driver: type[Driver] | None,
    outputs: dict[str, Any] | None,
    action: str,
    succeeded: bool,
    reason: str | None = None,
) -> None:
    """After the conductor's stack work: each group's nodes and status, counts as they run.

    A group being deleted goes away when the stack is done; on failure, a group
    whose nodes the stack still reports keeps the count it really has.
    """
    ending = "COMPLETE" if succeeded else "FAILED"
    for group in NodeGroup.objects.filter(cluster=cluster):
        if succeeded and group.status == DELETE_IN_PROGRESS:
            group.delete()
            continue
        nodes = driver.group_nodes(outputs, group) if driver and outputs else None
        if nodes is not None:
            group.node_names = [name for name, _ in nodes]
            group.node_addresses = [address for _, address in nodes]
            group.node_count = len(nodes)
        # The default groups follow their cluster; an added group its own change, if any.
        if group.is_default:
            group.status = f"{action}_{ending}"
        elif group.status in (CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS):
            group.status = f"{group.status.removesuffix('_IN_PROGRESS')}_{ending}"
        group.status_reason = None if succeeded else reason
        group.stack_id = cluster.stack_id
        group.save()
    sync_counts(cluster)


def upgrade_to(cluster: Cluster, template: Any, group_uuid: str | None) -> None:
    """Give the groups (or the one named) the sizes of ``template``, and the cluster it.

    Flavors and disks come from the template where it sets them; a disk never
    shrinks (the API refuses that first).  Without a group the cluster moves
    to the template too.
    """
    groups = NodeGroup.objects.filter(cluster=cluster)
    if group_uuid:
        groups = groups.filter(uuid=group_uuid)
    for group in groups:
        flavor = template.master_flavor_id if group.role == MASTER else template.flavor_id
        group.flavor_id = flavor or group.flavor_id
        group.docker_volume_size = template.docker_volume_size or group.docker_volume_size
        group.status = UPDATE_IN_PROGRESS
        group.save()
    if not group_uuid:
        Cluster.objects.filter(pk=cluster.pk).update(
            cluster_template=template,
            flavor_id=template.flavor_id or cluster.flavor_id,
            master_flavor_id=template.master_flavor_id or cluster.master_flavor_id,
            docker_volume_size=template.docker_volume_size or cluster.docker_volume_size,
        )


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
