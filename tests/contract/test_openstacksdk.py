"""openstacksdk's ``container_infrastructure_management`` proxy against the live all-in-one."""

from __future__ import annotations

import pytest
from cryptography import x509
from openstack import exceptions

from tests.allinone import AllInOne
from tests.contract.clients import csr, finish, sdk, status

pytestmark = pytest.mark.e2e

K8S = {"coe": "kubernetes", "image_id": "fedora-coreos-38", "external_network_id": "public"}


def test_cluster_templates(aio: AllInOne) -> None:
    """Templates are created, listed, fetched, found by name, updated and deleted."""
    cim = sdk(aio).container_infrastructure_management
    template = cim.create_cluster_template(name="sdk-k8s", labels={"kube_tag": "v1.28"}, **K8S)
    assert template.id == template.uuid
    assert (template.coe, template.is_public, template.labels) == (
        "kubernetes",
        False,
        {"kube_tag": "v1.28"},
    )
    assert [t.name for t in cim.cluster_templates()] == ["sdk-k8s"]
    assert cim.get_cluster_template(template.id).image_id == "fedora-coreos-38"
    # find() fetches by name, and the SDK then keeps the name it asked for as the id.
    assert cim.find_cluster_template("sdk-k8s").uuid == template.id

    updated = cim.update_cluster_template(template, name="sdk-k8s-2", docker_volume_size=5)
    assert (updated.name, updated.docker_volume_size) == ("sdk-k8s-2", 5)
    assert cim.get_cluster_template(template.id).name == "sdk-k8s-2"

    cim.delete_cluster_template(template, ignore_missing=False)
    assert cim.find_cluster_template("sdk-k8s-2") is None
    with pytest.raises(exceptions.NotFoundException):
        cim.get_cluster_template(template.id)


def test_clusters(aio: AllInOne) -> None:
    """Clusters are created, listed, fetched, found, updated and deleted through the SDK.

    No conductor runs yet: the test finishes each operation in SQL.
    """
    cim = sdk(aio).container_infrastructure_management
    template = cim.create_cluster_template(name="sdk-for-clusters", **K8S)
    cluster = cim.create_cluster(
        name="sdk-c1", cluster_template_id=template.id, node_count=2, master_count=1
    )
    assert cluster.id
    fetched = cim.get_cluster(cluster.id)
    assert (fetched.name, fetched.status, fetched.node_count) == (
        "sdk-c1",
        "CREATE_IN_PROGRESS",
        2,
    )
    assert fetched.cluster_template_id == template.id
    assert [c.id for c in cim.clusters()] == [cluster.id]
    assert cim.find_cluster("sdk-c1").uuid == cluster.id

    finish(aio, cluster.id)
    # Given only an id, the SDK's patch starts with a "move /uuid -> /id" that Magnum refuses
    # too; given the fetched cluster it sends just the change.
    cim.update_cluster(fetched, node_count=3)
    assert status(aio, cluster.id) == ("UPDATE_IN_PROGRESS", ["update"])
    assert cim.get_cluster(cluster.id).node_count == 3

    finish(aio, cluster.id, "UPDATE_COMPLETE")
    cim.delete_cluster(cluster, ignore_missing=False)
    assert cim.get_cluster(cluster.id).status == "DELETE_IN_PROGRESS"
    with pytest.raises(exceptions.NotFoundException):
        cim.delete_cluster("no-such-cluster", ignore_missing=False)


def test_the_sdk_microversion_header_is_understood(aio: AllInOne) -> None:
    """A microversion the SDK asks for is the one the API applies."""
    cim = sdk(aio).container_infrastructure_management
    response = cim.get("/stats", microversion="1.4", raise_exc=False)
    assert response.status_code == 200, response.text
    assert response.headers["OpenStack-API-Version"] == "container-infra 1.4"


def test_resize_and_upgrade_bodies_as_the_sdk_sends_them(aio: AllInOne) -> None:
    """The bodies of Cluster.resize() and Cluster.upgrade(), optional fields null, are accepted.

    They go through the SDK's own adapter: Cluster.resize()/upgrade() themselves end by
    indexing the requests.Response (an openstacksdk 4.22 bug), so they cannot be called.
    No conductor runs yet: the test finishes each operation in SQL.
    """
    cim = sdk(aio).container_infrastructure_management
    old = cim.create_cluster_template(name="sdk-old", **K8S)
    new = cim.create_cluster_template(name="sdk-new", **K8S)
    cluster = cim.create_cluster(name="sdk-grows", cluster_template_id=old.id)
    finish(aio, cluster.id)
    version = {"OpenStack-API-Version": "container-infra 1.8", "Accept": ""}
    actions = f"/clusters/{cluster.id}/actions"

    resize = {"node_count": 3, "nodes_to_remove": None}
    response = cim.post(f"{actions}/resize", json=resize, headers=version, raise_exc=False)
    assert response.status_code == 202, response.text
    assert response.json() == {"uuid": cluster.id}
    assert status(aio, cluster.id) == ("UPDATE_IN_PROGRESS", ["resize"])

    finish(aio, cluster.id, "UPDATE_COMPLETE")
    upgrade = {"cluster_template": new.id, "max_batch_size": None}
    response = cim.post(f"{actions}/upgrade", json=upgrade, headers=version, raise_exc=False)
    assert response.status_code == 202, response.text
    assert status(aio, cluster.id) == ("UPDATE_IN_PROGRESS", ["upgrade"])


def test_certificates(aio: AllInOne) -> None:
    """The SDK fetches a cluster's CA and has a CSR signed by it."""
    cim = sdk(aio).container_infrastructure_management
    template = cim.create_cluster_template(name="sdk-tls", **K8S)
    cluster = cim.create_cluster(name="sdk-tls", cluster_template_id=template.id)
    finish(aio, cluster.id)

    ca = x509.load_pem_x509_certificate(cim.get_cluster_certificate(cluster.id).pem.encode())
    signed = cim.create_cluster_certificate(cluster_uuid=cluster.id, csr=csr("sdk-user"))
    cert = x509.load_pem_x509_certificate(signed.pem.encode())
    assert cert.issuer == ca.subject
    assert signed.cluster_uuid == cluster.id


def test_services(aio: AllInOne) -> None:
    """An admin's services() lists the conductors; a member is refused."""
    aio.sql(
        'INSERT INTO magnum_service_conductorservice (host, "binary", disabled, report_count, '
        "forced_down, created_at, updated_at) "
        "VALUES ('contract-test-conductor-sdk', 'magnum-conductor', false, 0, false, now(), now())"
    )
    services = list(sdk(aio, "admin").container_infrastructure_management.services())
    assert ("contract-test-conductor-sdk", "magnum-conductor", "up") in [
        (s.host, s.binary, s.state) for s in services
    ]
    with pytest.raises(exceptions.ForbiddenException):
        list(sdk(aio).container_infrastructure_management.services())
