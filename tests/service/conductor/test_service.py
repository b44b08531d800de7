"""The conductor's bookkeeping: heartbeats, resuming its own work, riding out outages.

Stack work itself runs against real Heat in tests/e2e.
"""

from __future__ import annotations

import signal
import threading
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.db import OperationalError
from django.utils import timezone

from magnum_ui.service import conf, operations
from magnum_ui.service.conductor.reconcile import Reconciler
from magnum_ui.service.conductor.service import Conductor, SidePass
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import ConductorService, Operation
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def settings() -> Any:
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    conf.CONF.set_override("host", "conductor-1", group="conductor")
    yield
    conf.CONF.clear_override("encryption_key", group="crypto")
    conf.CONF.clear_override("host", group="conductor")


def test_heartbeats_count_up() -> None:
    """Each heartbeat updates one row per host, which /v1/mservices reports."""
    conductor = Conductor()
    conductor.heartbeat()
    conductor.heartbeat()
    row = ConductorService.objects.get(host="conductor-1")
    assert row.report_count == 2
    assert row.last_seen_up is not None
    assert (timezone.now() - row.last_seen_up).total_seconds() < 5


def test_a_restarted_conductor_takes_back_what_it_held() -> None:
    """Work held under this host name is claimable at once after a restart, not after the lease."""
    ctx = RequestContext("u", "p-demo", ("member",), "tok")
    operations.enqueue(cluster("c", template()), "create", {}, ctx)
    assert operations.claim("conductor-1", lease_seconds=3600) is not None
    assert operations.claim("conductor-1", lease_seconds=3600) is None
    assert Conductor().resume_own_work() == 1
    again = operations.claim("conductor-1", lease_seconds=3600)
    assert again is not None
    assert again.attempts == 2
    assert Operation.objects.get(pk=again.pk).claimed_by == "conductor-1"


def test_the_loop_rides_out_a_database_outage(monkeypatch: pytest.MonkeyPatch) -> None:
    """Heartbeat and claim failing with database errors keep the process, then carry on."""
    conductor = Conductor()
    conductor.poll = 0.001
    beats: list[str] = []

    def heartbeat() -> None:
        beats.append("beat")
        if len(beats) <= 2:
            raise OperationalError("could not connect to server: Connection refused")
        conductor.stopping.set()  # the third one works: enough

    monkeypatch.setattr(conductor, "heartbeat", heartbeat)
    monkeypatch.setattr(signal, "signal", lambda *args: None)
    conductor.run()
    assert beats == ["beat"] * 3
    assert ConductorService.objects.count() == 0  # the fake heartbeat wrote nothing


def test_a_reconciliation_pass_runs_beside_the_loop_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Passes run in their own thread, never two at once, and a failing pass is only logged."""
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow_then_failing(self: Any) -> list[Any]:
        calls.append(1)
        started.set()
        release.wait(5)
        raise RuntimeError("Heat is away")

    monkeypatch.setattr(Reconciler, "run_once", slow_then_failing)
    passes = Conductor().reconciliation
    passes.start()
    assert started.wait(5)
    passes.start()  # the first still runs: not started again
    release.set()
    assert passes.running is not None
    passes.running.result(timeout=5)  # the failure stayed inside the pass
    assert calls == [1]
    passes.start()
    passes.running.result(timeout=5)
    assert calls == [1, 1]


def test_a_side_pass_runs_when_due_and_never_with_no_interval() -> None:
    """The health reading starts at once, the reconciliation one interval in; 0 turns one off."""
    runs: list[str] = []
    health = SidePass("health", 15.0, lambda: runs.append("health"), wait_first=False)
    later = SidePass("reconciliation", 300.0, lambda: runs.append("reconcile"), wait_first=True)
    off = SidePass("off", 0.0, lambda: runs.append("off"), wait_first=False)
    for side in (health, later, off):
        side.schedule(1000.0)
        side.run_if_due(1000.0)
    assert health.running is not None
    health.running.result(timeout=5)
    assert runs == ["health"]
    assert (health.next, later.next) == (1015.0, 1300.0)
    later.run_if_due(1300.0)
    assert later.running is not None
    later.running.result(timeout=5)
    off.run_if_due(10**9)
    assert runs == ["health", "reconcile"]
    assert off.running is None
