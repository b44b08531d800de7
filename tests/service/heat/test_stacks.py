"""Reading a stack the way a cluster needs it."""

from __future__ import annotations

from magnum_ui.service.heat.stacks import StackState, describe_failure


def test_failure_sentence_names_the_resource() -> None:
    """The cluster's reason names the innermost failed resource, else Heat's own reason."""
    state = StackState(status="CREATE_FAILED", reason="Resource CREATE failed: x")
    failed = {"node-1": "dockerd did not start: address in use"}
    assert describe_failure(state, failed) == "node-1: dockerd did not start: address in use"
    assert describe_failure(state, {}) == "Resource CREATE failed: x"
