"""The conductor's main loop: heartbeat, claim, work, in a few threads."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.db import DatabaseError, close_old_connections, connections
from django.db.models import F
from django.utils import timezone

from magnum_ui.service import conf, operations
from magnum_ui.service.conductor.health import HealthMonitor
from magnum_ui.service.conductor.reconcile import Reconciler
from magnum_ui.service.conductor.work import Worker
from magnum_ui.service.models import ConductorService, Operation
from magnum_ui.service.models.operations import RUNNING

LOG = logging.getLogger(__name__)
BINARY = "magnum-conductor"
# The longest wait between two tries while the database does not answer.
OUTAGE_WAIT_MAX = 30.0


class Conductor:
    def __init__(self) -> None:
        options = conf.CONF.conductor
        self.host: str = options.host
        self.lease: float = options.lease_seconds
        self.poll: float = options.poll_interval
        self.heartbeat_interval: float = options.heartbeat_interval
        self.capacity: int = options.max_concurrent_operations
        self.pool = ThreadPoolExecutor(max_workers=self.capacity)
        self.active: set[Future[None]] = set()
        self.stopping = threading.Event()
        reconciler, health = Reconciler(self.host, BINARY), HealthMonitor()
        # Each in a thread of its own: a slow Heat listing or a bay that does not answer
        # never delays claiming work, nor each other.
        self.reconciliation = SidePass(
            "reconciliation", options.reconcile_interval, reconciler.run_once, wait_first=True
        )
        self.health = SidePass("health", options.health_interval, health.run_once, wait_first=False)

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        LOG.info("conductor %s started", self.host)
        resumed, next_beat, outage = False, 0.0, 0
        side_passes = (self.reconciliation, self.health)
        for side in side_passes:
            side.schedule(timezone.now().timestamp())
        while not self.stopping.is_set():
            try:
                if not resumed:
                    self.resume_own_work()
                    resumed = True
                now = timezone.now().timestamp()
                if now >= next_beat:
                    self.heartbeat()
                    next_beat = now + self.heartbeat_interval
                self.claim_work()
                for side in side_passes:
                    side.run_if_due(now)
                if outage:
                    LOG.info("the database answers again")
                outage = 0
            except DatabaseError as exc:
                # The database is away (restarting, unreachable): keep the process, drop the
                # broken connections, and try again, less often the longer it lasts.
                if not outage:
                    LOG.warning("the database does not answer (%s); retrying", exc)
                outage += 1
                self._reconnect()
                self.stopping.wait(min(self.poll * 2**outage, OUTAGE_WAIT_MAX))
                continue
            close_old_connections()
            self.stopping.wait(self.poll)
        # Work in progress is left to its lease: the next start resumes it.
        self.pool.shutdown(wait=False, cancel_futures=True)
        for side in side_passes:
            side.shutdown()
        LOG.info("conductor %s stopped", self.host)

    def claim_work(self) -> None:
        """Claim operations while there is room for them, each run in a thread of the pool."""
        self.active = {f for f in self.active if not f.done()}
        while len(self.active) < self.capacity:
            operation = operations.claim(self.host, self.lease)
            if operation is None:
                break
            LOG.info("claimed operation %s (%s)", operation.pk, operation.kind)
            self.active.add(self.pool.submit(self._work, operation))

    @staticmethod
    def _reconnect() -> None:
        for connection in connections.all():
            with contextlib.suppress(DatabaseError):
                connection.close()

    def resume_own_work(self) -> int:
        """Operations this conductor held before it stopped become claimable again now."""
        count: int = Operation.objects.filter(claimed_by=self.host, state=RUNNING).update(
            lease_expires_at=timezone.now()
        )
        if count:
            LOG.info("resuming %d operation(s) held before the restart", count)
        return count

    def heartbeat(self) -> None:
        now = timezone.now()
        updated = ConductorService.objects.filter(host=self.host, binary=BINARY).update(
            report_count=F("report_count") + 1, last_seen_up=now, updated_at=now
        )
        if not updated:
            ConductorService.objects.get_or_create(
                host=self.host, binary=BINARY, defaults={"last_seen_up": now, "report_count": 1}
            )

    def _work(self, operation: Operation) -> None:
        try:
            Worker(operation, self.host, self.lease, self.poll).run()
        finally:
            close_old_connections()

    def _stop(self, signum: int, frame: Any) -> None:
        LOG.info("signal %s: stopping", signum)
        self.stopping.set()


class SidePass:
    """A pass over every bay (the reconciliation, the bays' health), run every ``interval``
    seconds (0: never) in a thread of its own, never two at once; a failing pass is logged
    and tried again at the next interval."""

    def __init__(
        self, name: str, interval: float, run: Callable[[], object], wait_first: bool
    ) -> None:
        self.name, self.interval, self._run, self._wait_first = name, interval, run, wait_first
        self.next = 0.0
        self.running: Future[None] | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    def schedule(self, now: float) -> None:
        """The first pass: at once, or one interval after the conductor starts."""
        self.next = now + (self.interval if self._wait_first else 0.0)

    def run_if_due(self, now: float) -> None:
        if self.interval and now >= self.next:
            self.start()
            self.next = now + self.interval

    def start(self) -> None:
        """Start a pass, unless the last one still runs."""
        if self.running is None or self.running.done():
            self.running = self._thread.submit(self._guarded)

    def shutdown(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)

    def _guarded(self) -> None:
        try:
            self._run()  # what a pass changes, it logs as it goes
        except Exception:
            LOG.exception("the %s pass failed; trying again at the next interval", self.name)
        finally:
            close_old_connections()
