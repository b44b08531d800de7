"""``/api/container_infra/policy/``: Horizon's policy check, many questions per request."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.test import SimpleTestCase
from openstack_dashboard import policy

from tests.dashboard.api.rest.calls import call

PATH = "/api/container_infra/policy/"


def _only(allowed_rules: set[str]) -> Any:
    """A policy that allows the named rules (every rule of a question must be one)."""

    def check(rules: Any, request: Any, target: Any) -> bool:
        return all(rule in allowed_rules for _scope, rule in rules)

    return check


class PolicyTest(SimpleTestCase):
    def test_answers_each_question_in_order(self) -> None:
        """Each question gets Horizon's answer for its rules and target, in the order asked."""
        questions = [
            {"rules": [["container-infra", "cluster:create"]]},
            {"rules": [["container-infra", "cluster:delete"]], "target": {"project_id": "p"}},
            {"rules": [["container-infra", "cluster:create"], ["container-infra", "x"]]},
        ]
        with mock.patch.object(policy, "check", side_effect=_only({"cluster:create"})) as check:
            status, body = call("post", PATH, {"questions": questions})
        assert (status, body) == (200, {"allowed": [True, False, False]})
        assert check.call_args_list[1].args[0] == (("container-infra", "cluster:delete"),)
        assert check.call_args_list[1].args[2] == {"project_id": "p"}
        assert check.call_args_list[0].args[2] == {}

    def test_refuses_malformed_questions(self) -> None:
        """A question that is not rules of [scope, rule] pairs is a 400, nothing checked."""
        bodies: list[dict[str, Any]] = [
            {},
            {"questions": "cluster:create"},
            {"questions": [{"rules": []}]},
            {"questions": [{"rules": [["container-infra"]]}]},
            {"questions": [{"rules": [["container-infra", 3]]}]},
            {"questions": [{"rules": [["a", "b"]], "target": "p"}]},
            {"questions": [["a", "b"]]},
        ]
        for body in bodies:
            with mock.patch.object(policy, "check") as check:
                status, _ = call("post", PATH, body)
            assert status == 400, body
            check.assert_not_called()

    def test_refuses_too_many_questions(self) -> None:
        question = {"rules": [["container-infra", "cluster:get"]]}
        with mock.patch.object(policy, "check", return_value=True):
            status, body = call("post", PATH, {"questions": [question] * 101})
            assert status == 400
            assert "At most 100" in body
            status, body = call("post", PATH, {"questions": [question] * 100})
        assert (status, len(body["allowed"])) == (200, 100)
