"""The images a project may use, from the registry's catalog (a stand-in registry here)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
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

    def do_HEAD(self) -> None:
        """Only library/busybox:latest is held."""
        self.send_response(200 if self.path == "/v2/library/busybox/manifests/latest" else 404)
        self.end_headers()

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


def test_an_image_name_becomes_its_repository_in_the_clouds_registry() -> None:
    """Docker Hub names map to the mirror's repositories; the registry's own names to theirs."""
    address = "10.213.255.254:5050"
    assert catalog.repository_of("busybox", address) == ("library/busybox", "latest")
    assert catalog.repository_of("busybox:1.36", address) == ("library/busybox", "1.36")
    assert catalog.repository_of("user/app", address) == ("user/app", "latest")
    assert catalog.repository_of(f"{address}/{PROJECT}/web:v1", address) == (
        f"{PROJECT}/web", "v1")  # fmt: skip
    assert catalog.repository_of("web@sha256:abc", address) == ("library/web", "sha256:abc")
    assert catalog.repository_of("quay.io/x/y", address) is None
    assert catalog.repository_of("localhost:5000/x", address) is None


def test_whether_the_registry_holds_an_image(fake_registry: str, issuer: tokens.Issuer) -> None:
    """Held, not held, another registry's (no answer), or a registry that is away."""
    assert catalog.has_image(issuer, fake_registry, "busybox") is True
    assert catalog.has_image(issuer, fake_registry, "nowhere") is False
    assert catalog.has_image(issuer, fake_registry, "quay.io/x/y") is None
    assert catalog.has_image(issuer, "127.0.0.1:9", "busybox") is None


def test_the_checker_follows_the_configuration(fake_registry: str, tmp_path: Path) -> None:
    """With an address and the key it asks the registry; without either it cannot tell."""
    signing.load_or_create_key(tmp_path / "key.pem")
    options = SimpleNamespace(
        address=fake_registry, token_key_file=str(tmp_path / "key.pem"), token_issuer="i",
        token_service="s", token_lifetime=300,
    )  # fmt: skip
    assert catalog.checker(options)("busybox") is True
    options.token_key_file = None
    assert catalog.checker(options)("busybox") is None
