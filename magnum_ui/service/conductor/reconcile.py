"""Removing what belongs to no bay: Heat stacks and local nodes that a crash or a race left.

Every ``[conductor] reconcile_interval`` seconds the conductor compares three
lists: Heat's stacks of every project named ``bay-<uuid>`` (what the conductor
names the stacks it makes), the bays recorded in the local driver's folder,
and the clusters in the database.  A stack whose bay is gone, or that its bay
no longer uses, is deleted; the local nodes of a bay that has neither a
cluster nor a stack are removed.  Nothing younger than ``reconcile_grace``
is touched, nor anything of a cluster with an operation under way.

The lists are read in that order on purpose: a stack is made only after its
cluster's row, so a stack listed before the rows are read has its row among
them unless the bay was deleted meanwhile.

Each removal is logged and kept on the conductor's row (``/v1/mservices``
shows the newest few), with what was removed and why.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.utils import timezone
from keystoneauth1 import exceptions as ks_exceptions

from magnum_ui.service import conf
from magnum_ui.service.drivers.local import nodes
from magnum_ui.service.drivers.local import options as local_options
from magnum_ui.service.heat import client as heat
from magnum_ui.service.models import Cluster, ConductorService, Operation
from magnum_ui.service.models.operations import UNFINISHED

LOG = logging.getLogger(__name__)
STACK_NAME = re.compile(r"^bay-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
GONE = ("DELETE_IN_PROGRESS", "DELETE_COMPLETE")
KEPT = 20  # removals /v1/mservices shows, newest first


@dataclass(frozen=True)
class Removal:
    kind: str  # "stack" or "local nodes"
    name: str
    project: str | None
    reason: str

    def __str__(self) -> str:
        owner = f" of project {self.project}" if self.project else ""
        return f"{self.kind} {self.name}{owner}: {self.reason}"


@dataclass(frozen=True)
class Clusters:
    """What the database says, read after Heat and the local folder."""

    stacks: dict[str, str | None]  # uuid -> the stack id the cluster uses
    busy: set[str]  # uuids with an operation under way

    @classmethod
    def read(cls) -> Clusters:
        stacks = dict(Cluster.objects.values_list("uuid", "stack_id"))
        busy = Operation.objects.filter(state__in=UNFINISHED).values_list(
            "cluster__uuid", flat=True
        )
        return cls(stacks=stacks, busy=set(busy))


def stray_stacks(
    stacks: Iterable[dict[str, Any]], clusters: Clusters, now: datetime, grace: float
) -> list[tuple[dict[str, Any], str]]:
    """The stacks to delete, each with the reason."""
    found = []
    for stack in stacks:
        named = STACK_NAME.match(str(stack.get("stack_name", "")))
        if not named or stack.get("stack_status") in GONE or _age(stack, now) < grace:
            continue
        uuid = named[1]
        if uuid in clusters.busy:
            continue
        if uuid not in clusters.stacks:
            found.append((stack, "its bay is gone"))
        elif clusters.stacks[uuid] not in (None, stack.get("id")):
            found.append((stack, f"its bay uses stack {clusters.stacks[uuid]}"))
    return found


def stray_local_bays(
    recorded: dict[str, float], live_stacks: set[str] | None, clusters: Clusters,
    now: datetime, grace: float,
) -> list[str]:  # fmt: skip
    """The local bays (cluster uuids) to remove: no cluster, no stack that could still own them.

    ``live_stacks`` is None when Heat could not be asked: a missing cluster is then enough.
    """
    return [
        uuid
        for uuid, when in recorded.items()
        if uuid not in clusters.stacks
        and (live_stacks is None or uuid not in live_stacks)
        and now.timestamp() - when >= grace
    ]


def _age(stack: dict[str, Any], now: datetime) -> float:
    stamp = stack.get("updated_time") or stack.get("creation_time")
    if not stamp:
        return 0.0
    when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=now.tzinfo)
    return (now - when).total_seconds()


def nodes_dir() -> Path:
    configured = conf.CONF.local_driver.nodes_dir
    return Path(configured) if configured else local_options.root_from_environ(os.environ)


class Reconciler:
    """One pass at a time; a pass never raises (what fails is logged and tried next time)."""

    def __init__(self, host: str, binary: str) -> None:
        self.host, self.binary = host, binary
        self.grace: float = conf.CONF.conductor.reconcile_grace
        self._policy_warned = False

    def run_once(self) -> list[Removal]:
        now = timezone.now()
        service = heat.service_connection()
        stacks = self._stacks(service)
        root = nodes_dir()
        recorded = self._local_bays(root)
        clusters = Clusters.read()
        removed: list[Removal] = []
        for stack, reason in stray_stacks(stacks or [], clusters, now, self.grace):
            removed += self._delete_stack(service, stack, reason)
        live = None if stacks is None else _uuids_of(stacks)
        for uuid in stray_local_bays(recorded, live, clusters, now, self.grace):
            removed += self._delete_local_bay(root, uuid)
        self._record(now, removed)
        return removed

    def _stacks(self, service: Any) -> list[dict[str, Any]] | None:
        """Every project's stacks, or None when Heat refuses or does not answer."""
        try:
            # raise_exc: openstacksdk's proxies hand back a refusal as a response otherwise.
            response = service.orchestration.get(
                "/stacks", params={"global_tenant": True}, raise_exc=True
            )
            return list(response.json()["stacks"])
        except Exception as exc:
            if isinstance(exc, ks_exceptions.Forbidden):
                if not self._policy_warned:
                    LOG.warning("reconciliation: Heat does not list every project's stacks to "
                                "this service (policy stacks:global_index): stray stacks are "
                                "not looked for")  # fmt: skip
                    self._policy_warned = True
            else:
                LOG.warning("reconciliation: cannot list Heat's stacks: %s", exc)
            return None

    @staticmethod
    def _local_bays(root: Path) -> dict[str, float]:
        if not root.is_dir():
            return {}
        try:
            return nodes.list_bays(root)
        except Exception as exc:
            LOG.warning("reconciliation: cannot read the local nodes in %s: %s", root, exc)
            return {}

    @staticmethod
    def _delete_stack(service: Any, stack: dict[str, Any], reason: str) -> list[Removal]:
        name, stack_id = stack["stack_name"], stack["id"]
        try:
            service.orchestration.delete(f"/stacks/{name}/{stack_id}", raise_exc=True)
        except Exception as exc:
            LOG.warning("reconciliation: cannot delete stack %s (%s): %s", name, stack_id, exc)
            return []
        removal = Removal("stack", f"{name} ({stack_id})", stack.get("project"), reason)
        LOG.warning("reconciliation: deleting %s", removal)
        return [removal]

    @staticmethod
    def _delete_local_bay(root: Path, uuid: str) -> list[Removal]:
        try:
            count = nodes.delete_bay(root, uuid)
        except Exception as exc:
            LOG.warning("reconciliation: cannot remove the local nodes of %s: %s", uuid, exc)
            return []
        removal = Removal("local nodes", f"{count} of bay {uuid}", None, "no bay and no stack")
        LOG.warning("reconciliation: removed %s", removal)
        return [removal]

    def _record(self, now: datetime, removed: list[Removal]) -> None:
        row = ConductorService.objects.filter(host=self.host, binary=self.binary).first()
        if row is None:
            return
        stamped = [asdict(r) | {"at": now.isoformat()} for r in removed]
        row.reconciled = (stamped + list(row.reconciled or []))[:KEPT]
        row.last_reconciled_at = now
        row.save(update_fields=["reconciled", "last_reconciled_at"])


def _uuids_of(stacks: Iterable[dict[str, Any]]) -> set[str]:
    """The bays these stacks (those not deleted yet) were made for."""
    named = (STACK_NAME.match(str(s.get("stack_name", ""))) for s in stacks
             if s.get("stack_status") != "DELETE_COMPLETE")  # fmt: skip
    return {m[1] for m in named if m}
