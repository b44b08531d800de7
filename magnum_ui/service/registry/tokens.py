"""Issuing a registry token: credentials checked, scopes granted, claims signed.

The registry's token protocol: a client sends ``GET <realm>?service=...&
scope=...`` with HTTP Basic credentials (or none, to pull anonymously) and
gets back ``{"token": ..., "expires_in": ...}``; ``docker login`` asks with
no scope, only to learn whether the password is right.
"""

from __future__ import annotations

import datetime
import functools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from magnum_ui.service.registry import access, signing

LEEWAY = 10  # seconds of clock difference the token tolerates


class Identity(Protocol):
    def authenticates(self, username: str, password: str) -> bool: ...

    def project_roles(self, username: str, password: str, project_id: str) -> frozenset[str]: ...


class BadCredentials(Exception):
    """The user name and password were given and are wrong."""


class ShareFull(Exception):
    """A push was asked to a namespace that holds its share of the registry (the reason)."""


Refusal = Callable[[str], str | None]
"""Why a project may push no more (see storage.Share.refusal), or None while it may."""


@dataclass(frozen=True)
class Issuer:
    key_file: Path
    issuer: str
    service: str
    lifetime: int

    @functools.cached_property
    def key(self) -> Any:
        return signing.load_key(self.key_file)


def issue(
    issuer: Issuer,
    identity: Identity,
    credentials: tuple[str, str] | None,
    scopes: list[access.Scope],
    now: float | None = None,
    full: Refusal | None = None,
) -> dict[str, Any]:
    """The token response for ``credentials`` (None: anonymous) asking for ``scopes``.

    Raises :class:`BadCredentials` when a password is given and Keystone refuses it,
    and :class:`ShareFull` when a push it would grant is to a project that ``full``
    says holds its share (a pull-only token would leave Docker saying only "denied").
    """
    if credentials is not None and not identity.authenticates(*credentials):
        raise BadCredentials(f"wrong user name or password for {credentials[0]!r}")

    @functools.cache
    def project_roles(project_id: str) -> frozenset[str]:
        if credentials is None:
            return frozenset()
        return identity.project_roles(*credentials, project_id)

    granted = []
    for scope in scopes:
        actions = access.grant(scope, project_roles)
        refused = full(scope.namespace) if full and "push" in actions else None
        if refused:
            raise ShareFull(refused)
        if actions:
            granted.append({"type": scope.type, "name": scope.name, "actions": list(actions)})
    issued = int(now if now is not None else time.time())
    token = signed(issuer, credentials[0] if credentials else "", granted, issued)
    stamp = datetime.datetime.fromtimestamp(issued, datetime.UTC)
    return {
        "token": token,
        "access_token": token,
        "expires_in": issuer.lifetime,
        "issued_at": stamp.isoformat().replace("+00:00", "Z"),
    }


def signed(
    issuer: Issuer,
    subject: str,
    granted: list[dict[str, Any]],
    now: float | None = None,
    lifetime: int | None = None,
) -> str:
    """A token for ``subject`` granting ``granted``, valid ``lifetime`` seconds (the issuer's).

    The token service signs what it grants a user with it; the service and
    the all-in-one sign their own short tokens (a catalog read, a HEAD of a
    manifest, the seeded image's push) the same way.
    """
    issued = int(now if now is not None else time.time())
    claims = {
        "iss": issuer.issuer,
        "sub": subject,
        "aud": issuer.service,
        "iat": issued,
        "nbf": issued - LEEWAY,
        "exp": issued + (issuer.lifetime if lifetime is None else lifetime),
        "jti": secrets.token_hex(16),
        "access": granted,
    }
    return signing.sign(claims, issuer.key)
