"""The service's credentials for a bay: what the config route builds, files that do not stay."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography import x509

from magnum_ui.service import certificates
from magnum_ui.service.workloads import credentials
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db


def test_a_swarm_bay_gets_a_client_certificate_from_its_ca(encryption_key: str) -> None:
    """Swarm: https to the engine's address, a certificate for magnum-ui-workloads from the CA."""
    bay = cluster("s", template("t"), api_address="tcp://10.213.0.2:2376")
    creds = credentials.for_cluster(bay)
    assert creds.server == "https://10.213.0.2:2376"
    assert creds.ca_pem == certificates.ensure_ca(bay).cert_pem
    assert creds.cert_pem is not None
    assert creds.ca_pem is not None
    cert = x509.load_pem_x509_certificate(creds.cert_pem.encode())
    assert cert.subject.rfc4514_string() == "CN=magnum-ui-workloads"
    cert.verify_directly_issued_by(x509.load_pem_x509_certificate(creds.ca_pem.encode()))


def test_a_kubernetes_bay_is_read_from_its_kubeconfig(encryption_key: str) -> None:
    """Kubernetes: server, CA and a system:masters certificate from the generated kubeconfig."""
    bay = cluster("k", template("t", coe="kubernetes"), api_address="https://10.0.0.5:6443")
    creds = credentials.for_cluster(bay)
    assert creds.server == "https://10.0.0.5:6443"
    assert creds.cert_pem is not None
    cert = x509.load_pem_x509_certificate(creds.cert_pem.encode())
    assert cert.subject.rfc4514_string() == "CN=magnum-ui-workloads,O=system:masters"


def test_a_bay_without_tls_gets_plain_http_and_no_certificate(encryption_key: str) -> None:
    """A template with tls_disabled: http to the address, nothing to present."""
    bay = cluster("p", template("t", tls_disabled=True), api_address="tcp://10.0.0.9:2375")
    creds = credentials.for_cluster(bay)
    assert (creds.server, creds.ca_pem, creds.key_pem) == ("http://10.0.0.9:2375", None, None)


def test_the_key_never_shows_in_a_repr(encryption_key: str) -> None:
    """repr (what a log line or a traceback shows) names the server only."""
    bay = cluster("s", template("t"), api_address="tcp://10.213.0.2:2376")
    creds = credentials.for_cluster(bay)
    assert "PRIVATE KEY" not in repr(creds)
    assert "10.213.0.2" in repr(creds)


def test_the_files_are_private_and_gone_afterwards() -> None:
    """written() makes 0600 files in a 0700 folder and removes them all on leaving."""
    creds = credentials.Credentials("https://h:1", ca_pem="CA", cert_pem="CERT", key_pem="KEY")
    with credentials.written(creds) as files:
        assert files is not None
        key = Path(files.key)
        assert key.read_text() == "KEY"
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(key.parent).st_mode) == 0o700
    assert not key.parent.exists()
