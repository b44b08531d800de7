"""The Kubernetes on Fedora CoreOS driver: its parameter mapping, and its templates in Heat's eyes.

The driver cannot run here (no Nova): see ``cloud_helpers`` for how Heat 27
validates its templates in a child process.
"""

from __future__ import annotations

from typing import Any

import pytest

from magnum_ui.service.drivers import find
from magnum_ui.service.drivers.base import MappingError
from magnum_ui.service.drivers.k8s_fedora_coreos import KubernetesFedoraCoreOSDriver as Driver
from tests.service.drivers.cloud_helpers import DriverChecks, models


def mapped(template: dict[str, Any] | None = None, **cluster: Any) -> dict[str, Any]:
    c, t = models(template, **cluster)
    return Driver.stack_parameters(c, t)


def test_the_driver_is_installed_for_its_combination() -> None:
    assert find("vm", "kubernetes", "fedora-coreos") is Driver


def test_a_plain_cluster_maps_to_these_parameters() -> None:
    c, t = models()
    assert Driver.stack_parameters(c, t) == {
        "cluster_uuid": c.uuid,
        "cluster_name": "c1",
        "server_image": "fedora-coreos-41",
        "master_flavor": "m1.large",
        "node_flavor": "m1.medium",
        "ssh_key_name": "template-key",
        "external_network": "public",
        "dns_nameserver": "9.9.9.9",
        "floating_ip_enabled": True,
        "master_lb_enabled": False,
        "number_of_masters": 1,
        "number_of_nodes": 2,
        "registry_enabled": False,
        "tls_disabled": False,
        "bootstrap_timeout": 3600,
    }


def test_the_clusters_flavors_win_over_the_templates() -> None:
    params = mapped(master_flavor_id="m2.xlarge", flavor_id="m2.small")
    assert (params["master_flavor"], params["node_flavor"]) == ("m2.xlarge", "m2.small")
    params = mapped(master_flavor_id=None, flavor_id="")
    assert (params["master_flavor"], params["node_flavor"]) == ("m1.large", "m1.medium")


def test_the_image_comes_from_the_template() -> None:
    assert mapped({"image_id": "fcos-42"})["server_image"] == "fcos-42"


def test_the_clusters_keypair_wins_over_the_templates() -> None:
    assert mapped(keypair="mine")["ssh_key_name"] == "mine"
    assert mapped(keypair=None)["ssh_key_name"] == "template-key"


def test_networks_volumes_counts_and_proxies() -> None:
    params = mapped(
        {"fixed_network": "tnet", "fixed_subnet": "tsub", "docker_volume_size": 10,
         "docker_storage_driver": "overlay", "volume_driver": "cinder",
         "http_proxy": "http://proxy:3128", "https_proxy": "http://proxy:3129",
         "no_proxy": "10.0.0.0/8", "insecure_registry": "reg:5000", "apiserver_port": 8443},
        fixed_network="cnet", docker_volume_size=50, master_count=3, node_count=5,
        floating_ip_enabled=False, master_lb_enabled=True,
    )  # fmt: skip
    assert {k: params[k] for k in (
        "fixed_network", "fixed_subnet", "docker_volume_size", "docker_storage_driver",
        "volume_driver", "http_proxy", "https_proxy", "no_proxy", "insecure_registry",
        "kube_api_port", "number_of_masters", "number_of_nodes", "floating_ip_enabled",
        "master_lb_enabled",
    )} == {
        "fixed_network": "cnet", "fixed_subnet": "tsub", "docker_volume_size": 50,
        "docker_storage_driver": "overlay", "volume_driver": "cinder",
        "http_proxy": "http://proxy:3128", "https_proxy": "http://proxy:3129",
        "no_proxy": "10.0.0.0/8", "insecure_registry": "reg:5000", "kube_api_port": 8443,
        "number_of_masters": 3, "number_of_nodes": 5, "floating_ip_enabled": False,
        "master_lb_enabled": True,
    }  # fmt: skip


def test_labels_are_cast_to_the_parameters_types() -> None:
    params = mapped(
        {"labels": {"kube_tag": "v1.30.2", "boot_volume_size": "10"}},
        labels={"boot_volume_size": "40", "master_lb_floating_ip_enabled": "false",
                "flannel_network_cidr": "10.244.0.0/16", "docker_volume_type": "ssd",
                "availability_zone": "az2", "container_infra_prefix": "reg:5000/k8s"},
    )  # fmt: skip
    assert params["boot_volume_size"] == 40  # the cluster's label wins, as an int
    assert params["master_lb_floating_ip_enabled"] is False
    assert params["kube_tag"] == "v1.30.2"  # the template's label, the cluster having none
    assert (params["pods_network_cidr"], params["docker_volume_type"]) == ("10.244.0.0/16", "ssd")
    assert (params["availability_zone"], params["container_infra_prefix"]) == (
        "az2", "reg:5000/k8s",
    )  # fmt: skip
    assert (
        mapped(labels={"master_lb_floating_ip_enabled": "yes"})["master_lb_floating_ip_enabled"]
        is True
    )


@pytest.mark.parametrize(
    ("labels", "name"),
    [
        ({"boot_volume_size": "big"}, "boot_volume_size"),
        ({"master_lb_floating_ip_enabled": "perhaps"}, "master_lb_floating_ip_enabled"),
    ],
)
def test_a_label_of_the_wrong_type_is_refused_by_name(labels: dict[str, str], name: str) -> None:
    with pytest.raises(MappingError, match=name):
        mapped(labels=labels)


@pytest.mark.parametrize(
    ("template", "cluster", "message"),
    [
        ({"image_id": None}, {}, "server_image needs the template field image_id"),
        ({"keypair_id": None}, {"keypair": None}, "ssh_key_name needs the cluster field keypair"),
        ({"external_network_id": ""}, {}, "external_network needs the template field"),
        ({"flavor_id": None}, {"flavor_id": None}, "node_flavor needs the cluster field flavor_id"),
    ],
)
def test_a_missing_required_value_is_refused_by_name(
    template: dict[str, Any], cluster: dict[str, Any], message: str
) -> None:
    with pytest.raises(MappingError, match=message):
        mapped(template, **cluster)


def test_the_create_timeout_bounds_each_nodes_bootstrap() -> None:
    assert mapped(create_timeout=90)["bootstrap_timeout"] == 5400
    assert "bootstrap_timeout" not in mapped(create_timeout=None)


class TestTemplates(DriverChecks):
    driver = Driver
    script = "templates/k8s_fedora_coreos/bootstrap.sh"
    roles = ("init", "control-plane", "worker")
    cases = {
        "plain": ({}, {}),
        "highly-available": (
            {"labels": {"kube_tag": "v1.30.2"}},
            {"master_count": 3, "master_lb_enabled": True, "docker_volume_size": 20,
             "labels": {"boot_volume_size": "40", "availability_zone": "az1",
                        "docker_volume_type": "ssd"}},
        ),
        "own-network": (
            {"fixed_network": "net1", "fixed_subnet": "subnet1", "http_proxy": "http://p:3128",
             "docker_storage_driver": "overlay", "apiserver_port": 8443},
            {"floating_ip_enabled": False, "master_lb_enabled": True,
             "labels": {"master_lb_floating_ip_enabled": "false"}},
        ),
        "no-workers": ({}, {"node_count": 0}),
    }  # fmt: skip
    expected = {
        "plain": {"network": True, "router_interface": True, "api_lb": False},
        "highly-available": {"api_lb": True, "api_lb_floating_ip": True, "api_monitor": True},
        "own-network": {"network": False, "subnet": False, "router": False, "api_lb": True,
                        "api_lb_floating_ip": False},
    }  # fmt: skip
    refused = {
        "tls": ({"tls_disabled": True}, "always served over TLS"),
        "registry": ({"registry_enabled": True}, "runs no registry"),
        "cinder": ({"volume_driver": "cinder"}, "installs no volume plugin"),
        "calico": ({"network_driver": "calico"}, "installs flannel only"),
        "kube-tag": ({"kube_tag": "latest"}, "kube_tag"),
        "devicemapper": ({"docker_storage_driver": "devicemapper"}, "overlay"),
    }
