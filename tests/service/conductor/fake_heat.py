"""An in-memory Heat: the part of openstacksdk's ``conn.orchestration`` the conductor uses.

A test scripts each stack: its statuses over successive reads (the last one
stays), its outputs, parameters and resources, and the exception a call raises.
Every call is recorded with the identity that made it (``user:<token>@<project>``
or ``service``), so a test asserts what the conductor sent, not what Heat said::

    heat = FakeHeat()
    heat.after_create = {"statuses": ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"],
                         "outputs": {"api_address": "tcp://10.0.0.2:2376"}}
    heat.raises["get_stack"] = http_error(503, "Service Unavailable")  # once
    heat.time_out_next_update(taken_after=2)  # Heat takes the update 2 reads later
    ...  # patch heat.client's user_connection / service_connection, run the code
    (created,) = heat.sent("create_stack")

Heat stamps a stack's ``updated_time`` when it takes an update.  Reads behave
as openstacksdk 4 does: ``get_stack`` of a missing or DELETE_COMPLETE stack
raises ``NotFoundException``; parameters come back as Heat 27 shows them
(``Parameter.__str__``: strings, a list comma-joined).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import requests
from keystoneauth1 import exceptions as ks_exceptions
from openstack import exceptions


@dataclass
class Resource:
    name: str
    status: str
    status_reason: str = ""
    # Heat's nested resources carry more links than their parents.
    links: list[str] = field(default_factory=list)


@dataclass
class Stack:
    id: str
    name: str
    statuses: list[str]
    outputs: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, str] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)
    reason: str = ""
    updated_time: str | None = None
    reads: int = 0
    # False: a DELETE_COMPLETE read is Heat still removing the stack's credentials
    # (no deletion_time yet), as Heat's convergence engine shows it for a moment.
    purged: bool = True

    @property
    def status(self) -> str:
        return self.statuses[min(self.reads, len(self.statuses) - 1)]

    def script(self, statuses: list[str], **fields: Any) -> None:
        """What the stack goes through from now on (after a create or an update)."""
        self.statuses, self.reads = list(statuses), 0
        for name, value in fields.items():
            setattr(self, name, value)


@dataclass(frozen=True)
class Call:
    identity: str
    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class FakeHeat:
    def __init__(self) -> None:
        self.stacks: dict[str, Stack] = {}
        self.calls: list[Call] = []
        self.raises: dict[str, Exception] = {}  # method -> raised by its next call
        self.convergence = True  # False: Heat's legacy engine, 409 while an action runs
        self.after_create: dict[str, Any] = {"statuses": ["CREATE_COMPLETE"]}
        self.after_update: dict[str, Any] = {"statuses": ["UPDATE_COMPLETE"]}
        self.after_delete: dict[str, Any] = {"statuses": ["DELETE_COMPLETE"]}
        # Called at each get_stack with the stack and the status that read shows.
        self.read_hooks: list[Callable[[Stack, str], None]] = []
        self.next_update_times_out = False
        self.next_update_taken_after: int | None = None
        self.held: list[tuple[int | None, Callable[[], None]]] = []  # (reads to go, take it)
        self.updates_taken = 0

    def time_out_next_update(self, taken_after: int | None) -> None:
        """The next update call times out, its outcome unknown to the caller, as when Heat
        holds the request; Heat takes the update right after ``taken_after`` more reads
        of the stack (0: at once, only the answer is lost; None: never, the request
        was lost)."""
        self.next_update_times_out, self.next_update_taken_after = True, taken_after

    def add(self, name: str, statuses: list[str], **fields: Any) -> Stack:
        stack = Stack(f"stack-{len(self.stacks) + 1}", name, list(statuses), **fields)
        self.stacks[stack.id] = stack
        return stack

    def sent(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    # -- what heat.client offers -----------------------------------------------

    def user_connection(self, token: str, project_id: str) -> Any:
        return SimpleNamespace(
            orchestration=Orchestration(self, f"user:{token}@{project_id}"),
            session=SimpleNamespace(get_token=lambda: f"scoped-{token}"),
        )

    def service_connection(self) -> Any:
        return SimpleNamespace(orchestration=Orchestration(self, "service"))


class Orchestration:
    def __init__(self, heat: FakeHeat, identity: str) -> None:
        self.heat, self.identity = heat, identity

    def _record(self, method: str, *args: Any, **kwargs: Any) -> None:
        self.heat.calls.append(Call(self.identity, method, args, kwargs))
        if method in self.heat.raises:
            raise self.heat.raises.pop(method)

    def _live(self, name_or_id: str) -> Stack | None:
        for stack in self.heat.stacks.values():
            if name_or_id in (stack.id, stack.name) and stack.status != "DELETE_COMPLETE":
                return stack
        return None

    def find_stack(self, name_or_id: str, ignore_missing: bool = True) -> Any:
        self._record("find_stack", name_or_id, ignore_missing=ignore_missing)
        stack = self._live(name_or_id)
        if stack is None and not ignore_missing:
            raise exceptions.NotFoundException(f"No Stack found for {name_or_id}")
        return None if stack is None else SimpleNamespace(id=stack.id, name=stack.name)

    def create_stack(
        self,
        preview: bool = False,
        *,
        name: str,
        template: str,
        files: dict[str, str] | None = None,
        parameters: dict[str, Any] | None = None,
        timeout_mins: int | None = None,
    ) -> Any:
        self._record(
            "create_stack", name=name, template=template, files=files,
            parameters=parameters, timeout_mins=timeout_mins,
        )  # fmt: skip
        stack = self.heat.add(name, ["CREATE_IN_PROGRESS"], parameters=_echo(parameters))
        stack.script(**self.heat.after_create)
        return SimpleNamespace(id=stack.id, name=name)

    def update_stack(self, stack: str, *, preview: bool = False, **attrs: Any) -> Any:
        self._record("update_stack", stack, **attrs)
        found = self._get(stack)
        if self.heat.next_update_times_out:
            self.heat.next_update_times_out = False
            reads = self.heat.next_update_taken_after
            if reads == 0:
                self._take_update(found, attrs)  # taken at once, the answer lost
            else:
                self.heat.held.append((reads, lambda: self._take_update(found, attrs)))
            raise ks_exceptions.ConnectTimeout(f"Request to .../stacks/{stack} timed out")
        return self._take_update(found, attrs)

    def _take_update(self, found: Stack, attrs: dict[str, Any]) -> Any:
        if found.status.endswith("_IN_PROGRESS") and not self.heat.convergence:
            raise http_error(409, f"Stack {found.name} is in {found.status} state")
        self.heat.updates_taken += 1
        found.updated_time = f"2026-12-05T08:00:{self.heat.updates_taken:02d}Z"
        if found.status.endswith("_IN_PROGRESS"):
            # As Heat 27's convergence engine (its default): the second update is
            # accepted and the running one cancelled, which can fail the stack.
            found.script(["UPDATE_FAILED"], reason="resources[0]: Stack UPDATE cancelled")
            return SimpleNamespace(id=found.id, name=found.name)
        found.script(**self.heat.after_update, parameters=_echo(attrs.get("parameters")))
        return SimpleNamespace(id=found.id, name=found.name)

    def delete_stack(self, stack: str, ignore_missing: bool = True) -> None:
        self._record("delete_stack", stack, ignore_missing=ignore_missing)
        found = self._live(stack)
        if found is None:
            if not ignore_missing:
                raise exceptions.NotFoundException(f"No Stack found for {stack}")
            return
        found.script(**self.heat.after_delete)

    def get_stack(self, stack: str) -> Any:
        self._record("get_stack", stack)
        found = self._get(stack)
        status, updated_time = found.status, found.updated_time
        found.reads += 1
        for hook in self.heat.read_hooks:
            hook(found, status)
        self._count_down_held()
        if status == "DELETE_COMPLETE":
            raise exceptions.NotFoundException(f"No stack found for {stack}")
        return SimpleNamespace(
            id=found.id, name=found.name, status=status, status_reason=found.reason,
            outputs=[{"output_key": k, "output_value": v} for k, v in found.outputs.items()],
            parameters=dict(found.parameters), updated_at=updated_time,
        )  # fmt: skip

    def get(self, path: str, raise_exc: bool = True) -> Any:
        """A raw GET of /stacks/<id>: what openstacksdk hides of a DELETE_COMPLETE stack."""
        self._record("get", path)
        found = self.heat.stacks.get(path.rsplit("/", 1)[-1])
        if found is None:
            return SimpleNamespace(status_code=404, json=dict)
        status = found.statuses[min(max(found.reads - 1, 0), len(found.statuses) - 1)]
        deleted = status == "DELETE_COMPLETE" and found.purged
        shown = {
            "stack_status": status,
            "deletion_time": "2026-12-05T08:46:00Z" if deleted else None,
        }
        return SimpleNamespace(status_code=200, json=lambda: {"stack": shown})

    def _count_down_held(self) -> None:
        """A held update is taken once its reads have passed (right after that read)."""
        waiting = []
        for reads, take in self.heat.held:
            if reads is not None and reads <= 1:
                take()
            else:
                waiting.append((None if reads is None else reads - 1, take))
        self.heat.held = waiting

    def resources(self, stack: Any, **query: Any) -> list[Resource]:
        stack_id = getattr(stack, "id", stack)
        self._record("resources", stack_id, **query)
        return list(self._get(stack_id).resources)

    def _get(self, stack_id: str) -> Stack:
        if stack_id not in self.heat.stacks:
            raise exceptions.NotFoundException(f"No stack found for {stack_id}")
        return self.heat.stacks[stack_id]


def _echo(parameters: dict[str, Any] | None) -> dict[str, str]:
    """Parameters as Heat 27's stack show returns them (``Parameter.__str__``)."""
    shown = {}
    for name, value in (parameters or {}).items():
        if isinstance(value, list):
            shown[name] = ",".join(str(item) for item in value)  # comma_delimited_list
        elif isinstance(value, dict):
            shown[name] = json.dumps(value)
        else:
            shown[name] = str(value)  # a boolean shows as "True"
    return shown


def http_error(status: int, message: str) -> exceptions.HttpException:
    """The exception openstacksdk raises for Heat's error body with this status and message."""
    response = requests.Response()
    response.status_code = status
    response.url = "http://heat.example/v1/p-demo/stacks"
    response.headers["Content-Type"] = "application/json"
    error = {"type": "HTTPException", "message": message, "traceback": None}
    response._content = json.dumps({"code": status, "error": error}).encode()
    try:
        exceptions.raise_from_response(response)
    except exceptions.HttpException as exc:
        return exc
    raise AssertionError(f"openstacksdk raised nothing for HTTP {status}")
