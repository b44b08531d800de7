"""The registry tokens' key and signature, as the distribution registry checks them."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from magnum_ui.service.registry import signing


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_new_key_is_made_mode_600_and_read_back_the_same(tmp_path: Path) -> None:
    """The key file is the owner's alone, and a second call loads the same key."""
    path = tmp_path / "registry" / "key.pem"
    first = signing.load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = signing.load_or_create_key(path)
    assert again.private_numbers() == first.private_numbers()


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    """A signing key readable by other users is not used."""
    path = tmp_path / "key.pem"
    signing.load_or_create_key(path)
    path.chmod(0o644)
    with pytest.raises(signing.SigningKeyError, match="readable by others"):
        signing.load_key(path)


def test_a_key_of_another_kind_is_refused(tmp_path: Path) -> None:
    """Only P-256 keys sign ES256 tokens."""
    path = tmp_path / "key.pem"
    key = ec.generate_private_key(ec.SECP384R1())
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))  # fmt: skip
    path.chmod(0o600)
    with pytest.raises(signing.SigningKeyError, match="P-256"):
        signing.load_key(path)


def test_the_key_id_is_libtrusts_fingerprint() -> None:
    """Twelve colon-separated groups of base32 of the first 240 bits of the SPKI's SHA-256."""
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    der = key.public_bytes(serialization.Encoding.DER,
                           serialization.PublicFormat.SubjectPublicKeyInfo)  # fmt: skip
    found = signing.key_id(key)
    groups = found.split(":")
    assert len(groups) == 12
    assert all(len(g) == 4 for g in groups)
    assert base64.b32decode("".join(groups)) == hashlib.sha256(der).digest()[:30]


def test_a_token_verifies_with_the_certificates_key() -> None:
    """The JWS header names ES256 and the kid; r||s verifies with the certificate's key."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = x509.load_pem_x509_certificate(signing.certificate_pem(key, "magnum-ui").encode())
    token = signing.sign({"iss": "magnum-ui", "access": []}, key)
    header, claims, signature = token.split(".")
    assert json.loads(_b64decode(header)) == {
        "alg": "ES256", "kid": signing.key_id(key.public_key()), "typ": "JWT"
    }  # fmt: skip
    assert json.loads(_b64decode(claims)) == {"iss": "magnum-ui", "access": []}
    raw = _b64decode(signature)
    assert len(raw) == 64
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = cert.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    assert cert.subject.rfc4514_string() == "CN=magnum-ui"
