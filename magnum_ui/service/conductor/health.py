"""A bay's health as its orchestrator sees it, kept on the bay.

Every ``[conductor] health_interval`` seconds the conductor asks each settled
bay's orchestrator for its nodes, as the workload browser does (a fresh
client certificate of the bay's CA), and writes what it found into the bay's
``health_status`` and ``health_status_reason`` in Magnum's own words::

    HEALTHY    {"api": "ok", "bay-1f2e-master-0.Ready": true, "bay-1f2e-worker-10.Ready": true}
    UNHEALTHY  {"api": "ok", "bay-1f2e-master-0.Ready": true, "bay-1f2e-worker-10.Ready": false}
    UNKNOWN    {"api": "Listing nodes: the bay's Docker API at https://… did not answer in time."}

A bay with an operation under way is left alone (its nodes come and go), a
known health turns UNKNOWN only when the orchestrator misses two readings in a
row (not for one slow answer on a busy host), and a row is written only when
its health changed, so the bays' tables, which list again at their idle pace,
show a node going down within an interval or two.
Each conductor looks at every bay; the writes are the same whichever makes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from magnum_ui.service import workloads
from magnum_ui.service.models import Cluster, Operation
from magnum_ui.service.models.operations import UNFINISHED

LOG = logging.getLogger(__name__)
# A bay in these has its orchestrator and nothing changing it.
SETTLED = ("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_FAILED", "RESUME_COMPLETE",
           "RESTORE_COMPLETE", "ROLLBACK_COMPLETE", "CHECK_COMPLETE", "ADOPT_COMPLETE")  # fmt: skip

Health = tuple[str, dict[str, Any]]


def ask(cluster: Cluster) -> Health:
    """The health ``cluster``'s orchestrator gives (a bay of another COE: UNKNOWN, saying so)."""
    try:
        adapter = workloads.adapter_for(cluster)
    except workloads.WorkloadError as exc:
        return "UNKNOWN", {"api": exc.detail}
    with adapter:
        return adapter.health()


class HealthMonitor:
    def __init__(self, check: Callable[[Cluster], Health] = ask) -> None:
        self._check = check
        # Bays whose orchestrator did not answer the last reading: one miss (a busy host)
        # does not turn a known health into UNKNOWN; two in a row do.
        self._missed: set[int] = set()

    def run_once(self) -> int:
        """Ask every settled bay; returns how many bays' health changed."""
        busy = set(
            Operation.objects.filter(state__in=UNFINISHED).values_list("cluster_id", flat=True)
        )
        clusters = (
            Cluster.objects.filter(status__in=SETTLED)
            .exclude(api_address=None)
            .exclude(api_address="")
            .select_related("cluster_template")
            .order_by("id")
        )
        changed, seen = 0, set()
        for cluster in clusters:
            seen.add(cluster.pk)
            if cluster.pk in busy:
                continue
            try:
                status, reason = self._check(cluster)
            except Exception:
                LOG.exception("health of cluster %s could not be read", cluster.uuid)
                continue
            if self._first_miss(cluster, status):
                continue
            if (status, reason) != (cluster.health_status, cluster.health_status_reason):
                changed += self._write(cluster, status, reason)
        self._missed &= seen  # forget bays deleted or no longer settled
        return changed

    def _first_miss(self, cluster: Cluster, status: str) -> bool:
        """Whether this UNKNOWN is the first in a row of a bay whose health was known."""
        if status != "UNKNOWN":
            self._missed.discard(cluster.pk)
            return False
        first = cluster.pk not in self._missed and cluster.health_status not in (None, "UNKNOWN")
        self._missed.add(cluster.pk)
        return first

    @staticmethod
    def _write(cluster: Cluster, status: str, reason: dict[str, Any]) -> int:
        # Only while the bay stays as it was read: an operation that began meanwhile owns it.
        written: int = Cluster.objects.filter(pk=cluster.pk, status=cluster.status).update(
            health_status=status, health_status_reason=reason, updated_at=timezone.now()
        )
        if written:
            unready = sorted(k.removesuffix(".Ready") for k, v in reason.items() if v is False)
            why = f"not ready: {', '.join(unready)}" if unready else reason.get("api")
            LOG.info("cluster %s: %s -> %s (%s)", cluster.uuid, cluster.health_status, status, why)
        return written
