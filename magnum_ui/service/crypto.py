"""Encryption of secrets at rest (tokens of pending operations, CA private keys)."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from magnum_ui.service import conf


class CryptoError(Exception):
    """A secret cannot be encrypted or decrypted; the message says why."""


def _fernet() -> Fernet:
    key = conf.CONF.crypto.encryption_key
    if not key:
        raise CryptoError("[crypto] encryption_key is not set; the service cannot store secrets")
    return Fernet(key)


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str) -> str:
    try:
        return _fernet().decrypt(ciphertext.encode()).decode()
    except InvalidToken:
        raise CryptoError(
            "a stored secret cannot be decrypted with [crypto] encryption_key"
        ) from None
