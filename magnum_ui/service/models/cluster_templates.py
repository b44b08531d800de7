"""Cluster templates (bay models): what a cluster is made of."""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.base import ProjectOwned


class NodeSpec(ProjectOwned):
    """What nodes are made of, as a template, a cluster and a node group each say.

    A node group takes what it does not say from its cluster, which takes it
    from its template (``clusters.create``, ``nodegroups._inherit``).
    """

    labels = models.JSONField(default=dict)
    flavor_id = models.CharField(max_length=255, null=True)
    docker_volume_size = models.IntegerField(null=True)

    class Meta(ProjectOwned.Meta):
        abstract = True


class ClusterSpec(NodeSpec):
    """What a cluster takes from its template unless its create request says otherwise."""

    master_flavor_id = models.CharField(max_length=255, null=True)
    fixed_network = models.CharField(max_length=255, null=True)
    fixed_subnet = models.CharField(max_length=255, null=True)
    floating_ip_enabled = models.BooleanField(default=True)
    master_lb_enabled = models.BooleanField(default=False)

    class Meta(NodeSpec.Meta):
        abstract = True


class ClusterTemplate(ClusterSpec):
    coe = models.CharField(max_length=32)
    image_id = models.CharField(max_length=255, null=True)
    keypair_id = models.CharField(max_length=255, null=True)
    external_network_id = models.CharField(max_length=255, null=True)
    network_driver = models.CharField(max_length=255, null=True)
    volume_driver = models.CharField(max_length=255, null=True)
    dns_nameserver = models.CharField(max_length=255, null=True)
    apiserver_port = models.IntegerField(null=True)
    docker_storage_driver = models.CharField(max_length=255, null=True)
    cluster_distro = models.CharField(max_length=255, null=True)
    http_proxy = models.CharField(max_length=255, null=True)
    https_proxy = models.CharField(max_length=255, null=True)
    no_proxy = models.CharField(max_length=255, null=True)
    registry_enabled = models.BooleanField(default=False)
    insecure_registry = models.CharField(max_length=255, null=True)
    tls_disabled = models.BooleanField(default=False)
    public = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    server_type = models.CharField(max_length=32, default="vm")
    tags = models.CharField(max_length=255, null=True)
    driver = models.CharField(max_length=255, null=True)
