"""Each cluster's certificate authority: creating it, signing with it, replacing it.

The CA's private key only ever exists in memory while a certificate is being
signed; at rest it is Fernet-encrypted (:mod:`magnum_ui.service.crypto`) and no
function here returns or logs it.  A rotation (:func:`start_rotation`) is a
stack update that re-keys every node, for drivers whose nodes take a new CA
while they run.  Nothing here knows about HTTP: errors a caller can fix are
:class:`InvalidCSR` and the service's own, everything else is a bug or a
missing ``[crypto] encryption_key``.
"""

from __future__ import annotations

import datetime

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.db import IntegrityError, transaction
from django.utils import timezone

from magnum_ui.service import clusters, crypto, drivers, errors, operations, self_signed
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import Cluster, ClusterCA

CA_VALIDITY = datetime.timedelta(days=5 * 365)
CERT_VALIDITY = datetime.timedelta(days=365)
# Tolerates clocks of nodes a little behind the service's.
BACKDATE = datetime.timedelta(minutes=5)
MIN_RSA_BITS = 2048
# The curves every TLS stack the bays run (Go, OpenSSL) accepts.
ACCEPTED_CURVES = (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)

# Magnum rotates only clusters at rest in a healthy state: anything in progress
# would race the new CA, and a failed or deleted cluster has nothing to rotate.
ROTATABLE_STATUSES = frozenset(
    {
        "CREATE_COMPLETE",
        "UPDATE_COMPLETE",
        "RESUME_COMPLETE",
        "RESTORE_COMPLETE",
        "ROLLBACK_COMPLETE",
        "SNAPSHOT_COMPLETE",
        "CHECK_COMPLETE",
        "ADOPT_COMPLETE",
    }
)


class InvalidCSR(ValueError):
    """A certificate signing request the service will not sign; the message says why."""


def ensure_ca(cluster: Cluster) -> ClusterCA:
    """The cluster's CA, created on first use; concurrent callers all get the same one."""
    existing = ClusterCA.objects.filter(cluster=cluster).first()
    if existing is not None:
        return existing
    cert_pem, key_pem = _new_ca(cluster)
    try:
        # A savepoint, so that losing the race leaves an outer transaction usable.
        with transaction.atomic():
            return ClusterCA.objects.create(
                cluster=cluster, cert_pem=cert_pem, encrypted_key=crypto.encrypt(key_pem)
            )
    except IntegrityError:
        # Another request created it between our read and our insert: theirs wins.
        return ClusterCA.objects.get(cluster=cluster)


def rotate_ca(cluster: Cluster) -> ClusterCA:
    """Replace the cluster's CA with a new key and certificate; the old CA signs nothing more."""
    cert_pem, key_pem = _new_ca(cluster)
    fields = {
        "cert_pem": cert_pem,
        "encrypted_key": crypto.encrypt(key_pem),
        "rotated_at": timezone.now(),
    }
    with transaction.atomic():
        if not ClusterCA.objects.filter(cluster=cluster).update(**fields):
            try:
                with transaction.atomic():
                    ClusterCA.objects.create(cluster=cluster, **fields)
            except IntegrityError:
                ClusterCA.objects.filter(cluster=cluster).update(**fields)
    return ClusterCA.objects.get(cluster=cluster)


def start_rotation(ctx: RequestContext, ident: str) -> Cluster:
    """A new CA for the cluster, and the stack update that gives every node a key from it.

    Accepted only when the driver re-keys running nodes: afterwards the bay
    refuses every certificate of the old CA, and a newly downloaded
    configuration reaches it.
    """
    cluster = clusters.find(ctx, ident, "certificate:rotate_ca")
    if cluster.cluster_template.tls_disabled:
        raise errors.Invalid(
            f"Cluster {cluster.uuid} was created without TLS (its template sets "
            "tls_disabled), so it has no CA to rotate.",
        )
    driver = drivers.for_template(cluster.cluster_template)
    if driver is None or not driver.rotates_ca:
        name = driver.name if driver else "no installed"
        raise errors.Invalid(
            f"The {name} driver cannot give a running cluster's nodes a new CA; "
            "rotating it would only change the service's copy."
        )
    with transaction.atomic():
        # Locked, so that no update, resize or delete starts while the CA changes.
        locked = Cluster.objects.select_for_update().get(pk=cluster.pk)
        if locked.status not in ROTATABLE_STATUSES:
            busy = locked.status.endswith("_IN_PROGRESS")
            raise (errors.Conflict if busy else errors.Invalid)(
                f"Cluster {locked.uuid} is {locked.status}; its CA can be rotated once its "
                "last operation has completed."
            )
        rotate_ca(locked)
        locked.status, locked.status_reason = "UPDATE_IN_PROGRESS", None
        locked.save(update_fields=["status", "status_reason", "updated_at"])
        operations.enqueue(locked, "update", {"action": "rotate_ca"}, ctx)
    return locked


def sign_csr(cluster: Cluster, csr_pem: str) -> str:
    """A client and server certificate for the CSR's key and names, signed by the cluster's CA."""
    csr = _parse_csr(csr_pem)
    sans = _requested_names(csr)
    return _issue(ensure_ca(cluster), csr.subject, csr.public_key(), sans)


def issue_client_certificate(
    cluster: Cluster, common_name: str, organization: str | None = None
) -> tuple[str, str]:
    """A fresh key and a certificate for it, as (cert PEM, key PEM), to talk to the bay.

    ``organization`` becomes the subject's O, which Kubernetes reads as the
    user's group.
    """
    if not common_name:
        raise ValueError("a client certificate needs a common name")
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organization:
        attributes.insert(0, x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    key = ec.generate_private_key(ec.SECP256R1())
    cert_pem = _issue(ensure_ca(cluster), x509.Name(attributes), key.public_key(), None)
    return cert_pem, _key_pem(key)


def _new_ca(cluster: Cluster) -> tuple[str, str]:
    """A self-signed CA for ``cluster`` as (cert PEM, key PEM)."""
    # P-256 rather than RSA: generating the key takes microseconds instead of
    # the tens to hundreds of milliseconds an RSA-2048 key costs, which matters
    # because the first GET or POST of a cluster's certificates pays for it
    # inside the request, and every client the bays run supports it.
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Magnum"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"cluster {cluster.uuid} CA"),
        ]
    )
    now = timezone.now()
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        self_signed.builder(name, key.public_key(), now - BACKDATE, now + CA_VALIDITY)
        # path_length 0: the CA signs leaf certificates only, never another CA.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return _cert_pem(cert), _key_pem(key)


def _issue(
    ca: ClusterCA,
    subject: x509.Name,
    public_key: CertificatePublicKeyTypes,
    sans: x509.SubjectAlternativeName | None,
) -> str:
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem.encode())
    ca_key = serialization.load_pem_private_key(crypto.decrypt(ca.encrypted_key).encode(), None)
    if not isinstance(ca_key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise TypeError(f"cluster CA {ca.pk} holds an unsupported key type")
    now = timezone.now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        # Never outlive the CA that vouches for it.
        .not_valid_after(min(now + CERT_VALIDITY, ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
    )
    if sans is not None:
        builder = builder.add_extension(sans, critical=False)
    return _cert_pem(builder.sign(ca_key, hashes.SHA256()))


def _parse_csr(csr_pem: str) -> x509.CertificateSigningRequest:
    try:
        csr = x509.load_pem_x509_csr(csr_pem.strip().encode())
    except (ValueError, UnicodeEncodeError):
        raise InvalidCSR(
            "The csr is not a PEM certificate signing request: it must be the text between "
            "'-----BEGIN CERTIFICATE REQUEST-----' and '-----END CERTIFICATE REQUEST-----', "
            "as `openssl req -new` writes it."
        ) from None
    try:
        public_key = csr.public_key()
        signature_valid = csr.is_signature_valid
    except (ValueError, UnsupportedAlgorithm):
        raise InvalidCSR("The csr's public key or signature algorithm is not supported.") from None
    if not signature_valid:
        raise InvalidCSR(
            "The csr's signature does not match its public key: it was altered after "
            "signing, or signed with another key. Generate it again."
        )
    _check_key(public_key)
    if not list(csr.subject):
        raise InvalidCSR("The csr has an empty subject: give it at least a common name (CN).")
    return csr


def _check_key(public_key: CertificatePublicKeyTypes) -> None:
    if isinstance(public_key, rsa.RSAPublicKey):
        if public_key.key_size < MIN_RSA_BITS:
            raise InvalidCSR(
                f"The csr's RSA key has {public_key.key_size} bits; use {MIN_RSA_BITS} or more."
            )
        return
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        if not isinstance(public_key.curve, ACCEPTED_CURVES):
            raise InvalidCSR(
                f"The csr's key is on curve {public_key.curve.name}; use P-256, P-384 or P-521."
            )
        return
    raise InvalidCSR("The csr's key must be RSA (2048 bits or more) or EC (P-256, P-384, P-521).")


def _requested_names(csr: x509.CertificateSigningRequest) -> x509.SubjectAlternativeName | None:
    """The subject alternative names the CSR asks for; its other extensions are ignored."""
    try:
        return csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return None
    except (ValueError, x509.DuplicateExtension):
        raise InvalidCSR(
            "The csr's extensions cannot be read (an extension is malformed or repeated)."
        ) from None


def _key_usage(cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        # Only meaningful for RSA leaf keys, which TLS stacks check for.
        key_encipherment=not cert_sign,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _key_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
