"""Clusters (bays): running sets of nodes made from a cluster template."""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.cluster_templates import ClusterSpec, ClusterTemplate

# Magnum's status values: an action, then how it stands.
ACTIONS = (
    "CREATE",
    "UPDATE",
    "DELETE",
    "RESUME",
    "RESTORE",
    "ROLLBACK",
    "SNAPSHOT",
    "CHECK",
    "ADOPT",
)
STATUSES = tuple(f"{a}_{s}" for a in ACTIONS for s in ("IN_PROGRESS", "FAILED", "COMPLETE"))
HEALTH_STATUSES = ("HEALTHY", "UNHEALTHY", "UNKNOWN")


def is_busy(status: str | None) -> bool:
    return bool(status and status.endswith("_IN_PROGRESS"))


class Cluster(ClusterSpec):
    cluster_template = models.ForeignKey(
        ClusterTemplate, on_delete=models.PROTECT, related_name="clusters"
    )
    stack_id = models.CharField(max_length=255, null=True)
    status = models.CharField(max_length=32, db_index=True)
    status_reason = models.TextField(null=True)
    health_status = models.CharField(max_length=32, null=True)
    health_status_reason = models.JSONField(default=dict)
    create_timeout = models.IntegerField(null=True)
    discovery_url = models.CharField(max_length=255, null=True)
    api_address = models.CharField(max_length=255, null=True)
    master_addresses = models.JSONField(default=list)
    node_addresses = models.JSONField(default=list)
    node_count = models.IntegerField(default=1)
    master_count = models.IntegerField(default=1)
    keypair = models.CharField(max_length=255, null=True)
    coe_version = models.CharField(max_length=255, null=True)
    container_version = models.CharField(max_length=255, null=True)
    faults = models.JSONField(default=dict)
