"""Reading a stack the way a cluster needs it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from openstack import exceptions

from magnum_ui.service.heat import stacks
from magnum_ui.service.heat.stacks import StackState, describe_failure


def test_failure_sentence_names_the_resource() -> None:
    """The cluster's reason names the innermost failed resource, else Heat's own reason."""
    state = StackState(status="CREATE_FAILED", reason="Resource CREATE failed: x")
    failed = {"node-1": "dockerd did not start: address in use"}
    assert describe_failure(state, failed) == "node-1: dockerd did not start: address in use"
    assert describe_failure(state, {}) == "Resource CREATE failed: x"


class Orchestration:
    """openstacksdk's proxy as far as read() uses it: get_stack, and a raw GET."""

    def __init__(self, raw_status: int, shown: dict[str, object] | None = None) -> None:
        self.raw_status, self.shown = raw_status, shown

    def get_stack(self, stack_id: str) -> None:
        raise exceptions.NotFoundException(f"No stack found for {stack_id}")  # DELETE_COMPLETE

    def get(self, path: str, raise_exc: bool = True) -> SimpleNamespace:
        return SimpleNamespace(status_code=self.raw_status, json=lambda: {"stack": self.shown})


def conn(raw_status: int, **shown: object) -> SimpleNamespace:
    return SimpleNamespace(orchestration=Orchestration(raw_status, shown))


def test_a_deleted_stack_is_gone_once_heat_has_stamped_its_deletion() -> None:
    """DELETE_COMPLETE without deletion_time: Heat still removes its credentials, which can
    fail the delete: not gone yet. With deletion_time, or unknown to Heat: gone."""
    cleaning = stacks.read(conn(200, stack_status="DELETE_COMPLETE", deletion_time=None), "s")
    assert (cleaning.status, cleaning.in_progress) == ("DELETE_IN_PROGRESS", True)
    stamped = conn(200, stack_status="DELETE_COMPLETE", deletion_time="2026-12-05T08:46:00Z")
    assert stacks.read(stamped, "s").status == "GONE"
    assert stacks.read(conn(404), "s").status == "GONE"


def test_heat_failing_that_check_is_an_outage() -> None:
    with pytest.raises(stacks.HeatUnavailable):
        stacks.read(conn(503), "s")
