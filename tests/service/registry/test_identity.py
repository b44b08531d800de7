"""Checking a registry caller with Keystone (a stand-in Keystone answering /v3/auth/tokens)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from magnum_ui.service.registry import identity

PROJECT = "7c2f9696aa774e4799cc6412c8fca105"


class FakeKeystone(BaseHTTPRequestHandler):
    """demo/secret has member (and the reader it implies) on PROJECT, nothing elsewhere."""

    asked: list[dict[str, Any]] = []
    status = 0  # not 0: every answer is this status

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        auth = json.loads(self.rfile.read(length))["auth"]
        self.asked.append(auth)
        user = auth["identity"]["password"]["user"]
        scope = auth.get("scope", {}).get("project", {}).get("id")
        right = (user["name"], user["password"], user["domain"]["id"]) == (
            "demo", "secret", "default")  # fmt: skip
        if self.status:
            self._answer(self.status, {"error": {"message": "down"}})
        elif not right or scope not in (None, PROJECT):
            self._answer(401, {"error": {"code": 401, "message": "The request you have made "
                                         "requires authentication."}})  # fmt: skip
        else:
            roles = [{"name": "member"}, {"name": "reader"}] if scope else []
            token = {"methods": ["password"], "user": {"id": "u1", "name": "demo"},
                     "expires_at": "2099-01-01T00:00:00.000000Z", "roles": roles}  # fmt: skip
            if scope:
                token["project"] = {"id": PROJECT, "name": "demo", "domain": {"id": "default"}}
            self._answer(201, {"token": token}, {"X-Subject-Token": "t"})

    def _answer(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def keystone() -> Iterator[identity.KeystoneIdentity]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKeystone)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeKeystone.asked, FakeKeystone.status = [], 0
    yield identity.KeystoneIdentity(f"http://127.0.0.1:{server.server_address[1]}/v3")
    server.shutdown()
    server.server_close()


def test_the_right_password_authenticates_and_a_wrong_one_does_not(
    keystone: identity.KeystoneIdentity,
) -> None:
    """A Default-domain user name and password, asked without a scope."""
    assert keystone.authenticates("demo", "secret") is True
    assert keystone.authenticates("demo", "wrong") is False
    assert "scope" not in FakeKeystone.asked[0]


def test_a_projects_roles_come_from_a_token_scoped_to_it(
    keystone: identity.KeystoneIdentity,
) -> None:
    """Roles on the project asked for; none where Keystone refuses the scope."""
    assert keystone.project_roles("demo", "secret", PROJECT) == {"member", "reader"}
    assert FakeKeystone.asked[-1]["scope"] == {"project": {"id": PROJECT}}
    assert keystone.project_roles("demo", "secret", "0" * 32) == frozenset()


def test_keystone_failing_is_unavailable_not_a_refusal(
    keystone: identity.KeystoneIdentity,
) -> None:
    """A 5xx or no answer at all: nobody can be checked, which is not a wrong password."""
    FakeKeystone.status = 503
    with pytest.raises(identity.IdentityUnavailable, match="did not answer"):
        keystone.authenticates("demo", "secret")
    closed = identity.KeystoneIdentity("http://127.0.0.1:9/v3")
    with pytest.raises(identity.IdentityUnavailable):
        closed.authenticates("demo", "secret")
