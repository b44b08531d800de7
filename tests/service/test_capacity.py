"""Per-project bounds on local nodes, vCPUs and memory, and local flavors, refused at request time.

The checks run in the API before any operation is queued: these tests look
at the answers and at what was (not) recorded, not at a conductor.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from magnum_ui.service import conf
from magnum_ui.service.models import Cluster, Operation
from tests.service.api.helpers import cluster, detail, get, send, template

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]


@pytest.fixture
def local() -> Any:
    return template(
        "local-swarm", server_type="local", driver="local_swarm", flavor_id="local.small",
        master_flavor_id="local.small", public=True,
    )  # fmt: skip


@pytest.fixture
def bounds() -> Iterator[None]:
    """A project may have 5 local nodes, 3 vCPUs and 4 GiB."""
    for name, value in (("max_nodes_per_project", 5), ("max_vcpus_per_project", 3),
                        ("max_ram_mib_per_project", 4096)):  # fmt: skip
        conf.CONF.set_override(name, value, group="local_driver")
    yield
    conf.CONF.clear_override("max_nodes_per_project", group="local_driver")
    conf.CONF.clear_override("max_vcpus_per_project", group="local_driver")
    conf.CONF.clear_override("max_ram_mib_per_project", group="local_driver")


def create(client: Client, **body: Any) -> Any:
    return send(client, "POST", "/v1/clusters", body, HTTP_X_AUTH_TOKEN="t")


@pytest.mark.usefixtures("bounds")
def test_a_bay_over_the_vcpu_bound_is_refused_with_403_naming_it(
    client: Client, local: Any
) -> None:
    """1 master + 3 small workers is 4 vCPUs: 403 naming the vCPU bound, and nothing recorded."""
    response = create(client, name="big", cluster_template_id=local.uuid, node_count=3)
    assert response.status_code == 403
    assert "4 vCPUs of local nodes, more than the 3" in detail(response)
    assert "max_vcpus_per_project=3" in detail(response)
    assert not Cluster.objects.exists()
    assert not Operation.objects.exists()


@pytest.mark.usefixtures("bounds")
def test_the_bound_counts_every_bay_of_the_project_and_no_other_project(
    client: Client, local: Any
) -> None:
    """A second bay past the bound is refused; other projects' bays do not count."""
    theirs = cluster("theirs", local, project_id="p-other", node_count=50)
    assert theirs.pk
    assert create(client, name="a", cluster_template_id=local.uuid, node_count=1).status_code == 202
    # 2 nodes, 2 vCPUs so far: one more small worker fits, two do not.
    response = create(client, name="b", cluster_template_id=local.uuid, node_count=1)
    assert response.status_code == 403
    assert "vCPUs" in detail(response)


@pytest.mark.usefixtures("bounds")
def test_a_resize_over_the_bound_is_refused_and_changes_nothing(client: Client, local: Any) -> None:
    """Resizing past the bound answers 403 and keeps the stored counts."""
    made = create(client, name="a", cluster_template_id=local.uuid, node_count=1).json()
    Cluster.objects.filter(uuid=made["uuid"]).update(status="CREATE_COMPLETE")
    path = f"/v1/clusters/{made['uuid']}/actions/resize"
    response = send(client, "POST", path, {"node_count": 4}, HTTP_X_AUTH_TOKEN="t",
                    HTTP_OPENSTACK_API_VERSION="container-infra latest")  # fmt: skip
    assert response.status_code == 403
    assert "MiB of memory" in detail(response) or "vCPUs" in detail(response)
    again = Cluster.objects.get(uuid=made["uuid"])
    assert (again.node_count, again.status) == (1, "CREATE_COMPLETE")
    patch = [{"op": "replace", "path": "/node_count", "value": 4}]
    response = send(client, "PATCH", f"/v1/clusters/{made['uuid']}", patch, HTTP_X_AUTH_TOKEN="t")
    assert response.status_code == 403
    assert Cluster.objects.get(uuid=made["uuid"]).node_count == 1


def test_a_flavor_that_is_not_local_is_refused_for_a_local_bay(client: Client, local: Any) -> None:
    """A local bay asking for a Nova flavor gets 400 listing the local flavors."""
    response = create(client, cluster_template_id=local.uuid, flavor_id="m1.small")
    assert response.status_code == 400
    assert "'m1.small' is not a local flavor" in detail(response)
    assert "local.tiny, local.small, local.medium" in detail(response)
    assert not Cluster.objects.exists()


def test_local_bay_models_take_local_flavors_and_bounded_volumes(client: Client) -> None:
    """A local bay model with a Nova flavor or a 500 GiB volume is 400; local flavors are 201."""
    body = {"name": "m", "coe": "swarm-mode", "server_type": "local"}
    ok = send(client, "POST", "/v1/clustertemplates", {**body, "flavor_id": "local.tiny"})
    assert ok.status_code == 201
    bad = send(client, "POST", "/v1/clustertemplates", {**body, "name": "n", "flavor_id": "m1"})
    assert bad.status_code == 400
    assert "flavor_id" in detail(bad)
    huge = send(client, "POST", "/v1/clustertemplates",
                {**body, "name": "h", "docker_volume_size": 500})  # fmt: skip
    assert huge.status_code == 400
    assert "1 to 100" in detail(huge)
    patch = [{"op": "replace", "path": "/master_flavor_id", "value": "m1.large"}]
    patched = send(client, "PATCH", f"/v1/clustertemplates/{ok.json()['uuid']}", patch)
    assert patched.status_code == 400
    assert "master_flavor_id" in detail(patched)


def test_the_drivers_route_lists_the_local_flavors_and_bounds(client: Client) -> None:
    """GET /v1/drivers names every installed driver; the local one with its flavors and bounds."""
    from importlib.metadata import entry_points

    found = get(client, "/v1/drivers").json()["drivers"]
    assert {d["name"] for d in found} == {ep.name for ep in entry_points(group="magnum_ui.drivers")}
    local = next(d for d in found if d["name"] == "local_swarm")
    assert [f["id"] for f in local["flavors"]] == ["local.tiny", "local.small", "local.medium"]
    small = local["flavors"][1]
    assert (small["vcpus"], small["ram"], small["disk"]) == (1.0, 1024, 10)
    assert local["project_limits"] == {"nodes": 20, "vcpus": 20, "ram": 20480}
    limits = local["node_limits"]
    assert (limits["masters"], limits["default_workers"], limits["groups"]) == (10, 90, 7)
    assert limits["group_nodes"] == 20
    cloud = next(d for d in found if d["server_type"] == "vm")
    assert (cloud["flavors"], cloud["project_limits"]) == ([], None)
