"""A node's certificate: the CSR it sends, the service calls, and the checks before dockerd."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

import pytest
from cryptography import x509

from magnum_ui.service.drivers.local import tls
from magnum_ui.service.drivers.local.nodes import NodePlan
from tests.service.drivers.local.conftest import BayCA

CLUSTER = "3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f"
PLAN = NodePlan(CLUSTER, 0, "master", "bay-3f2a1b4c-master-0", "10.213.0.10")


@dataclass
class Answer:
    status_code: int
    body: Any
    text: str = ""

    def json(self) -> Any:
        if isinstance(self.body, Exception):
            raise self.body
        return self.body


@dataclass
class FakeSession:
    """Answers as the service API does, signing with a test CA; records every call."""

    ca: BayCA
    fail_post: Answer | None = None
    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def post(self, url: str, **kwargs: Any) -> Answer:
        self.calls.append(("POST", url, kwargs))
        if self.fail_post is not None:
            return self.fail_post
        return Answer(201, {"cluster_uuid": CLUSTER, "pem": self.ca.sign(kwargs["json"]["csr"])})

    def get(self, url: str, **kwargs: Any) -> Answer:
        self.calls.append(("GET", url, kwargs))
        return Answer(200, {"cluster_uuid": CLUSTER, "pem": self.ca.pem})


def test_the_csr_names_the_node_and_its_address() -> None:
    key_pem, csr_pem = tls.new_key_and_csr("bay-3f2a1b4c-master-0", "10.213.0.10")
    csr = x509.load_pem_x509_csr(csr_pem.encode())
    assert csr.is_signature_valid
    assert csr.subject.rfc4514_string() == "CN=bay-3f2a1b4c-master-0"
    names = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("10.213.0.10")]
    assert "PRIVATE KEY" in key_pem


def test_certificates_come_from_the_service_with_the_callers_session(ca: BayCA) -> None:
    """POST /v1/certificates with the CSR, then GET the CA; both via the catalog, at latest."""
    session = FakeSession(ca)
    certs = tls.request_certificates(session, CLUSTER, PLAN.name, PLAN.address)
    certs.check(PLAN.address)
    assert [(method, url) for method, url, _ in session.calls] == [
        ("POST", "certificates"),
        ("GET", f"certificates/{CLUSTER}"),
    ]
    for _, _, kwargs in session.calls:
        assert kwargs["endpoint_filter"] == {
            "service_type": "container-infra",
            "interface": "public",
        }
        assert kwargs["headers"] == {"OpenStack-API-Version": "container-infra latest"}
    assert session.calls[0][2]["json"]["cluster_uuid"] == CLUSTER
    assert certs.ca_pem == ca.pem


def test_the_region_narrows_the_catalog_lookup(ca: BayCA) -> None:
    session = FakeSession(ca)
    tls.request_certificates(session, CLUSTER, PLAN.name, PLAN.address, region_name="RegionTwo")
    assert {kwargs["endpoint_filter"]["region_name"] for _, _, kwargs in session.calls} == {
        "RegionTwo"
    }


def test_a_refusal_of_the_service_is_reported_with_its_detail(ca: BayCA) -> None:
    refusal = Answer(400, {"errors": [{"status": 400, "detail": "Cluster x could not be found."}]})
    with pytest.raises(tls.CertificateError, match=r"HTTP 400: Cluster x could not be found\."):
        tls.request_certificates(
            FakeSession(ca, fail_post=refusal), CLUSTER, PLAN.name, PLAN.address
        )


@dataclass
class Unavailable(Answer):
    headers: dict[str, str] = field(default_factory=lambda: {"Retry-After": "5"})


@dataclass
class OutageSession(FakeSession):
    """The service API answers 503 (its database away) to the first ``outage`` requests."""

    outage: int = 0

    def post(self, url: str, **kwargs: Any) -> Answer:
        if self.outage:
            self.outage -= 1
            self.calls.append(("POST", url, kwargs))
            return Unavailable(503, {"errors": [{"status": 503, "detail": "The service's "
                               "database does not answer; try again shortly."}]})  # fmt: skip
        return super().post(url, **kwargs)


def test_an_outage_of_the_service_is_waited_out_as_it_asks(
    ca: BayCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """503s with Retry-After are asked again after the wait, until the service answers."""
    slept: list[float] = []
    monkeypatch.setattr(tls.time, "sleep", slept.append)
    session = OutageSession(ca, outage=3)
    tls.request_certificates(session, CLUSTER, PLAN.name, PLAN.address).check(PLAN.address)
    assert slept == [5.0, 5.0, 5.0]
    assert [method for method, _, _ in session.calls] == ["POST"] * 4 + ["GET"]


def test_an_outage_longer_than_the_wait_fails_with_the_services_reason(
    ca: BayCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After OUTAGE_WAIT seconds of 503s the node fails, saying why; a 4xx is never retried."""
    now = [0.0]
    monkeypatch.setattr(tls.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(tls.time, "sleep", lambda seconds: now.__setitem__(0, now[0] + seconds))
    session = OutageSession(ca, outage=10**6)
    with pytest.raises(tls.CertificateError, match="HTTP 503: The service's database does not"):
        tls.request_certificates(session, CLUSTER, PLAN.name, PLAN.address)
    assert tls.OUTAGE_WAIT - 5 < now[0] <= tls.OUTAGE_WAIT
    refused = FakeSession(ca, fail_post=Answer(400, {"errors": [{"detail": "no"}]}))
    with pytest.raises(tls.CertificateError, match="HTTP 400: no"):
        tls.request_certificates(refused, CLUSTER, PLAN.name, PLAN.address)
    assert len(refused.calls) == 1


def test_an_answer_without_pem_is_refused(ca: BayCA) -> None:
    odd = Answer(201, ValueError("not JSON"), text="<html>")
    with pytest.raises(tls.CertificateError, match="no PEM text"):
        tls.request_certificates(FakeSession(ca, fail_post=odd), CLUSTER, PLAN.name, PLAN.address)


def test_material_dockerd_would_reject_is_refused_first(ca: BayCA) -> None:
    good = ca.issue(PLAN)
    good.check(PLAN.address)
    other = ca.issue(PLAN)
    with pytest.raises(tls.CertificateError, match="not for the node's key"):
        tls.NodeCertificates(good.ca_pem, good.cert_pem, other.key_pem).check(PLAN.address)
    with pytest.raises(tls.CertificateError, match=r"does not name its address 10\.213\.0\.99"):
        good.check("10.213.0.99")
    with pytest.raises(tls.CertificateError, match="not issued by the given CA"):
        tls.NodeCertificates(BayCA().pem, good.cert_pem, good.key_pem).check(PLAN.address)
    with pytest.raises(tls.CertificateError, match="cannot be read"):
        tls.NodeCertificates(good.ca_pem, "-----BEGIN CERTIFICATE-----\nxx", good.key_pem).check(
            PLAN.address
        )
