"""The key that signs registry tokens, and the tokens themselves (ES256 JWTs).

The registry is given the key's self-signed certificate (its
``rootcertbundle``) and finds the key a token was signed with by the
token's ``kid``, the key's fingerprint in the form Docker's libtrust gives
it: the first 240 bits of the SHA-256 of the public key's DER encoding, in
base32, as twelve groups of four characters joined by colons::

    key = load_or_create_key(Path(".state/registry/token-key.pem"))
    token = sign({"iss": "magnum-ui", "aud": "magnum-ui-registry", ...}, key)
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

from magnum_ui.service import self_signed

CERTIFICATE_DAYS = 3650


class SigningKeyError(RuntimeError):
    """The signing key file exists but is not a P-256 private key, or is readable by others."""


def load_or_create_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """The P-256 key in ``path``, made (mode 600 from its first byte) when there is none."""
    if not path.exists():
        key = ec.generate_private_key(ec.SECP256R1())
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        return key
    return load_key(path)


def load_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """The P-256 private key in ``path``; refused if others may read the file."""
    if path.stat().st_mode & 0o077:
        raise SigningKeyError(f"{path} is readable by others: make it mode 600")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise SigningKeyError(f"{path} does not hold a P-256 (ES256) private key")
    return key


def certificate_pem(key: ec.EllipticCurvePrivateKey, issuer: str) -> str:
    """A self-signed certificate of ``key``: the registry's ``rootcertbundle``."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)])
    now = datetime.datetime.now(datetime.UTC)
    valid = (now - datetime.timedelta(days=1), now + datetime.timedelta(days=CERTIFICATE_DAYS))
    cert = self_signed.builder(name, key.public_key(), *valid).sign(key, hashes.SHA256())
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def key_id(public_key: ec.EllipticCurvePublicKey) -> str:
    """The key's libtrust fingerprint, which the registry matches a token's ``kid`` against."""
    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    encoded = base64.b32encode(hashlib.sha256(der).digest()[:30]).decode().rstrip("=")
    return ":".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


def sign(claims: dict[str, Any], key: ec.EllipticCurvePrivateKey) -> str:
    """``claims`` as a compact JWS, ES256, with the key's ``kid``."""
    header = {"typ": "JWT", "alg": "ES256", "kid": key_id(key.public_key())}
    signing_input = f"{_b64(_json(header))}.{_b64(_json(claims))}".encode()
    r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
    # JWS wants r and s as two 32-byte big-endian numbers, not DER.
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return f"{signing_input.decode()}.{_b64(signature)}"


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")
