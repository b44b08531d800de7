"""Issuing registry tokens: the password checked once, each scope granted or left out."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from magnum_ui.service.registry import access, signing, tokens

PROJECT = "7c2f9696aa774e4799cc6412c8fca105"


class FakeIdentity:
    """demo/secret is a member of PROJECT; every call is recorded."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def authenticates(self, username: str, password: str) -> bool:
        self.calls.append(("authenticates", username))
        return (username, password) == ("demo", "secret")

    def project_roles(self, username: str, password: str, project_id: str) -> frozenset[str]:
        self.calls.append(("project_roles", project_id))
        return frozenset({"member", "reader"}) if project_id == PROJECT else frozenset()


@pytest.fixture
def issuer(tmp_path: Path) -> tokens.Issuer:
    signing.load_or_create_key(tmp_path / "key.pem")
    return tokens.Issuer(tmp_path / "key.pem", "magnum-ui", "magnum-ui-registry", 300)


def claims(body: dict[str, Any]) -> dict[str, Any]:
    part = body["token"].split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


def test_a_member_gets_push_and_pull_in_their_project(issuer: tokens.Issuer) -> None:
    """The token names the user, the audience, the lifetime and the granted actions."""
    scopes = [access.parse(f"repository:{PROJECT}/hello:pull,push")]
    body = tokens.issue(issuer, FakeIdentity(), ("demo", "secret"), scopes, now=1_000_000)
    found = claims(body)
    assert found["access"] == [
        {"type": "repository", "name": f"{PROJECT}/hello", "actions": ["pull", "push"]}
    ]
    assert (found["sub"], found["aud"], found["iss"]) == ("demo", "magnum-ui-registry", "magnum-ui")
    assert (found["iat"], found["exp"]) == (1_000_000, 1_000_300)
    assert found["nbf"] < found["iat"]
    assert body["access_token"] == body["token"]
    assert body["expires_in"] == 300
    assert body["issued_at"] == "1970-01-12T13:46:40Z"


def test_a_wrong_password_is_refused_before_any_scope(issuer: tokens.Issuer) -> None:
    """A given but wrong password raises, whatever is asked (docker login reports it)."""
    identity = FakeIdentity()
    with pytest.raises(tokens.BadCredentials, match="demo"):
        tokens.issue(
            issuer, identity, ("demo", "nope"), [access.parse("repository:library/a:pull")]
        )
    assert identity.calls == [("authenticates", "demo")]


def test_anonymous_callers_get_library_pulls_only(issuer: tokens.Issuer) -> None:
    """No credentials: Keystone is never asked, and project scopes are left out."""
    identity = FakeIdentity()
    scopes = [access.parse("repository:library/busybox:pull"),
              access.parse(f"repository:{PROJECT}/hello:pull")]  # fmt: skip
    found = claims(tokens.issue(issuer, identity, None, scopes))
    assert found["access"] == [
        {"type": "repository", "name": "library/busybox", "actions": ["pull"]}
    ]
    assert found["sub"] == ""
    assert identity.calls == []


def test_login_without_scope_gets_an_empty_token(issuer: tokens.Issuer) -> None:
    """docker login asks with no scope: the right password gets a token granting nothing."""
    assert claims(tokens.issue(issuer, FakeIdentity(), ("demo", "secret"), []))["access"] == []


def test_a_projects_roles_are_asked_once_per_request(issuer: tokens.Issuer) -> None:
    """Two scopes of one project cost one Keystone check."""
    identity = FakeIdentity()
    scopes = [access.parse(f"repository:{PROJECT}/a:pull"),
              access.parse(f"repository:{PROJECT}/b:pull,push")]  # fmt: skip
    tokens.issue(issuer, identity, ("demo", "secret"), scopes)
    assert identity.calls.count(("project_roles", PROJECT)) == 1


def test_a_push_to_a_full_project_is_refused_with_the_reason(issuer: tokens.Issuer) -> None:
    """A push the caller may make, to a project at its share, raises ShareFull with why."""
    asked: list[str] = []

    def full(project_id: str) -> str:
        asked.append(project_id)
        return f"project {project_id} is full"

    push = [access.parse(f"repository:{PROJECT}/hello:pull,push")]
    with pytest.raises(tokens.ShareFull, match=f"project {PROJECT} is full"):
        tokens.issue(issuer, FakeIdentity(), ("demo", "secret"), push, full=full)
    assert asked == [PROJECT]


def test_a_full_project_still_pulls_and_others_are_not_counted(issuer: tokens.Issuer) -> None:
    """Pulls and pushes that would not be granted anyway never ask whether a project is full."""
    asked: list[str] = []

    def full(project_id: str) -> str:
        asked.append(project_id)
        return "full"

    scopes = [access.parse(f"repository:{PROJECT}/hello:pull"),
              access.parse("repository:library/busybox:pull,push"),
              access.parse("repository:0123456789abcdef0123456789abcdef/x:pull,push")]  # fmt: skip
    found = claims(tokens.issue(issuer, FakeIdentity(), ("demo", "secret"), scopes, full=full))
    assert [entry["actions"] for entry in found["access"]] == [["pull"], ["pull"]]
    assert asked == []
