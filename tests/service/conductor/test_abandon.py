"""The stack a superseded create made: deleted by the create's worker and seen gone.

Heat is the in-memory fake (tests/service/conductor/fake_heat.py); the race
itself runs against real Heat in tests/e2e/test_faults.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from magnum_ui.service.conductor import abandon
from tests.service.conductor.fake_heat import FakeHeat, Stack, http_error

REASON = "Error deleting project: Authorization failed."


def user(heat: FakeHeat) -> Any:
    return heat.user_connection("t", "p-demo")


def test_a_delete_heat_fails_once_is_sent_again_until_the_stack_is_gone(heat: FakeHeat) -> None:
    """Deleted while Heat was making it, the stack's clean-up fails once; the second delete
    removes it, and nobody else would have (the bay is gone)."""
    stack = heat.add("bay-x", ["CREATE_IN_PROGRESS"])
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_FAILED"], "reason": REASON}

    def mended(read: Stack, status: str) -> None:
        if status == "DELETE_FAILED":
            heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]}

    heat.read_hooks.append(mended)
    assert abandon.delete(user(heat), stack.id, "x", poll=0, resends=1)
    assert [call.args for call in heat.sent("delete_stack")] == [(stack.id,)] * 2
    assert stack.status == "DELETE_COMPLETE"


def test_a_delete_that_keeps_failing_is_left_to_the_reconciliation(heat: FakeHeat) -> None:
    """After the resends, False: the worker goes on; the reconciliation finds the stack."""
    stack = heat.add("bay-x", ["CREATE_IN_PROGRESS"])
    heat.after_delete = {"statuses": ["DELETE_FAILED"], "reason": REASON}
    assert not abandon.delete(user(heat), stack.id, "x", poll=0, resends=1)
    assert len(heat.sent("delete_stack")) == 2


def test_heat_refusing_the_delete_is_logged_not_raised(
    heat: FakeHeat, caplog: pytest.LogCaptureFixture
) -> None:
    """The create's worker must still end (its operation is gone): no exception."""
    stack = heat.add("bay-x", ["CREATE_IN_PROGRESS"])
    heat.raises["delete_stack"] = http_error(503, "Heat is restarting")
    assert not abandon.delete(user(heat), stack.id, "x", poll=0, resends=1)
    assert "deleting abandoned stack" in caplog.text
    assert stack.status == "CREATE_IN_PROGRESS"


def test_a_delete_still_running_at_the_deadline_is_not_sent_again(
    heat: FakeHeat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of time with Heat still deleting: one delete only, False."""
    stack = heat.add("bay-x", ["CREATE_IN_PROGRESS"])
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS"]}
    monkeypatch.setattr(abandon, "WAIT", 0.0)
    assert not abandon.delete(user(heat), stack.id, "x", poll=0, resends=1)
    assert len(heat.sent("delete_stack")) == 1
