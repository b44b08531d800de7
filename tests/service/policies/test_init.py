"""The policy enforcer: made once, whole, however many request threads ask at first."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from oslo_policy import policy

from magnum_ui.service import policies
from magnum_ui.service.context import RequestContext


def test_the_first_requests_of_a_worker_all_see_every_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Eight threads asking at once, while the enforcer is still being made (its defaults
    registered slowly), are all allowed what a member may do: none sees it half made."""
    register = policy.Enforcer.register_defaults

    def slowly(self: policy.Enforcer, rules: Any) -> None:
        time.sleep(0.05)
        register(self, rules)

    monkeypatch.setattr(policy.Enforcer, "register_defaults", slowly)
    monkeypatch.setattr(policies, "_enforcer", None)
    member = RequestContext("u-demo", "p-demo", ("member", "reader"), "token")
    answers: list[bool] = []
    start = threading.Barrier(8)

    def ask() -> None:
        start.wait()
        answers.append(policies.allowed(member, "clustertemplate:get_all"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 8
    assert policies.enforcer() is policies.enforcer()
