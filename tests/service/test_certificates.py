"""A cluster's CA: what it is, what it signs, how it is stored and replaced."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from magnum_ui.service import certificates, conf, crypto
from magnum_ui.service.models import Cluster, ClusterCA
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def encryption_key() -> Iterator[str]:
    key = Fernet.generate_key().decode()
    conf.CONF.set_override("encryption_key", key, group="crypto")
    yield key
    conf.CONF.clear_override("encryption_key", group="crypto")


@pytest.fixture
def bay() -> Cluster:
    return cluster("bay", template())


def make_csr(
    common_name: str = "alice",
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | None = None,
    sans: list[x509.GeneralName] | None = None,
    extra: x509.ExtensionType | None = None,
) -> str:
    """A PEM CSR for ``common_name`` in group ``devs``, with optional SANs and extension."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    names = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "devs")] if common_name else []
    if common_name:
        names.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    builder = x509.CertificateSigningRequestBuilder().subject_name(x509.Name(names))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    if extra is not None:
        builder = builder.add_extension(extra, critical=True)
    csr = builder.sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM).decode()


def load(pem: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode())


def test_the_ca_is_a_self_signed_ca_for_the_cluster(bay: Cluster) -> None:
    """The CA certificate is a critical CA:true cert that signs certs and CRLs, for ~5 years."""
    cert = load(certificates.ensure_ca(bay).cert_pem)
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert constraints.critical
    assert constraints.value.ca
    assert usage.key_cert_sign
    assert usage.crl_sign
    assert bay.uuid in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    cert.verify_directly_issued_by(cert)
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert datetime.timedelta(days=4 * 365) < lifetime < datetime.timedelta(days=6 * 365)
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)


def test_the_key_at_rest_is_encrypted(bay: Cluster) -> None:
    """The stored key is Fernet ciphertext, not PEM, and decrypts to the certificate's key."""
    ca = certificates.ensure_ca(bay)
    assert "PRIVATE KEY" not in ca.encrypted_key
    key = serialization.load_pem_private_key(crypto.decrypt(ca.encrypted_key).encode(), None)
    assert key.public_key() == load(ca.cert_pem).public_key()


def test_the_key_is_unreadable_with_another_fernet_key(bay: Cluster) -> None:
    """A CA stored under one [crypto] encryption_key cannot be used with another."""
    ca = certificates.ensure_ca(bay)
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(ca.encrypted_key)


def test_without_an_encryption_key_no_ca_is_stored(bay: Cluster) -> None:
    """With no [crypto] encryption_key the CA is refused rather than stored in clear."""
    conf.CONF.clear_override("encryption_key", group="crypto")
    with pytest.raises(crypto.CryptoError, match="encryption_key"):
        certificates.ensure_ca(bay)
    assert not ClusterCA.objects.exists()


def test_ensure_ca_is_idempotent(bay: Cluster) -> None:
    """A second call returns the CA the first one created."""
    first = certificates.ensure_ca(bay)
    second = certificates.ensure_ca(bay)
    assert (second.pk, second.cert_pem) == (first.pk, first.cert_pem)
    assert ClusterCA.objects.count() == 1


def test_ensure_ca_losing_a_race_returns_the_winner(
    bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When another request stores a CA while this one builds its own, both end with theirs."""
    real_new_ca = certificates._new_ca
    winner: list[ClusterCA] = []

    def racing_new_ca(c: Cluster) -> tuple[str, str]:
        cert_pem, key_pem = real_new_ca(c)
        other_cert, other_key = real_new_ca(c)
        winner.append(
            ClusterCA.objects.create(
                cluster=c, cert_pem=other_cert, encrypted_key=crypto.encrypt(other_key)
            )
        )
        return cert_pem, key_pem

    monkeypatch.setattr(certificates, "_new_ca", racing_new_ca)
    ca = certificates.ensure_ca(bay)
    assert ca.pk == winner[0].pk
    assert ca.cert_pem == winner[0].cert_pem
    assert ClusterCA.objects.count() == 1


@pytest.mark.parametrize(
    "key",
    [ec.generate_private_key(ec.SECP384R1()), rsa.generate_private_key(65537, 2048)],
    ids=["ec-p384", "rsa-2048"],
)
def test_a_signed_certificate_verifies_against_the_ca(
    bay: Cluster, key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
) -> None:
    """The certificate is issued by the cluster's CA for the CSR's key, subject and names."""
    sans: list[x509.GeneralName] = [x509.DNSName("alice.example"), x509.DNSName("localhost")]
    csr_pem = make_csr("alice", key, sans)
    cert = load(certificates.sign_csr(bay, csr_pem))
    ca_cert = load(ClusterCA.objects.get(cluster=bay).cert_pem)
    cert.verify_directly_issued_by(ca_cert)
    assert cert.public_key() == key.public_key()
    assert cert.subject == x509.load_pem_x509_csr(csr_pem.encode()).subject
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["alice.example", "localhost"]
    usages = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert set(usages) == {ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH}
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert datetime.timedelta(days=360) < lifetime < datetime.timedelta(days=370)


def test_a_csr_asking_to_be_a_ca_gets_a_leaf_certificate(bay: Cluster) -> None:
    """Extensions the CSR asks for other than its names are ignored: it cannot become a CA."""
    csr_pem = make_csr(extra=x509.BasicConstraints(ca=True, path_length=None))
    cert = load(certificates.sign_csr(bay, csr_pem))
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert not cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign


def _tampered_csr() -> str:
    der = x509.load_pem_x509_csr(make_csr("alice").encode()).public_bytes(
        serialization.Encoding.DER
    )
    forged = x509.load_der_x509_csr(der.replace(b"alice", b"admin", 1))
    return forged.public_bytes(serialization.Encoding.PEM).decode()


def _certificate_instead_of_csr() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "x")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: "not a csr", "BEGIN CERTIFICATE REQUEST"),
        (_certificate_instead_of_csr, "BEGIN CERTIFICATE REQUEST"),
        (_tampered_csr, "signature does not match"),
        # A weak key on purpose: the service must refuse it.
        (lambda: make_csr(key=rsa.generate_private_key(65537, 1024)), "1024 bits"),  # noqa: S505
        (lambda: make_csr(key=ec.generate_private_key(ec.SECP256K1())), "secp256k1"),
        (lambda: make_csr(common_name=""), "empty subject"),
    ],
    ids=["garbage", "certificate", "tampered", "short-rsa", "odd-curve", "no-subject"],
)
def test_bad_csrs_are_refused_with_a_reason(bay: Cluster, make: object, fragment: str) -> None:
    """Each unusable CSR raises InvalidCSR whose message names the problem; nothing is signed."""
    assert callable(make)
    with pytest.raises(certificates.InvalidCSR, match=fragment):
        certificates.sign_csr(bay, make())


def test_rotation_replaces_the_ca_and_distrusts_old_certificates(bay: Cluster) -> None:
    """After rotation the CA differs, old certificates fail against it, new ones verify."""
    old = certificates.ensure_ca(bay)
    old_cert = load(certificates.sign_csr(bay, make_csr()))
    new = certificates.rotate_ca(bay)
    assert new.pk == old.pk
    assert new.cert_pem != old.cert_pem
    assert new.encrypted_key != old.encrypted_key
    assert new.rotated_at is not None
    assert old.rotated_at is None
    new_ca = load(ClusterCA.objects.get(cluster=bay).cert_pem)
    with pytest.raises((InvalidSignature, ValueError)):
        old_cert.verify_directly_issued_by(new_ca)
    load(certificates.sign_csr(bay, make_csr())).verify_directly_issued_by(new_ca)


def test_rotating_a_cluster_without_a_ca_creates_one(bay: Cluster) -> None:
    """Rotating before any CA existed stores a fresh one, marked as rotated."""
    ca = certificates.rotate_ca(bay)
    assert ClusterCA.objects.get(cluster=bay).cert_pem == ca.cert_pem
    assert ca.rotated_at is not None


def test_client_certificate_and_key_belong_together(bay: Cluster) -> None:
    """The service's own client certificate matches its key and is signed by the cluster's CA."""
    cert_pem, key_pem = certificates.issue_client_certificate(bay, "admin", "system:masters")
    cert = load(cert_pem)
    key = serialization.load_pem_private_key(key_pem.encode(), None)
    assert key_pem.startswith("-----BEGIN PRIVATE KEY-----")
    assert key.public_key() == cert.public_key()
    cert.verify_directly_issued_by(load(certificates.ensure_ca(bay).cert_pem))
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "admin"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "system:masters"
    )
    usages = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.CLIENT_AUTH in usages


def test_each_client_certificate_has_its_own_key(bay: Cluster) -> None:
    """Two client certificates for one name never share a key or a serial number."""
    first = certificates.issue_client_certificate(bay, "svc")
    second = certificates.issue_client_certificate(bay, "svc")
    assert first[1] != second[1]
    assert load(first[0]).serial_number != load(second[0]).serial_number
