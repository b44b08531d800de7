"""The forms' choices: Glance, Nova and Neutron through Horizon's API modules, failing soft.

Glance, Nova and Neutron cannot run here (the all-in-one has none of them),
so Horizon's ``api.glance``, ``api.nova`` and ``api.neutron`` functions and
the catalog check are replaced with recorded answers.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from types import SimpleNamespace
from typing import Any
from unittest import mock

from magnum_ui.dashboard.api import choices


def _request() -> Any:
    return SimpleNamespace(user=SimpleNamespace(project_id="project-1"))


def _catalog(*enabled: str) -> Any:
    return mock.patch.object(
        choices.base, "is_service_enabled", side_effect=lambda _request, kind: kind in enabled
    )


def test_without_glance_nova_neutron_every_list_is_empty_with_a_reason() -> None:
    """A catalog with none of the services gives empty lists that say which service is missing."""
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


def test_coes_and_drivers_are_always_there() -> None:
    with _catalog():
        found = choices.bay_choices(_request())
    assert [coe["id"] for coe in found["coes"]] == ["swarm-mode", "kubernetes"]
    local = next(d for d in found["drivers"] if d["server_type"] == "local")
    assert (local["coe"], local["os"]) == ("swarm-mode", "docker")
    assert "does not list its drivers" in found["drivers_source"]


def test_the_driver_list_matches_the_services_entry_points() -> None:
    """The constant names exactly the drivers the service package registers."""
    registered = {ep.name for ep in entry_points(group="magnum_ui.drivers")}
    assert {driver["name"] for driver in choices.DRIVERS} == registered


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
    assert found["flavors"]["items"] == [
        {"id": "f-1", "name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20}
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
    assert found["flavors"] == {
        "items": [],
        "unavailable": "Nova did not answer the list: Nova is down",
    }
    assert found["keypairs"]["unavailable"] == "Nova did not answer the list: Nova is down"
