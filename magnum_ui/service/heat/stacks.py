"""Reading a stack's state the way the cluster needs it: status, outputs, failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from keystoneauth1 import exceptions as ks_exceptions
from openstack import exceptions


@dataclass
class StackState:
    status: str  # e.g. CREATE_IN_PROGRESS, or GONE when Heat no longer knows the stack
    reason: str = ""
    outputs: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    updated_time: str | None = None

    @property
    def in_progress(self) -> bool:
        return self.status.endswith("_IN_PROGRESS")

    @property
    def failed(self) -> bool:
        return self.status.endswith("_FAILED")


class HeatUnavailable(Exception):
    """Heat did not answer, or answered 5xx: try again later."""


def read(conn: Any, stack_id: str) -> StackState:
    """The stack as Heat shows it now ("GONE" once deleted); HeatUnavailable when Heat is out."""
    try:
        stack = conn.orchestration.get_stack(stack_id)
    except exceptions.NotFoundException:
        return _deleted(conn, stack_id)
    except exceptions.HttpException as exc:
        if (getattr(exc, "status_code", None) or 0) >= 500:
            raise HeatUnavailable(str(exc)) from None
        raise
    except (ks_exceptions.ConnectionError, ks_exceptions.HttpServerError) as exc:
        # Heat (or Keystone, for the service's token) cannot be reached or is failing.
        raise HeatUnavailable(str(exc)) from None
    outputs = {o["output_key"]: o.get("output_value") for o in (stack.outputs or [])}
    return StackState(
        status=str(stack.status),
        reason=str(stack.status_reason or ""),
        outputs=outputs,
        parameters=dict(stack.parameters or {}),
        updated_time=stack.updated_at,
    )


def _deleted(conn: Any, stack_id: str) -> StackState:
    """A stack openstacksdk calls missing: gone, or deleted while Heat still cleans up.

    openstacksdk reports a DELETE_COMPLETE stack as missing.  Heat's convergence
    engine marks a stack DELETE_COMPLETE, then removes its credentials and
    domain project, which can still fail the delete ("Error deleting project":
    DELETE_FAILED, the stack kept); the stack is gone once Heat stamps its
    ``deletion_time`` (or no longer finds it).
    """
    try:
        response = conn.orchestration.get(f"/stacks/{stack_id}", raise_exc=False)
    except ks_exceptions.ConnectionError as exc:
        raise HeatUnavailable(str(exc)) from None
    if response.status_code >= 500:
        raise HeatUnavailable(f"Heat answered {response.status_code}")
    if response.status_code == 200:
        shown = response.json().get("stack") or {}
        if shown.get("stack_status") == "DELETE_COMPLETE" and not shown.get("deletion_time"):
            return StackState(status="DELETE_IN_PROGRESS", reason="removing its credentials")
    return StackState(status="GONE")


def failures(conn: Any, stack_id: str) -> dict[str, str]:
    """Failed resources -> Heat's reason, the innermost (most precise) first."""
    try:
        stack = conn.orchestration.get_stack(stack_id)
        resources = list(conn.orchestration.resources(stack, nested_depth=5))
    except exceptions.SDKException:
        return {}
    failed = [r for r in resources if str(r.status).endswith("_FAILED")]
    # Nested resources carry the real cause; their parents repeat it wrapped.
    failed.sort(key=lambda r: -len(getattr(r, "links", None) or []))
    return {str(r.name): str(r.status_reason or r.status) for r in failed}


def describe_failure(state: StackState, failed: dict[str, str]) -> str:
    """One sentence for status_reason: which resource failed and why."""
    if failed:
        name, reason = next(iter(failed.items()))
        return f"{name}: {reason}"
    return state.reason or f"the stack ended in {state.status}"
