"""The reconciliation: which stacks and local bays belong to no bay, and what a pass does.

Heat is a small stand-in here (its listing and its delete, the two calls a
pass makes); the local bays are real records in a temporary folder, their
removal recorded instead of run.  tests/e2e/test_reconcile.py runs a pass
against the real all-in-one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid as uuids
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone
from keystoneauth1 import exceptions as ks_exceptions

from magnum_ui.service import conf, operations
from magnum_ui.service.conductor import reconcile
from magnum_ui.service.conductor.reconcile import Clusters, Reconciler
from magnum_ui.service.context import RequestContext
from magnum_ui.service.drivers.local.state import BayRecord, StateDir
from magnum_ui.service.models import ConductorService
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.get_current_timezone())
OLD, NEW = "2026-12-05T11:00:00Z", "2026-12-05T11:59:30Z"  # an hour, half a minute ago
GRACE = 600.0


def stack(uuid: str, status: str = "CREATE_FAILED", when: str = OLD, **more: Any) -> dict[str, Any]:
    return {"id": f"s-{uuid[:4]}", "stack_name": f"bay-{uuid}", "stack_status": status,
            "creation_time": when, "updated_time": None, "project": "p-demo", **more}  # fmt: skip


def new_uuid() -> str:
    return str(uuids.uuid4())


# --- deciding ------------------------------------------------------------------


def test_a_stack_whose_bay_is_gone_is_stray() -> None:
    gone = new_uuid()
    found = reconcile.stray_stacks([stack(gone)], Clusters({}, set()), NOW, GRACE)
    assert [(s["stack_name"], why) for s, why in found] == [(f"bay-{gone}", "its bay is gone")]


def test_a_stack_its_bay_uses_is_kept_and_a_second_one_of_the_same_name_is_not() -> None:
    mine = new_uuid()
    used, other = stack(mine, id="s-used"), stack(mine, id="s-other")
    found = reconcile.stray_stacks([used, other], Clusters({mine: "s-used"}, set()), NOW, GRACE)
    assert [(s["id"], why) for s, why in found] == [("s-other", "its bay uses stack s-used")]


SOME = "99999999-1111-4111-8111-111111111111"
LEFT_ALONE: dict[str, tuple[dict[str, Any], dict[str, str | None]]] = {
    "younger than the grace": (stack(SOME, when=NEW), {}),
    "already being deleted": (stack(SOME, status="DELETE_IN_PROGRESS"), {}),
    "not named by the conductor": ({**stack(SOME), "stack_name": "my-own-stack"}, {}),
    "of a bay without a stack id yet (found by name)": (stack(SOME), {SOME: None}),
}


@pytest.mark.parametrize("what", LEFT_ALONE)
def test_what_is_left_alone(what: str) -> None:
    listed, clusters = LEFT_ALONE[what]
    assert reconcile.stray_stacks([listed], Clusters(clusters, set()), NOW, GRACE) == [], what


def test_nothing_of_a_bay_with_an_operation_under_way_is_touched() -> None:
    busy = new_uuid()
    listed = [stack(busy, id="s-other")]
    assert reconcile.stray_stacks(listed, Clusters({busy: "s-used"}, {busy}), NOW, GRACE) == []


def test_local_nodes_are_stray_with_no_cluster_and_no_stack_after_the_grace() -> None:
    hour_ago, just_now = NOW.timestamp() - 3600, NOW.timestamp() - 30
    lone, owned, stacked, fresh = new_uuid(), new_uuid(), new_uuid(), new_uuid()
    recorded = {lone: hour_ago, owned: hour_ago, stacked: hour_ago, fresh: just_now}
    clusters = Clusters({owned: "s"}, set())
    found = reconcile.stray_local_bays(recorded, {stacked}, clusters, NOW, GRACE)
    assert found == [lone]
    # Heat not asked (it refused): a missing cluster is enough.
    assert set(reconcile.stray_local_bays(recorded, None, clusters, NOW, GRACE)) == {lone, stacked}


# --- a pass --------------------------------------------------------------------


class FakeHeat:
    """Heat's stack list for every project, and deletes by name and id.

    Like openstacksdk's proxies, it raises a refusal only when asked to (raise_exc).
    """

    def __init__(
        self, stacks: list[dict[str, Any]], refuse: Exception | None = None,
        refuse_delete: Exception | None = None,
    ) -> None:  # fmt: skip
        self.stacks, self.refuse, self.refuse_delete = stacks, refuse, refuse_delete
        self.orchestration = self
        self.deleted: list[str] = []

    def get(self, path: str, params: dict[str, Any], raise_exc: bool = False) -> Any:
        assert (path, params, raise_exc) == ("/stacks", {"global_tenant": True}, True)
        if self.refuse:
            raise self.refuse
        return SimpleNamespace(json=lambda: {"stacks": self.stacks})

    def delete(self, path: str, raise_exc: bool = False) -> None:
        assert raise_exc
        if self.refuse_delete:
            raise self.refuse_delete
        self.deleted.append(path)


@pytest.fixture
def nodes_dir() -> Any:
    # Short, as the local driver wants (engine sockets live below it).
    root = Path(tempfile.mkdtemp(prefix="mui-r-", dir="/tmp"))
    conf.CONF.set_override("nodes_dir", str(root), group="local_driver")
    conf.CONF.set_override("reconcile_grace", 60.0, group="conductor")
    conf.CONF.set_override("encryption_key", "A" * 43 + "=", group="crypto")
    ConductorService.objects.create(host="c-1", binary="magnum-conductor")
    yield root
    shutil.rmtree(root)
    conf.CONF.clear_override("nodes_dir", group="local_driver")
    conf.CONF.clear_override("reconcile_grace", group="conductor")
    conf.CONF.clear_override("encryption_key", group="crypto")


def local_bay(root: Path, uuid: str, age: float) -> None:
    StateDir(root).save_bay(BayRecord(uuid, "p-demo", "10.213.9.0/24", "mub000000000000"))
    when = timezone.now().timestamp() - age
    os.utime(root / "bays" / f"{uuid}.json", (when, when))


def run_pass(
    monkeypatch: pytest.MonkeyPatch, heat: FakeHeat
) -> tuple[list[reconcile.Removal], list[str]]:
    removed_bays: list[str] = []

    def delete_bay(root: Path, uuid: str) -> int:
        removed_bays.append(uuid)
        return 2  # nodes

    monkeypatch.setattr(reconcile.heat, "service_connection", lambda: heat)
    monkeypatch.setattr(reconcile.nodes, "delete_bay", delete_bay)
    return Reconciler("c-1", "magnum-conductor").run_once(), removed_bays


def test_a_pass_deletes_stray_stacks_and_nodes_and_reports_them(
    monkeypatch: pytest.MonkeyPatch, nodes_dir: Path
) -> None:
    kept = cluster("kept", template())
    gone, lone = new_uuid(), new_uuid()
    now = timezone.now()
    an_hour_ago = (now - timedelta(hours=1)).isoformat()
    heat = FakeHeat([stack(gone, when=an_hour_ago),
                     stack(kept.uuid, when=an_hour_ago, id="s-kept")])  # fmt: skip
    kept.stack_id = "s-kept"
    kept.save()
    local_bay(nodes_dir, lone, age=3600)
    local_bay(nodes_dir, kept.uuid, age=3600)

    removed, removed_bays = run_pass(monkeypatch, heat)

    assert heat.deleted == [f"/stacks/bay-{gone}/s-{gone[:4]}"]
    assert removed_bays == [lone]
    assert [str(r) for r in removed] == [
        f"stack bay-{gone} (s-{gone[:4]}) of project p-demo: its bay is gone",
        f"local nodes 2 of bay {lone}: no bay and no stack",
    ]
    row = ConductorService.objects.get(host="c-1")
    assert row.last_reconciled_at is not None
    assert [(r["kind"], r["reason"]) for r in row.reconciled] == [
        ("stack", "its bay is gone"), ("local nodes", "no bay and no stack")
    ]  # fmt: skip
    assert all(r["at"] for r in row.reconciled)


def test_a_heat_that_refuses_the_listing_still_lets_nodes_of_no_bay_go(
    monkeypatch: pytest.MonkeyPatch, nodes_dir: Path
) -> None:
    lone, fresh = new_uuid(), new_uuid()
    local_bay(nodes_dir, lone, age=3600)
    local_bay(nodes_dir, fresh, age=5)
    heat = FakeHeat([], refuse=ks_exceptions.Forbidden("stacks:global_index"))
    removed, removed_bays = run_pass(monkeypatch, heat)
    assert removed_bays == [lone]
    assert [r.kind for r in removed] == ["local nodes"]


def test_a_stack_heat_refuses_to_delete_is_not_reported_removed(
    monkeypatch: pytest.MonkeyPatch, nodes_dir: Path
) -> None:
    stale = (timezone.now() - timedelta(hours=1)).isoformat()
    heat = FakeHeat([stack(new_uuid(), when=stale)], refuse_delete=ks_exceptions.Conflict("busy"))
    removed, _ = run_pass(monkeypatch, heat)
    assert removed == []
    assert ConductorService.objects.get(host="c-1").reconciled == []


def test_the_bay_of_a_running_operation_keeps_everything(
    monkeypatch: pytest.MonkeyPatch, nodes_dir: Path
) -> None:
    busy = cluster("busy", template(), status="CREATE_IN_PROGRESS")
    ctx = RequestContext("u", "p-demo", ("member",), "tok")
    operations.enqueue(busy, "create", {}, ctx)
    stale = (timezone.now() - timedelta(hours=1)).isoformat()
    heat = FakeHeat([stack(busy.uuid, when=stale, id="s-second")])
    busy.stack_id = "s-first"
    busy.save()
    removed, _ = run_pass(monkeypatch, heat)
    assert removed == []
    assert heat.deleted == []


def test_removals_kept_on_the_row_are_the_newest_few(
    monkeypatch: pytest.MonkeyPatch, nodes_dir: Path
) -> None:
    row = ConductorService.objects.get(host="c-1")
    row.reconciled = [{"kind": "stack", "name": f"old-{i}"} for i in range(reconcile.KEPT)]
    row.save()
    stale = (timezone.now() - timedelta(hours=1)).isoformat()
    run_pass(monkeypatch, FakeHeat([stack(new_uuid(), when=stale)]))
    kept = ConductorService.objects.get(host="c-1").reconciled
    assert len(kept) == reconcile.KEPT
    assert kept[0]["reason"] == "its bay is gone"
    assert kept[-1]["name"] == "old-18"
