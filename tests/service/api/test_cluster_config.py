"""The bay's client configuration: fresh client certificates from the bay's CA."""

from __future__ import annotations

import base64

import pytest
import yaml
from cryptography import x509
from django.test import Client

from magnum_ui.service import certificates
from tests.service.api.helpers import READER, cluster, detail, get, identity, template

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]


def _verify(cert_pem: str, ca_pem: str) -> x509.Certificate:
    cert = x509.load_pem_x509_certificate(cert_pem.encode())
    ca = x509.load_pem_x509_certificate(ca_pem.encode())
    cert.verify_directly_issued_by(ca)
    return cert


def test_swarm_bay_gets_docker_files(client: Client) -> None:
    """A Swarm bay's files: the CA, a client certificate it signed, its key and env.sh."""
    bay = cluster("bay", template(), api_address="tcp://10.213.0.10:2376")
    response = get(client, "/v1/clusters/bay/config")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    files = response.json()["files"]
    assert sorted(files) == ["ca.pem", "cert.pem", "env.sh", "key.pem"]
    assert files["ca.pem"] == certificates.ensure_ca(bay).cert_pem
    _verify(files["cert.pem"], files["ca.pem"])
    assert "PRIVATE KEY" in files["key.pem"]
    assert "export DOCKER_HOST=tcp://10.213.0.10:2376" in files["env.sh"]


def test_kubernetes_bay_gets_a_kubeconfig(client: Client) -> None:
    k8s = template("k8s", coe="kubernetes")
    cluster("kube", k8s, api_address="https://10.0.0.5:6443")
    files = get(client, "/v1/clusters/kube/config").json()["files"]
    config = yaml.safe_load(files["config"])
    assert config["clusters"][0]["cluster"]["server"] == "https://10.0.0.5:6443"
    ca = base64.b64decode(config["clusters"][0]["cluster"]["certificate-authority-data"]).decode()
    cert = base64.b64decode(config["users"][0]["user"]["client-certificate-data"]).decode()
    issued = _verify(cert, ca)
    assert "O=system:masters" in issued.subject.rfc4514_string()


def test_readers_get_no_keys(client: Client) -> None:
    cluster("bay", template(), api_address="tcp://10.213.0.10:2376")
    assert get(client, "/v1/clusters/bay/config", **identity(roles=READER)).status_code == 403


def test_a_bay_without_an_address_is_409(client: Client) -> None:
    cluster("new", template(), status="CREATE_IN_PROGRESS")
    response = get(client, "/v1/clusters/new/config")
    assert response.status_code == 409
    assert "no API address yet (CREATE_IN_PROGRESS)" in detail(response)


def test_another_projects_bay_is_404(client: Client) -> None:
    cluster("theirs", template("t", project_id="p-other"), project_id="p-other",
            api_address="tcp://10.213.0.10:2376")  # fmt: skip
    assert get(client, "/v1/clusters/theirs/config").status_code == 404
