"""Fixtures of the local nodes' tests: a bay CA, and state folders cleaned up whatever happens."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from pathlib import Path

import docker.tls
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from magnum_ui.service.drivers.local import tls
from magnum_ui.service.drivers.local.nodes import NodePlan
from magnum_ui.service.drivers.local.options import NodeOptions
from tests.service.drivers.local import machine


class BayCA:
    """A certificate authority made for one test, signing as the service API would."""

    def __init__(self) -> None:
        self._key = ec.generate_private_key(ec.SECP256R1())
        self._name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test bay CA")])
        cert = self._builder(self._name, self._key.public_key()).add_extension(
            x509.BasicConstraints(ca=True, path_length=0), critical=True
        )
        self.pem = _pem(cert.sign(self._key, hashes.SHA256()))
        self.issued: list[NodePlan] = []

    def issue(self, plan: NodePlan) -> tls.NodeCertificates:
        """What ``create_node`` calls: a key and CSR made by the library, signed here."""
        self.issued.append(plan)
        key_pem, csr_pem = tls.new_key_and_csr(plan.name, plan.address)
        return tls.NodeCertificates(self.pem, self.sign(csr_pem), key_pem)

    def sign(self, csr_pem: str) -> str:
        """A certificate for the CSR's key with its subject and names, as the service signs."""
        csr = x509.load_pem_x509_csr(csr_pem.encode())
        names = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        cert = self._leaf(csr.subject, csr.public_key()).add_extension(names, critical=False)
        return _pem(cert.sign(self._key, hashes.SHA256()))

    def client_tls(self, folder: Path) -> docker.tls.TLSConfig:
        """A client certificate from this CA, as the docker SDK wants it (files)."""
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test client")])
        cert = self._leaf(subject, key.public_key()).sign(self._key, hashes.SHA256())
        folder.mkdir(parents=True, exist_ok=True)
        paths = {"ca.pem": self.pem, "cert.pem": _pem(cert), "key.pem": _key_pem(key)}
        for name, text in paths.items():
            (folder / name).write_text(text)
        return docker.tls.TLSConfig(
            client_cert=(str(folder / "cert.pem"), str(folder / "key.pem")),
            ca_cert=str(folder / "ca.pem"),
            verify=True,
        )

    def _leaf(
        self, subject: x509.Name, public_key: CertificatePublicKeyTypes
    ) -> x509.CertificateBuilder:
        usages = [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
        return self._builder(subject, public_key).add_extension(
            x509.ExtendedKeyUsage(usages), critical=False
        )

    def _builder(
        self, subject: x509.Name, public_key: CertificatePublicKeyTypes
    ) -> x509.CertificateBuilder:
        now = datetime.datetime.now(datetime.UTC)
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self._name)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=2))
        )


def _pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _key_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture
def ca() -> BayCA:
    return BayCA()


@pytest.fixture
def root() -> Iterator[Path]:
    """A fresh state folder; everything in it is destroyed afterwards, even if the test failed."""
    path = machine.new_root()
    try:
        yield path
    finally:
        machine.destroy(path)


@pytest.fixture
def cluster() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def project() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def options() -> NodeOptions:
    return NodeOptions(subnet_pool=machine.TEST_POOL)
