"""``/v1/clusters/{id}/workloads``: policy, validation and errors, through the Django app.

Kubernetes bays are answered by ``RecordedKubernetes`` (recorded kube-apiserver
responses over HTTPS on 127.0.0.1: no live API server runs here); Swarm bays
point at a closed port, so only what happens before and instead of the
engine's answer is tested here (the real engine: ``tests/service/workloads/
test_swarm.py`` and ``tests/e2e/test_workloads_api.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

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
from tests.service.workloads.recorded_api import RecordedKubernetes, kubernetes_bay

pytestmark = pytest.mark.django_db

OTHER = identity(project_id="p-other", user_id="u-other")
AS_READER = identity(roles=READER)
SWARM_MANIFEST = {"manifest": "name: web\nimage: busybox\nreplicas: 2\n"}


@pytest.fixture
def kube(encryption_key: str) -> Iterator[tuple[Any, RecordedKubernetes]]:
    with kubernetes_bay() as made:
        yield made


@pytest.fixture
def swarm(encryption_key: str) -> Any:
    """A Swarm bay whose engine address has nothing listening."""
    return cluster("sbay", template("swarm-tmpl"), api_address="tcp://127.0.0.1:1")


def url(bay: Any, *parts: str) -> str:
    return "/".join([f"/v1/clusters/{bay.uuid}/workloads", *parts])


def test_the_summary_names_the_orchestrator_and_its_kinds(client: Client, swarm: Any) -> None:
    """GET .../workloads says swarm and its three kinds, without asking the bay."""
    response = get(client, url(swarm))
    assert response.status_code == 200
    assert response.json() == {"coe": "swarm", "kinds": ["services", "tasks", "nodes"]}


def test_a_kubernetes_bays_pods_through_the_api(client: Client, kube: Any) -> None:
    """GET .../workloads/pods passes namespace, name and limit and answers {"items": [...]}."""
    bay, server = kube
    response = get(client, url(bay, "pods") + "?namespace=demo&name=c&limit=1")
    assert response.status_code == 200, response.content
    assert [i["name"] for i in response.json()["items"]] == ["crashy"]
    assert server.requests[-1]["path"] == "/api/v1/namespaces/demo/pods"


def test_one_workload_with_raw_and_its_logs(client: Client, kube: Any) -> None:
    """GET one gives raw; .../logs?tail= gives lines and truncated."""
    bay, _ = kube
    one = get(client, url(bay, "deployments", "web") + "?namespace=default")
    assert one.json()["raw"]["kind"] == "Deployment"
    logs = get(client, url(bay, "pods", "web-7c9d8f6b5d-9qz7m", "logs") + "?tail=2")
    assert logs.status_code == 200
    assert len(logs.json()["lines"]) == 2
    assert logs.json()["truncated"] is True


def test_create_scale_and_delete_through_the_api(client: Client, kube: Any) -> None:
    """POST a manifest → 201 created; POST scale → 202 the item; DELETE → 204."""
    bay, _ = kube
    manifest = (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: tiny}\n"
        "spec: {containers: [{name: c, image: busybox}]}\n"
    )
    created = send(client, "POST", url(bay), {"manifest": manifest})
    assert created.status_code == 201, created.content
    assert created.json() == {
        "created": [{"kind": "pods", "name": "tiny", "namespace": "default"}],
        "warnings": [],  # a Kubernetes manifest's images are not checked
    }
    scaled = send(client, "POST", url(bay, "deployments", "web", "scale"), {"replicas": 4})
    assert scaled.status_code == 202
    assert scaled.json()["replicas"]["desired"] == 4
    assert client.delete(url(bay, "pods", "tiny"), **identity()).status_code == 204


def test_another_projects_bay_is_not_found(client: Client, swarm: Any) -> None:
    """A member of another project gets 404 for reading and for creating, as for the bay."""
    assert get(client, url(swarm, "services"), **OTHER).status_code == 404
    response = send(client, "POST", url(swarm), SWARM_MANIFEST, **OTHER)
    assert response.status_code == 404
    assert "could not be found" in detail(response)


def test_a_reader_reads_but_cannot_change_workloads(client: Client, kube: Any) -> None:
    """Readers may list; create, scale and delete are 403 naming the rule."""
    bay, server = kube
    assert get(client, url(bay, "nodes"), **AS_READER).status_code == 200
    denied = send(client, "POST", url(bay), {"manifest": "kind: Pod"}, **AS_READER)
    assert denied.status_code == 403
    assert "cluster:workloads:create" in detail(denied)
    scale = send(
        client, "POST", url(bay, "deployments", "web", "scale"), {"replicas": 1}, **AS_READER
    )
    assert scale.status_code == 403
    assert client.delete(url(bay, "pods", "crashy"), **AS_READER).status_code == 403
    assert server.seen("POST", "") == server.seen("PATCH", "") == server.seen("DELETE", "") == []


def test_an_admin_reaches_any_projects_bay(client: Client, swarm: Any) -> None:
    """Admins see every project's bays, as for the bays themselves."""
    admin = identity(project_id="p-admin", roles=ADMIN)
    assert get(client, url(swarm), **admin).status_code == 200


@pytest.mark.parametrize(
    ("manifest", "named"),
    [
        ("name: web\nimage: busybox\nreplicas: three\n", "replicas"),
        ("name: web\nreplicas: 2\n", "'image' is a required property"),
        ("name: web\nimage: busybox\nports: [{target: 99999}]\n", "ports.0.target"),
        ("name: web\nimage: busybox\nvolumes: []\n", "Unknown field(s): volumes"),
        ("name: [unclosed\n", "not YAML or JSON (line"),
        ("a: " + "[" * 20000 + "]" * 20000 + "\n", "nested too deeply"),
        ("#" * (64 * 1024 + 1), "manifest: "),  # past the one manifest limit, 64 KiB
    ],
)
def test_a_bad_swarm_manifest_is_a_400_naming_the_field(
    client: Client, swarm: Any, manifest: str, named: str
) -> None:
    """The manifest is checked before the bay is asked: a 400 whose detail names the field."""
    response = send(client, "POST", url(swarm), {"manifest": manifest})
    assert response.status_code == 400
    assert named in detail(response)


def test_a_bad_kubernetes_manifest_names_the_document_and_field(client: Client, kube: Any) -> None:
    """In a multi-document manifest the detail says which document and which field."""
    bay, server = kube
    manifest = (
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\n"
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n"
    )
    response = send(client, "POST", url(bay), {"manifest": manifest})
    assert response.status_code == 400
    assert "document 2: kind: 'Job' is not one of" in detail(response)
    wrong = "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n"
    response = send(client, "POST", url(bay), {"manifest": wrong})
    assert "apiVersion: a Deployment is apps/v1" in detail(response)
    assert server.seen("POST", "") == []


@pytest.mark.parametrize(
    ("method", "path", "body", "named"),
    [
        ("POST", "", {}, "'manifest' is a required property"),
        ("POST", "", {"manifest": ""}, "manifest"),
        ("POST", "services/web/scale", {"replicas": -1}, "replicas"),
        ("POST", "services/web/scale", {"replicas": 2, "extra": 1}, "Unknown field(s): extra"),
        ("GET", "tasks?limit=0", None, "limit must be a whole number"),
        ("GET", "tasks/web.1/logs?tail=lots", None, "tail must be a whole number"),
        ("GET", "tasks/web.1/logs?since=yesterday", None, "since must be an ISO 8601 time"),
        ("GET", "services/..", None, "not a valid name"),
    ],
)
def test_bad_requests_are_400s_naming_what_is_wrong(
    client: Client, swarm: Any, method: str, path: str, body: Any, named: str
) -> None:
    """Bodies and query parameters are validated before the bay is asked."""
    target = url(swarm, path) if path else url(swarm)
    response = send(client, method, target, body) if body is not None else get(client, target)
    assert response.status_code == 400, response.content
    assert named in detail(response)


def test_an_unknown_kind_is_not_found(client: Client, swarm: Any) -> None:
    """A kind the bay's orchestrator does not have is a 404 listing the kinds it has."""
    response = get(client, url(swarm, "pods"))
    assert response.status_code == 404
    assert "use one of: services, tasks, nodes" in detail(response)


def test_a_bay_without_an_orchestrator_yet_is_a_conflict(client: Client, swarm: Any) -> None:
    """A bay still being created (no API address) answers 409 with its status."""
    swarm.api_address, swarm.status = None, "CREATE_IN_PROGRESS"
    swarm.save()
    response = get(client, url(swarm, "services"))
    assert response.status_code == 409
    assert "CREATE_IN_PROGRESS" in detail(response)


def test_another_orchestrator_is_a_conflict(client: Client, encryption_key: str) -> None:
    """A Mesos bay cannot be browsed: 409 saying which orchestrators can."""
    bay = cluster("mbay", template("mesos-tmpl", coe="mesos"), api_address="10.0.0.5:5050")
    response = get(client, url(bay))
    assert response.status_code == 409
    assert "Swarm and Kubernetes" in detail(response)


def test_an_unreachable_bay_is_a_503_at_once(client: Client, swarm: Any) -> None:
    """Nothing listening at the engine's address: 503 in Magnum's body, saying so."""
    started = time.monotonic()
    response = get(client, url(swarm, "tasks"))
    assert response.status_code == 503
    assert time.monotonic() - started < 2
    body = response.json()["errors"][0]
    assert (body["code"], body["status"]) == ("server", 503)
    assert "cannot be reached" in body["detail"]
    assert "BEGIN" not in response.content.decode()


def test_a_slow_kubernetes_api_is_a_503_within_the_timeout(client: Client, kube: Any) -> None:
    """An API server that never answers: 503 after the read timeout (about 4 s), not a hang."""
    bay, _ = kube
    started = time.monotonic()
    response = get(client, url(bay, "pods") + "?namespace=slow")
    assert response.status_code == 503
    assert time.monotonic() - started < 6
    assert "did not answer in time" in detail(response)
