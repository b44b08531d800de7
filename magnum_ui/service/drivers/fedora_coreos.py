"""What the two Fedora CoreOS drivers share: Nova servers that Heat boots from Fedora CoreOS.

Both stacks make the same private network and router (unless the cluster
names its own), security groups, Octavia load balancer for the API when
``master_lb_enabled``, and nodes (``templates/fedora_coreos/node.yaml``):
each node boots with an Ignition config that installs the common bootstrap
steps (``bootstrap-common.sh``) and then the orchestrator's own script.  A
driver of another orchestrator on these servers declares only that::

    class NomadFedoraCoreOSDriver(FedoraCoreOSDriver):
        name = "nomad_fedora_coreos_v1"
        coe = "nomad"
        template = "templates/nomad_fedora_coreos/cluster.yaml"
        files = (*FedoraCoreOSDriver.files, "templates/nomad_fedora_coreos/bootstrap.sh")
        parameters = (*NOVA_PARAMETERS, *from_labels("nomad_tag"))
"""

from __future__ import annotations

import functools
from typing import ClassVar

from oslo_utils import strutils

from magnum_ui.service.drivers.base import (
    HeatDriver,
    Param,
    from_cluster,
    from_labels,
    from_template,
)

# A label's "true"/"false" (and yes/no, 1/0, on/off); anything else is refused.
flag = functools.partial(strutils.bool_from_string, strict=True)

# What a Fedora CoreOS cluster on Nova needs whatever runs on it.
NOVA_PARAMETERS = (
    Param("cluster_uuid", cluster="uuid", required=True),
    Param("cluster_name", cluster="name", required=True),
    Param("server_image", template="image_id", required=True),
    Param("master_flavor", cluster="master_flavor_id", template="master_flavor_id", required=True),
    Param("node_flavor", cluster="flavor_id", template="flavor_id", required=True),
    Param("ssh_key_name", cluster="keypair", template="keypair_id", required=True),
    Param("external_network", template="external_network_id", required=True),
    Param("number_of_masters", cluster="master_count", required=True),
    Param("number_of_nodes", cluster="node_count", required=True),
    Param("master_lb_floating_ip_enabled", label="master_lb_floating_ip_enabled", cast=flag),
    Param("boot_volume_size", label="boot_volume_size", cast=int),
    Param("bootstrap_timeout", cluster="create_timeout", cast=lambda minutes: 60 * int(minutes)),
    *from_cluster(
        "fixed_network", "fixed_subnet", "floating_ip_enabled", "master_lb_enabled",
        "docker_volume_size",
    ),
    *from_template(
        "dns_nameserver", "docker_storage_driver", "volume_driver", "http_proxy", "https_proxy",
        "no_proxy", "insecure_registry", "registry_enabled", "tls_disabled",
    ),
    *from_labels("fixed_subnet_cidr", "docker_volume_type", "availability_zone"),
)  # fmt: skip


class FedoraCoreOSDriver(HeatDriver):
    """Fedora CoreOS Nova servers; a subclass names its orchestrator, template and script."""

    server_type = "vm"
    os = "fedora-coreos"
    required_template_fields = ("image_id", "external_network_id")
    files: ClassVar[tuple[str, ...]] = (
        "templates/fedora_coreos/node.yaml",
        "templates/fedora_coreos/bootstrap-common.sh",
    )
    parameters = NOVA_PARAMETERS
