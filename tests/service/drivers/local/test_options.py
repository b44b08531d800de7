"""Settings from Heat's environment, with their defaults and real errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import flavors, options
from magnum_ui.service.drivers.local.options import InvalidOptions, NodeOptions


def test_defaults_apply_when_nothing_is_set() -> None:
    assert NodeOptions.from_environ({}) == NodeOptions()
    assert NodeOptions().max_nodes_per_project == 20
    assert NodeOptions().subnet_pool == "10.213.0.0/16"
    assert options.root_from_environ({}) == Path("/var/lib/magnum-ui/local-nodes")


def test_environment_variables_override_the_defaults() -> None:
    environ = {
        "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT": "3",
        "MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT": "4",
        "MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT": "4096",
        "MAGNUM_UI_LOCAL_SUBNET_POOL": "10.99.0.0/20",
        "MAGNUM_UI_LOCAL_NODES_DIR": "/srv/nodes",
        "MAGNUM_UI_LOCAL_REGISTRY": "10.99.255.254:5050",
    }
    assert NodeOptions.from_environ(environ) == NodeOptions(
        max_nodes_per_project=3,
        max_vcpus_per_project=4,
        max_ram_mib_per_project=4096,
        subnet_pool="10.99.0.0/20",
        registry="10.99.255.254:5050",
    )
    assert options.root_from_environ(environ) == Path("/srv/nodes")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT", "many", "is not an integer"),
        ("MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT", "0", "at least 1"),
        ("MAGNUM_UI_LOCAL_MAX_VCPUS_PER_PROJECT", "-2", "at least 1"),
        ("MAGNUM_UI_LOCAL_MAX_RAM_MIB_PER_PROJECT", "lots", "is not an integer"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "8.8.0.0/16", "private IPv4 network of /24 or larger"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "10.213.0.0/25", "private IPv4 network of /24 or larger"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "10.213.0.1/16", "is not an IPv4 network"),
        ("MAGNUM_UI_LOCAL_REGISTRY", "registry.example.com:5000", "IPV4-ADDRESS:PORT"),
        ("MAGNUM_UI_LOCAL_REGISTRY", "10.0.0.1:5000/x", "is not a registry"),
    ],
)
def test_a_bad_value_names_its_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(InvalidOptions, match=message) as failure:
        NodeOptions.from_environ({variable: value})
    assert variable in str(failure.value)


def test_a_relative_state_folder_is_refused() -> None:
    with pytest.raises(InvalidOptions, match=r"MAGNUM_UI_LOCAL_NODES_DIR: .*absolute"):
        options.root_from_environ({"MAGNUM_UI_LOCAL_NODES_DIR": "nodes"})


def test_the_project_bound_names_the_first_limit_passed() -> None:
    """A project over its vCPUs (nodes still fine) is told the vCPU bound and its setting."""
    small, medium = flavors.get("local.small"), flavors.get("local.medium")
    bounded = NodeOptions(max_nodes_per_project=10, max_vcpus_per_project=4)
    assert bounded.project_refusal("p1", [small, small], small) is None
    refusal = bounded.project_refusal("p1", [medium, small], medium)
    assert refusal is not None
    assert "5 vCPUs of local nodes, more than the 4" in refusal
    assert "max_vcpus_per_project=4" in refusal
