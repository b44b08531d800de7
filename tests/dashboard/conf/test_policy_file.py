"""Horizon's ``container-infra`` policy files: generated from the service's rules, and obeyed."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
import yaml
from django.test import RequestFactory, override_settings
from django.urls import resolve
from openstack_auth import policy as auth_policy

from magnum_ui.dashboard import conf
from magnum_ui.docs import policy_files as policy_file


def test_committed_files_are_what_the_generator_makes() -> None:
    """Both YAML files equal the generator's output (regenerate after changing a rule)."""
    for path, content in policy_file.generated().items():
        assert Path(path).read_text(encoding="utf-8") == content, (
            f"{path} is stale: run python -m magnum_ui.docs.policy_files"
        )


def test_every_service_rule_is_in_the_policy_file_commented_out() -> None:
    """Each rule is there for an operator to uncomment; none overrides its default."""
    text = conf.POLICY_FILE.read_text()
    assert yaml.safe_load(text) is None
    rules = yaml.safe_load("\n".join(line[1:] for line in text.splitlines() if line[:2] == '#"'))
    expected = {rule.name: rule.check_str for rule in policy_file.service_rules()}
    assert rules == expected
    for name in ("cluster:create", "clustertemplate:create", "quota:create",
                 "magnum-service:get_all", "certificate:rotate_ca"):  # fmt: skip
        assert name in rules


def test_the_default_policies_carry_descriptions() -> None:
    defaults = yaml.safe_load(conf.DEFAULT_POLICY_FILE.read_text())
    by_name = {entry["name"]: entry for entry in defaults}
    assert by_name["cluster:create"]["description"] == "Create a cluster."
    assert all({"name", "check_str", "description", "scope_types"} <= set(e) for e in defaults)


def test_register_adds_the_scope_and_keeps_horizons_files() -> None:
    settings: dict[str, Any] = {"POLICY_FILES": {"identity": "keystone_policy.yaml"}}
    conf.register(settings)
    assert settings["POLICY_FILES"] == {
        "identity": "keystone_policy.yaml",
        "container-infra": str(conf.POLICY_FILE),
    }
    assert settings["DEFAULT_POLICY_FILES"] == {"container-infra": str(conf.DEFAULT_POLICY_FILE)}


def test_the_test_settings_register_the_files() -> None:
    from django.conf import settings

    assert settings.POLICY_FILES["container-infra"] == str(conf.POLICY_FILE)


def _user(roles: list[str], project_id: str = "p-demo") -> Any:
    """A logged-in Horizon user with these roles in its project (Keystone's implied roles too)."""
    return SimpleNamespace(
        is_authenticated=True,
        id="u-1",
        username="demo",
        project_id=project_id,
        project_name="demo",
        is_superuser="admin" in roles,
        roles=[{"name": role} for role in roles],
        user_domain_id="default",
        domain_id="default",
    )


def _allowed(roles: list[str], rule: str, target: dict[str, str] | None = None) -> bool:
    """What Horizon's /api/policy/ answers the user for one container-infra rule."""
    body: dict[str, Any] = {"rules": [["container-infra", rule]]}
    if target is not None:
        body["target"] = target
    request = RequestFactory().post(
        "/api/policy/",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    request.user = _user(roles)
    match = resolve("/api/policy/")
    response = match.func(request)
    assert response.status_code == 200, response.content
    return bool(json.loads(response.content)["allowed"])


@pytest.fixture(autouse=True, scope="module")
def _real_policy_check() -> Any:
    """openstack_auth's real check (Horizon's test settings allow everything).

    Only where the user comes from is replaced: openstack_auth rebuilds it from
    a Keystone token in the session, and there is no Keystone here.
    """
    auth_policy.reset()
    with (
        override_settings(POLICY_CHECK_FUNCTION="openstack_auth.policy.check"),
        mock.patch.object(auth_policy.auth_utils, "get_user", lambda request: request.user),
    ):
        yield
    auth_policy.reset()


MEMBER = ["member", "reader"]
READER = ["reader"]
ADMIN = ["admin", "member", "reader"]


def test_a_member_may_create_a_bay_a_reader_may_not() -> None:
    """/api/policy/ says yes to cluster:create for a member and no for a reader."""
    assert _allowed(MEMBER, "cluster:create") is True
    assert _allowed(READER, "cluster:create") is False


def test_readers_may_look() -> None:
    assert _allowed(READER, "cluster:get_all") is True
    assert _allowed(READER, "clustertemplate:get") is True


def test_quotas_and_services_are_for_admins() -> None:
    assert _allowed(MEMBER, "quota:create") is False
    assert _allowed(ADMIN, "quota:create") is True
    assert _allowed(MEMBER, "magnum-service:get_all") is False
    assert _allowed(ADMIN, "magnum-service:get_all") is True


def test_a_member_may_not_delete_another_projects_bay() -> None:
    """The target's project counts: a member's rights stop at the project's edge."""
    assert _allowed(MEMBER, "cluster:delete", {"project_id": "p-demo"}) is True
    assert _allowed(MEMBER, "cluster:delete", {"project_id": "p-other"}) is False
    assert _allowed(ADMIN, "cluster:delete", {"project_id": "p-other"}) is True


def test_node_groups_are_a_members_to_change_and_a_readers_to_list() -> None:
    """The Node Groups tab's rules: a reader lists, a member creates, bounds and deletes."""
    assert _allowed(READER, "nodegroup:get_all") is True
    for rule in ("nodegroup:create", "nodegroup:update", "nodegroup:delete"):
        assert _allowed(MEMBER, rule) is True
        assert _allowed(READER, rule) is False
