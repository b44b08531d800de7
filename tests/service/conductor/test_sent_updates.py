"""An update whose call got no answer: taken by Heat later, or lost (``sent_updates``).

The Worker's side runs against the in-memory Heat (``fake_heat``): its first
attempt's update call times out while Heat takes the update at once, a few
reads later or never; the retry must follow what Heat took and send again
only what it lost, never a second update over a running one.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from magnum_ui.service import operations
from magnum_ui.service.conductor import sent_updates
from magnum_ui.service.heat.stacks import StackState
from magnum_ui.service.models import Cluster, Operation
from tests.service.conductor.fake_heat import FakeHeat
from tests.service.conductor.test_work import OUTPUTS, grow, row, run, shown, start, with_stack

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]

RUNNING = ["UPDATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]


def timed_out_update(bay: Cluster, heat: FakeHeat, taken_after: int | None) -> Operation:
    """A resize to 3 workers whose first attempt's update call timed out; claimed again."""
    with_stack(bay, heat, ["CREATE_COMPLETE"], parameters=shown(bay, 2), outputs=OUTPUTS)
    grow(bay, 3)
    heat.after_update = {"statuses": RUNNING, "outputs": OUTPUTS}
    heat.time_out_next_update(taken_after)
    op = start(bay, "update", {"node_count": 3, "from": 2})
    run(op)  # the call times out: back to the queue, the token kept
    assert Operation.objects.get(pk=op.pk).state == "running"
    assert row(bay, "status") == ("UPDATE_IN_PROGRESS",)
    Operation.objects.filter(pk=op.pk).update(lease_expires_at=timezone.now())
    again = operations.claim("conductor-1", lease_seconds=60)
    assert again is not None
    assert again.attempts == 2
    return again


def test_an_update_heat_takes_after_the_retry_looked_is_followed_not_sent_again(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Heat takes the timed-out update just after the retry's first read (which shows the
    stack at rest): the retry waits for it and follows it; a second update would cancel it."""
    run(timed_out_update(bay, heat, taken_after=1))
    assert len(heat.sent("update_stack")) == 1
    assert row(bay, "status", "status_reason") == ("UPDATE_COMPLETE", None)


def test_an_update_heat_took_and_finished_before_the_retry_is_not_sent_again(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Only the answer was lost and the update is over when the retry looks: followed."""
    op = timed_out_update(bay, heat, taken_after=0)
    heat.stacks[Cluster.objects.get(pk=bay.pk).stack_id or ""].script(["UPDATE_COMPLETE"])
    run(op)
    assert len(heat.sent("update_stack")) == 1
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_an_update_heat_never_took_is_sent_again_after_the_grace(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request Heat lost leaves the stack as it was: after the grace the update is sent."""
    monkeypatch.setattr(sent_updates, "grace", lambda: 0.05)
    run(timed_out_update(bay, heat, taken_after=None))
    assert len(heat.sent("update_stack")) == 2
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_an_update_never_sent_is_sent_without_waiting(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first attempt that stopped before its update call recorded nothing: the retry sends
    at once (a grace wait would fail this test by taking an hour)."""
    monkeypatch.setattr(sent_updates, "grace", lambda: 3600.0)
    with_stack(bay, heat, ["CREATE_COMPLETE"], parameters=shown(bay, 2), outputs=OUTPUTS)
    op = start(bay, "update", {"node_count": 3, "from": 2})
    Operation.objects.filter(pk=op.pk).update(attempts=2)
    op.refresh_from_db()
    run(op)
    assert len(heat.sent("update_stack")) == 1
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


@pytest.mark.parametrize(
    ("sent", "state", "expected"),
    [
        (None, StackState("CREATE_COMPLETE"), False),
        (None, StackState("UPDATE_IN_PROGRESS", updated_time="t1"), True),
        ({"updated_time": None}, StackState("CREATE_COMPLETE"), None),
        ({"updated_time": None}, StackState("UPDATE_COMPLETE", updated_time="t1"), True),
        ({"updated_time": "t1"}, StackState("UPDATE_COMPLETE", updated_time="t1"), None),
        ({"updated_time": "t1"}, StackState("UPDATE_FAILED", updated_time="t2"), True),
    ],
)
def test_taken_reads_the_stacks_updated_time(
    sent: dict[str, Any] | None, state: StackState, expected: bool | None
) -> None:
    """In progress or stamped anew: taken; nothing recorded: not sent; else: not seen yet."""
    assert sent_updates.taken(sent, state) is expected
