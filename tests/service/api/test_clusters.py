"""Create, show, update, resize, upgrade and delete clusters (and bays).

Every write answers 202 and records an operation for a conductor; these
tests check the records and the rules, not the conductor.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from magnum_ui.service import crypto, nodegroup_state
from magnum_ui.service.models import Cluster, NodeGroup, Operation
from tests.service.api.helpers import (
    ADMIN,
    READER,
    cluster,
    detail,
    get,
    identity,
    send,
    template,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]

LATEST = {"HTTP_OPENSTACK_API_VERSION": "container-infra latest"}


@pytest.fixture
def local() -> Any:
    return template("local-swarm", server_type="local", driver="local_swarm", labels={"t": "1"})


def create(client: Client, body: dict[str, Any], **headers: Any) -> Any:
    return send(client, "POST", "/v1/clusters", body, HTTP_X_AUTH_TOKEN="tok-123", **headers)


def test_create_answers_202_and_hands_work_to_a_conductor(client: Client, local: Any) -> None:
    """POST records the cluster (CREATE_IN_PROGRESS), its default node groups and an operation."""
    response = create(client, {"name": "b1", "cluster_template_id": "local-swarm", "node_count": 2})
    assert response.status_code == 202
    made = Cluster.objects.get(uuid=response.json()["uuid"])
    assert (made.status, made.node_count, made.master_count) == ("CREATE_IN_PROGRESS", 2, 1)
    assert made.labels == {"t": "1"}
    assert sorted(made.nodegroups.values_list("name", "node_count")) == [
        ("default-master", 1),
        ("default-worker", 2),
    ]
    (operation,) = Operation.objects.filter(cluster=made)
    assert (operation.kind, operation.state) == ("create", "pending")
    assert operation.auth_token != "tok-123"  # encrypted at rest
    assert crypto.decrypt(operation.auth_token or "") == "tok-123"


def test_the_token_never_appears_in_responses(client: Client, local: Any) -> None:
    made = create(client, {"name": "b1", "cluster_template_id": local.uuid}).json()
    shown = get(client, f"/v1/clusters/{made['uuid']}").content.decode()
    assert "tok-123" not in shown


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"name": "b b", "cluster_template_id": "local-swarm"}, "not a valid name"),
        (
            {"name": "<script>alert(1)</script>", "cluster_template_id": "local-swarm"},
            "not a valid name",
        ),
        ({"cluster_template_id": "local-swarm", "node_count": -1}, "node_count: -1 is less than"),
        ({"cluster_template_id": "local-swarm", "master_count": 0}, "master_count: 0 is less than"),
        ({"cluster_template_id": "local-swarm", "labels": ["x"]}, "labels"),
        ({"cluster_template_id": "local-swarm", "nodes": 3}, "Unknown field(s): nodes"),
        ({"name": "b1"}, "'cluster_template_id' is a required property"),
        # Hostile input: a name that would break env.sh, numbers past any column, odd keys.
        ({"name": "web\n", "cluster_template_id": "local-swarm"}, "not a valid name"),
        (
            {"cluster_template_id": "local-swarm", "docker_volume_size": 2**40},
            "docker_volume_size: 1099511627776 is greater than the maximum of 16384",
        ),
        ({"cluster_template_id": "local-swarm", "docker_volume_size": 1e308}, "docker_volume_size"),
        ({"cluster_template_id": "local-swarm", "node_count": 2**40}, "node_count"),
        ({"cluster_template_id": "local-swarm", "labels": {"a~1b": "x"}}, "not a valid label key"),
        ({"cluster_template_id": "local-swarm", "labels": {"a\n": "x"}}, "not a valid label key"),
    ],
)
def test_bad_input_is_400_and_stores_nothing(
    client: Client, local: Any, body: dict[str, Any], fragment: str
) -> None:
    response = create(client, body)
    assert response.status_code == 400
    assert fragment in detail(response)
    assert Cluster.objects.count() == 0
    assert Operation.objects.count() == 0


def test_unknown_template_is_404(client: Client) -> None:
    response = create(client, {"cluster_template_id": "nope"})
    assert response.status_code == 404
    assert "ClusterTemplate nope could not be found" in detail(response)


def test_reader_cannot_create(client: Client, local: Any) -> None:
    response = create(client, {"cluster_template_id": "local-swarm"}, **identity(roles=READER))
    assert response.status_code == 403


def test_name_is_generated_when_missing(client: Client, local: Any) -> None:
    made = create(client, {"cluster_template_id": "local-swarm"}).json()
    assert Cluster.objects.get(uuid=made["uuid"]).name.startswith("local-swarm-")


def test_bays_take_the_seed_era_names(client: Client, local: Any) -> None:
    """POST /v1/bays accepts baymodel_id and bay_create_timeout."""
    body = {"name": "old", "baymodel_id": local.uuid, "bay_create_timeout": 15, "node_count": 1}
    response = send(client, "POST", "/v1/bays", body, HTTP_X_AUTH_TOKEN="t")
    assert response.status_code == 202
    bay = get(client, "/v1/bays/old").json()
    assert (bay["baymodel_id"], bay["bay_create_timeout"]) == (local.uuid, 15)


def test_another_projects_cluster_is_404_everywhere(client: Client, local: Any) -> None:
    theirs = cluster("theirs", template("t2", project_id="p-other"), project_id="p-other")
    path = f"/v1/clusters/{theirs.uuid}"
    assert get(client, path).status_code == 404
    assert (
        send(
            client, "PATCH", path, [{"op": "replace", "path": "/node_count", "value": 3}]
        ).status_code
        == 404
    )
    assert client.delete(path, **identity()).status_code == 404
    assert get(client, path, **identity(roles=ADMIN)).status_code == 200


def test_patch_node_count_starts_an_update(client: Client, local: Any) -> None:
    """A new node_count resizes default-worker: the cluster is busy and counts it at once."""
    one = cluster("one", local, node_count=1)
    nodegroup_state.create_defaults(one)
    patch = [{"op": "replace", "path": "/node_count", "value": 3}]
    response = send(client, "PATCH", "/v1/clusters/one", patch, HTTP_X_AUTH_TOKEN="t")
    assert response.status_code == 202
    one.refresh_from_db()
    assert (one.status, one.node_count) == ("UPDATE_IN_PROGRESS", 3)
    worker = one.nodegroups.get(name="default-worker")
    assert Operation.objects.get(cluster=one).params == {
        "nodegroup": worker.uuid, "node_count": 3, "from": 1, "nodes_to_remove": [],
    }  # fmt: skip


def test_node_count_counts_every_worker_group(client: Client, local: Any) -> None:
    """With an added group of 2, node_count 5 gives default-worker 3; fewer than 2 is a 400."""
    one = cluster("one", local, node_count=3)
    nodegroup_state.create_defaults(one)
    NodeGroup.objects.create(cluster=one, project_id=one.project_id, user_id="u", name="gpu",
                             role="worker", node_count=2, slot=0)  # fmt: skip
    Cluster.objects.filter(pk=one.pk).update(node_count=5)
    patch = [{"op": "replace", "path": "/node_count", "value": 6}]
    assert send(client, "PATCH", "/v1/clusters/one", patch).status_code == 202
    assert one.nodegroups.get(name="default-worker").node_count == 4
    one.refresh_from_db()
    assert one.node_count == 6
    Cluster.objects.filter(pk=one.pk).update(status="UPDATE_COMPLETE")
    Operation.objects.all().update(state="done")
    too_few = [{"op": "replace", "path": "/node_count", "value": 1}]
    response = send(client, "PATCH", "/v1/clusters/one", too_few)
    assert response.status_code == 400
    assert "fewer than the 2 workers of the added node groups" in detail(response)


def test_patch_may_change_only_size_and_health(client: Client, local: Any) -> None:
    cluster("one", local)
    patch = [{"op": "replace", "path": "/master_count", "value": 3}]
    response = send(client, "PATCH", "/v1/clusters/one", patch)
    assert response.status_code == 400
    assert "'master_count' cannot be changed" in detail(response)


def test_a_busy_cluster_refuses_new_work(client: Client, local: Any) -> None:
    """While a cluster is *_IN_PROGRESS, resize and update are 409 with the reason."""
    nodegroup_state.create_defaults(cluster("busy", local, status="CREATE_IN_PROGRESS"))
    patch = [{"op": "replace", "path": "/node_count", "value": 3}]
    response = send(client, "PATCH", "/v1/clusters/busy", patch)
    assert response.status_code == 409
    assert "busy (CREATE_IN_PROGRESS)" in detail(response)


def test_resize_with_nodes_to_remove(client: Client, local: Any) -> None:
    made = create(
        client, {"name": "r", "cluster_template_id": "local-swarm", "node_count": 3}
    ).json()
    Cluster.objects.filter(uuid=made["uuid"]).update(status="CREATE_COMPLETE")
    Operation.objects.all().update(state="done")
    NodeGroup.objects.filter(name="default-worker").update(
        node_names=["node-0", "node-1", "node-2"],
        node_addresses=["10.0.0.1", "10.0.0.2", "10.0.0.3"],
    )
    path = f"/v1/clusters/{made['uuid']}/actions/resize"
    unknown = {"node_count": 2, "nodes_to_remove": ["node-9"]}
    refused = send(client, "POST", path, unknown, HTTP_X_AUTH_TOKEN="t", **LATEST)
    assert refused.status_code == 400
    assert "'node-9' is not a node of node group default-worker" in detail(refused)
    too_many = {"node_count": 2, "nodes_to_remove": ["node-0", "10.0.0.2"]}
    refused = send(client, "POST", path, too_many, HTTP_X_AUTH_TOKEN="t", **LATEST)
    assert "names 2 node(s), but resizing default-worker from 3 to 2 removes 1" in detail(refused)
    body = {"node_count": 2, "nodes_to_remove": ["node-2"]}
    response = send(client, "POST", path, body, HTTP_X_AUTH_TOKEN="t", **LATEST)
    assert response.status_code == 202
    operation = Operation.objects.get(kind="resize")
    assert operation.params["nodes_to_remove"] == ["node-2"]
    assert (operation.params["from"], operation.params["node_count"]) == (3, 2)
    assert Cluster.objects.get(uuid=made["uuid"]).node_count == 2


def test_resize_needs_microversion_1_7(client: Client, local: Any) -> None:
    cluster("r", local)
    response = send(client, "POST", "/v1/clusters/r/actions/resize", {"node_count": 2})
    assert response.status_code == 404
    assert "1.7" in detail(response)


def test_upgrade_refuses_another_orchestrator(client: Client, local: Any) -> None:
    cluster("u", local)
    k8s = template("k8s", coe="kubernetes", image_id="fcos", external_network_id="public")
    body = {"cluster_template": k8s.uuid}
    response = send(client, "POST", "/v1/clusters/u/actions/upgrade", body, **LATEST)
    assert response.status_code == 400
    assert "cannot change the orchestrator" in detail(response)


def test_upgrade_records_the_target_template(client: Client, local: Any) -> None:
    cluster("u", local)
    newer = template("local-swarm-2", server_type="local", driver="local_swarm")
    body = {"cluster_template": "local-swarm-2", "max_batch_size": 2}
    response = send(
        client, "POST", "/v1/clusters/u/actions/upgrade", body, HTTP_X_AUTH_TOKEN="t", **LATEST
    )
    assert response.status_code == 202
    assert Operation.objects.get(kind="upgrade").params["cluster_template"] == newer.uuid


def test_delete_supersedes_pending_work(client: Client, local: Any) -> None:
    """DELETE answers 204, marks DELETE_IN_PROGRESS and replaces a pending create."""
    made = create(client, {"name": "d", "cluster_template_id": "local-swarm"}).json()
    response = client.delete(f"/v1/clusters/{made['uuid']}", **identity(), HTTP_X_AUTH_TOKEN="t")
    assert response.status_code == 204
    assert Cluster.objects.get(uuid=made["uuid"]).status == "DELETE_IN_PROGRESS"
    states = dict(Operation.objects.values_list("kind", "state"))
    assert states == {"create": "failed", "delete": "pending"}
    assert Operation.objects.get(kind="create").auth_token is None


def test_reader_cannot_delete(client: Client, local: Any) -> None:
    cluster("keep", local)
    assert client.delete("/v1/clusters/keep", **identity(roles=READER)).status_code == 403
    assert Cluster.objects.filter(name="keep").exists()


@pytest.mark.parametrize(
    "raw",
    ["[" * 100_000, '{"a":' * 40 + "1" + "}" * 40],
    ids=["100000 brackets", "40 levels"],
)
def test_a_body_nested_too_deeply_is_400(client: Client, raw: str) -> None:
    """The parser's recursion or a depth past 32 levels: 400 with the reason, never 500."""
    response = client.post("/v1/clusters", data=raw, content_type="application/json", **identity())
    assert response.status_code == 400
    assert "nested too deeply" in detail(response)
