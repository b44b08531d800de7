"""python-magnumclient 5.0.0's Python API against the live all-in-one (real Keystone tokens)."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, padding
from magnumclient import exceptions

from tests.allinone import AllInOne
from tests.contract.clients import csr, finish, magnum, project_id, status

pytestmark = pytest.mark.e2e

K8S = {"coe": "kubernetes", "image_id": "fedora-coreos-38", "external_network_id": "public"}


def _template(client: Any, name: str, **fields: Any) -> Any:
    return client.cluster_templates.create(name=name, **{**K8S, **fields})


def _running_cluster(aio: AllInOne, client: Any, name: str, template: str, **fields: Any) -> str:
    """A cluster whose creation the conductor (played in SQL) has finished."""
    uuid = client.clusters.create(name=name, cluster_template_id=template, **fields).uuid
    finish(aio, uuid)
    return str(uuid)


@pytest.mark.parametrize("api_version", [None, "latest"])
def test_cluster_template_lifecycle(aio: AllInOne, api_version: str | None) -> None:
    """Templates are created, listed, shown by name and uuid, patched and deleted,
    with or without a microversion header."""
    client = magnum(aio, api_version=api_version)
    name = f"k8s-{api_version or 'default'}"
    created = _template(client, name, labels={"kube_tag": "v1.28"}, docker_volume_size=10)
    assert created.name == name
    assert created.coe == "kubernetes"
    assert created.labels == {"kube_tag": "v1.28"}
    assert created.project_id == project_id(aio, "demo")

    assert name in [t.name for t in client.cluster_templates.list()]
    detailed = client.cluster_templates.list(detail=True, limit=50, sort_key="name")
    assert next(t for t in detailed if t.uuid == created.uuid).docker_volume_size == 10
    assert client.cluster_templates.get(name).uuid == created.uuid

    patch = [
        {"op": "replace", "path": "/name", "value": f"{name}-2"},
        {"op": "add", "path": "/labels/boot_volume_size", "value": "20"},
        {"op": "remove", "path": "/docker_volume_size"},
    ]
    updated = client.cluster_templates.update(created.uuid, patch)
    assert updated.name == f"{name}-2"
    assert updated.labels == {"kube_tag": "v1.28", "boot_volume_size": "20"}
    assert updated.docker_volume_size is None

    client.cluster_templates.delete(created.uuid)
    with pytest.raises(exceptions.NotFound):
        client.cluster_templates.get(created.uuid)


def test_cluster_lifecycle(aio: AllInOne) -> None:
    """A cluster is created (202 with its uuid), listed, shown, resized by patch and deleted.

    No conductor runs yet: the test plays its part through SQL (``finish``) between steps.
    """
    client = magnum(aio)
    template = _template(client, "for-clusters")
    uuid = client.clusters.create(
        name="c1", cluster_template_id=template.name, node_count=2, labels={"a": "b"}
    ).uuid
    shown = client.clusters.get("c1")
    assert (shown.uuid, shown.status) == (uuid, "CREATE_IN_PROGRESS")
    assert shown.cluster_template_id == template.uuid
    assert (shown.node_count, shown.master_count, shown.labels) == (2, 1, {"a": "b"})
    assert [c.uuid for c in client.clusters.list()] == [uuid]
    assert client.clusters.list(detail=True)[0].status_reason is None

    with pytest.raises(exceptions.Conflict) as busy:
        client.clusters.update(uuid, [{"op": "replace", "path": "/node_count", "value": 3}])
    assert "CREATE_IN_PROGRESS" in str(busy.value.details)

    finish(aio, uuid)
    client.clusters.update(uuid, [{"op": "replace", "path": "/node_count", "value": 3}])
    assert status(aio, uuid) == ("UPDATE_IN_PROGRESS", ["update"])
    assert client.clusters.get(uuid).node_count == 3

    finish(aio, uuid, "UPDATE_COMPLETE")
    client.clusters.delete("c1")
    assert client.clusters.get(uuid).status == "DELETE_IN_PROGRESS"
    assert status(aio, uuid)[1] == ["delete"]


def test_resize_and_upgrade(aio: AllInOne) -> None:
    """resize() and upgrade() (microversion latest) are accepted on an idle cluster and
    refused (409) while it is busy.

    No conductor runs yet: the test marks the cluster CREATE_COMPLETE and its
    operations done in SQL before each action.
    """
    client = magnum(aio, api_version="latest")
    old = _template(client, "k8s-old")
    new = _template(client, "k8s-new", labels={"kube_tag": "v1.29"})
    uuid = _running_cluster(aio, client, "grows", old.uuid, node_count=1)

    assert client.clusters.resize(uuid, 3).uuid == uuid
    assert status(aio, uuid) == ("UPDATE_IN_PROGRESS", ["resize"])
    assert client.clusters.get(uuid).node_count == 3
    with pytest.raises(exceptions.Conflict):
        client.clusters.upgrade(uuid, new.uuid)

    finish(aio, uuid, "UPDATE_COMPLETE")
    assert client.clusters.upgrade(uuid, "k8s-new", max_batch_size=2).uuid == uuid
    assert status(aio, uuid) == ("UPDATE_IN_PROGRESS", ["upgrade"])

    finish(aio, uuid, "UPDATE_COMPLETE")
    client.clusters.resize(uuid, 2, nodegroup="default-worker")
    assert client.nodegroups.get(uuid, "default-worker").node_count == 2


def test_actions_need_their_microversion(aio: AllInOne) -> None:
    """Without a version header (1.1) resize is refused, naming the version it needs."""
    client = magnum(aio)
    template = _template(client, "k8s-v11")
    uuid = _running_cluster(aio, client, "v11", template.uuid)
    with pytest.raises(exceptions.HttpError) as refused:
        client.clusters.resize(uuid, 2)
    assert refused.value.http_status in (404, 406)
    assert "1.7" in str(refused.value.details)


def test_certificates(aio: AllInOne) -> None:
    """The CA is shown, a CSR is signed by it; a driver that cannot rotate refuses to."""
    client = magnum(aio, api_version="latest")
    template = _template(client, "k8s-tls")
    uuid = _running_cluster(aio, client, "tls", template.uuid)

    ca_pem = client.certificates.get(uuid).pem
    ca = x509.load_pem_x509_certificate(ca_pem.encode())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca

    signed = client.certificates.create(cluster_uuid=uuid, csr=csr("admin"))
    cert = x509.load_pem_x509_certificate(signed.pem.encode())
    assert cert.issuer == ca.subject
    assert cert.subject.rfc4514_string() == "CN=admin"
    _verify_signed_by(cert, ca)

    # Nova's Kubernetes driver cannot re-key running nodes: refused at request time, the
    # CA kept (rotation on a real local bay: tests/e2e/test_nodegroups.py).
    with pytest.raises(exceptions.BadRequest, match="cannot give a running cluster's nodes"):
        client.certificates.rotate_ca(cluster_uuid=uuid)
    assert client.certificates.get(uuid).pem == ca_pem


def _verify_signed_by(cert: x509.Certificate, ca: x509.Certificate) -> None:
    public_key: Any = ca.public_key()
    algorithm = cert.signature_hash_algorithm
    assert algorithm is not None
    try:
        public_key.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(), algorithm)
    except TypeError:  # an elliptic-curve CA takes no padding
        public_key.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(algorithm))


def test_quotas(aio: AllInOne) -> None:
    """An admin sets demo's cluster quota; demo sees it and is held to it; only admins change it."""
    admin, demo = magnum(aio, "admin"), magnum(aio)
    demo_project = project_id(aio, "demo")
    created = admin.quotas.create(project_id=demo_project, resource="Cluster", hard_limit=1)
    assert (created.project_id, created.hard_limit) == (demo_project, 1)
    assert demo.quotas.get(demo_project, "Cluster").hard_limit == 1
    assert demo_project in [q.project_id for q in admin.quotas.list(all_tenants=True)]
    with pytest.raises(exceptions.Forbidden):
        demo.quotas.update(demo_project, "Cluster", {"hard_limit": 10})

    template = _template(demo, "k8s-quota")
    demo.clusters.create(name="only", cluster_template_id=template.uuid)
    # Magnum answers ResourceLimitExceeded with a 403.
    with pytest.raises(exceptions.Forbidden) as over:
        demo.clusters.create(name="one-too-many", cluster_template_id=template.uuid)
    assert "Quota exceeded" in str(over.value.details)

    updated = admin.quotas.update(demo_project, "Cluster", {"hard_limit": 5})
    assert updated.hard_limit == 5
    admin.quotas.delete(demo_project, "Cluster")
    assert demo_project not in [q.project_id for q in admin.quotas.list(all_tenants=True)]


def test_stats(aio: AllInOne) -> None:
    """stats.list() counts the caller's clusters and nodes (masters included); admins ask per
    project."""
    demo = magnum(aio, api_version="latest")
    template = _template(demo, "k8s-stats")
    demo.clusters.create(name="s1", cluster_template_id=template.uuid, node_count=2)
    stats = demo.stats.list()
    assert (stats.clusters, stats.nodes) == (1, 3)
    admin = magnum(aio, "admin", api_version="latest")
    assert admin.stats.list(project_id=project_id(aio, "demo")).clusters == 1


def test_mservices(aio: AllInOne) -> None:
    """Admins list the conductors with their state; members may not."""
    aio.sql(
        'INSERT INTO magnum_service_conductorservice (host, "binary", disabled, report_count, '
        "last_seen_up, forced_down, created_at, updated_at) VALUES "
        "('contract-test-conductor-1', 'magnum-conductor', false, 3, now(), false, now(), now())"
    )
    services = magnum(aio, "admin").mservices.list()
    assert ("contract-test-conductor-1", "magnum-conductor", "up") in [
        (s.host, s.binary, s.state) for s in services
    ]
    with pytest.raises(exceptions.Forbidden):
        magnum(aio).mservices.list()


def test_nodegroups(aio: AllInOne) -> None:
    """A cluster's default groups are listed; a group is added, its bounds patched, and removed.

    No conductor runs yet: the test marks the work done in SQL between the steps.
    """
    client = magnum(aio, api_version="latest")
    template = _template(client, "k8s-ng")
    uuid = _running_cluster(aio, client, "ng", template.uuid, node_count=2)

    groups = {g.name: g for g in client.nodegroups.list(uuid)}
    assert set(groups) == {"default-master", "default-worker"}
    assert groups["default-worker"].node_count == 2
    workers = client.nodegroups.list(uuid, role="worker", detail=True)
    assert [g.name for g in workers] == ["default-worker"]

    added = client.nodegroups.create(uuid, name="gpu", node_count=1, flavor_id="g1.large")
    assert (added.name, added.role, added.cluster_id) == ("gpu", "worker", uuid)
    finish(aio, uuid, "UPDATE_COMPLETE")
    patch = [{"op": "replace", "path": "/max_node_count", "value": 4}]
    assert client.nodegroups.update(uuid, "gpu", patch).max_node_count == 4
    finish(aio, uuid, "UPDATE_COMPLETE")
    assert client.nodegroups.get(uuid, "gpu").max_node_count == 4

    client.nodegroups.delete(uuid, "gpu")
    finish(aio, uuid, "UPDATE_COMPLETE")
    with pytest.raises(exceptions.BadRequest):
        client.nodegroups.delete(uuid, "default-worker")
