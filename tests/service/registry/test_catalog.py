"""The images a project may use, from the registry's catalog (a stand-in registry here)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.registry import catalog, signing, tokens

PROJECT = "7c2f9696aa774e4799cc6412c8fca105"
LISTED = ["library/busybox", f"{PROJECT}/web", "0123456789abcdef0123456789abcdef/theirs",
          "library/alpine", f"{PROJECT}/api/v2"]  # fmt: skip


class FakeRegistry(BaseHTTPRequestHandler):
    """Answers /v2/_catalog, recording the bearer token's claims."""

    seen: list[dict[str, Any]] = []

    def do_GET(self) -> None:
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        part = token.split(".")[1]
        self.seen.append(json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))))
        body = json.dumps({"repositories": LISTED}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def fake_registry() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRegistry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeRegistry.seen = []
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def issuer(tmp_path: Path) -> tokens.Issuer:
    signing.load_or_create_key(tmp_path / "key.pem")
    return tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)


def test_library_images_are_short_and_the_projects_own_in_full(
    fake_registry: str, issuer: tokens.Issuer
) -> None:
    """busybox as users write it, the project's images with the registry; others' left out."""
    found = catalog.images_for(issuer, fake_registry, PROJECT)
    own = f"{fake_registry}/{PROJECT}"
    assert found == ["alpine", "busybox", f"{own}/api/v2", f"{own}/web"]


def test_the_catalog_token_grants_the_catalog_only(
    fake_registry: str, issuer: tokens.Issuer
) -> None:
    """The service's own token names the catalog and expires within a minute."""
    catalog.images_for(issuer, fake_registry, PROJECT)
    (claims,) = FakeRegistry.seen
    assert claims["access"] == [{"type": "registry", "name": "catalog", "actions": ["*"]}]
    assert claims["aud"] == "magnum-ui-registry"
    assert claims["exp"] - claims["iat"] == 60


def test_a_registry_that_does_not_answer_suggests_nothing(issuer: tokens.Issuer) -> None:
    """A closed port is no error: the suggestions are simply empty."""
    assert catalog.images_for(issuer, "127.0.0.1:9", PROJECT) == []
