"""What the conductor does for each kind of operation.

Every step is written so that running it again after a crash is safe: the
stack id is saved before the token is erased, a create first looks for the
stack a crashed attempt may have made, and an update that Heat already took is
not sent twice.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, close_old_connections, transaction
from keystoneauth1 import exceptions as ks_exceptions

from magnum_ui.service import drivers, nodegroup_state, operations
from magnum_ui.service.conductor import heat_calls, sent_updates
from magnum_ui.service.conductor.heat_calls import OperationFailed, StackBusy
from magnum_ui.service.conductor.stack_watch import LeaseLost, StackWatch
from magnum_ui.service.drivers.base import HeatDriver, MappingError
from magnum_ui.service.heat import client as heat
from magnum_ui.service.heat import stacks
from magnum_ui.service.models import Cluster, ClusterTemplate, NodeGroup, Operation

LOG = logging.getLogger(__name__)


# An operation hit by transient failures (Heat, Keystone or the database away) is
# tried again after RETRY_BASE, 2 x RETRY_BASE, ... (at most RETRY_MAX) seconds, by
# any conductor, at most MAX_ATTEMPTS times in all.
MAX_ATTEMPTS = 6
RETRY_BASE = 5.0
RETRY_MAX = 60.0
# A failed stack delete is sent again this many times before the bay is DELETE_FAILED.
DELETE_RESENDS = 1
# Seconds a create whose bay was deleted follows the delete of the stack it made.
ABANDON_WAIT = 600.0


class Worker:
    """Runs one claimed operation to its end."""

    def __init__(self, operation: Operation, conductor: str, lease: float, poll: float):
        self.operation = operation
        self.conductor = conductor
        self.lease = lease
        self.poll = poll
        self.cluster: Cluster = Cluster.objects.select_related("cluster_template").get(
            pk=operation.cluster_id
        )
        self.watch = StackWatch(operation, conductor, lease, poll, self.cluster.uuid)

    # -- entry point ---------------------------------------------------------

    def run(self) -> None:
        kind = self.operation.kind
        action = "DELETE" if kind == "delete" else ("CREATE" if kind == "create" else "UPDATE")
        try:
            handler: Callable[[], None] = getattr(self, f"_{kind}")
            handler()
        except LeaseLost:
            LOG.warning("operation %s was taken over by another conductor", self.operation.pk)
        except (OperationFailed, MappingError) as exc:
            self._fail(action, str(exc))
        except (stacks.HeatUnavailable, ks_exceptions.ConnectionError, DatabaseError) as exc:
            self._later(action, exc)
        except Exception as exc:
            LOG.exception("operation %s failed unexpectedly", self.operation.pk)
            self._fail(action, f"the conductor hit an unexpected error: {exc}")

    def _later(self, action: str, exc: Exception) -> None:
        """A transient failure (Heat, Keystone or the database away): try again later.

        Every step can run again (see the module's docstring); after
        MAX_ATTEMPTS the operation fails with the reason.
        """
        attempts = self.operation.attempts
        if attempts >= MAX_ATTEMPTS:
            self._fail(action, f"gave up after {attempts} attempts; the last: {exc}")
            return
        delay = min(RETRY_BASE * 2 ** (attempts - 1), RETRY_MAX)
        LOG.warning("operation %s (attempt %d): %s; again in %g s", self.operation.pk,
                    attempts, exc, delay)  # fmt: skip
        with contextlib.suppress(DatabaseError):  # if the database is away, the lease runs out
            close_old_connections()
            operations.retry_later(self.operation, self.conductor, delay)

    # -- the operations --------------------------------------------------------

    def _create(self) -> None:
        driver = self._driver()
        if not self.cluster.stack_id:
            conn = self._user_connection()
            name = self._stack_name()
            found = None
            if self.operation.attempts > 1:  # an earlier attempt may have made it, then died
                found = heat_calls.call(
                    lambda: conn.orchestration.find_stack(name, ignore_missing=True)
                )
            if found is None:
                if not operations.renew(self.operation, self.conductor, self.lease):
                    raise LeaseLost  # a delete came first: make nothing
                found = heat_calls.call(
                    lambda: conn.orchestration.create_stack(
                        name=self._stack_name(),
                        template=driver.template_for(self.cluster),
                        files=driver.template_files(),
                        parameters=self._parameters(driver),
                        timeout_mins=self.cluster.create_timeout or None,
                    )
                )
                LOG.info("cluster %s: stack create sent (%s)", self.cluster.uuid, found.id)
            with transaction.atomic():
                kept = operations.renew(self.operation, self.conductor, self.lease)
                if kept:
                    Cluster.objects.filter(pk=self.cluster.pk).update(stack_id=found.id)
            if not kept:
                self._abandon(conn, found.id)
                raise LeaseLost
            self.cluster.stack_id = found.id
            operations.erase_token(self.operation, self.conductor)
        self._follow("CREATE", driver)

    def _abandon(self, conn: Any, stack_id: str) -> None:
        """A delete superseded this create while Heat made the stack, and the delete's own
        worker may have found no stack yet: delete it and follow the delete as a bay's
        delete is followed (sent again once if it fails, Heat's outages waited out), without
        the lease this conductor no longer holds, for ABANDON_WAIT seconds; what still
        stands then, or after an error, is the reconciliation's."""
        LOG.info("cluster %s: deleted while its stack was made; deleting stack %s",
                 self.cluster.uuid, stack_id)  # fmt: skip
        watch = StackWatch(self.operation, self.conductor, self.lease, self.poll,
                           self.cluster.uuid, keep_lease=False)  # fmt: skip
        try:
            self._send_delete(conn, stack_id)
            self._wait_deleted(conn, stack_id, watch, time.monotonic() + ABANDON_WAIT)
        except Exception as exc:
            LOG.warning("cluster %s: abandoned stack %s is left to the reconciliation: %s",
                        self.cluster.uuid, stack_id, exc)  # fmt: skip

    def _update(self) -> None:
        # The stack is written from the cluster's node groups as they are now:
        # one being added, resized or removed is already so in the database.
        self._stack_update(self._driver())

    def _resize(self) -> None:
        self._stack_update(self._driver())

    def _upgrade(self) -> None:
        """The new template's sizes for every group (or the one named), then a stack update.

        They are written first, under the lease, so that the stack is written
        from them; the nodes change one batch at a time (``max_batch_size``).
        """
        target = ClusterTemplate.objects.get(uuid=self.operation.params["cluster_template"])
        with transaction.atomic():
            if not operations.renew(self.operation, self.conductor, self.lease):
                raise LeaseLost
            nodegroup_state.upgrade_to(self.cluster, target, self.operation.params.get("nodegroup"))
        self.cluster.refresh_from_db()
        self._stack_update(self._driver())

    def _delete(self) -> None:
        conn = None
        if operations.take_token(self.operation) is not None:
            conn = self._user_connection()
            stack_id = self.cluster.stack_id
            if not stack_id:
                name = self._stack_name()
                found = heat_calls.call(
                    lambda: conn.orchestration.find_stack(name, ignore_missing=True)
                )
                stack_id = found.id if found is not None else None
            if stack_id:
                # Saved before the token goes: a delete resumed after a crash finds it.
                Cluster.objects.filter(pk=self.cluster.pk).update(stack_id=stack_id)
                self.cluster.stack_id = stack_id
                self._send_delete(conn, stack_id)
            operations.erase_token(self.operation, self.conductor)
        if self.cluster.stack_id:
            self._wait_deleted(conn, self.cluster.stack_id)
        with transaction.atomic():
            if not operations.finish(self.operation, self.conductor, succeeded=True):
                raise LeaseLost
            Cluster.objects.filter(pk=self.cluster.pk).delete()
        LOG.info("cluster %s: deleted", self.cluster.uuid)

    def _send_delete(self, conn: Any, stack_id: str) -> None:
        heat_calls.call(lambda: conn.orchestration.delete_stack(stack_id))
        LOG.info("cluster %s: stack delete sent (%s)", self.cluster.uuid, stack_id)

    def _wait_deleted(
        self, conn: Any, stack_id: str, watch: StackWatch | None = None,
        deadline: float | None = None,
    ) -> None:  # fmt: skip
        """Wait until Heat no longer has the stack; a failed delete this attempt sent is sent
        again (DELETE_RESENDS times): Heat's own advice, and what mends a delete that met
        the create's clean-up (its trust gone: "Error deleting project").  ``watch``: the
        operation's by default; past ``deadline`` (time.monotonic()) OperationFailed."""
        for resends in range(DELETE_RESENDS + 1):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            state = (watch or self.watch).until(stack_id, lambda s: not s.in_progress, left)
            if state.status in ("DELETE_COMPLETE", "GONE"):
                return
            if state.in_progress:
                raise OperationFailed(f"the stack is still {state.status}")
            failed = stacks.failures(heat.service_connection(), stack_id)
            reason = stacks.describe_failure(state, failed)
            if conn is None or resends == DELETE_RESENDS:
                raise OperationFailed(reason)
            LOG.warning("cluster %s: stack delete failed (%s); sending it again",
                        self.cluster.uuid, reason)  # fmt: skip
            self._send_delete(conn, stack_id)

    # -- shared steps ----------------------------------------------------------

    def _stack_update(
        self, driver: type[HeatDriver], template: ClusterTemplate | None = None
    ) -> None:
        if not self.cluster.stack_id:
            raise OperationFailed("the cluster has no stack to update")
        if operations.take_token(self.operation) is not None:
            # Sent unless an earlier attempt sent it and stopped before erasing the token
            # (it crashed, or its call got no answer).  Parameters alone cannot tell:
            # a removed node group changes the template, not the parameters that stay.
            stack_id = self.cluster.stack_id
            state = heat_calls.call(lambda: stacks.read(heat.service_connection(), stack_id))
            if not self._update_taken(state):
                self._send_update(driver, template, state)
            operations.erase_token(self.operation, self.conductor)
        elif not operations.token_used(self.operation):
            self._user_connection()  # never kept: fails saying so, instead of following nothing
        self._follow("UPDATE", driver)

    def _send_update(
        self, driver: type[HeatDriver], template: ClusterTemplate | None, state: stacks.StackState
    ) -> None:
        wanted = self._parameters(driver, template)
        conn = self._user_connection()
        heat_calls.call(conn.session.get_token)  # Keystone first: failing there sends nothing
        operations.note_update_sent(self.operation, self.conductor, sent_updates.record(state))
        stack_id = self.cluster.stack_id or ""
        try:
            heat_calls.call(
                lambda: conn.orchestration.update_stack(
                    stack_id,
                    template=driver.template_for(self.cluster),
                    files=driver.template_files(),
                    parameters=wanted,
                    timeout_mins=self.cluster.create_timeout or None,
                )
            )
            LOG.info("cluster %s: stack update sent (%s)", self.cluster.uuid, stack_id)
        except StackBusy:  # a legacy Heat's 409: an earlier attempt's update runs
            LOG.info("cluster %s: an earlier attempt's update is running; following it",
                     self.cluster.uuid)  # fmt: skip

    def _update_taken(self, state: stacks.StackState) -> bool:
        """Whether Heat took an earlier attempt's update: to follow, never to send again.

        A running one would be cancelled by a second (see sent_updates); one
        sent but not seen yet is waited for, a bounded time, before sending again.
        """
        if self.operation.attempts <= 1:
            return False  # the first attempt: no earlier one can have sent anything
        sent = self.operation.update_sent
        taken = sent_updates.taken(sent, state)
        if taken is None:
            grace = sent_updates.grace()
            LOG.info("cluster %s: the update an earlier attempt sent is not seen yet; waiting "
                     "up to %g s for Heat to take it", self.cluster.uuid, grace)  # fmt: skip
            state = self.watch.until(
                self.cluster.stack_id or "", lambda s: bool(sent_updates.taken(sent, s)), grace
            )
            taken = sent_updates.taken(sent, state)
        if taken:
            LOG.info("cluster %s: Heat took an earlier attempt's update (%s); following it",
                     self.cluster.uuid, state.status)  # fmt: skip
        return bool(taken)

    def _follow(self, action: str, driver: type[HeatDriver]) -> None:
        """Wait for the stack, then write the result onto the cluster."""
        if not self.cluster.stack_id:
            raise OperationFailed("the cluster has no stack to follow")
        state = self._wait(self.cluster.stack_id)
        if state.status != f"{action}_COMPLETE":
            failed = stacks.failures(heat.service_connection(), self.cluster.stack_id)
            self._fail(action, stacks.describe_failure(state, failed), faults=failed)
            return
        fields = driver.cluster_fields(state.outputs)
        fields.update(status=f"{action}_COMPLETE", status_reason=None, faults={})
        fields["coe_version"] = state.outputs.get("coe_version") or self._probe_version(
            driver, fields.get("api_address")
        )
        with transaction.atomic():
            if not operations.finish(self.operation, self.conductor, succeeded=True):
                raise LeaseLost
            Cluster.objects.filter(pk=self.cluster.pk).update(**fields)
            nodegroup_state.settle(self.cluster, driver, state.outputs, action, succeeded=True)
        LOG.info("cluster %s: %s_COMPLETE", self.cluster.uuid, action)

    def _probe_version(self, driver: type[HeatDriver], api_address: str | None) -> str | None:
        """Ask the bay which orchestrator version it runs; keep the old value if it cannot say."""
        if api_address:
            self.cluster.api_address = api_address
        try:
            return driver.probe_coe_version(self.cluster) or self.cluster.coe_version
        except Exception as exc:
            LOG.warning(
                "cluster %s: cannot read the orchestrator's version: %s", self.cluster.uuid, exc
            )
            return self.cluster.coe_version

    def _wait(self, stack_id: str) -> stacks.StackState:
        """Poll the stack until it is no longer in progress (Heat's outages waited out)."""
        return self.watch.until(stack_id, lambda state: not state.in_progress)

    def _fail(self, action: str, reason: str, faults: dict[str, str] | None = None) -> None:
        status = f"{action}_FAILED"
        LOG.info("cluster %s: %s: %s", self.cluster.uuid, status, reason)
        outputs = self._outputs()
        with transaction.atomic():
            if not operations.finish(self.operation, self.conductor, False, reason):
                return
            Cluster.objects.filter(pk=self.cluster.pk).update(
                status=status, status_reason=reason, faults=faults or {}
            )
            driver = self._driver_or_none()
            # The counts go back to what runs: a failed change is not kept as if made.
            nodegroup_state.settle(
                self.cluster, driver, outputs, action, succeeded=False, reason=reason
            )

    def _outputs(self) -> dict[str, Any] | None:
        """The stack's outputs now, or None when there is no stack or Heat cannot say."""
        if not self.cluster.stack_id:
            return None
        try:
            state = stacks.read(heat.service_connection(), self.cluster.stack_id)
        except Exception as exc:  # reporting the failure must not fail too
            LOG.warning("cluster %s: cannot read the stack's outputs: %s", self.cluster.uuid, exc)
            return None
        return state.outputs if state.status != "GONE" else None

    def _driver_or_none(self) -> type[HeatDriver] | None:
        try:
            return self._driver()
        except OperationFailed:
            return None

    def _driver(self) -> type[HeatDriver]:
        template = self.cluster.cluster_template
        found = drivers.for_template(template)
        if found is None or not issubclass(found, HeatDriver):
            raise OperationFailed(
                f"no installed driver can build clusters from template {template.uuid} "
                f"(driver {template.driver!r})"
            )
        return found

    def _parameters(
        self, driver: type[HeatDriver], template: ClusterTemplate | None = None
    ) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if any(param.name == "max_batch_size" for param in driver.parameters):
            extra["max_batch_size"] = self.operation.params.get("max_batch_size")
        removing = (
            self.operation.params.get("nodes_to_remove")
            if self.operation.kind == "resize"
            else None
        )
        if removing and self.cluster.stack_id:
            outputs = stacks.read(heat.service_connection(), self.cluster.stack_id).outputs
            group = NodeGroup.objects.filter(uuid=self.operation.params.get("nodegroup")).first()
            extra.update(driver.removal_parameters(outputs, list(removing), group))
        return driver.stack_parameters(
            self.cluster, template or self.cluster.cluster_template, **extra
        )

    def _user_connection(self) -> Any:
        token = operations.take_token(self.operation)
        if token is None:
            raise OperationFailed(
                "the request's Keystone token was not kept, so the conductor cannot act "
                "for its user; repeat the request"
            )
        return heat.user_connection(token, self.cluster.project_id)

    def _stack_name(self) -> str:
        # Deterministic, so a conductor resuming after a crash finds the stack it made.
        return f"bay-{self.cluster.uuid}"
