"""Each role against each endpoint: a reader, a member, a member of another project, an admin.

One row per endpoint; the expected status for each caller sits in the row, so
a changed default policy shows up here as a failing cell.
"""

from __future__ import annotations

from typing import Any

import pytest
from cryptography import x509
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.test import Client

from magnum_ui.service import certificates, conf, nodegroup_state
from tests.service.api.helpers import ADMIN, MEMBER, READER, cluster, identity, send, template

pytestmark = pytest.mark.django_db

CALLERS = {
    "reader": identity(roles=READER),
    "member": identity(roles=MEMBER),
    "other": identity(project_id="p-other", roles=MEMBER, user_id="u-other"),
    "admin": identity(project_id="p-admin", roles=ADMIN, user_id="u-admin"),
}
LOCAL = {"coe": "swarm-mode", "server_type": "local"}


def _csr() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "client")])
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()


# (method, path, body, expected status for (reader, member, other, admin))
MATRIX: list[tuple[str, str, Any, tuple[int, int, int, int]]] = [
    ("GET", "/v1/clustertemplates", None, (200, 200, 200, 200)),
    ("POST", "/v1/clustertemplates", LOCAL, (403, 201, 201, 201)),
    ("GET", "/v1/clustertemplates/tmpl", None, (200, 200, 404, 200)),
    (
        "PATCH",
        "/v1/clustertemplates/tmpl",
        [{"op": "replace", "path": "/name", "value": "t2"}],
        (403, 200, 404, 200),
    ),
    ("DELETE", "/v1/clustertemplates/spare", None, (403, 204, 404, 204)),
    ("GET", "/v1/clusters", None, (200, 200, 200, 200)),
    (
        "POST",
        "/v1/clusters",
        {"cluster_template_id": "tmpl"},
        (403, 202, 404, 202),
    ),
    ("GET", "/v1/clusters/bay", None, (200, 200, 404, 200)),
    (
        "PATCH",
        "/v1/clusters/bay",
        [{"op": "replace", "path": "/node_count", "value": 2}],
        (403, 202, 404, 202),
    ),
    (
        "POST",
        "/v1/clusters/bay/actions/resize",
        {"node_count": 2},
        (403, 202, 404, 202),
    ),
    (
        "POST",
        "/v1/clusters/bay/actions/upgrade",
        {"cluster_template": "tmpl"},
        (403, 202, 404, 202),
    ),
    ("GET", "/v1/clusters/bay/config", None, (403, 200, 404, 200)),
    ("DELETE", "/v1/clusters/bay", None, (403, 204, 404, 204)),
    ("GET", "/v1/clusters/bay/nodegroups", None, (200, 200, 404, 200)),
    (
        "GET",
        "/v1/clusters/bay/nodegroups/default-worker",
        None,
        (200, 200, 404, 200),
    ),
    (
        "POST",
        "/v1/clusters/bay/nodegroups",
        {"name": "extra", "node_count": 1},
        (403, 202, 404, 202),
    ),
    ("GET", "/v1/certificates/bay", None, (200, 200, 404, 200)),
    (
        "POST",
        "/v1/certificates",
        "CSR",
        (403, 201, 400, 201),
    ),
    ("PATCH", "/v1/certificates/bay", None, (403, 202, 404, 202)),
    ("GET", "/v1/quotas", None, (403, 403, 403, 200)),
    ("GET", "/v1/quotas/p-demo/Cluster", None, (200, 200, 403, 200)),
    (
        "POST",
        "/v1/quotas",
        {"project_id": "p-demo", "resource": "Cluster", "hard_limit": 5},
        (403, 403, 403, 201),
    ),
    ("GET", "/v1/clusters/bay/workloads", None, (200, 200, 404, 200)),
    # An incomplete manifest: past policy it is a 400, before the bay is ever asked.
    ("POST", "/v1/clusters/bay/workloads", {"manifest": "name: x"}, (403, 400, 404, 400)),
    ("GET", "/v1/stats", None, (200, 200, 200, 200)),
    ("GET", "/v1/mservices", None, (403, 403, 403, 200)),
]


@pytest.fixture(autouse=True)
def world() -> Any:
    """A demo project with a template, a spare template and a complete bay with its CA."""
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    tmpl = template("tmpl", server_type="local", driver="local_swarm")
    template("spare")
    bay = cluster("bay", tmpl, api_address="tcp://10.213.0.2:2376")
    nodegroup_state.create_defaults(bay)
    certificates.ensure_ca(bay)
    yield bay
    conf.CONF.clear_override("encryption_key", group="crypto")


@pytest.mark.parametrize("caller", list(CALLERS))
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"), MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX]
)
def test_policy_matrix(
    client: Client,
    world: Any,
    caller: str,
    method: str,
    path: str,
    body: Any,
    expected: tuple[int, int, int, int],
) -> None:
    if body == "CSR":
        body = {"cluster_uuid": world.uuid, "csr": _csr()}
    headers = {
        **CALLERS[caller],
        "HTTP_OPENSTACK_API_VERSION": "container-infra latest",
        "HTTP_X_AUTH_TOKEN": "token",
    }
    if body is None:
        response = getattr(client, method.lower())(path, **headers)
    else:
        response = send(client, method, path, body, **headers)
    assert response.status_code == expected[list(CALLERS).index(caller)], response.content[:300]
