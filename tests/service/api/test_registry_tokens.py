"""``GET /token``, the registry's token service, spoken to as docker's engine speaks to it."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.api import registry_tokens
from magnum_ui.service.registry import identity, signing, storage, throttle, tokens
from tests.service.registry import test_storage
from tests.service.registry.test_tokens import PROJECT, FakeIdentity, claims


class DownIdentity(FakeIdentity):
    def authenticates(self, username: str, password: str) -> bool:
        raise identity.IdentityUnavailable("Keystone at http://x did not answer")


@pytest.fixture
def app(tmp_path: Path) -> registry_tokens.TokenService:
    signing.load_or_create_key(tmp_path / "key.pem")
    issuer = tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)
    return registry_tokens.TokenService(issuer, FakeIdentity(), throttle.Throttle(3, 60.0))


def call(
    app: registry_tokens.TokenService, query: str = "", user: str | None = None,
    path: str = "/token", method: str = "GET", authorization: str | None = None,
    address: str = "10.213.0.5",
) -> tuple[int, dict[str, str], dict[str, Any]]:  # fmt: skip
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "QUERY_STRING": query,
               "REMOTE_ADDR": address}  # fmt: skip
    if user is not None:
        environ["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(user.encode()).decode()
    if authorization is not None:
        environ["HTTP_AUTHORIZATION"] = authorization
    started: list[Any] = []
    body = b"".join(app(environ, lambda status, headers: started.extend([status, headers])))
    return int(started[0].split()[0]), dict(started[1]), json.loads(body)


def test_a_member_gets_a_push_token_for_their_project(app: registry_tokens.TokenService) -> None:
    """200 with the token, never cached, granting what the scope asks and the role allows."""
    query = f"service=magnum-ui-registry&scope=repository:{PROJECT}/hello:pull,push"
    status, headers, body = call(app, query, user="demo:secret")
    assert status == 200
    assert headers["Cache-Control"] == "no-store"
    assert claims(body)["access"][0]["actions"] == ["pull", "push"]


def test_a_wrong_password_is_a_401_that_names_the_user(app: registry_tokens.TokenService) -> None:
    """docker login shows the message: the password, not the scope, was wrong."""
    status, headers, body = call(app, "service=magnum-ui-registry", user="demo:nope")
    assert status == 401
    assert "Basic" in headers["WWW-Authenticate"]
    assert body["errors"][0]["code"] == "UNAUTHORIZED"
    assert "demo" in body["errors"][0]["message"]
    assert "nope" not in json.dumps(body)


def test_anonymous_pulls_of_the_library_get_a_token(app: registry_tokens.TokenService) -> None:
    """No Authorization header: a token for library/ pulls."""
    status, _, body = call(app, "scope=repository:library/busybox:pull")
    assert status == 200
    assert claims(body)["access"] == [
        {"type": "repository", "name": "library/busybox", "actions": ["pull"]}
    ]


def test_several_scopes_are_all_considered(app: registry_tokens.TokenService) -> None:
    """A cross-repository push asks for two scopes in one request."""
    query = f"scope=repository:{PROJECT}/a:pull,push&scope=repository:library/busybox:pull"
    _, _, body = call(app, query, user="demo:secret")
    assert [a["name"] for a in claims(body)["access"]] == [f"{PROJECT}/a", "library/busybox"]


@pytest.mark.parametrize(
    ("query", "authorization", "message"),
    [
        ("service=another", None, "not 'another'"),
        ("scope=repository", None, "type:name:actions"),
        ("", "Bearer abc", "only Basic"),
        ("", "Basic !!!", "not base64"),
        ("", "Basic " + base64.b64encode(b"no-colon").decode(), "user:password"),
    ],
)
def test_malformed_requests_are_400s_that_say_why(
    app: registry_tokens.TokenService, query: str, authorization: str | None, message: str
) -> None:
    """Another service's name, a bad scope, or credentials that are not Basic user:password."""
    status, _, body = call(app, query, authorization=authorization)
    assert status == 400
    assert message in body["errors"][0]["message"]


def test_other_paths_and_methods_are_not_served(app: registry_tokens.TokenService) -> None:
    """The listener nodes can reach serves GET /token and nothing else."""
    assert call(app, path="/v1/clusters")[0] == 404
    assert call(app, method="POST")[0] == 405


def test_keystone_away_is_a_503(tmp_path: Path) -> None:
    """Nobody can be checked while Keystone does not answer: 503, not a refusal."""
    signing.load_or_create_key(tmp_path / "key.pem")
    issuer = tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)
    app = registry_tokens.TokenService(issuer, DownIdentity(), throttle.Throttle(3, 60.0))
    status, _, body = call(app, "", user="demo:secret")
    assert status == 503
    assert "did not answer" in body["errors"][0]["message"]


class CountingIdentity(FakeIdentity):
    checks = 0

    def authenticates(self, username: str, password: str) -> bool:
        CountingIdentity.checks += 1
        return super().authenticates(username, password)


def test_wrong_passwords_from_one_address_are_slowed_without_asking_keystone(
    tmp_path: Path,
) -> None:
    """Past 3 wrong passwords from a bay's node: 429 with Retry-After, Keystone not asked,
    even for a right password; another bay is not held back."""
    signing.load_or_create_key(tmp_path / "key.pem")
    issuer = tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)
    app = registry_tokens.TokenService(issuer, CountingIdentity(), throttle.Throttle(3, 60.0))
    CountingIdentity.checks = 0
    assert [call(app, "", user=f"admin:guess{n}")[0] for n in range(3)] == [401, 401, 401]
    status, headers, body = call(app, "", user="demo:secret")
    assert status == 429
    assert 1 <= int(headers["Retry-After"]) <= 60
    assert "10.213.0.0/24" in body["errors"][0]["message"]  # the bay of 10.213.0.5
    assert CountingIdentity.checks == 3
    assert call(app, "", user="demo:secret", address="10.213.1.9")[0] == 200
    # Anonymous pulls ask Keystone nothing: not held back.
    assert call(app, "scope=repository:library/busybox:pull")[0] == 200


def test_a_push_to_a_project_holding_its_share_is_a_403_docker_prints(tmp_path: Path) -> None:
    """The registry's files say the project holds 1 MiB of its 1 MiB: a push is DENIED with
    what it stores (docker prints "denied: <message>"); a pull still gets its token."""
    signing.load_or_create_key(tmp_path / "key.pem")
    issuer = tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)
    share = storage.Share(tmp_path / "data", limit_mib=1)
    app = registry_tokens.TokenService(
        issuer, FakeIdentity(), throttle.Throttle(3, 60.0), share.refusal
    )
    push = f"service=magnum-ui-registry&scope=repository:{PROJECT}/hello:pull,push"
    assert call(app, push, user="demo:secret")[0] == 200
    digest = test_storage.blob(tmp_path / "data", b"x" * storage.MIB)
    test_storage.link(tmp_path / "data", PROJECT, "hello", "_layers", digest)
    status, _, body = call(app, push, user="demo:secret")
    assert status == 403
    assert body["errors"][0]["code"] == "DENIED"
    assert f"project {PROJECT} stores 1.0 MiB" in body["errors"][0]["message"]
    pull = f"service=magnum-ui-registry&scope=repository:{PROJECT}/hello:pull"
    status, _, body = call(app, pull, user="demo:secret")
    assert (status, claims(body)["access"][0]["actions"]) == (200, ["pull"])


def test_the_nodes_of_one_bay_share_one_bound(tmp_path: Path) -> None:
    """Wrong passwords from three nodes of one bay (one /24 of the local nodes' pool) add up;
    a node of another bay and an address outside the pool each have their own."""
    signing.load_or_create_key(tmp_path / "key.pem")
    issuer = tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)
    app = registry_tokens.TokenService(
        issuer, FakeIdentity(), throttle.Throttle(3, 60.0), pool="10.213.0.0/16"
    )
    nodes = ["10.213.7.10", "10.213.7.20", "10.213.7.21"]
    assert [call(app, "", user="admin:guess", address=a)[0] for a in nodes] == [401] * 3
    status, _, body = call(app, "", user="demo:secret", address="10.213.7.22")
    assert status == 429
    assert "10.213.7.0/24" in body["errors"][0]["message"]
    assert call(app, "", user="demo:secret", address="10.213.8.10")[0] == 200
    outside = ["192.168.1.5", "192.168.1.6", "192.168.1.7"]
    assert [call(app, "", user="admin:guess", address=a)[0] for a in outside] == [401] * 3
    assert call(app, "", user="demo:secret", address="192.168.1.8")[0] == 200
