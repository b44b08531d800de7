"""What the conductor does for each kind of operation.

Every step is written so that running it again after a crash is safe: the
stack id is saved before the token is erased, a create first looks for the
stack a crashed attempt may have made, and an update that Heat already took is
not sent twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from keystoneauth1 import exceptions as ks_exceptions
from openstack import exceptions

from magnum_ui.service import drivers, operations
from magnum_ui.service.drivers.base import HeatDriver, MappingError
from magnum_ui.service.heat import client as heat
from magnum_ui.service.heat import stacks
from magnum_ui.service.models import Cluster, ClusterTemplate, NodeGroup, Operation

LOG = logging.getLogger(__name__)


class OperationFailed(Exception):
    """The operation cannot succeed; the message becomes the cluster's status_reason."""


class LeaseLost(Exception):
    """Another conductor took the operation over: stop touching it."""


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
        except Exception as exc:
            LOG.exception("operation %s failed unexpectedly", self.operation.pk)
            self._fail(action, f"the conductor hit an unexpected error: {exc}")

    # -- the operations --------------------------------------------------------

    def _create(self) -> None:
        driver = self._driver()
        if not self.cluster.stack_id:
            conn = self._user_connection()
            name = self._stack_name()
            found = self._heat_call(
                lambda: conn.orchestration.find_stack(name, ignore_missing=True)
            )
            if found is None:
                found = self._heat_call(
                    lambda: conn.orchestration.create_stack(
                        name=self._stack_name(),
                        template=driver.template_text(),
                        files=driver.template_files(),
                        parameters=self._parameters(driver),
                        timeout_mins=self.cluster.create_timeout or None,
                    )
                )
            Cluster.objects.filter(pk=self.cluster.pk).update(stack_id=found.id)
            self.cluster.stack_id = found.id
            operations.erase_token(self.operation, self.conductor)
        self._follow("CREATE", driver)

    def _update(self) -> None:
        if self.operation.params.get("nodegroup"):
            raise OperationFailed(
                "node groups beyond the default ones are not supported by the "
                f"{self._driver().name} driver yet"
            )
        self._stack_update(self._driver())

    def _resize(self) -> None:
        self._stack_update(self._driver())

    def _upgrade(self) -> None:
        target = ClusterTemplate.objects.get(uuid=self.operation.params["cluster_template"])
        self.cluster.cluster_template = target
        self._stack_update(self._driver(), template=target)
        Cluster.objects.filter(pk=self.cluster.pk).update(cluster_template=target)

    def _delete(self) -> None:
        conn = None
        if operations.take_token(self.operation) is not None:
            conn = self._user_connection()
            stack_id = self.cluster.stack_id
            if not stack_id:
                name = self._stack_name()
                found = self._heat_call(
                    lambda: conn.orchestration.find_stack(name, ignore_missing=True)
                )
                stack_id = found.id if found is not None else None
            if stack_id:
                self._heat_call(lambda: conn.orchestration.delete_stack(stack_id))
                self.cluster.stack_id = stack_id
            operations.erase_token(self.operation, self.conductor)
        if self.cluster.stack_id:
            state = self._wait(self.cluster.stack_id)
            if state.status not in ("DELETE_COMPLETE", "GONE"):
                failed = stacks.failures(heat.service_connection(), self.cluster.stack_id)
                raise OperationFailed(stacks.describe_failure(state, failed))
        with transaction.atomic():
            if not operations.finish(self.operation, self.conductor, succeeded=True):
                raise LeaseLost
            Cluster.objects.filter(pk=self.cluster.pk).delete()

    # -- shared steps ----------------------------------------------------------

    def _stack_update(
        self, driver: type[HeatDriver], template: ClusterTemplate | None = None
    ) -> None:
        if not self.cluster.stack_id:
            raise OperationFailed("the cluster has no stack to update")
        wanted = self._parameters(driver, template)
        if operations.take_token(self.operation) is not None:
            current = stacks.read(heat.service_connection(), self.cluster.stack_id)
            already_sent = current.status.startswith("UPDATE_") and _same(
                current.parameters, wanted
            )
            if not already_sent:
                conn = self._user_connection()
                stack_id = self.cluster.stack_id
                self._heat_call(
                    lambda: conn.orchestration.update_stack(
                        stack_id,
                        template=driver.template_text(),
                        files=driver.template_files(),
                        parameters=wanted,
                        timeout_mins=self.cluster.create_timeout or None,
                    )
                )
            operations.erase_token(self.operation, self.conductor)
        self._follow("UPDATE", driver)

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
            NodeGroup.objects.filter(cluster_id=self.cluster.pk, is_default=True).update(
                status=f"{action}_COMPLETE", status_reason=None, stack_id=self.cluster.stack_id
            )

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
        service = heat.service_connection()
        while True:
            if not operations.renew(self.operation, self.conductor, self.lease):
                raise LeaseLost
            state = stacks.read(service, stack_id)
            if not state.in_progress:
                return state
            time.sleep(self.poll)

    def _fail(self, action: str, reason: str, faults: dict[str, str] | None = None) -> None:
        status = f"{action}_FAILED"
        LOG.info("cluster %s: %s: %s", self.cluster.uuid, status, reason)
        with transaction.atomic():
            if not operations.finish(self.operation, self.conductor, False, reason):
                return
            Cluster.objects.filter(pk=self.cluster.pk).update(
                status=status, status_reason=reason, faults=faults or {}
            )
            NodeGroup.objects.filter(cluster_id=self.cluster.pk, is_default=True).update(
                status=status, status_reason=reason
            )

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
        extra = {}
        removing = (
            self.operation.params.get("nodes_to_remove")
            if self.operation.kind == "resize"
            else None
        )
        if removing and self.cluster.stack_id:
            outputs = stacks.read(heat.service_connection(), self.cluster.stack_id).outputs
            extra["nodes_to_remove"] = driver.removal_positions(outputs, list(removing))
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

    def _heat_call(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except (exceptions.HttpException, ks_exceptions.HttpError) as exc:
            status = getattr(exc, "status_code", None) or getattr(exc, "http_status", None)
            if (
                status == 401
                or isinstance(exc, ks_exceptions.Unauthorized)
                or (isinstance(exc, ks_exceptions.NotFound) and "token" in str(exc).lower())
            ):
                raise OperationFailed(
                    "the requester's Keystone token expired (or was revoked) before the "
                    "conductor could use it; repeat the request"
                ) from None
            details = getattr(exc, "details", None) or exc
            raise OperationFailed(f"Heat refused the request: {details}") from None

    def _stack_name(self) -> str:
        # Deterministic, so a conductor resuming after a crash finds the stack it made.
        return f"bay-{self.cluster.uuid}"


def _same(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Heat echoes parameters back as strings: compare them as strings."""
    return all(str(current.get(k)) == _as_heat_string(v) for k, v in wanted.items())


def _as_heat_string(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        import json

        return json.dumps(value)
    return str(value)
