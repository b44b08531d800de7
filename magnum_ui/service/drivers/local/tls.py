"""A node's TLS material: checking it, and asking the service API to issue it.

Each node's engine listens on ``tcp://<address>:2376`` with ``--tlsverify``:
it presents a certificate for its name and address, signed by the bay's CA,
and accepts only clients with a certificate from that same CA (the service
API holds the client side).  The Heat resource asks the service for the
certificate with the stack owner's Keystone session, exactly as a user with
``magnum ca-sign`` would::

    certs = request_certificates(session, cluster_uuid, "bay-3f2a1b4c-master-0", "10.213.0.10")

``session`` is anything with keystoneauth's ``Session.get``/``post`` (the
resource passes ``self.context.keystone_session``); nothing here imports it.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from typing import Any, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ENDPOINT_FILTER = {"service_type": "container-infra", "interface": "public"}
API_VERSION_HEADERS = {"OpenStack-API-Version": "container-infra latest"}
MAX_PEM_LENGTH = 65536
# While the service's API cannot answer (its database away: 503 with Retry-After; a proxy's
# 502 or 504), a node being made waits for it, up to this many seconds, rather than failing
# its bay: an outage the API rides out must not end in a failed resize.
OUTAGE_WAIT = 120.0
PASSING = frozenset({502, 503, 504})


class CertificateError(RuntimeError):
    """The node's certificates could not be obtained or are unusable; the message says why."""


@dataclass(frozen=True)
class NodeCertificates:
    """PEM texts: the bay's CA, the node's server certificate and its private key."""

    ca_pem: str
    cert_pem: str
    key_pem: str

    def check(self, address: str) -> None:
        """Refuse material dockerd would reject later with a less helpful message."""
        for label, text in (("CA", self.ca_pem), ("certificate", self.cert_pem),
                            ("key", self.key_pem)):  # fmt: skip
            if not isinstance(text, str) or not 0 < len(text) <= MAX_PEM_LENGTH:
                raise CertificateError(f"the node's {label} is not a PEM text")
        try:
            ca = x509.load_pem_x509_certificate(self.ca_pem.encode())
            cert = x509.load_pem_x509_certificate(self.cert_pem.encode())
            key = serialization.load_pem_private_key(self.key_pem.encode(), None)
        except ValueError as exc:
            raise CertificateError(f"the node's TLS material cannot be read: {exc}") from None
        if cert.public_key() != key.public_key():
            raise CertificateError("the node's certificate is not for the node's key")
        try:
            cert.verify_directly_issued_by(ca)
        except (ValueError, TypeError, InvalidSignature):
            raise CertificateError(
                "the node's certificate was not issued by the given CA"
            ) from None
        try:
            names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        except x509.ExtensionNotFound:
            names = None
        wanted = ipaddress.ip_address(address)
        if names is None or wanted not in names.get_values_for_type(x509.IPAddress):
            raise CertificateError(f"the node's certificate does not name its address {address}")


def new_key_and_csr(name: str, address: str) -> tuple[str, str]:
    """A fresh P-256 key and a CSR for it (CN = ``name``, IP SAN = ``address``), as PEM."""
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(name), x509.IPAddress(ipaddress.ip_address(address))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return key_pem, csr.public_bytes(serialization.Encoding.PEM).decode()


class Response(Protocol):
    status_code: int
    text: str

    def json(self) -> Any: ...


class Session(Protocol):
    """The part of keystoneauth1's ``Session`` used here."""

    def get(self, url: str, **kwargs: Any) -> Response: ...

    def post(self, url: str, **kwargs: Any) -> Response: ...


def request_certificates(
    session: Session, cluster_uuid: str, name: str, address: str, region_name: str | None = None
) -> NodeCertificates:
    """Have the service sign a new key for the node, and fetch the bay's CA."""
    key_pem, csr_pem = new_key_and_csr(name, address)
    endpoint = dict(ENDPOINT_FILTER, **({"region_name": region_name} if region_name else {}))
    # Paths are relative to the catalog's container-infra endpoint, which ends in /v1.
    signed = _call(
        session.post,
        "certificates",
        endpoint,
        json={"cluster_uuid": cluster_uuid, "csr": csr_pem},
        what="signing the node's certificate (POST /v1/certificates)",
    )
    ca = _call(
        session.get,
        f"certificates/{cluster_uuid}",
        endpoint,
        what=f"reading the CA of cluster {cluster_uuid} (GET /v1/certificates/{cluster_uuid})",
    )
    return NodeCertificates(ca_pem=ca["pem"], cert_pem=signed["pem"], key_pem=key_pem)


def _call(
    method: Any, url: str, endpoint: dict[str, str], *, what: str, **kwargs: Any
) -> dict[str, Any]:
    deadline = time.monotonic() + OUTAGE_WAIT
    while True:
        try:
            response = method(
                url,
                endpoint_filter=endpoint,
                headers=API_VERSION_HEADERS,
                raise_exc=False,
                **kwargs,
            )
        except Exception as exc:  # keystoneauth's connection and catalog errors
            raise CertificateError(f"{what} failed: {exc}") from exc
        pause = _retry_after(response)
        if response.status_code not in PASSING or time.monotonic() + pause > deadline:
            break
        time.sleep(pause)
    if response.status_code >= 400:
        raise CertificateError(f"{what} failed: HTTP {response.status_code}: {_detail(response)}")
    try:
        body = response.json()
        if not isinstance(body.get("pem"), str):
            raise TypeError
    except (ValueError, TypeError, AttributeError):
        raise CertificateError(f"{what}: the answer has no PEM text") from None
    return dict(body)


def _retry_after(response: Response) -> float:
    """The wait the service asks for (``Retry-After`` seconds, kept within 1-10 s); 2 s if none."""
    try:
        return min(max(float(getattr(response, "headers", {})["Retry-After"]), 1.0), 10.0)
    except (KeyError, TypeError, ValueError):
        return 2.0


def _detail(response: Response) -> str:
    """The ``detail`` of Magnum's error body, else the start of the text."""
    try:
        errors = response.json().get("errors") or []
        return str(errors[0].get("detail") or errors[0].get("title"))
    except (ValueError, AttributeError, IndexError, TypeError):
        return response.text[:200]
