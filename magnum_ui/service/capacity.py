"""Per-project bounds on what the nodes of bounded drivers take: nodes, vCPUs, memory.

A driver whose nodes share one host (the local driver) says what its nodes
take (:meth:`Driver.footprint`); a request that would take a project past
``[local_driver] max_*_per_project`` is refused with 403 before any
operation is queued, naming the bound::

    capacity.check(ctx.project_id, cluster, {"default-worker": ("local.small", 5)})

The counts are the node groups' ``node_count`` (what the project asked for,
being built included), read under the same per-project lock the cluster
quota takes, so two requests racing for the last vCPU cannot both pass.
Nothing here knows about HTTP beyond the error it raises.
"""

from __future__ import annotations

from collections.abc import Mapping

from magnum_ui.service import drivers, errors, quotas
from magnum_ui.service.conf import CONF
from magnum_ui.service.drivers.base import Driver, Footprint
from magnum_ui.service.drivers.local.options import capacity_refusal
from magnum_ui.service.models import Cluster, NodeGroup

# Node group name -> (flavor_id, node_count) after the request.
Wanted = Mapping[str, tuple[str | None, int]]


def check(project_id: str, cluster: Cluster, wanted: Wanted) -> None:
    """403 when the project's bounded nodes, with ``cluster``'s groups as ``wanted``, pass a bound.

    Groups of ``cluster`` not named in ``wanted`` keep their current count.
    Call it inside the transaction that records the change.
    """
    driver = drivers.for_template(cluster.cluster_template)
    if driver is None or driver.footprint(None, 0) is None:
        return
    quotas.serialize_project(project_id)
    total = Footprint()
    for group in _bounded_groups(project_id, driver):
        if group.cluster_id == cluster.pk and group.name in wanted:
            continue
        total += _footprint(driver, group.flavor_id, group.node_count)
    for flavor_id, count in wanted.values():
        total += _footprint(driver, flavor_id, count)
    refusal = capacity_refusal(
        f"Project {project_id}",
        nodes=total.nodes,
        vcpus=total.vcpus,
        ram_mib=total.ram_mib,
        limits=(
            CONF.local_driver.max_nodes_per_project,
            CONF.local_driver.max_vcpus_per_project,
            CONF.local_driver.max_ram_mib_per_project,
        ),
    )
    if refusal:
        raise errors.Forbidden(f"{refusal}; delete or shrink a bay, or ask an admin.")


def _bounded_groups(project_id: str, driver: type[Driver]) -> list[NodeGroup]:
    clusters = [
        c.pk
        for c in Cluster.objects.filter(project_id=project_id).select_related("cluster_template")
        if drivers.for_template(c.cluster_template) is driver
    ]
    return list(NodeGroup.objects.filter(cluster_id__in=clusters))


def _footprint(driver: type[Driver], flavor_id: str | None, count: int) -> Footprint:
    return driver.footprint(flavor_id, count) or Footprint()
