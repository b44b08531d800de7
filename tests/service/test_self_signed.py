"""A self-signed certificate's common start: the name issues its own key's certificate."""

from __future__ import annotations

import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from magnum_ui.service import self_signed


def test_a_name_issues_its_own_keys_certificate_for_the_period_given() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "magnum-ui")])
    start = datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC)
    end = start + datetime.timedelta(days=10)
    first = self_signed.builder(name, key.public_key(), start, end).sign(key, hashes.SHA256())
    again = self_signed.builder(name, key.public_key(), start, end).sign(key, hashes.SHA256())
    assert first.subject == first.issuer == name
    assert first.public_key() == key.public_key()
    assert (first.not_valid_before_utc, first.not_valid_after_utc) == (start, end)
    first.verify_directly_issued_by(first)
    assert first.serial_number != again.serial_number
