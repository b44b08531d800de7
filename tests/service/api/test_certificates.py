"""/v1/certificates: showing a cluster's CA, signing CSRs, rotating the CA."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet
from django.test import Client
from keystoneauth1 import session as ksa_session
from magnumclient import exceptions as magnum_exceptions
from magnumclient.v1 import client as magnum_client

from magnum_ui.service import conf
from magnum_ui.service.models import Cluster, ClusterCA, Operation
from tests.service.api.helpers import cluster, get, identity, template
from tests.service.test_certificates import make_csr

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def encryption_key() -> Iterator[None]:
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    yield
    conf.CONF.clear_override("encryption_key", group="crypto")


def local() -> Any:
    """A template of the local driver, whose running nodes take a rotated CA."""
    return template("local", server_type="local", driver="local_swarm")


@pytest.fixture
def bay() -> Cluster:
    return cluster("bay", local(), status="CREATE_COMPLETE")


def post(client: Client, body: dict[str, Any], **headers: Any) -> Any:
    return client.post(
        "/v1/certificates",
        json.dumps(body),
        content_type="application/json",
        **{**identity(), **headers},
    )


def rotate(client: Client, ident: str, **headers: Any) -> Any:
    return client.patch(f"/v1/certificates/{ident}", **{**identity(), **headers})


def detail(response: Any) -> str:
    return str(response.json()["errors"][0]["detail"])


def load(pem: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode())


def test_get_answers_the_ca_certificate(client: Client, bay: Cluster) -> None:
    """GET by uuid answers cluster_uuid, the CA's PEM and Magnum's self/bookmark links."""
    response = get(client, f"/v1/certificates/{bay.uuid}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"cluster_uuid", "pem", "links"}
    assert body["cluster_uuid"] == bay.uuid
    assert load(body["pem"]).extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert body["links"][0]["href"] == f"http://testserver/v1/certificates/{bay.uuid}"
    assert body["links"][1]["href"] == f"http://testserver/certificates/{bay.uuid}"


def test_get_by_name_answers_the_same_ca(client: Client, bay: Cluster) -> None:
    """The cluster may be named instead of given by uuid; the CA is created once."""
    by_uuid = get(client, f"/v1/certificates/{bay.uuid}").json()
    by_name = get(client, "/v1/certificates/bay").json()
    assert by_name == by_uuid
    assert ClusterCA.objects.count() == 1


def test_another_projects_cluster_is_not_found(client: Client) -> None:
    """A cluster of another project is a 404 on GET and PATCH, and no CA is made for it."""
    theirs = cluster("theirs", template(project_id="p-other"), project_id="p-other")
    assert get(client, f"/v1/certificates/{theirs.uuid}").status_code == 404
    assert rotate(client, theirs.uuid).status_code == 404
    assert not ClusterCA.objects.exists()


def test_admin_reaches_every_projects_cluster(client: Client) -> None:
    """An admin sees the CA of any project's cluster."""
    theirs = cluster("theirs", template(project_id="p-other"), project_id="p-other")
    response = get(client, f"/v1/certificates/{theirs.uuid}", **identity(roles="admin"))
    assert response.status_code == 200


def test_unknown_cluster_is_404(client: Client) -> None:
    """GET and PATCH of a cluster that does not exist are 404s naming it."""
    response = get(client, "/v1/certificates/nowhere")
    assert response.status_code == 404
    assert "nowhere" in detail(response)
    assert rotate(client, "nowhere").status_code == 404


def test_post_signs_the_csr_with_the_clusters_ca(client: Client, bay: Cluster) -> None:
    """POST answers 201 with the CSR and a certificate the cluster's CA verifies."""
    csr = make_csr("alice")
    response = post(client, {"cluster_uuid": bay.uuid, "csr": csr})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"cluster_uuid", "csr", "pem", "links"}
    assert (body["cluster_uuid"], body["csr"]) == (bay.uuid, csr)
    ca_pem = get(client, f"/v1/certificates/{bay.uuid}").json()["pem"]
    load(body["pem"]).verify_directly_issued_by(load(ca_pem))


def test_post_accepts_the_seed_era_bay_uuid(client: Client, bay: Cluster) -> None:
    """A client sending bay_uuid (a name works too) reads bay_uuid back, next to cluster_uuid."""
    response = post(client, {"bay_uuid": "bay", "csr": make_csr()})
    assert response.status_code == 201
    body = response.json()
    assert body["bay_uuid"] == body["cluster_uuid"] == bay.uuid


def test_reader_may_show_but_not_sign_or_rotate(client: Client, bay: Cluster) -> None:
    """The reader role shows the CA; signing and rotating are 403 and change nothing."""
    reader = identity(roles="reader")
    before = get(client, f"/v1/certificates/{bay.uuid}", **reader)
    assert before.status_code == 200
    signed = post(client, {"cluster_uuid": bay.uuid, "csr": make_csr()}, **reader)
    assert signed.status_code == 403
    assert "certificate:create" in detail(signed)
    rotated = rotate(client, bay.uuid, **reader)
    assert rotated.status_code == 403
    assert "certificate:rotate_ca" in detail(rotated)
    assert ClusterCA.objects.get(cluster=bay).cert_pem == before.json()["pem"]


def test_a_bad_csr_is_400_saying_what_to_send(client: Client, bay: Cluster) -> None:
    """Text that is not a CSR is a 400 telling what a CSR looks like."""
    response = post(client, {"cluster_uuid": bay.uuid, "csr": "hello"})
    assert response.status_code == 400
    assert "BEGIN CERTIFICATE REQUEST" in detail(response)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"csr": "x", "pem": "y"}, "Unknown field(s): pem."),
        ({"cluster_uuid": "bay"}, "'csr' is a required property"),
        ({"csr": "x"}, "cluster_uuid is required"),
        ({"cluster_uuid": "bay", "bay_uuid": "other", "csr": "x"}, "different clusters"),
        ({"cluster_uuid": "bay", "csr": ""}, "csr"),
        ({"cluster_uuid": "bay", "csr": "x", "ca_cert_type": "etcd"}, "single CA"),
    ],
    ids=["unknown-field", "no-csr", "no-cluster", "two-clusters", "empty-csr", "etcd-ca"],
)
def test_bad_bodies_are_400(
    client: Client, bay: Cluster, body: dict[str, Any], fragment: str
) -> None:
    """Each malformed body is a 400 whose detail names the problem; nothing is signed."""
    response = post(client, body)
    assert response.status_code == 400
    assert fragment in detail(response)


def test_post_naming_an_unknown_cluster_is_400(client: Client) -> None:
    """As in Magnum, a body naming a missing (or another project's) cluster is a 400."""
    theirs = cluster("theirs", template(project_id="p-other"), project_id="p-other")
    for ident in ("nowhere", theirs.uuid):
        response = post(client, {"cluster_uuid": ident, "csr": make_csr()})
        assert response.status_code == 400
        assert f"Cluster {ident} could not be found" in detail(response)


def test_show_refuses_other_ca_types(client: Client, bay: Cluster) -> None:
    """ca_cert_type=kubernetes is the cluster's CA; etcd or front-proxy CAs do not exist here."""
    assert get(client, f"/v1/certificates/{bay.uuid}?ca_cert_type=kubernetes").status_code == 200
    response = get(client, f"/v1/certificates/{bay.uuid}?ca_cert_type=etcd")
    assert response.status_code == 400
    assert "etcd" in detail(response)


def test_patch_rotates_the_ca(client: Client, bay: Cluster) -> None:
    """PATCH answers 202 and starts re-keying the nodes; old certificates fail the new CA."""
    old_ca = get(client, f"/v1/certificates/{bay.uuid}").json()["pem"]
    old_cert = post(client, {"cluster_uuid": bay.uuid, "csr": make_csr()}).json()["pem"]
    response = rotate(client, "bay")
    assert response.status_code == 202
    assert response.json() == {"uuid": bay.uuid}
    new_ca = get(client, f"/v1/certificates/{bay.uuid}").json()["pem"]
    assert new_ca != old_ca
    with pytest.raises((InvalidSignature, ValueError)):
        load(old_cert).verify_directly_issued_by(load(new_ca))
    bay.refresh_from_db()
    assert bay.status == "UPDATE_IN_PROGRESS"
    (operation,) = Operation.objects.filter(cluster=bay)
    assert (operation.kind, operation.params) == ("update", {"action": "rotate_ca"})


def test_patch_is_refused_when_the_driver_cannot_rekey_running_nodes(client: Client) -> None:
    """A cloud driver's cluster keeps its CA: 400 saying the rotation would change nothing real."""
    vm = cluster("vm", template(), status="CREATE_COMPLETE")
    before = get(client, f"/v1/certificates/{vm.uuid}").json()["pem"]
    response = rotate(client, vm.uuid)
    assert response.status_code == 400
    assert "cannot give a running cluster's nodes a new CA" in detail(response)
    assert get(client, f"/v1/certificates/{vm.uuid}").json()["pem"] == before


@pytest.mark.parametrize(
    "status", ["UPDATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "DELETE_IN_PROGRESS"]
)
def test_patch_is_refused_while_the_cluster_is_busy(client: Client, status: str) -> None:
    """A cluster with an operation in progress answers 409 and keeps its CA."""
    busy = cluster("busy", local(), status=status)
    before = get(client, f"/v1/certificates/{busy.uuid}").json()["pem"]
    response = rotate(client, busy.uuid)
    assert response.status_code == 409
    assert status in detail(response)
    assert ClusterCA.objects.get(cluster=busy).cert_pem == before


@pytest.mark.parametrize("status", ["CREATE_FAILED", "UPDATE_FAILED", "DELETE_COMPLETE"])
def test_patch_is_refused_for_a_cluster_not_at_rest(client: Client, status: str) -> None:
    """Only a cluster whose last operation completed can be rotated; others are 400."""
    failed = cluster("failed", local(), status=status)
    response = rotate(client, failed.uuid)
    assert response.status_code == 400
    assert status in detail(response)
    assert not ClusterCA.objects.exists()


def test_patch_is_refused_for_a_cluster_without_tls(client: Client) -> None:
    """A cluster whose template disables TLS has no CA to rotate: 400."""
    plain = cluster("plain", template(tls_disabled=True))
    response = rotate(client, plain.uuid)
    assert response.status_code == 400
    assert "tls_disabled" in detail(response)


class _ToDjango(requests.adapters.BaseAdapter):
    """Carries requests' calls to Django's test client, adding keystonemiddleware's headers."""

    def __init__(self, client: Client) -> None:
        super().__init__()
        self.client = client

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        url = urllib.parse.urlsplit(request.url or "")
        headers = {
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in request.headers.items()
            if name.lower() not in ("content-type", "content-length")
        }
        answer = self.client.generic(
            request.method or "GET",
            url.path + (f"?{url.query}" if url.query else ""),
            data=request.body or b"",
            content_type=request.headers.get("Content-Type", ""),
            **{**headers, **identity()},
        )
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers = requests.structures.CaseInsensitiveDict(answer.headers)
        response.url = request.url or ""
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass


def test_magnumclient_shows_signs_and_rotates(client: Client, bay: Cluster) -> None:
    """python-magnumclient 5.0.0's CertificateManager works unchanged against these routes."""
    http = requests.Session()
    http.mount("http://", _ToDjango(client))
    magnum = magnum_client.Client(
        session=ksa_session.Session(session=http), endpoint_override="http://testserver/v1"
    )
    ca = magnum.certificates.get(bay.uuid)
    signed = magnum.certificates.create(cluster_uuid=bay.uuid, csr=make_csr())
    load(signed.pem).verify_directly_issued_by(load(ca.pem))
    assert magnum.certificates.rotate_ca(cluster_uuid=bay.uuid).uuid == bay.uuid
    assert magnum.certificates.get(bay.uuid).pem != ca.pem
    with pytest.raises(magnum_exceptions.NotFound):
        magnum.certificates.get("nowhere")
