"""The workload browser: what runs on a bay, read and changed through its orchestrator.

The service holds the bay's credentials, so the dashboard asks the service
and never the bay.  :func:`adapter_for` picks the adapter for the bay's COE
(:mod:`.swarm` or :mod:`.kubernetes`, both :class:`.base.Adapter`), which is
used for one request::

    with workloads.adapter_for(cluster) as adapter:
        tasks = adapter.list_items("tasks", ListQuery(name="web"))
        adapter.scale("services", "web", 1)

Nothing here knows about HTTP: errors are :class:`.base.WorkloadError`
subclasses whose ``status`` the API answers with.
"""

from __future__ import annotations

from typing import Any

from magnum_ui.service.workloads import credentials
from magnum_ui.service.workloads.base import (
    Adapter,
    BadManifest,
    Conflict,
    Created,
    Invalid,
    ListQuery,
    LogQuery,
    NotFound,
    Unreachable,
    WorkloadError,
)

__all__ = [
    "Adapter",
    "BadManifest",
    "Conflict",
    "Created",
    "Invalid",
    "ListQuery",
    "LogQuery",
    "NotFound",
    "Unreachable",
    "WorkloadError",
    "adapter_class",
    "adapter_for",
    "summary",
]

# COE -> the adapter's COE; Magnum's "swarm" (classic) and "swarm-mode" both speak the Docker API.
BROWSERS = {"swarm": "swarm", "swarm-mode": "swarm", "kubernetes": "kubernetes"}
# The bay's orchestrator is going away or gone.
GONE = frozenset({"DELETE_IN_PROGRESS", "DELETE_COMPLETE"})


def summary(cluster: Any) -> dict[str, Any]:
    """``{"coe", "kinds"}`` of the bay's workload browser (the bay is not asked)."""
    return adapter_class(cluster).summary()


def adapter_for(cluster: Any) -> Adapter:
    """The adapter of ``cluster``'s orchestrator, holding fresh credentials; use it in ``with``."""
    return adapter_class(cluster)(credentials.for_cluster(cluster))


def adapter_class(cluster: Any) -> type[Adapter]:
    """The adapter for the bay's COE; 409 for another COE or a bay with no orchestrator."""
    coe = cluster.cluster_template.coe
    if coe not in BROWSERS:
        raise Conflict(
            f"Bay {cluster.uuid} runs {coe}; the workload browser knows Swarm and Kubernetes "
            "bays only."
        )
    if not cluster.api_address or cluster.status in GONE:
        raise Conflict(
            f"Bay {cluster.uuid} is {cluster.status} and has no orchestrator to ask"
            + ("" if cluster.status in GONE else " yet: its workloads appear once it is created")
            + "."
        )
    # Imported here: the Kubernetes client takes over a second to import, and
    # only bays that need it should pay for it.
    if BROWSERS[coe] == "kubernetes":
        from magnum_ui.service.workloads.kubernetes import KubernetesAdapter

        return KubernetesAdapter
    from magnum_ui.service.workloads.swarm import SwarmAdapter

    return SwarmAdapter
