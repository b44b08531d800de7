"""The conductor's main loop: heartbeat, claim, work, in a few threads."""

from __future__ import annotations

import logging
import signal
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.db import close_old_connections
from django.db.models import F
from django.utils import timezone

from magnum_ui.service import conf, operations
from magnum_ui.service.conductor.work import Worker
from magnum_ui.service.models import ConductorService, Operation
from magnum_ui.service.models.operations import RUNNING

LOG = logging.getLogger(__name__)
BINARY = "magnum-conductor"


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

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.resume_own_work()
        LOG.info("conductor %s started", self.host)
        next_beat = 0.0
        while not self.stopping.is_set():
            now = timezone.now().timestamp()
            if now >= next_beat:
                self.heartbeat()
                next_beat = now + self.heartbeat_interval
            self.active = {f for f in self.active if not f.done()}
            while len(self.active) < self.capacity:
                operation = operations.claim(self.host, self.lease)
                if operation is None:
                    break
                LOG.info("claimed operation %s (%s)", operation.pk, operation.kind)
                self.active.add(self.pool.submit(self._work, operation))
            close_old_connections()
            self.stopping.wait(self.poll)
        # Work in progress is left to its lease: the next start resumes it.
        self.pool.shutdown(wait=False, cancel_futures=True)
        LOG.info("conductor %s stopped", self.host)

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
