"""Node groups: the masters and workers of a cluster, as Magnum 1.9+ exposes them.

Every cluster has two default groups, ``default-master`` and
``default-worker``, whose counts follow the cluster's ``master_count`` and
``node_count``; users may add more worker groups.
"""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.cluster_templates import NodeSpec
from magnum_ui.service.models.clusters import Cluster

MASTER, WORKER = "master", "worker"


class NodeGroup(NodeSpec):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="nodegroups")
    role = models.CharField(max_length=255)
    is_default = models.BooleanField(default=False)
    node_count = models.IntegerField(default=1)
    min_node_count = models.IntegerField(default=0)
    max_node_count = models.IntegerField(null=True)
    image_id = models.CharField(max_length=255, null=True)
    node_addresses = models.JSONField(default=list)
    stack_id = models.CharField(max_length=255, null=True)
    status = models.CharField(max_length=32, null=True)
    status_reason = models.TextField(null=True)
    version = models.CharField(max_length=255, null=True)
    merge_labels = models.BooleanField(default=False)
    # Where an added group's nodes go in its cluster's stack (0, 1, ...); none for
    # the default groups.  Kept for the group's life, so its nodes never move.
    slot = models.IntegerField(null=True)
    # The names of its nodes, as the stack last reported them (nodes_to_remove is checked
    # against them and node_addresses).
    node_names = models.JSONField(default=list)

    class Meta(NodeSpec.Meta):
        constraints = [
            models.UniqueConstraint(fields=["cluster", "name"], name="nodegroup_name_per_cluster")
        ]
