"""Self-signed certificates: a bay's CA, and the registry's token signing key.

Both start the same way; the caller adds its extensions and signs::

    cert = builder(name, key.public_key(), now - BACKDATE, now + CA_VALIDITY).sign(
        key, hashes.SHA256()
    )
"""

from __future__ import annotations

import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes


def builder(
    name: x509.Name,
    public_key: CertificatePublicKeyTypes,
    not_before: datetime.datetime,
    not_after: datetime.datetime,
) -> x509.CertificateBuilder:
    """A certificate of ``public_key`` issued by its own ``name``, with a random serial."""
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
    )
