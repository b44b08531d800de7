"""The forms' choices: Glance, Nova and Neutron through Horizon's API modules, failing soft.

Glance, Nova and Neutron cannot run here (the all-in-one has none of them),
so Horizon's ``api.glance``, ``api.nova`` and ``api.neutron`` functions and
the catalog check are replaced with recorded answers; the service's
``/v1/drivers`` answer is replaced too (the end-to-end tests read the real one).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest

from magnum_ui.dashboard.api import choices

SMALL = {"id": "local.small", "name": "local.small", "vcpus": 1.0, "ram": 1024, "disk": 10}
SERVICE_DRIVERS = [
    {"name": "local_swarm", "coe": "swarm-mode", "server_type": "local", "os": "docker",
     "requires": [], "flavors": [SMALL], "project_limits": {"nodes": 20},
     "node_limits": {"masters": 5, "default_workers": 90}},
    {"name": "k8s_fedora_coreos_v1", "coe": "kubernetes", "server_type": "vm",
     "os": "fedora-coreos", "requires": ["image_id"], "flavors": [], "project_limits": None,
     "node_limits": None},
]  # fmt: skip


@pytest.fixture(autouse=True)
def service_drivers() -> Iterator[mock.MagicMock]:
    with mock.patch.object(choices.magnum, "driver_list", return_value=SERVICE_DRIVERS) as found:
        yield found


def _request() -> Any:
    return SimpleNamespace(user=SimpleNamespace(project_id="project-1"))


def _catalog(*enabled: str) -> Any:
    return mock.patch.object(
        choices.base, "is_service_enabled", side_effect=lambda _request, kind: kind in enabled
    )


def test_without_glance_nova_neutron_every_list_is_empty_with_a_reason(
    service_drivers: mock.MagicMock,
) -> None:
    """A catalog with none of the services gives empty lists that say which service is missing."""
    service_drivers.return_value = [SERVICE_DRIVERS[1]]  # no driver of its own flavors
    with _catalog(), mock.patch.object(choices.nova, "flavor_list") as flavors:
        found = choices.bay_choices(_request())
    flavors.assert_not_called()
    assert found["images"] == {
        "items": [],
        "unavailable": "The image service (Glance) is not in this cloud's catalog.",
    }
    assert found["flavors"]["unavailable"] == (
        "The compute service (Nova) is not in this cloud's catalog."
    )
    assert found["keypairs"]["items"] == []
    assert found["networks"]["unavailable"].startswith("The network service (Neutron)")
    assert found["external_networks"]["items"] == []


def test_drivers_and_their_own_flavors_come_from_the_service() -> None:
    """The service's drivers are offered as it lists them, with their node limits (the
    Create Bay form's bounds), and its local flavors without Nova."""
    with _catalog():
        found = choices.bay_choices(_request())
    assert [coe["id"] for coe in found["coes"]] == ["swarm-mode", "kubernetes"]
    local = next(d for d in found["drivers"] if d["server_type"] == "local")
    assert (local["coe"], local["os"], local["flavors"]) == ("swarm-mode", "docker", [SMALL])
    assert local["node_limits"] == {"masters": 5, "default_workers": 90}
    assert found["drivers_source"] is None
    assert found["flavors"]["items"] == [{**SMALL, "group": "local_swarm (local)"}]
    assert found["flavors"]["unavailable"] is None
    assert found["flavors"]["note"] == "The compute service (Nova) is not in this cloud's catalog."


def test_an_unreachable_service_leaves_no_drivers_and_says_why(
    service_drivers: mock.MagicMock,
) -> None:
    """When /v1/drivers fails, the lists of drivers and local flavors are empty with the reason."""
    service_drivers.side_effect = RuntimeError("no answer")
    with _catalog():
        found = choices.bay_choices(_request())
    assert found["drivers"] == []
    assert found["drivers_source"] == "The service did not list its drivers: no answer"
    assert found["flavors"]["unavailable"].startswith("The compute service (Nova)")


def test_lists_come_from_each_service() -> None:
    """With all three services the lists carry what the forms need, with no reason."""
    image = SimpleNamespace(id="img-1", name="fedora-coreos-40", os_distro="fedora-coreos")
    flavor = SimpleNamespace(id="f-1", name="m1.small", vcpus=1, ram=2048, disk=20)
    keypair = SimpleNamespace(name="mykey")
    subnet = {"id": "s-1", "name": "private-subnet", "cidr": "10.0.0.0/24"}
    private = {"id": "n-1", "name": "private", "subnets": [subnet, "s-2"]}
    public = {"id": "n-2", "name": "", "subnets": []}
    with (
        _catalog("image", "compute", "network"),
        mock.patch.object(choices.glance, "image_list_detailed", return_value=([image], 0, 0)),
        mock.patch.object(choices.nova, "flavor_list", return_value=[flavor]),
        mock.patch.object(choices.nova, "keypair_list", return_value=[keypair]),
        mock.patch.object(choices.neutron, "network_list_for_tenant", return_value=[private]),
        mock.patch.object(choices.neutron, "network_list", return_value=[public]) as external,
    ):
        found = choices.bay_choices(_request())
    assert found["images"] == {
        "items": [{"id": "img-1", "name": "fedora-coreos-40", "os_distro": "fedora-coreos"}],
        "unavailable": None,
    }
    # Nova's flavors and the local driver's, each under who defines them.
    assert found["flavors"]["items"] == [
        {"id": "f-1", "name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20, "group": "Nova"},
        {**SMALL, "group": "local_swarm (local)"},
    ]
    assert found["keypairs"]["items"] == [{"id": "mykey", "name": "mykey"}]
    assert found["networks"]["items"] == [
        {
            "id": "n-1",
            "name": "private",
            "subnets": [subnet, {"id": "s-2", "name": "s-2", "cidr": None}],
        }
    ]
    # A network without a name is shown by its id; only external networks are asked for.
    assert found["external_networks"]["items"] == [{"id": "n-2", "name": "n-2", "subnets": []}]
    assert external.call_args.kwargs == {"router:external": True}


def test_one_failing_service_leaves_the_others_usable() -> None:
    """Nova erroring empties flavors and key pairs with its reason; Glance still answers."""
    image = SimpleNamespace(id="img-1", name="img", os_distro=None)
    with (
        _catalog("image", "compute"),
        mock.patch.object(choices.glance, "image_list_detailed", return_value=([image], 0, 0)),
        mock.patch.object(choices.nova, "flavor_list", side_effect=RuntimeError("Nova is down")),
        mock.patch.object(choices.nova, "keypair_list", side_effect=RuntimeError("Nova is down")),
    ):
        found = choices.bay_choices(_request())
    assert found["images"]["items"][0]["id"] == "img-1"
    assert found["flavors"]["items"] == [{**SMALL, "group": "local_swarm (local)"}]
    assert found["flavors"]["note"] == "Nova did not answer the list: Nova is down"
    assert found["keypairs"]["unavailable"] == "Nova did not answer the list: Nova is down"
