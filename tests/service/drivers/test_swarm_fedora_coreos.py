"""The Swarm mode on Fedora CoreOS driver: its parameter mapping, and its templates in Heat's eyes.

The driver cannot run here (no Nova): see ``cloud_helpers`` for how Heat 27
validates its templates in a child process.  Its mapping is the Nova part
every Fedora CoreOS driver has (``NOVA_PARAMETERS``), tested at length with
the Kubernetes driver.
"""

from __future__ import annotations

from typing import Any

import pytest

from magnum_ui.service.drivers import find
from magnum_ui.service.drivers.base import MappingError
from magnum_ui.service.drivers.fedora_coreos import NOVA_PARAMETERS
from magnum_ui.service.drivers.swarm_fedora_coreos import SwarmFedoraCoreOSDriver as Driver
from tests.service.drivers.cloud_helpers import DriverChecks, models


def mapped(template: dict[str, Any] | None = None, **cluster: Any) -> dict[str, Any]:
    c, t = models({"coe": "swarm-mode", **(template or {})}, **cluster)
    return Driver.stack_parameters(c, t)


def test_the_driver_is_installed_for_its_combination() -> None:
    assert find("vm", "swarm-mode", "fedora-coreos") is Driver


def test_it_maps_what_any_fedora_coreos_cluster_on_nova_needs() -> None:
    assert Driver.parameters == NOVA_PARAMETERS


def test_flavors_image_and_keypair() -> None:
    params = mapped({"image_id": "fcos-42"}, keypair="mine", flavor_id="m2.small")
    assert (params["server_image"], params["ssh_key_name"]) == ("fcos-42", "mine")
    assert (params["master_flavor"], params["node_flavor"]) == ("m1.large", "m2.small")
    assert mapped(keypair=None)["ssh_key_name"] == "template-key"


def test_tls_and_labels() -> None:
    params = mapped(
        {"tls_disabled": True, "labels": {"boot_volume_size": "15"}},
        labels={"master_lb_floating_ip_enabled": "0"},
    )
    assert params["tls_disabled"] is True
    assert params["boot_volume_size"] == 15  # the cluster has no such label: the template's
    assert params["master_lb_floating_ip_enabled"] is False


def test_a_missing_image_is_refused_by_name() -> None:
    with pytest.raises(MappingError, match="server_image"):
        mapped({"image_id": None})


class TestTemplates(DriverChecks):
    driver = Driver
    script = "templates/swarm_fedora_coreos/bootstrap.sh"
    roles = ("init", "manager", "worker")
    cases = {
        "plain": ({"coe": "swarm-mode"}, {}),
        "plain-api-behind-lb": (
            {"coe": "swarm-mode", "tls_disabled": True, "docker_volume_size": 20},
            {"master_count": 3, "master_lb_enabled": True},
        ),
        "own-network": (
            {"coe": "swarm-mode", "fixed_network": "net1", "fixed_subnet": "subnet1",
             "insecure_registry": "reg:5000"},
            {"floating_ip_enabled": False, "labels": {"boot_volume_size": "30"}},
        ),
        "no-workers": ({"coe": "swarm-mode"}, {"node_count": 0}),
    }  # fmt: skip
    expected = {
        "plain": {"network": True, "api_lb": False, "api_port": True},
        "plain-api-behind-lb": {"api_lb": True, "api_pool": True, "api_lb_floating_ip": True},
        "own-network": {"network": False, "subnet": False, "router_interface": False},
    }
    refused = {
        "registry": ({"registry_enabled": True}, "runs no registry"),
        "rexray": ({"volume_driver": "rexray"}, "installs no volume plugin"),
        "devicemapper": ({"docker_storage_driver": "devicemapper"}, "overlay2"),
    }
