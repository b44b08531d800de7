"""Watching a stack for a claimed operation: the lease kept, Heat's outages waited out.

The conductor looks at a stack in two cases: following it to the end of an
action (:meth:`StackWatch.until` with "no longer in progress"), and waiting,
for a bounded time, for an update sent earlier to show (see
:mod:`magnum_ui.service.conductor.sent_updates`).  Both renew the operation's
lease at every look, so another conductor never takes over work that is being
watched, and both read as the service user.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from magnum_ui.service import operations
from magnum_ui.service.heat import client as heat
from magnum_ui.service.heat import stacks
from magnum_ui.service.models import Operation

LOG = logging.getLogger(__name__)

# How long a stack is waited for while Heat does not answer, before that attempt ends.
HEAT_OUTAGE_MAX = 600.0


class LeaseLost(Exception):
    """Another conductor took the operation over: stop touching it."""


class StackWatch:
    """Polls the stacks of one operation every ``poll`` seconds, renewing its lease.

    ``keep_lease=False`` watches for an operation this conductor no longer holds
    (a create superseded by a delete, removing the stack it made): nothing renewed.
    """

    def __init__(
        self, operation: Operation, conductor: str, lease: float, poll: float, cluster_uuid: str,
        keep_lease: bool = True,
    ):  # fmt: skip
        self.operation = operation
        self.conductor = conductor
        self.lease = lease
        self.poll = poll
        self.cluster_uuid = cluster_uuid  # what the log lines name
        self.keep_lease = keep_lease

    def until(
        self,
        stack_id: str,
        done: Callable[[stacks.StackState], bool],
        timeout: float | None = None,
    ) -> stacks.StackState:
        """The stack's state once ``done`` holds, or once ``timeout`` seconds have passed.

        Heat not answering (5xx, a refused connection) is waited out: the
        stack goes on without us.  After HEAT_OUTAGE_MAX seconds of it,
        HeatUnavailable gives the operation back to the queue.
        """
        service = heat.service_connection()
        deadline = None if timeout is None else time.monotonic() + timeout
        unanswered = 0
        while True:
            if self.keep_lease and not operations.renew(self.operation, self.conductor, self.lease):
                raise LeaseLost
            try:
                state = stacks.read(service, stack_id)
            except stacks.HeatUnavailable as exc:
                if not unanswered:
                    LOG.warning("cluster %s: Heat does not answer (%s); waiting",
                                self.cluster_uuid, exc)  # fmt: skip
                unanswered += 1
                if unanswered * self.poll > HEAT_OUTAGE_MAX:
                    raise  # given back to the queue (Worker._later)
                time.sleep(self.poll)
                continue
            if unanswered:
                LOG.info("cluster %s: Heat answers again", self.cluster_uuid)
                unanswered = 0
            if done(state) or (deadline is not None and time.monotonic() >= deadline):
                return state
            time.sleep(self.poll)
