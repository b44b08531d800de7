"""``GET /token``: the image registry's token service (the registry's ``auth.token.realm``).

A WSGI application of its own, served by ``magnum-ui-api registry-tokens``
on ``[registry] token_host:token_port``: the registry's clients (bays'
engines among them) must reach it, and they must reach nothing else of the
service.  It parses the request, calls :func:`magnum_ui.service.registry.tokens.issue`
once and answers as the distribution registry's token specification says::

    GET /token?service=magnum-ui-registry&scope=repository:<project id>/web:pull,push
    Authorization: Basic <user:password>
    -> 200 {"token": "<JWT>", "access_token": "<JWT>", "expires_in": 300, "issued_at": ...}

A wrong password is a 401 (what ``docker login`` reports); asking for more
than the caller may have is not an error: the token grants what it may.
Too many wrong passwords from one address (or one local bay's nodes) are a
429 with ``Retry-After`` (see :mod:`magnum_ui.service.registry.throttle`).
A push to a project that holds its share of the registry is a 403 whose
reason Docker prints (``denied: project ... stores ...``; see
:mod:`magnum_ui.service.registry.storage`).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import urllib.parse
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from typing import Any

from magnum_ui.service import conf
from magnum_ui.service.drivers.local import options as local_options
from magnum_ui.service.registry import access, identity, storage, throttle, tokens

LOG = logging.getLogger(__name__)
PATH = "/token"

StartResponse = Callable[..., Any]


class TokenService:
    """The WSGI callable: one route, ``GET /token``."""

    def __init__(
        self, issuer: tokens.Issuer, checker: tokens.Identity, guesses: throttle.Throttle,
        full: tokens.Refusal | None = None, pool: str = local_options.DEFAULT_SUBNET_POOL,
    ) -> None:  # fmt: skip
        self.issuer = issuer
        self.checker = checker
        self.guesses = guesses
        self.full = full
        self.pool = local_options.subnet_pool(pool)

    def __call__(self, environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != PATH:
            return _answer(start, 404, {"errors": [_error("NOT_FOUND", "only GET /token")]})
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return _answer(start, 405, {"errors": [_error("UNSUPPORTED", "only GET /token")]})
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        service = query.get("service", [self.issuer.service])[0]
        if service != self.issuer.service:
            message = f"this token service serves {self.issuer.service!r}, not {service!r}"
            return _answer(start, 400, {"errors": [_error("INVALID", message)]})
        try:
            scopes = [access.parse(raw) for raw in query.get("scope", [])]
            credentials = _basic(environ.get("HTTP_AUTHORIZATION", ""))
        except (access.InvalidScope, ValueError) as exc:
            return _answer(start, 400, {"errors": [_error("INVALID", str(exc))]})
        address = throttle.source(environ.get("REMOTE_ADDR", ""), self.pool)
        wait = self.guesses.wait(address) if credentials else 0
        if wait:
            LOG.warning("registry token refused: too many wrong passwords from %s", address)
            message = f"too many wrong passwords from {address}: try again in {wait} s"
            body = {"errors": [_error("TOOMANYREQUESTS", message)]}
            return _answer(start, 429, body, [("Retry-After", str(wait))])
        try:
            body = tokens.issue(self.issuer, self.checker, credentials, scopes, full=self.full)
        except tokens.BadCredentials as exc:
            LOG.info("registry token refused from %s: %s", address, exc)
            self.guesses.failed(address)
            headers = [("WWW-Authenticate", 'Basic realm="magnum-ui registry"')]
            return _answer(start, 401, {"errors": [_error("UNAUTHORIZED", str(exc))]}, headers)
        except tokens.ShareFull as exc:
            return _answer(start, 403, {"errors": [_error("DENIED", str(exc))]})
        except identity.IdentityUnavailable as exc:
            LOG.warning("registry token not issued: %s", exc)
            return _answer(start, 503, {"errors": [_error("UNAVAILABLE", str(exc))]})
        return _answer(start, 200, body)


def _basic(header: str) -> tuple[str, str] | None:
    """The user name and password of an ``Authorization: Basic`` header (None: none given)."""
    if not header:
        return None
    kind, _, value = header.partition(" ")
    if kind.lower() != "basic":
        raise ValueError("only Basic credentials are accepted")
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise ValueError("the Basic credentials are not base64 of user:password") from None
    username, sep, password = decoded.partition(":")
    if not sep or not username:
        raise ValueError("the Basic credentials are not user:password")
    return username, password


def _error(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def _answer(
    start: StartResponse, status: int, body: dict[str, Any],
    headers: list[tuple[str, str]] | None = None,
) -> list[bytes]:  # fmt: skip
    data = json.dumps(body).encode()
    start(f"{status} {HTTPStatus(status).phrase}", [
        ("Content-Type", "application/json"), ("Content-Length", str(len(data))),
        ("Cache-Control", "no-store"), *(headers or []),
    ])  # fmt: skip
    return [data]


def build_application() -> TokenService:
    """The token service as ``[registry]`` configures it; a missing setting is a ConfigError."""
    config = conf.load()
    options = config.registry
    for name in ("token_key_file", "auth_url"):
        if not getattr(options, name):
            raise conf.ConfigError(f"[registry] {name} must be set for the token service")
    issuer = tokens.Issuer(
        key_file=Path(options.token_key_file), issuer=options.token_issuer,
        service=options.token_service, lifetime=options.token_lifetime,
    )  # fmt: skip
    issuer.key  # noqa: B018 - a bad key file stops the start, not the first request
    guesses = throttle.Throttle(options.login_failures, options.login_failure_window)
    share = storage.share_of(options)
    # The local nodes' pool, as the local driver (in Heat's engine) reads it.
    try:
        pool = local_options.NodeOptions.from_environ().subnet_pool
    except local_options.InvalidOptions as exc:
        raise conf.ConfigError(str(exc)) from None
    full = share.refusal if share else None
    return TokenService(issuer, identity.KeystoneIdentity(options.auth_url), guesses, full, pool)
