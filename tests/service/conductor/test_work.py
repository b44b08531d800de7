"""The conductor's Worker against an in-memory Heat (``fake_heat``): what it sends, what it writes.

Each test records an operation as the API would, claims it, runs one Worker
with ``poll=0`` on a local-driver bay and checks Heat's calls and the rows left.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError
from django.utils import timezone
from keystoneauth1 import exceptions as ks_exceptions

from magnum_ui.service import operations
from magnum_ui.service.conductor import work
from magnum_ui.service.context import RequestContext
from magnum_ui.service.drivers import local
from magnum_ui.service.drivers.local import LocalSwarmDriver
from magnum_ui.service.models import Cluster, NodeGroup, Operation
from tests.service.api.helpers import template
from tests.service.conductor.fake_heat import (
    FakeHeat,
    Orchestration,
    Resource,
    Stack,
    http_error,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("encryption_key")]

CONDUCTOR, TOKEN = "conductor-1", "user-token"
USER = f"user:{TOKEN}@p-demo"  # the fake's name for a connection with the user's token
TEMPLATES = Path(local.__file__).parent / "templates"
OUTPUTS = {
    "api_address": "tcp://10.0.0.2:2376",
    "master_addresses": ["10.0.0.2"],
    "node_addresses": ["10.0.0.10", "10.0.0.11"],
}
WORKERS = {
    "worker_names": {"0": "n-10", "1": "n-11", "2": "n-12"},
    "worker_addresses": {"0": "10.0.0.10", "1": "10.0.0.11", "2": "10.0.0.12"},
}
SLOW_CREATE = ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
GONE_WORKERS = ["n-11", "10.0.0.12"]  # one named by name, one by address


def start(
    bay: Cluster, kind: str, params: dict[str, Any] | None = None, token: str = TOKEN
) -> Operation:
    """The operation the API records for ``bay``, claimed by this conductor."""
    ctx = RequestContext("u-demo", bay.project_id, ("member",), token)
    operations.enqueue(bay, kind, params or {}, ctx)
    claimed = operations.claim(CONDUCTOR, lease_seconds=60)
    assert claimed is not None
    return claimed


def run(operation: Operation) -> None:
    work.Worker(operation, CONDUCTOR, lease=60, poll=0).run()


def with_stack(bay: Cluster, heat: FakeHeat, statuses: list[str], **fields: Any) -> Stack:
    """The bay's stack as its create left it, its id saved, the bay busy with new work."""
    stack = heat.add(f"bay-{bay.uuid}", statuses, **fields)
    Cluster.objects.filter(pk=bay.pk).update(stack_id=stack.id, status="UPDATE_IN_PROGRESS")
    return stack


def shown(bay: Cluster, node_count: int) -> dict[str, str]:
    """The bay's stack parameters as Heat shows them back."""
    counts = {"master_count": "1", "node_count": str(node_count)}
    ca = {"ca_serial": LocalSwarmDriver.stack_parameters(bay, bay.cluster_template)["ca_serial"]}
    return {"cluster_uuid": bay.uuid, **counts, "flavor": "local.small", **ca}


def sent_for(bay: Cluster, node_count: int, **extra: Any) -> dict[str, Any]:
    """The bay's stack parameters as Worker sends them."""
    return {**shown(bay, node_count), "master_count": 1, "node_count": node_count, **extra}


def row(bay: Cluster, *fields: str) -> tuple[Any, ...]:
    """What the database holds in these fields of the bay."""
    return tuple(Cluster.objects.values_list(*fields).get(pk=bay.pk))


def groups(bay: Cluster, *fields: str) -> list[tuple[Any, ...]]:
    """The same of the bay's default node groups, master first."""
    found = NodeGroup.objects.filter(cluster_id=bay.pk, is_default=True).order_by("name")
    return list(found.values_list(*fields))


def take_over_on(heat: FakeHeat, operation: Operation, status: str) -> list[int]:
    """Another conductor claims the operation when a read first shows ``status``.

    The list returned receives the number of Heat calls made up to that moment.
    """
    at: list[int] = []

    def hook(stack: Stack, status_read: str) -> None:
        if status_read == status and not at:
            Operation.objects.filter(pk=operation.pk).update(claimed_by="conductor-2")
            at.append(len(heat.calls))

    heat.read_hooks.append(hook)
    return at


def resize(bay: Cluster, node_count: int, remove: list[str]) -> dict[str, Any]:
    """A resize's parameters, the bay's node_count set as the API sets it."""
    worker = NodeGroup.objects.get(cluster_id=bay.pk, name="default-worker")
    grow(bay, node_count)
    return {"nodegroup": worker.uuid, "node_count": node_count, "nodes_to_remove": remove}


def grow(bay: Cluster, node_count: int) -> None:
    """Set default-worker's count (and so the bay's), as the API does before an update."""
    NodeGroup.objects.filter(cluster_id=bay.pk, name="default-worker").update(node_count=node_count)
    Cluster.objects.filter(pk=bay.pk).update(node_count=node_count)


def test_create_sends_the_template_and_records_the_outputs(heat: FakeHeat, bay: Cluster) -> None:
    """A create sends the driver's stack as the user, erases the token, then writes the outputs."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    op = start(bay, "create")
    tokens: list[str | None] = []
    heat.read_hooks.append(lambda s, _: tokens.append(Operation.objects.get(pk=op.pk).auth_token))
    run(op)
    (created,) = heat.sent("create_stack")
    assert created.identity == USER
    assert created.kwargs == {
        "name": f"bay-{bay.uuid}",
        "template": LocalSwarmDriver.template_for(bay),
        "files": {"local_node.yaml": (TEMPLATES / "local_node.yaml").read_text()},
        "parameters": sent_for(bay, 2),
        "timeout_mins": 30,
    }
    reads = heat.sent("get_stack")
    assert [(c.identity, c.args) for c in reads] == [("service", ("stack-1",))] * 3
    # Erased before waiting, not only by finish(): "" says it was used, the token is gone.
    assert tokens == [operations.USED] * 3
    assert row(bay, "status", "status_reason", "stack_id", "coe_version") == (
        "CREATE_COMPLETE", None, "stack-1", "24.0.7",
    )  # fmt: skip
    assert row(bay, *OUTPUTS) == tuple(OUTPUTS.values())
    assert groups(bay, "status", "stack_id") == [("CREATE_COMPLETE", "stack-1")] * 2
    assert Operation.objects.get(pk=op.pk).state == "done"


def test_a_completed_operation_bumps_the_bays_updated_time(heat: FakeHeat, bay: Cluster) -> None:
    """The bay's updated_at is the completion time: QuerySet.update() skips auto_now."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    op = start(bay, "create")
    Cluster.objects.filter(pk=bay.pk).update(updated_at=timezone.now() - timedelta(days=1))
    before = timezone.now()
    run(op)
    (updated_at,) = row(bay, "updated_at")
    assert updated_at >= before


def test_a_failing_version_probe_keeps_the_old_coe_version(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the bay cannot say its engine's version, the create completes with the old one."""

    def unreachable(cls: type, bay: Cluster) -> str:
        raise ConnectionError("engine unreachable")

    monkeypatch.setattr(LocalSwarmDriver, "probe_coe_version", classmethod(unreachable))
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    run(start(bay, "create"))
    assert row(bay, "status", "api_address", "coe_version") == (
        "CREATE_COMPLETE", OUTPUTS["api_address"], "20.10",
    )  # fmt: skip


def test_a_resumed_create_follows_the_stack_it_finds(heat: FakeHeat, bay: Cluster) -> None:
    """A create whose stack a crashed attempt already made follows that stack, making no other."""
    found = heat.add(f"bay-{bay.uuid}", SLOW_CREATE, outputs=OUTPUTS)
    run(resumed(start(bay, "create")))
    assert [(c.identity, c.args) for c in heat.sent("find_stack")] == [(USER, (f"bay-{bay.uuid}",))]
    assert heat.sent("create_stack") == []
    assert row(bay, "status", "stack_id") == ("CREATE_COMPLETE", found.id)


def test_a_first_create_makes_its_stack_without_looking_for_one(
    heat: FakeHeat, bay: Cluster
) -> None:
    """No earlier attempt, no stack to find: the create goes straight to Heat."""
    run(start(bay, "create"))
    assert heat.sent("find_stack") == []
    assert len(heat.sent("create_stack")) == 1


def test_an_update_sends_the_bays_new_parameters(heat: FakeHeat, bay: Cluster) -> None:
    """An update sends the stack the bay's parameters as the user and writes the new outputs."""
    stack = with_stack(bay, heat, ["CREATE_COMPLETE"], parameters=shown(bay, 2))
    grow(bay, 3)
    grown = ["10.0.0.10", "10.0.0.11", "10.0.0.12"]
    outputs = {**OUTPUTS, "node_addresses": grown}
    heat.after_update = {"statuses": ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"], "outputs": outputs}
    run(start(bay, "update", {"node_count": 3, "from": 2}))
    (sent,) = heat.sent("update_stack")
    assert (sent.identity, sent.args) == (USER, (stack.id,))
    assert sent.kwargs["template"] == LocalSwarmDriver.template_for(bay)
    assert (sent.kwargs["parameters"], sent.kwargs["timeout_mins"]) == (sent_for(bay, 3), 30)
    assert row(bay, "status", "node_addresses") == ("UPDATE_COMPLETE", grown)
    assert groups(bay, "status") == [("UPDATE_COMPLETE",)] * 2


def resumed(operation: Operation) -> Operation:
    """The operation as a second attempt sees it (the first died holding it)."""
    Operation.objects.filter(pk=operation.pk).update(attempts=2)
    operation.attempts = 2
    return operation


def test_an_update_heat_already_runs_is_followed_not_repeated(heat: FakeHeat, bay: Cluster) -> None:
    """Resumed before the token was erased, the update Heat is running is followed, not
    sent again: Heat's convergence engine would cancel the running one for the copy."""
    grow(bay, 3)
    running = ["UPDATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]
    with_stack(bay, heat, running, parameters=shown(bay, 3), outputs=OUTPUTS)
    op = resumed(start(bay, "update", {"node_count": 3, "from": 2}))
    run(op)
    assert heat.sent("update_stack") == []
    assert row(bay, "status") == ("UPDATE_COMPLETE",)
    assert Operation.objects.get(pk=op.pk).state == "done"


def test_an_update_sent_twice_to_a_legacy_heat_is_refused_and_the_first_followed(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Heat's legacy engine answers 409 to a second update while the first runs (the stack
    went busy between the read and the call): the first is followed."""
    heat.convergence = False
    running = ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]
    with_stack(bay, heat, running, parameters=shown(bay, 3), outputs=OUTPUTS)
    op = start(bay, "update", {"node_count": 3, "from": 2})
    run(op)
    (attempt,) = heat.sent("update_stack")
    assert attempt.identity == USER
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_a_first_attempt_sends_its_update_even_to_a_busy_stack(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Without an earlier attempt nothing of this operation runs: the update is sent
    (Heat decides), and what Heat does with it is reported."""
    busy = ["UPDATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]
    with_stack(bay, heat, busy, parameters=shown(bay, 2))
    run(start(bay, "update", {"node_count": 3, "from": 2}))
    assert len(heat.sent("update_stack")) == 1
    assert row(bay, "status")[0] == "UPDATE_FAILED"


def test_a_resize_retried_after_a_failure_is_sent(heat: FakeHeat, bay: Cluster) -> None:
    """Asking again for a size whose update failed sends it to Heat again."""
    with_stack(bay, heat, ["UPDATE_FAILED"], parameters=shown(bay, 3))
    run(start(bay, "resize", resize(bay, 3, [])))
    assert len(heat.sent("update_stack")) == 1


def test_a_failed_stack_fails_the_bay_with_the_innermost_reason(
    heat: FakeHeat, bay: Cluster
) -> None:
    """CREATE_FAILED names the innermost failed resource and lists every failed one in faults."""
    wrapped = "resources.workers: n-11 failed"
    heat.after_create = {
        "statuses": ["CREATE_IN_PROGRESS", "CREATE_FAILED"],
        "reason": "Resource CREATE failed: workers",
        "resources": [
            Resource("masters", "CREATE_COMPLETE"),
            Resource("workers", "CREATE_FAILED", wrapped, links=["self", "stack"]),
            Resource("n-11", "CREATE_FAILED", "dockerd did not start", ["self", "stack", "nested"]),
        ],
    }
    op = start(bay, "create")
    run(op)
    reason = "n-11: dockerd did not start"
    faults = {"n-11": "dockerd did not start", "workers": wrapped}
    assert row(bay, "status", "status_reason", "faults") == ("CREATE_FAILED", reason, faults)
    assert groups(bay, "status", "status_reason") == [("CREATE_FAILED", reason)] * 2
    (listed,) = heat.sent("resources")
    assert (listed.identity, listed.kwargs) == ("service", {"nested_depth": 5})
    assert Operation.objects.filter(pk=op.pk, state="failed", result=reason).exists()


@pytest.mark.parametrize(("status", "said"), [(400, "Property error: flavor"), (403, "Forbidden")])
def test_heat_refusing_the_create_fails_the_bay(
    heat: FakeHeat, bay: Cluster, status: int, said: str
) -> None:
    """A create Heat refuses (4xx) fails at once with Heat's words (5xx is tried again later)."""
    heat.raises["create_stack"] = http_error(status, said)
    run(start(bay, "create"))
    assert row(bay, "status", "status_reason", "stack_id") == (
        "CREATE_FAILED", f"Heat refused the request: {said}", None,
    )  # fmt: skip
    assert heat.sent("get_stack") == []


@pytest.mark.parametrize(
    ("method", "error"),
    [("create_stack", ks_exceptions.Unauthorized()), ("create_stack", http_error(401, "expired"))],
    ids=["keystoneauth-unauthorized", "heat-401"],
)
def test_a_refused_token_fails_saying_it_expired(
    heat: FakeHeat, bay: Cluster, method: str, error: Exception
) -> None:
    """A token Keystone or Heat refuses fails the create saying it expired or was revoked."""
    heat.raises[method] = error
    run(start(bay, "create"))
    status, reason = row(bay, "status", "status_reason")
    assert status == "CREATE_FAILED"
    assert "requester's Keystone token expired (or was revoked)" in reason
    assert len(heat.sent(method)) == 1
    assert heat.sent("get_stack") == []


def test_a_create_without_a_kept_token_fails_saying_so(heat: FakeHeat, bay: Cluster) -> None:
    """With no token kept, a create fails saying so before any call to Heat."""
    run(start(bay, "create", token=""))
    status, reason = row(bay, "status", "status_reason")
    assert status == "CREATE_FAILED"
    assert reason.startswith("the request's Keystone token was not kept")
    assert heat.calls == []


def test_an_update_without_a_kept_token_fails_saying_so(heat: FakeHeat, bay: Cluster) -> None:
    """With no token kept, an update fails instead of reporting a success Heat never saw."""
    with_stack(bay, heat, ["UPDATE_COMPLETE"], parameters=shown(bay, 2))
    grow(bay, 3)
    run(start(bay, "update", {"node_count": 3, "from": 2}, token=""))
    assert row(bay, "status") == ("UPDATE_FAILED",)


def test_heat_unavailable_while_waiting_is_waited_out(heat: FakeHeat, bay: Cluster) -> None:
    """A read that fails once while the stack builds is tried again at the next poll."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    heat.raises["get_stack"] = http_error(503, "Service Unavailable")
    run(start(bay, "create"))
    assert row(bay, "status") == ("CREATE_COMPLETE",)


@pytest.mark.parametrize("when", ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
def test_a_lost_lease_stops_the_worker(heat: FakeHeat, bay: Cluster, when: str) -> None:
    """Once another conductor holds the operation, the worker sends and writes nothing more."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    op = start(bay, "create")
    taken_at = take_over_on(heat, op, when)
    run(op)
    assert heat.calls[taken_at[0] :] == []
    assert row(bay, "status", "status_reason", "api_address", "coe_version") == (
        "CREATE_IN_PROGRESS", None, None, "20.10",
    )  # fmt: skip
    assert groups(bay, "status") == [("CREATE_IN_PROGRESS",)] * 2
    held = Operation.objects.get(pk=op.pk)
    assert (held.state, held.claimed_by) == ("running", "conductor-2")


def test_an_upgrade_writes_the_new_sizes_before_the_stack_and_nothing_after_a_takeover(
    heat: FakeHeat, bay: Cluster
) -> None:
    """The template's sizes are written under the lease first; a takeover later writes nothing."""
    newer = template("local-2", server_type="local", driver="local_swarm", flavor_id="local.tiny")
    with_stack(bay, heat, ["CREATE_COMPLETE"])
    heat.after_update = {"statuses": ["UPDATE_IN_PROGRESS", "UPDATE_FAILED"]}
    op = start(bay, "upgrade", {"cluster_template": newer.uuid, "max_batch_size": 2})
    take_over_on(heat, op, "UPDATE_FAILED")
    run(op)
    (sent,) = heat.sent("update_stack")
    assert (sent.kwargs["parameters"]["flavor"], sent.kwargs["parameters"]["max_batch_size"]) == (
        "local.tiny", 2,
    )  # fmt: skip
    assert row(bay, "cluster_template_id") == (newer.pk,)
    # The other conductor holds the operation now: this one wrote no result.
    assert row(bay, "status") == ("UPDATE_IN_PROGRESS",)


@pytest.mark.parametrize("saved", [True, False], ids=["stack-id-saved", "found-by-name"])
def test_delete_removes_the_stack_then_the_bay(heat: FakeHeat, bay: Cluster, saved: bool) -> None:
    """A delete deletes the stack as the user, waits until Heat no longer has it, then the bay."""
    stack = heat.add(f"bay-{bay.uuid}", ["CREATE_COMPLETE"])
    if saved:
        Cluster.objects.filter(pk=bay.pk).update(stack_id=stack.id)
    # openstacksdk answers a read of a DELETE_COMPLETE stack with 404, which Worker sees as GONE.
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS"] * 2 + ["DELETE_COMPLETE"]}
    run(start(bay, "delete"))
    assert len(heat.sent("find_stack")) == (0 if saved else 1)
    (deleted,) = heat.sent("delete_stack")
    assert (deleted.identity, deleted.args) == (USER, (stack.id,))
    assert len(heat.sent("get_stack")) == 3
    assert not Cluster.objects.filter(pk=bay.pk).exists()
    assert not NodeGroup.objects.filter(cluster_id=bay.pk).exists()


def test_a_failed_delete_keeps_the_bay_with_the_reason(heat: FakeHeat, bay: Cluster) -> None:
    """A stack ending DELETE_FAILED leaves the bay DELETE_FAILED, saying which resource and why."""
    with_stack(bay, heat, ["CREATE_COMPLETE"])
    busy = [Resource("n-10", "DELETE_FAILED", "device or resource busy")]
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_FAILED"], "resources": busy}
    run(start(bay, "delete"))
    reason = "n-10: device or resource busy"
    assert row(bay, "status", "status_reason") == ("DELETE_FAILED", reason)
    assert groups(bay, "status", "status_reason") == [("DELETE_FAILED", reason)] * 2
    assert len(heat.sent("delete_stack")) == 1 + work.DELETE_RESENDS


def test_a_delete_is_over_only_once_heat_has_removed_the_stack(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Heat shows DELETE_COMPLETE, then fails removing the stack's credentials
    (DELETE_FAILED, the stack kept): the bay is not deleted on the first DELETE_COMPLETE
    read; the failed delete is sent again and ends it."""
    stack = with_stack(bay, heat, ["CREATE_IN_PROGRESS"])
    reason = "Error deleting project: Authorization failed."
    heat.after_delete = {
        "statuses": ["DELETE_IN_PROGRESS", "DELETE_COMPLETE", "DELETE_FAILED"],
        "reason": reason,
        "purged": False,
    }

    def mended(found: Stack, status_read: str) -> None:
        if status_read == "DELETE_FAILED":
            heat.after_delete = {
                "statuses": ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"],
                "purged": True,
            }

    heat.read_hooks.append(mended)
    run(start(bay, "delete"))
    assert len(heat.sent("delete_stack")) == 2
    assert [call.args for call in heat.sent("get")] == [(f"/stacks/{stack.id}",)] * 2
    assert not Cluster.objects.filter(pk=bay.pk).exists()


def test_a_delete_that_failed_once_is_sent_again_and_removes_the_bay(
    heat: FakeHeat, bay: Cluster
) -> None:
    """Heat's clean-up of a stack deleted while it was made can fail once ("Error deleting
    project: Authorization failed", its trust already gone); a second delete ends it."""
    stack = with_stack(bay, heat, ["CREATE_IN_PROGRESS"])
    reason = "Error deleting project: Authorization failed."
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_FAILED"], "reason": reason}

    def mended(stack: Stack, status_read: str) -> None:
        if status_read == "DELETE_FAILED":
            heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]}

    heat.read_hooks.append(mended)
    run(start(bay, "delete"))
    sent = heat.sent("delete_stack")
    assert [(call.identity, call.args) for call in sent] == [(USER, (stack.id,))] * 2
    assert not Cluster.objects.filter(pk=bay.pk).exists()


def test_a_delete_resumed_after_a_crash_still_waits_for_the_stack(
    heat: FakeHeat, bay: Cluster
) -> None:
    """A delete whose conductor died while waiting resumes waiting for the stack it found."""
    heat.add(f"bay-{bay.uuid}", ["CREATE_COMPLETE"])
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_FAILED"], "reason": "busy"}
    op = start(bay, "delete")

    def die(stack: Stack, status_read: str) -> None:
        raise SystemExit("the conductor's process ends")  # Worker.run catches only Exception

    heat.read_hooks.append(die)
    with pytest.raises(SystemExit):
        run(op)
    heat.read_hooks.clear()
    Operation.objects.filter(pk=op.pk).update(lease_expires_at=timezone.now() - timedelta(1))
    resumed = operations.claim(CONDUCTOR, lease_seconds=60)
    assert resumed is not None
    run(resumed)
    assert row(bay, "status") == ("DELETE_FAILED",)


def test_resize_sends_the_positions_of_the_nodes_to_remove(heat: FakeHeat, bay: Cluster) -> None:
    """Workers named by name or by address go to Heat as their positions in the worker group."""
    with_stack(bay, heat, ["CREATE_COMPLETE"], outputs={**OUTPUTS, **WORKERS})
    run(start(bay, "resize", resize(bay, 1, GONE_WORKERS)))
    (sent,) = heat.sent("update_stack")
    assert sent.identity == USER
    assert sent.kwargs["parameters"] == sent_for(bay, 1, nodes_to_remove=["1", "2"])
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_a_resumed_resize_follows_the_update_heat_is_running(heat: FakeHeat, bay: Cluster) -> None:
    """Resumed before the token was erased, while the first attempt's update runs: that
    update is followed to its end, never cancelled by a second one."""
    running = ["UPDATE_IN_PROGRESS"] * 3 + ["UPDATE_COMPLETE"]
    params = {**shown(bay, 1), "nodes_to_remove": "1,2"}
    stack = with_stack(bay, heat, running, outputs={**OUTPUTS, **WORKERS}, parameters=params)
    run(resumed(start(bay, "resize", resize(bay, 1, GONE_WORKERS))))
    assert heat.sent("update_stack") == []  # nothing runs twice
    assert stack.parameters == params
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_a_resumed_resize_follows_the_update_it_sent(heat: FakeHeat, bay: Cluster) -> None:
    """A resize resumed after its update was sent completes, the removed workers being gone."""
    left = {**OUTPUTS, "worker_names": {"0": "n-10"}, "worker_addresses": {"0": "10.0.0.10"}}
    with_stack(bay, heat, ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"], outputs=left)
    op = start(bay, "resize", resize(bay, 1, GONE_WORKERS))
    operations.erase_token(op, CONDUCTOR)  # the first attempt sent the update, then died
    run(op)
    assert row(bay, "status") == ("UPDATE_COMPLETE",)


def test_an_added_node_group_is_built_by_a_stack_update(heat: FakeHeat, bay: Cluster) -> None:
    """Adding a group sends the stack a ResourceGroup of its own; its nodes are recorded."""
    with_stack(bay, heat, ["CREATE_COMPLETE"], parameters=shown(bay, 2))
    added = NodeGroup.objects.create(
        cluster=bay, name="gpu", role="worker", project_id=bay.project_id, user_id="u-demo",
        node_count=2, slot=0, flavor_id="local.tiny", status="CREATE_IN_PROGRESS",
    )  # fmt: skip
    outputs = {
        **OUTPUTS,
        "ng0_names": {"0": "bay-x-gpu-0", "1": "bay-x-gpu-1"},
        "ng0_addresses": {"0": "10.0.0.110", "1": "10.0.0.111"},
    }
    heat.after_update = {"statuses": ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"], "outputs": outputs}
    run(start(bay, "update", {"nodegroup": added.uuid, "action": "create"}))
    (sent,) = heat.sent("update_stack")
    assert "ng0:" in sent.kwargs["template"]
    parameters = sent.kwargs["parameters"]
    assert (parameters["ng0_name"], parameters["ng0_count"]) == ("gpu", 2)
    assert parameters["ng0_flavor"] == "local.tiny"
    added.refresh_from_db()
    assert (added.status, added.node_names) == ("CREATE_COMPLETE", ["bay-x-gpu-0", "bay-x-gpu-1"])
    assert added.node_addresses == ["10.0.0.110", "10.0.0.111"]
    assert row(bay, "status", "node_count") == ("UPDATE_COMPLETE", 4)


def test_a_heat_outage_at_the_stack_call_is_tried_again_later(heat: FakeHeat, bay: Cluster) -> None:
    """Heat's 503 on create: the operation goes back to the queue, and the next try builds."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    heat.raises["create_stack"] = http_error(503, "Service Unavailable")
    op = start(bay, "create")
    run(op)
    assert row(bay, "status") == ("CREATE_IN_PROGRESS",)
    held = Operation.objects.get(pk=op.pk)
    assert held.state == "running"
    assert held.lease_expires_at > timezone.now() + timedelta(seconds=work.RETRY_BASE - 1)
    Operation.objects.filter(pk=op.pk).update(lease_expires_at=timezone.now())
    again = operations.claim(CONDUCTOR, lease_seconds=60)
    assert again is not None
    run(again)
    assert row(bay, "status") == ("CREATE_COMPLETE",)
    assert len(heat.sent("create_stack")) == 2


def test_after_the_last_attempt_an_outage_fails_the_operation_with_its_reason(
    heat: FakeHeat, bay: Cluster
) -> None:
    heat.raises["create_stack"] = http_error(503, "Service Unavailable")
    op = start(bay, "create")
    Operation.objects.filter(pk=op.pk).update(attempts=work.MAX_ATTEMPTS)
    op.refresh_from_db()
    run(op)
    status, reason = row(bay, "status", "status_reason")
    assert status == "CREATE_FAILED"
    assert reason.startswith(f"gave up after {work.MAX_ATTEMPTS} attempts")
    assert "Service Unavailable" in reason


def test_a_database_error_gives_the_operation_back_instead_of_failing_it(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database away while following a stack: nothing is marked FAILED."""
    heat.after_create = {"statuses": SLOW_CREATE, "outputs": OUTPUTS}
    op = start(bay, "create")
    real_renew = operations.renew
    calls = []

    def renew(*args: Any, **kwargs: Any) -> bool:
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real_renew(*args, **kwargs)

    monkeypatch.setattr(work.operations, "renew", renew)
    run(op)
    assert row(bay, "status") == ("CREATE_IN_PROGRESS",)
    assert Operation.objects.get(pk=op.pk).state == "running"


def raced(heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch) -> Operation:
    """A create whose bay is deleted (the API supersedes it) while Heat makes its stack."""
    op = start(bay, "create")
    real_create = Orchestration.create_stack

    def create_then_deleted(self: Orchestration, *args: Any, **kwargs: Any) -> Any:
        made = real_create(self, *args, **kwargs)
        operations.supersede(bay, "superseded by a delete request")  # the API's DELETE
        return made

    monkeypatch.setattr(Orchestration, "create_stack", create_then_deleted)
    return op


def test_a_delete_that_races_the_stack_call_leaves_no_stack(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DELETE lands while Heat makes the stack: the create's worker deletes what it made."""
    run(raced(heat, bay, monkeypatch))
    (deleted,) = heat.sent("delete_stack")
    assert deleted.identity == USER
    assert [s.status for s in heat.stacks.values()] == ["DELETE_COMPLETE"]
    assert row(bay, "stack_id") == (None,)


DELETE_REASON = "Error deleting project: Authorization failed."


def test_a_raced_stacks_delete_heat_fails_once_is_sent_again_until_it_is_gone(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted while Heat was making it, the stack's clean-up fails once; the create's
    worker sends the delete again and sees the stack gone: nobody else would (the bay
    is gone), and the operation it no longer holds is not renewed meanwhile."""
    op = raced(heat, bay, monkeypatch)
    heat.after_create = {"statuses": ["CREATE_IN_PROGRESS"]}
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_FAILED"],
                         "reason": DELETE_REASON}  # fmt: skip

    def mended(read: Stack, status: str) -> None:
        if status == "DELETE_FAILED":
            heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]}

    heat.read_hooks.append(mended)
    run(op)
    (stack,) = heat.stacks.values()
    assert [call.args for call in heat.sent("delete_stack")] == [(stack.id,)] * 2
    assert stack.status == "DELETE_COMPLETE"
    assert Operation.objects.get(pk=op.pk).state == "failed"  # superseded, as the API left it


def test_a_raced_stacks_delete_that_keeps_failing_is_left_to_the_reconciliation(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the resend, the worker ends; the reconciliation finds the stack later."""
    op = raced(heat, bay, monkeypatch)
    heat.after_delete = {"statuses": ["DELETE_FAILED"], "reason": DELETE_REASON}
    run(op)
    assert len(heat.sent("delete_stack")) == 2


def test_heat_refusing_a_raced_stacks_delete_is_logged_not_raised(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """The create's worker must still end (its operation is gone): nothing raised."""
    op = raced(heat, bay, monkeypatch)
    heat.raises["delete_stack"] = http_error(503, "Heat is restarting")
    run(op)
    assert "left to the reconciliation" in caplog.text
    assert [s.status for s in heat.stacks.values()] == ["CREATE_COMPLETE"]


def test_a_raced_stacks_delete_still_running_at_the_deadline_is_not_sent_again(
    heat: FakeHeat, bay: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of time (ABANDON_WAIT) with Heat still deleting: one delete only."""
    op = raced(heat, bay, monkeypatch)
    heat.after_delete = {"statuses": ["DELETE_IN_PROGRESS"]}
    monkeypatch.setattr(work, "ABANDON_WAIT", 0.0)
    run(op)
    assert len(heat.sent("delete_stack")) == 1


def test_a_create_superseded_before_its_stack_call_makes_nothing(
    heat: FakeHeat, bay: Cluster
) -> None:
    op = start(bay, "create")
    operations.supersede(bay, "superseded by a delete request")
    run(op)
    assert heat.sent("create_stack") == []
