"""Which registry actions a caller is granted for each scope."""

from __future__ import annotations

import pytest

from magnum_ui.service.registry import access

PROJECT = "7c2f9696aa774e4799cc6412c8fca105"
OTHER = "0123456789abcdef0123456789abcdef"


def roles_on(mapping: dict[str, set[str]]) -> access.ProjectRoles:
    return lambda project: frozenset(mapping.get(project, set()))


def grant(raw: str, mapping: dict[str, set[str]] | None = None) -> tuple[str, ...]:
    return access.grant(access.parse(raw), roles_on(mapping or {}))


def test_a_scope_is_type_name_and_actions() -> None:
    """The actions are the part after the last colon, comma-separated."""
    scope = access.parse(f"repository:{PROJECT}/web/api:pull,push")
    assert scope == access.Scope("repository", f"{PROJECT}/web/api", ("pull", "push"))
    assert scope.namespace == PROJECT


@pytest.mark.parametrize("raw", ["repository", "repository:name", ":name:pull", "x::pull"])
def test_a_scope_without_its_three_parts_is_invalid(raw: str) -> None:
    """A scope that is not type:name:actions is refused as such."""
    with pytest.raises(access.InvalidScope):
        access.parse(raw)


def test_anyone_pulls_the_library_and_nobody_pushes_there() -> None:
    """library/ is the cloud's: pull for everyone (anonymous too), push for no token."""
    assert grant("repository:library/busybox:pull,push") == ("pull",)
    assert grant("repository:library/busybox:push", {PROJECT: {"admin"}}) == ()


def test_members_push_and_pull_their_projects_namespace() -> None:
    """member (and admin, which implies it) get pull and push on <project id>/..."""
    assert grant(f"repository:{PROJECT}/hello:pull,push", {PROJECT: {"member"}}) == (
        "pull", "push")  # fmt: skip
    assert grant(f"repository:{PROJECT}/hello:push", {PROJECT: {"admin"}}) == ("push",)


def test_readers_only_pull() -> None:
    """A reader of the project pulls its images and pushes none."""
    assert grant(f"repository:{PROJECT}/hello:pull,push", {PROJECT: {"reader"}}) == ("pull",)


def test_another_projects_namespace_gives_nothing() -> None:
    """A member of one project gets nothing in another project's namespace."""
    assert grant(f"repository:{OTHER}/hello:pull,push", {PROJECT: {"member"}}) == ()


@pytest.mark.parametrize(
    "raw",
    [
        f"repository:{PROJECT}:pull",  # the namespace itself is no repository
        "repository:demo/hello:pull",  # not a project id
        f"repository:{PROJECT.upper()}/hello:pull",  # not the registry's grammar
        "registry:catalog:*",  # listing every repository
        f"repository:{PROJECT}/../x:pull",
    ],
)
def test_anything_else_gives_nothing(raw: str) -> None:
    """Other namespaces, malformed names and other resource types are never granted."""
    assert grant(raw, {PROJECT: {"member", "admin", "reader"}}) == ()


def test_unknown_and_repeated_actions_are_dropped() -> None:
    """Only pull and push are ever granted, once each, in the order asked."""
    assert grant(f"repository:{PROJECT}/a:push,delete,*,pull,push", {PROJECT: {"member"}}) == (
        "push", "pull")  # fmt: skip
