"""``/v1/clusters/{cluster}/nodegroups`` as python-magnumclient 5.0.0 calls it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from magnumclient.v1.nodegroups import NodeGroupManager

from magnum_ui.service import nodegroup_state
from magnum_ui.service.models import Cluster, NodeGroup, Operation
from tests.service.api.helpers import cluster, finish_work, identity, template

pytestmark = pytest.mark.django_db

V19 = {"HTTP_OPENSTACK_API_VERSION": "container-infra 1.9"}
MEMBER = {**identity(), **V19}
READER = {**identity(roles="reader"), **V19}


@pytest.fixture
def bay() -> Cluster:
    """A running cluster of p-demo with its two default groups."""
    tmpl = template(image_id="fcos-38", flavor_id="m1.small")
    c = cluster(
        "k8s",
        tmpl,
        master_count=1,
        node_count=2,
        flavor_id="m1.medium",
        labels={"kube_tag": "v1.28", "boot_volume_size": "10"},
        api_address="https://10.0.0.5:6443",
    )
    nodegroup_state.create_defaults(c)
    return c


def _path(c: Cluster, rest: str = "") -> str:
    return f"/v1/clusters/{c.name}/nodegroups/{rest}"


def _post(client: Client, c: Cluster, body: Any, **headers: Any) -> Any:
    return client.post(
        _path(c), json.dumps(body), content_type="application/json", **{**MEMBER, **headers}
    )


def _patch(client: Client, c: Cluster, ident: str, patch: Any, **headers: Any) -> Any:
    return client.patch(
        _path(c, ident), json.dumps(patch), content_type="application/json", **{**MEMBER, **headers}
    )


def _detail(response: Any) -> str:
    return str(response.json()["errors"][0]["detail"])


def _extra(c: Cluster, name: str = "gpu", role: str = "worker", **fields: Any) -> NodeGroup:
    return NodeGroup.objects.create(
        cluster=c, name=name, role=role, project_id=c.project_id, user_id="u", **fields
    )


# What ``openstack coe nodegroup create k8s gpu`` sends with its defaults.
CLIENT_CREATE = {
    "name": "gpu",
    "node_count": 1,
    "max_node_count": None,
    "min_node_count": 0,
    "role": "worker",
}


@pytest.mark.parametrize(
    ("method", "rest"), [("get", ""), ("get", "detail"), ("get", "default-worker"), ("delete", "x")]
)
def test_node_groups_need_microversion_1_9(
    client: Client, bay: Cluster, method: str, rest: str
) -> None:
    """Below 1.9 the node group routes are a 404, as in Magnum."""
    response = getattr(client, method)(
        _path(bay, rest), **identity(), HTTP_OPENSTACK_API_VERSION="container-infra 1.8"
    )
    assert response.status_code == 404
    assert "1.9" in _detail(response)


def test_list_is_a_summary_of_both_default_groups(client: Client, bay: Cluster) -> None:
    """The list names both default groups with Magnum's summary fields and nested links."""
    response = client.get(_path(bay), **MEMBER)
    assert response.status_code == 200
    items = response.json()["nodegroups"]
    assert [(g["name"], g["role"], g["node_count"]) for g in items] == [
        ("default-master", "master", 1),
        ("default-worker", "worker", 2),
    ]
    worker = items[1]
    assert worker["is_default"] is True
    assert worker["flavor_id"] == "m1.medium"
    assert worker["image_id"] == "fcos-38"
    assert "labels" not in worker
    assert worker["links"][0]["href"] == (
        f"http://testserver/v1/clusters/{bay.uuid}/nodegroups/{worker['uuid']}"
    )
    assert worker["links"][1]["href"] == (
        f"http://testserver/clusters/{bay.uuid}/nodegroups/{worker['uuid']}"
    )


def test_pagination_keeps_the_role_filter(client: Client, bay: Cluster) -> None:
    """Following next links with a role filter walks only that role's groups, once each."""
    for name, role in (("a", "worker"), ("i", "infra"), ("b", "worker"), ("c", "worker")):
        _extra(bay, name, role=role)
    seen: list[str] = []
    url = _path(bay, "?role=worker&limit=2")
    while url:
        body = client.get(url, **MEMBER).json()
        seen += [g["name"] for g in body["nodegroups"]]
        url = body.get("next", "").replace("http://testserver", "")
    assert seen == ["default-worker", "a", "b", "c"]


def test_detail_list_and_show_have_every_field(client: Client, bay: Cluster) -> None:
    """/detail and show carry cluster_id (the cluster's uuid), counts, labels and their diff."""
    group = _extra(bay, labels={"kube_tag": "v1.29", "gpu": "true"}, max_node_count=5)
    item = client.get(_path(bay, "detail"), **MEMBER).json()["nodegroups"][2]
    shown = client.get(_path(bay, group.uuid), **MEMBER).json()
    for body in (item, shown):
        assert body["cluster_id"] == bay.uuid
        assert body["project_id"] == "p-demo"
        assert (body["min_node_count"], body["max_node_count"]) == (0, 5)
        assert body["labels_overridden"] == {"kube_tag": "v1.28"}
        assert body["labels_added"] == {"gpu": "true"}
        assert body["labels_skipped"] == {"boot_volume_size": "10"}
        assert body["merge_labels"] is False
        assert body["created_at"]


def test_another_projects_cluster_is_not_found(client: Client, bay: Cluster) -> None:
    """A caller of another project gets 404 for the cluster, whatever the method."""
    other = {**identity(project_id="p-other"), **V19}
    assert client.get(_path(bay), **other).status_code == 404
    assert client.get(_path(bay, "default-worker"), **other).status_code == 404
    assert _post(client, bay, CLIENT_CREATE, **other).status_code == 404
    assert client.delete(_path(bay, "default-worker"), **other).status_code == 404
    assert not NodeGroup.objects.filter(name="gpu").exists()


def test_reader_reads_but_cannot_change(client: Client, bay: Cluster) -> None:
    """A reader lists and shows; create, update and delete are 403 and change nothing."""
    _extra(bay)
    assert client.get(_path(bay), **READER).status_code == 200
    assert client.get(_path(bay, "gpu"), **READER).status_code == 200
    created = _post(client, bay, {**CLIENT_CREATE, "name": "more"}, **READER)
    patched = _patch(
        client, bay, "gpu", [{"op": "replace", "path": "/max_node_count", "value": 3}], **READER
    )
    deleted = client.delete(_path(bay, "gpu"), **READER)
    for response in (created, patched, deleted):
        assert response.status_code == 403
        assert "nodegroup:" in _detail(response)
    assert NodeGroup.objects.get(name="gpu").status is None
    assert not NodeGroup.objects.filter(name="more").exists()


def test_create_as_the_client_sends_it(client: Client, bay: Cluster) -> None:
    """POST answers 202 with the new group, inheriting image, flavor and labels from the cluster."""
    response = _post(client, bay, CLIENT_CREATE)
    assert response.status_code == 202
    body = response.json()
    assert body["name"] == "gpu"
    assert (body["role"], body["node_count"], body["is_default"]) == ("worker", 1, False)
    assert body["image_id"] == "fcos-38"
    assert body["flavor_id"] == "m1.medium"
    assert body["labels"] == bay.labels
    assert body["status"] == "CREATE_IN_PROGRESS"
    assert body["links"][0]["href"].endswith(f"/v1/clusters/{bay.uuid}/nodegroups/{body['uuid']}")
    stored = NodeGroup.objects.get(uuid=body["uuid"])
    assert (stored.cluster_id, stored.project_id, stored.user_id) == (bay.pk, "p-demo", "u-demo")
    bay.refresh_from_db()
    assert bay.status == "UPDATE_IN_PROGRESS"


def test_create_with_labels_and_merge_labels(client: Client, bay: Cluster) -> None:
    """Given labels replace the cluster's, unless merge_labels asks to add them on top."""
    alone = _post(client, bay, {"name": "a", "labels": {"gpu": "true"}}).json()
    assert alone["labels"] == {"gpu": "true"}
    NodeGroup.objects.all().update(status="CREATE_COMPLETE")
    finish_work(bay)
    merged = _post(client, bay, {"name": "b", "labels": {"gpu": "true"}, "merge_labels": True})
    assert merged.json()["labels"] == {**bay.labels, "gpu": "true"}
    assert merged.json()["merge_labels"] is True


def test_create_duplicate_name_is_409(client: Client, bay: Cluster) -> None:
    """A name already used in the cluster is a 409, as Magnum's NodeGroupAlreadyExists."""
    response = _post(client, bay, {"name": "default-worker"})
    assert response.status_code == 409
    assert "already exists" in _detail(response)


def test_create_master_group_is_refused(client: Client, bay: Cluster) -> None:
    """Only non-master groups can be added, as in Magnum."""
    response = _post(client, bay, {"name": "masters", "role": "master"})
    assert response.status_code == 400
    assert "master" in _detail(response)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"node_count": 1}, "name"),
        ({"name": "a/b"}, "name"),
        ({"name": "x", "node_count": -1}, "node_count"),
        ({"name": "x", "node_count": 2**40}, "greater than the maximum of 1000"),
        ({"name": "x", "min_node_count": 2**40}, "greater than the maximum of 1000"),
        ({"name": "x", "min_node_count": "2"}, "min_node_count"),
        ({"name": "x", "docker_volume_size": 0}, "docker_volume_size"),
        ({"name": "x", "labels": ["a"]}, "labels"),
        ({"name": "x", "node_labels": {"a": "b"}}, "node_labels"),
        ({"name": "x", "project_id": "p-other"}, "project_id"),
    ],
)
def test_create_bad_input_is_400(
    client: Client, bay: Cluster, body: dict[str, Any], fragment: str
) -> None:
    """A malformed or unknown field is a 400 naming it, and nothing is created."""
    response = _post(client, bay, body)
    assert response.status_code == 400
    assert fragment in _detail(response)
    assert NodeGroup.objects.count() == 2


@pytest.mark.parametrize(
    ("counts", "fragment"),
    [
        ({"node_count": 1, "min_node_count": 2}, "min_node_count (2)"),
        ({"node_count": 4, "max_node_count": 3}, "node_count (4)"),
        ({"node_count": 1, "min_node_count": 3, "max_node_count": 2}, "max_node_count (2)"),
    ],
)
def test_create_inconsistent_counts_are_409(
    client: Client, bay: Cluster, counts: dict[str, int], fragment: str
) -> None:
    """min <= node_count <= max; Magnum answers a Conflict when they are not."""
    response = _post(client, bay, {"name": "x", **counts})
    assert response.status_code == 409
    assert fragment in _detail(response)


def test_create_needs_an_api_address(client: Client, bay: Cluster) -> None:
    """A cluster not yet reachable cannot get new groups (Magnum's 409)."""
    Cluster.objects.filter(pk=bay.pk).update(api_address=None)
    response = _post(client, bay, CLIENT_CREATE)
    assert response.status_code == 409
    assert "API address" in _detail(response)


@pytest.mark.parametrize(
    "status", ["CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS"]
)
def test_busy_cluster_refuses_changes(client: Client, bay: Cluster, status: str) -> None:
    """While the cluster is *_IN_PROGRESS, create and delete are 409; new bounds still apply."""
    _extra(bay)
    Cluster.objects.filter(pk=bay.pk).update(status=status)
    responses = [
        _post(client, bay, {**CLIENT_CREATE, "name": "more"}),
        client.delete(_path(bay, "gpu"), **MEMBER),
    ]
    for response in responses:
        assert response.status_code == 409
        assert status in _detail(response)
    group = NodeGroup.objects.get(name="gpu")
    assert group.status is None
    assert not NodeGroup.objects.filter(name="more").exists()
    # Bounds change nothing that runs: they are no operation, so a busy cluster takes them.
    bounds = [{"op": "replace", "path": "/max_node_count", "value": 3}]
    assert _patch(client, bay, "gpu", bounds).status_code == 202
    assert NodeGroup.objects.get(name="gpu").max_node_count == 3


def test_patch_changes_the_bounds(client: Client, bay: Cluster) -> None:
    """Patching min/max_node_count, even of a default group, is done at once: no operation."""
    patch = [
        {"op": "replace", "path": "/min_node_count", "value": 1},
        {"op": "replace", "path": "/max_node_count", "value": 5},
    ]
    response = _patch(client, bay, "default-worker", patch)
    assert response.status_code == 202
    body = response.json()
    assert (body["min_node_count"], body["max_node_count"]) == (1, 5)
    assert body["status"] != "UPDATE_IN_PROGRESS"
    stored = NodeGroup.objects.get(name="default-worker")
    assert (stored.min_node_count, stored.max_node_count) == (1, 5)
    assert not Operation.objects.filter(cluster=bay).exists()
    bay.refresh_from_db()
    assert not bay.status.endswith("_IN_PROGRESS")


def test_patch_remove_resets_to_the_default(client: Client, bay: Cluster) -> None:
    """Removing a bound sets min back to 0 and max back to none."""
    _extra(bay, min_node_count=1, max_node_count=4)
    patch = [
        {"op": "remove", "path": "/max_node_count"},
        {"op": "remove", "path": "/min_node_count"},
    ]
    body = _patch(client, bay, "gpu", patch).json()
    assert (body["min_node_count"], body["max_node_count"]) == (0, None)


@pytest.mark.parametrize(
    ("patch", "status", "fragment"),
    [
        ([{"op": "replace", "path": "/node_count", "value": 3}], 400, "resize"),
        ([{"op": "replace", "path": "/node_labels", "value": "{}"}], 400, "node_labels"),
        ([{"op": "replace", "path": "/min_node_count", "value": -1}], 400, "min_node_count"),
        ([{"op": "replace", "path": "/min_node_count", "value": None}], 400, "min_node_count"),
        ({"op": "replace"}, 400, "JSON patch"),
        ([{"op": "replace", "path": "/min_node_count", "value": 3}], 409, "node_count (2)"),
        ([{"op": "replace", "path": "/max_node_count", "value": 1}], 409, "max_node_count (1)"),
    ],
)
def test_patch_refusals(
    client: Client, bay: Cluster, patch: Any, status: int, fragment: str
) -> None:
    """Only the bounds may change, to non-negative integers that keep min <= count <= max."""
    _extra(bay, node_count=2)
    response = _patch(client, bay, "gpu", patch)
    assert response.status_code == status
    assert fragment in _detail(response)
    assert NodeGroup.objects.get(name="gpu").status is None


def test_delete_marks_the_group_for_removal(client: Client, bay: Cluster) -> None:
    """DELETE answers 204 and leaves the group DELETE_IN_PROGRESS until the conductor removes it."""
    group = _extra(bay)
    response = client.delete(_path(bay, group.uuid), **MEMBER)
    assert response.status_code == 204
    group.refresh_from_db()
    assert group.status == "DELETE_IN_PROGRESS"
    bay.refresh_from_db()
    assert bay.status == "UPDATE_IN_PROGRESS"


@pytest.mark.parametrize("name", ["default-master", "default-worker"])
def test_default_groups_cannot_be_deleted(client: Client, bay: Cluster, name: str) -> None:
    """Deleting default-master or default-worker is a 400 with the reason, as in Magnum."""
    response = client.delete(_path(bay, name), **MEMBER)
    assert response.status_code == 400
    assert "default node group" in _detail(response)
    assert NodeGroup.objects.get(cluster=bay, name=name).status == bay.status


def test_groups_of_another_cluster_are_not_reachable(client: Client, bay: Cluster) -> None:
    """A group is looked up only among its own cluster's groups; others are a 404."""
    other = cluster("other", bay.cluster_template)
    stray = _extra(other, "stray")
    response = client.get(_path(bay, stray.uuid), **MEMBER)
    assert response.status_code == 404
    assert stray.uuid in _detail(response)
    assert client.delete(_path(bay, "stray"), **MEMBER).status_code == 404


class _DjangoApi:
    """What magnumclient's HTTP client does with an answer, over Django's test client."""

    def __init__(self, client: Client, headers: dict[str, str]):
        self.client, self.headers = client, headers

    def json_request(self, method: str, url: str, body: Any = None) -> tuple[Any, Any]:
        data = json.dumps(body) if body is not None else ""
        resp = self.client.generic(
            method, url, data, content_type="application/json", **self.headers
        )
        assert resp.status_code < 400, resp.content
        return resp, ([] if resp.status_code in (204, 205) else resp.json())

    def raw_request(self, method: str, url: str) -> tuple[Any, Any]:
        return self.json_request(method, url)


def test_magnumclient_drives_the_whole_lifecycle(client: Client, bay: Cluster) -> None:
    """magnumclient 5.0.0's NodeGroupManager lists, pages, filters, creates, updates and deletes."""
    admin = {**identity(project_id="p-admin", roles="admin,member,reader"), **V19}
    manager = NodeGroupManager(_DjangoApi(client, admin))
    assert [g.name for g in manager.list("k8s")] == ["default-master", "default-worker"]
    assert [g.name for g in manager.list("k8s", role="master")] == ["default-master"]
    assert [g.name for g in manager.list("k8s", limit=1)] == ["default-master"]
    assert manager.get("k8s", "default-worker").cluster_id == bay.uuid
    created = manager.create("k8s", **{**CLIENT_CREATE, "role": "infra"})
    assert (created.name, created.role, created.status) == ("gpu", "infra", "CREATE_IN_PROGRESS")
    finish_work(bay)
    patch = [{"op": "replace", "path": "/max_node_count", "value": 3}]
    assert manager.update("k8s", "gpu", patch).max_node_count == 3
    finish_work(bay)
    manager.delete("k8s", created.uuid)
    assert NodeGroup.objects.get(uuid=created.uuid).status == "DELETE_IN_PROGRESS"
