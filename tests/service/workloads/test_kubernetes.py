"""The Kubernetes adapter against recorded kube-apiserver responses served over HTTPS.

No live Kubernetes API server runs here: ``recorded_api.RecordedKubernetes``
(a real HTTP server on 127.0.0.1, TLS with the bay's CA) answers with JSON
recorded in the shape kube-apiserver v1.30 gives.  Everything on our side is
real: the bay, its CA, the kubeconfig the service builds, the official client.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from typing import Any

import pytest

from magnum_ui.service import workloads
from magnum_ui.service.workloads import base
from magnum_ui.service.workloads.kubernetes import KubernetesAdapter
from tests.service.workloads.recorded_api import RecordedKubernetes, kubernetes_bay

pytestmark = pytest.mark.django_db

Bay = tuple[Any, RecordedKubernetes]


@pytest.fixture
def bay(encryption_key: str) -> Iterator[Bay]:
    with kubernetes_bay() as made:
        yield made


@pytest.fixture
def adapter(bay: Bay) -> Iterator[workloads.Adapter]:
    with workloads.adapter_for(bay[0]) as opened:
        yield opened


def test_the_bay_gets_the_kubernetes_adapter_and_its_kinds(bay: Bay) -> None:
    """A kubernetes bay is browsed with the Kubernetes adapter, which lists its six kinds."""
    assert workloads.adapter_class(bay[0]) is KubernetesAdapter
    assert workloads.summary(bay[0]) == {
        "coe": "kubernetes",
        "kinds": [
            "namespaces",
            "pods",
            "services",
            "replicationcontrollers",
            "deployments",
            "nodes",
        ],
    }


def test_the_service_presents_a_masters_certificate_from_the_bays_ca(
    bay: Bay, adapter: workloads.Adapter
) -> None:
    """The API server sees a client certificate for magnum-ui-workloads in system:masters."""
    adapter.list_items("namespaces", base.ListQuery())
    client = bay[1].requests[-1]["client"]
    assert (client["commonName"], client["organizationName"]) == (
        "magnum-ui-workloads",
        "system:masters",
    )


def test_namespaces_have_their_phase(adapter: workloads.Adapter) -> None:
    """Namespaces are listed by name with their phase and creation time."""
    items = adapter.list_items("namespaces", base.ListQuery())
    assert [i["name"] for i in items][:2] == ["default", "demo"]
    terminating = next(i for i in items if i["name"] == "old-tests")
    assert terminating["status"] == "Terminating"
    assert terminating["id"] == "9e6a2b47-51c3-4d0f-a8b2-6c1d7e3f9a05"
    assert terminating["created_at"] == "2026-11-22T11:03:27Z"


def test_pods_of_every_namespace_with_readiness_restarts_and_images(
    bay: Bay, adapter: workloads.Adapter
) -> None:
    """Without a namespace the pods of all namespaces are listed; ready counts containers."""
    items = {i["name"]: i for i in adapter.list_items("pods", base.ListQuery())}
    assert bay[1].requests[-1]["path"] == "/api/v1/pods"
    assert len(items) == 7
    assert items["crashy"]["ready"] == "0/1"
    assert items["crashy"]["restarts"] == 7
    assert items["with-sidecar"]["ready"] == "1/2"
    assert items["with-sidecar"]["images"] == ["nginx:1.27", "envoyproxy/envoy:v1.31.0"]
    assert items["pending-one"]["phase"] == "Pending"
    assert items["pending-one"]["node"] is None
    assert items["web-7c9d8f6b5d-4xk2p"] == {
        "id": "e1a0c6f4-3b2d-4e8a-9f71-5d6c0b2a8e13",
        "name": "web-7c9d8f6b5d-4xk2p",
        "namespace": "default",
        "phase": "Running",
        "ready": "1/1",
        "restarts": 0,
        "node": "bay-k8s-worker-0",
        "ip": "10.100.1.14",
        "images": ["nginx:1.27"],
        "created_at": "2026-11-28T17:02:44Z",
    }


def test_a_namespace_a_name_filter_and_a_limit_narrow_the_list(
    bay: Bay, adapter: workloads.Adapter
) -> None:
    """namespace goes to the API server's namespaced path; name and limit cut the answer."""
    items = adapter.list_items("pods", base.ListQuery(namespace="default", name="web", limit=1))
    assert bay[1].requests[-1]["path"] == "/api/v1/namespaces/default/pods"
    assert [i["name"] for i in items] == ["web-7c9d8f6b5d-4xk2p"]


def test_services_carry_their_ports_and_endpoints(adapter: workloads.Adapter) -> None:
    """A service's endpoints are its Endpoints object's addresses times its ports."""
    items = {i["name"]: i for i in adapter.list_items("services", base.ListQuery())}
    web = items["web"]
    assert web["type"] == "NodePort"
    assert web["ports"] == [
        {"port": 80, "target_port": "http", "protocol": "TCP", "node_port": 31080}
    ]
    assert web["selector"] == {"app": "web"}
    assert web["endpoints"] == ["10.100.1.14:80", "10.100.2.9:80"]
    assert items["kube-dns"]["endpoints"] == ["10.100.0.2:53", "10.100.0.2:53"]


def test_controllers_show_desired_and_ready_replicas(adapter: workloads.Adapter) -> None:
    """Deployments and replication controllers show replicas, their selector and images."""
    deployments = {i["name"]: i for i in adapter.list_items("deployments", base.ListQuery())}
    assert deployments["web"]["replicas"] == {"desired": 2, "ready": 2}
    assert deployments["web"]["selector"] == {"app": "web"}
    assert deployments["stuck"]["replicas"] == {"desired": 3, "ready": 0}
    legacy = adapter.list_items("replicationcontrollers", base.ListQuery())[0]
    assert (legacy["name"], legacy["selector"], legacy["images"]) == (
        "legacy",
        {"app": "legacy"},
        ["busybox:1.36"],
    )


def test_nodes_show_role_readiness_and_address(adapter: workloads.Adapter) -> None:
    """The control-plane label makes a master; a node whose kubelet went quiet is not ready."""
    nodes = {i["name"]: i for i in adapter.list_items("nodes", base.ListQuery())}
    assert nodes["bay-k8s-master-0"]["role"] == "master"
    assert nodes["bay-k8s-master-0"]["address"] == "10.0.0.11"
    assert nodes["bay-k8s-worker-0"]["ready"] is True
    assert nodes["bay-k8s-worker-1"]["ready"] is False
    assert nodes["bay-k8s-worker-1"]["kubelet_version"] == "v1.30.4"


def test_one_object_comes_with_the_api_servers_own_json(adapter: workloads.Adapter) -> None:
    """get adds raw, the object as the API server sent it."""
    item = adapter.get("deployments", "web", "default")
    assert item["replicas"] == {"desired": 2, "ready": 2}
    assert item["raw"]["kind"] == "Deployment"
    assert item["raw"]["spec"]["strategy"]["type"] == "RollingUpdate"
    service = adapter.get("services", "web")
    assert service["endpoints"] == ["10.100.1.14:80", "10.100.2.9:80"]


def test_a_missing_object_is_not_found_with_the_api_servers_words(
    adapter: workloads.Adapter,
) -> None:
    """The recorded 404 Status becomes NotFound carrying its message."""
    with pytest.raises(base.NotFound, match='pods "missing" not found'):
        adapter.get("pods", "missing", "default")


def test_pod_logs_are_the_last_lines_and_say_when_cut(bay: Bay, adapter: workloads.Adapter) -> None:
    """tail asks one line more than shown, so truncated is known; since becomes sinceSeconds."""
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=10)
    logs = adapter.logs(
        "pods", "web-7c9d8f6b5d-4xk2p", base.LogQuery(tail=5, since=since, namespace="default")
    )
    assert len(logs["lines"]) == 5
    assert logs["truncated"] is True
    assert "kube-probe" in logs["lines"][-1]
    query = bay[1].requests[-1]["query"]
    assert query["tailLines"] == "6"
    assert 595 <= int(query["sinceSeconds"]) <= 605
    everything = adapter.logs(
        "pods", "web-7c9d8f6b5d-4xk2p", base.LogQuery(tail=1000, namespace="default")
    )
    assert (len(everything["lines"]), everything["truncated"]) == (44, False)


def test_a_pod_with_two_containers_needs_one_named(adapter: workloads.Adapter) -> None:
    """The API server's 400 (choose a container) is an Invalid naming the containers."""
    with pytest.raises(base.Invalid, match=r"choose one of: \[app proxy\]"):
        adapter.logs("pods", "with-sidecar", base.LogQuery(namespace="demo"))
    logs = adapter.logs("pods", "with-sidecar", base.LogQuery(namespace="demo", container="app"))
    assert logs["lines"]


def test_a_manifest_of_several_documents_is_created_in_order(
    bay: Bay, adapter: workloads.Adapter
) -> None:
    """A Namespace then a Deployment in it: both created, the deployment in its namespace."""
    manifest = """
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: cart}}
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: "nginx:1.27"}]}
"""
    created = adapter.create(manifest)
    assert created == [
        base.Created("namespaces", "shop", None),
        base.Created("deployments", "cart", "shop"),
    ]
    assert [r["path"] for r in bay[1].seen("POST", "")] == [
        "/api/v1/namespaces",
        "/apis/apps/v1/namespaces/shop/deployments",
    ]
    assert adapter.get("deployments", "cart", "shop")["replicas"]["desired"] == 2


def test_a_name_taken_is_a_conflict_and_says_what_was_already_created(
    adapter: workloads.Adapter,
) -> None:
    """The second document's 409 is a Conflict that names the object created before it."""
    manifest = """
apiVersion: v1
kind: Pod
metadata: {name: fresh}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {selector: {matchLabels: {a: b}}, template: {spec: {containers: []}}}
"""
    with pytest.raises(base.Conflict, match=r"after creating pods fresh.*already exists"):
        adapter.create(manifest)


def test_an_object_the_api_server_rejects_is_a_bad_manifest(adapter: workloads.Adapter) -> None:
    """The recorded 422 (spec.containers required) is a BadManifest with that field."""
    with pytest.raises(base.BadManifest, match=r"spec\.containers: Required value"):
        adapter.create("apiVersion: v1\nkind: Pod\nmetadata: {name: no-containers}\nspec: {}\n")


def test_scaling_patches_the_scale_subresource(bay: Bay, adapter: workloads.Adapter) -> None:
    """scale sends spec.replicas to .../scale and answers the controller as it now is."""
    item = adapter.scale("deployments", "web", 5, "default")
    patch = bay[1].seen("PATCH", "/scale")[-1]
    assert patch["path"] == "/apis/apps/v1/namespaces/default/deployments/web/scale"
    assert patch["body"] == {"spec": {"replicas": 5}}
    assert item["replicas"]["desired"] == 5
    rc = adapter.scale("replicationcontrollers", "legacy", 0, "default")
    assert rc["replicas"]["desired"] == 0


def test_a_node_not_ready_makes_the_bay_unhealthy(adapter: workloads.Adapter) -> None:
    """health(): UNHEALTHY, naming which node is Ready and which is not, as Magnum does."""
    status, reason = adapter.health()
    assert status == "UNHEALTHY"
    assert reason["api"] == "ok"
    assert (reason["bay-k8s-worker-0.Ready"], reason["bay-k8s-worker-1.Ready"]) == (True, False)


def test_pods_and_nodes_cannot_be_scaled(adapter: workloads.Adapter) -> None:
    """Only replication controllers and deployments scale."""
    with pytest.raises(base.Invalid, match="can be scaled"):
        adapter.scale("pods", "crashy", 2, "demo")


def test_delete_takes_the_controllers_pods_along(bay: Bay, adapter: workloads.Adapter) -> None:
    """Deleting sends propagationPolicy Background; the object is then gone."""
    adapter.delete("replicationcontrollers", "legacy", "default")
    deleted = bay[1].seen("DELETE", "")[-1]
    assert deleted["query"]["propagationPolicy"] == "Background"
    with pytest.raises(base.NotFound):
        adapter.get("replicationcontrollers", "legacy", "default")


def test_a_forbidden_answer_is_the_bay_refusing_the_service(adapter: workloads.Adapter) -> None:
    """The recorded 403 is Unreachable (503): the user cannot fix the service's credentials."""
    with pytest.raises(
        base.Unreachable, match="refused the service's credentials: pods is forbidden"
    ):
        adapter.list_items("pods", base.ListQuery(namespace="locked"))


def test_a_failing_api_server_is_unreachable_with_its_reason(adapter: workloads.Adapter) -> None:
    """The recorded 500 (etcd leader changed) is Unreachable with the API server's message."""
    with pytest.raises(base.Unreachable, match=r"HTTP 500\): rpc error.*leader changed"):
        adapter.list_items("pods", base.ListQuery(namespace="broken"))


def test_an_api_server_that_does_not_answer_gives_up_within_the_timeout(
    adapter: workloads.Adapter,
) -> None:
    """A request the server never answers ends as Unreachable after the read timeout, not later."""
    started = time.monotonic()
    with pytest.raises(base.Unreachable, match="did not answer in time"):
        adapter.list_items("pods", base.ListQuery(namespace="slow"))
    elapsed = time.monotonic() - started
    assert base.TIMEOUT[1] - 0.5 <= elapsed < sum(base.TIMEOUT)


def test_a_closed_port_is_unreachable_at_once(bay: Bay) -> None:
    """Nothing listening: Unreachable saying it cannot be reached, well before any timeout."""
    bay[0].api_address = "https://127.0.0.1:1"
    started = time.monotonic()
    with (
        workloads.adapter_for(bay[0]) as adapter,
        pytest.raises(base.Unreachable, match="cannot be reached"),
    ):
        adapter.list_items("nodes", base.ListQuery())
    assert time.monotonic() - started < 2
    # The conductor's reading of its health: UNKNOWN, saying the same.
    with workloads.adapter_for(bay[0]) as adapter:
        status, reason = adapter.health()
    assert status == "UNKNOWN"
    assert "cannot be reached" in reason["api"]


def test_a_server_with_another_ca_fails_tls(bay: Bay, encryption_key: str) -> None:
    """A bay whose CA was rotated no longer trusts the server's certificate: a TLS failure."""
    from magnum_ui.service import certificates

    certificates.rotate_ca(bay[0])
    with (
        workloads.adapter_for(bay[0]) as adapter,
        pytest.raises(base.Unreachable, match="TLS handshake"),
    ):
        adapter.list_items("nodes", base.ListQuery())


def test_names_and_namespaces_that_could_change_the_path_are_refused(
    adapter: workloads.Adapter,
) -> None:
    """A name with '..' or a namespace with capitals never reaches the API server."""
    with pytest.raises(base.Invalid, match="not a valid name"):
        adapter.get("pods", "..", "default")
    with pytest.raises(base.Invalid, match="not a valid Kubernetes namespace"):
        adapter.list_items("pods", base.ListQuery(namespace="Default"))
    with pytest.raises(base.NotFound, match="use one of"):
        adapter.list_items("tasks", base.ListQuery())
