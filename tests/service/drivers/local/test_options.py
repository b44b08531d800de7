"""Settings from Heat's environment, with their defaults and real errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from magnum_ui.service.drivers.local import options
from magnum_ui.service.drivers.local.options import InvalidOptions, NodeOptions


def test_defaults_apply_when_nothing_is_set() -> None:
    assert NodeOptions.from_environ({}) == NodeOptions()
    assert NodeOptions().max_nodes_per_project == 20
    assert NodeOptions().subnet_pool == "10.213.0.0/16"
    assert options.root_from_environ({}) == Path("/var/lib/magnum-ui/local-nodes")


def test_environment_variables_override_the_defaults() -> None:
    environ = {
        "MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT": "3",
        "MAGNUM_UI_LOCAL_SUBNET_POOL": "10.99.0.0/20",
        "MAGNUM_UI_LOCAL_NODES_DIR": "/srv/nodes",
    }
    assert NodeOptions.from_environ(environ) == NodeOptions(3, "10.99.0.0/20")
    assert options.root_from_environ(environ) == Path("/srv/nodes")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT", "many", "is not an integer"),
        ("MAGNUM_UI_LOCAL_MAX_NODES_PER_PROJECT", "0", "at least 1"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "8.8.0.0/16", "private IPv4 network of /24 or larger"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "10.213.0.0/25", "private IPv4 network of /24 or larger"),
        ("MAGNUM_UI_LOCAL_SUBNET_POOL", "10.213.0.1/16", "is not an IPv4 network"),
    ],
)
def test_a_bad_value_names_its_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(InvalidOptions, match=message) as failure:
        NodeOptions.from_environ({variable: value})
    assert variable in str(failure.value)


def test_a_relative_state_folder_is_refused() -> None:
    with pytest.raises(InvalidOptions, match=r"MAGNUM_UI_LOCAL_NODES_DIR: .*absolute"):
        options.root_from_environ({"MAGNUM_UI_LOCAL_NODES_DIR": "nodes"})
