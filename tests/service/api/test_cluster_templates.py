"""Create, show, update and delete cluster templates (and their baymodel twins)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from magnum_ui.service.models import ClusterTemplate
from tests.service.api.helpers import ADMIN, READER, cluster, detail, get, identity, send, template

pytestmark = pytest.mark.django_db

LOCAL = {"name": "local-swarm", "coe": "swarm-mode", "server_type": "local"}


def create(client: Client, body: dict[str, Any], **headers: Any) -> Any:
    return send(client, "POST", "/v1/clustertemplates", body, **headers)


def test_create_returns_the_template_with_its_driver(client: Client) -> None:
    """POST answers 201 with the template; the driver is chosen from coe and server_type."""
    response = create(client, {**LOCAL, "labels": {"a": "b"}})
    assert response.status_code == 201
    body = response.json()
    assert (body["name"], body["coe"], body["driver"]) == (
        "local-swarm",
        "swarm-mode",
        "local_swarm",
    )
    assert body["cluster_distro"] == "docker"
    assert body["labels"] == {"a": "b"}
    assert body["project_id"] == "p-demo"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"coe": "swarm-mode", "server_type": "local", "name": "has space"}, "not a valid name"),
        ({"coe": "swarm-mode", "server_type": "local", "name": "<script>"}, "not a valid name"),
        ({"server_type": "local"}, "'coe' is a required property"),
        ({"coe": "mesos"}, "No installed driver runs coe 'mesos'"),
        ({"coe": "kubernetes"}, "needs: image_id, external_network_id"),
        ({**LOCAL, "docker_volume_size": 0}, "docker_volume_size: 0 is less than the minimum"),
        ({**LOCAL, "docker_volume_size": 2**40}, "greater than the maximum of 16384"),
        ({**LOCAL, "docker_volume_size": 1e308}, "greater than the maximum of 16384"),
        ({**LOCAL, "name": "tiny\n"}, "not a valid name"),
        ({**LOCAL, "apiserver_port": "80"}, "apiserver_port"),
        ({**LOCAL, "labels": {"a": 1}}, "labels"),
        ({**LOCAL, "flavour": "m1"}, "Unknown field(s): flavour"),
    ],
)
def test_bad_input_is_400_and_stores_nothing(
    client: Client, body: dict[str, Any], fragment: str
) -> None:
    """Each bad field gets a 400 whose detail names it; nothing is written."""
    response = create(client, body)
    assert response.status_code == 400
    assert fragment in detail(response)
    assert ClusterTemplate.objects.count() == 0


def test_not_json_is_400(client: Client) -> None:
    response = client.post(
        "/v1/clustertemplates", data="{", content_type="application/json", **identity()
    )
    assert response.status_code == 400
    assert "not valid JSON" in detail(response)


def test_oversize_body_is_413(client: Client) -> None:
    """A body over [api] max_request_body_size is refused before it is parsed."""
    big = {**LOCAL, "http_proxy": "z" * 200_000}
    assert create(client, big).status_code == 413


def test_only_admins_publish(client: Client) -> None:
    """public=True needs clustertemplate:publish (admin); a member gets 403."""
    assert create(client, {**LOCAL, "public": True}).status_code == 403
    assert create(client, {**LOCAL, "public": True}, **identity(roles=ADMIN)).status_code == 201


def test_reader_cannot_create(client: Client) -> None:
    assert create(client, LOCAL, **identity(roles=READER)).status_code == 403


def test_show_by_uuid_or_name(client: Client) -> None:
    made = create(client, LOCAL).json()
    by_name = get(client, "/v1/clustertemplates/local-swarm").json()
    by_uuid = get(client, f"/v1/clustertemplates/{made['uuid']}").json()
    assert by_name["uuid"] == by_uuid["uuid"] == made["uuid"]


def test_a_shared_name_is_409(client: Client) -> None:
    create(client, LOCAL)
    create(client, LOCAL)
    response = get(client, "/v1/clustertemplates/local-swarm")
    assert response.status_code == 409
    assert "uuid instead" in detail(response)


def test_other_projects_private_template_is_404(client: Client) -> None:
    other = template("theirs", project_id="p-other")
    assert get(client, f"/v1/clustertemplates/{other.uuid}").status_code == 404


def test_patch_replaces_and_remove_resets(client: Client) -> None:
    made = create(client, {**LOCAL, "docker_volume_size": 5, "tls_disabled": True}).json()
    patch = [
        {"op": "replace", "path": "/name", "value": "renamed"},
        {"op": "remove", "path": "/docker_volume_size"},
        {"op": "remove", "path": "/tls_disabled"},
        {"op": "add", "path": "/labels/x", "value": "y"},
    ]
    response = send(client, "PATCH", f"/v1/clustertemplates/{made['uuid']}", patch)
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["docker_volume_size"], body["tls_disabled"]) == (
        "renamed",
        None,
        False,
    )
    assert body["labels"] == {"x": "y"}


def test_patch_of_a_template_in_use_may_only_rename(client: Client) -> None:
    """A template some cluster uses refuses other changes with a reason, and keeps its values."""
    tmpl = template("used", server_type="local", driver="local_swarm", docker_volume_size=3)
    cluster("c", tmpl)
    bad = [{"op": "replace", "path": "/docker_volume_size", "value": 9}]
    response = send(client, "PATCH", "/v1/clustertemplates/used", bad)
    assert response.status_code == 400
    assert "used by clusters" in detail(response)
    tmpl.refresh_from_db()
    assert tmpl.docker_volume_size == 3
    ok = [{"op": "replace", "path": "/name", "value": "still-used"}]
    assert send(client, "PATCH", "/v1/clustertemplates/used", ok).status_code == 200


def test_patch_that_breaks_validation_changes_nothing(client: Client) -> None:
    made = create(client, LOCAL).json()
    patch = [{"op": "replace", "path": "/name", "value": "bad name"}]
    response = send(client, "PATCH", f"/v1/clustertemplates/{made['uuid']}", patch)
    assert response.status_code == 400
    assert ClusterTemplate.objects.get(uuid=made["uuid"]).name == "local-swarm"


def test_delete_refuses_a_template_in_use(client: Client) -> None:
    tmpl = template("used")
    cluster("c", tmpl)
    response = client.delete("/v1/clustertemplates/used", **identity())
    assert response.status_code == 400
    assert "used by one or more clusters" in detail(response)
    unused = template("unused")
    assert client.delete(f"/v1/clustertemplates/{unused.uuid}", **identity()).status_code == 204
    assert not ClusterTemplate.objects.filter(uuid=unused.uuid).exists()


def test_public_template_of_another_project_is_visible_not_editable(client: Client) -> None:
    shared = template("shared", project_id="p-other", public=True)
    assert get(client, "/v1/clustertemplates/shared").status_code == 200
    patch = [{"op": "replace", "path": "/name", "value": "mine"}]
    assert send(client, "PATCH", f"/v1/clustertemplates/{shared.uuid}", patch).status_code == 403
    assert client.delete(f"/v1/clustertemplates/{shared.uuid}", **identity()).status_code == 403


def test_baymodels_serve_the_same_objects(client: Client) -> None:
    response = send(client, "POST", "/v1/baymodels", LOCAL)
    assert response.status_code == 201
    assert get(client, "/v1/clustertemplates/local-swarm").json()["uuid"] == response.json()["uuid"]


def test_a_driver_that_does_not_run_the_templates_coe_is_refused(client: Client) -> None:
    """Naming or patching in a driver of another COE or server type is a 400 naming the one."""
    body = {
        "name": "k",
        "coe": "swarm-mode",
        "server_type": "local",
        "driver": "k8s_fedora_coreos_v1",
    }
    response = create(client, body)
    assert response.status_code == 400
    assert "'k8s_fedora_coreos_v1' runs coe 'kubernetes'" in detail(response)
    assert "built by 'local_swarm'" in detail(response)
    made = create(client, {"name": "s", "coe": "swarm-mode", "server_type": "local"}).json()
    patch = [{"op": "replace", "path": "/driver", "value": "swarm_fedora_coreos_v1"}]
    patched = send(client, "PATCH", f"/v1/clustertemplates/{made['uuid']}", patch)
    assert patched.status_code == 400
    assert ClusterTemplate.objects.get(uuid=made["uuid"]).driver == "local_swarm"
    unknown = [{"op": "replace", "path": "/driver", "value": "no_such_driver"}]
    assert "is not installed" in detail(
        send(client, "PATCH", f"/v1/clustertemplates/{made['uuid']}", unknown)
    )
