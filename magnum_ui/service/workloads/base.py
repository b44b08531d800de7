"""What every orchestrator adapter offers, the errors it raises, and the queries it takes.

An adapter serves a few *kinds* of workload (Swarm: services, tasks, nodes;
Kubernetes: pods, services, ...).  Each public method checks the kind and the
names, then calls the adapter's own ``_list`` / ``_get`` / ... for that kind,
so a new adapter only maps its orchestrator's objects::

    class NomadAdapter(Adapter):
        coe = "nomad"
        kinds = ("jobs", "allocations", "nodes")
        scalable, deletable, with_logs = ("jobs",), ("jobs",), ("allocations",)

        def _list(self, kind, namespace): return [self._summary(kind, j) for j in ...]
        ...

Errors say what happened in words a person can act on; they are the
service's own (:mod:`magnum_ui.service.errors`), which the API answers with
Magnum's error body.
"""

from __future__ import annotations

import abc
import datetime
import re
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Self

from magnum_ui.service import errors

if TYPE_CHECKING:
    from magnum_ui.service.workloads.credentials import Credentials

Item = dict[str, Any]

# (connect, read) seconds for every call to a bay: a dead bay answers 503 in
# about this long instead of hanging the request (urllib3 applies the connect
# timeout to the TLS handshake too).
TIMEOUT = (3.0, 4.0)
MAX_LIMIT = 10000
DEFAULT_TAIL = 200
MAX_TAIL = 5000

# Names as the orchestrators allow them (Swarm services and task ids; Kubernetes
# DNS subdomains): nothing that could change the meaning of a URL path.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}$")
NAMESPACE = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")


class WorkloadError(errors.ServiceError):
    """Something the caller should hear about; its kind says which refusal it is."""


class Invalid(WorkloadError, errors.Invalid):
    """A kind, name or parameter the adapter does not accept."""


class BadManifest(Invalid):
    """A manifest that cannot be created; the message names the field."""


class NotFound(WorkloadError, errors.NotFound):
    """No such workload in the bay."""


class Conflict(WorkloadError, errors.Conflict):
    """The bay cannot serve this now (not created yet, being deleted) or the name is taken."""


class Unreachable(WorkloadError, errors.Unavailable):
    """The bay's orchestrator did not answer in time, refused us, or failed."""


@dataclass(frozen=True)
class ListQuery:
    namespace: str | None = None
    name: str | None = None  # a substring of the names to keep
    limit: int | None = None

    def apply(self, items: list[Item]) -> list[Item]:
        """Filter by name, sort by namespace and name, cut at ``limit``."""
        kept = [i for i in items if not self.name or self.name in str(i.get("name", ""))]
        kept.sort(key=lambda i: (str(i.get("namespace") or ""), str(i.get("name", ""))))
        return kept[: self.limit] if self.limit else kept


@dataclass(frozen=True)
class LogQuery:
    tail: int = DEFAULT_TAIL
    since: datetime.datetime | None = None
    namespace: str | None = None
    container: str | None = None


@dataclass(frozen=True)
class Created:
    kind: str
    name: str
    namespace: str | None = None
    # The image a Swarm service runs (its create result says when the cloud's registry
    # lacks it); not part of the answer's "created" items.
    image: str | None = field(default=None, compare=False)


# How a bay's API failed us, for :func:`unreachable`.
TIMED_OUT = f"did not answer in time ({TIMEOUT[0]:g} s to connect, {TIMEOUT[1]:g} s to answer)"
TLS_FAILED = (
    "failed the TLS handshake (its certificate is not from the bay's CA, or it refused the "
    "service's)"
)
NO_CONNECTION = "cannot be reached (the connection was refused or broke)"


def unreachable(what: str, api: str, server: str, reason: str) -> Unreachable:
    """``Listing tasks: the bay's Docker API at https://10.0.0.5:2376 <reason>.``"""
    return Unreachable(f"{capitalized(what)}: the bay's {api} API at {server} {reason}.")


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def check_name(name: str, what: str = "name") -> str:
    if not NAME.match(name or "") or ".." in name:
        raise Invalid(
            f"{what} {name!r} is not a valid name: use letters, digits, '.', '_', ':' and '-', "
            "starting with a letter or digit (at most 253 characters)."
        )
    return name


def check_namespace(namespace: str) -> str:
    if not NAMESPACE.match(namespace or ""):
        raise Invalid(
            f"namespace {namespace!r} is not a valid Kubernetes namespace: lower-case letters, "
            "digits and '-', starting and ending with a letter or digit (at most 63)."
        )
    return namespace


def iso(timestamp: str | None) -> str | None:
    """An RFC 3339 time with at most microseconds (Docker writes nanoseconds, which
    browsers' ``Date`` does not read)."""
    if not timestamp:
        return None
    return re.sub(r"(\.\d{6})\d+", r"\1", timestamp)


def last_lines(text: str, tail: int) -> tuple[list[str], bool]:
    """The last ``tail`` lines of ``text``, and whether any were cut off."""
    lines = text.splitlines()
    return lines[-tail:] if tail else [], len(lines) > tail


class Adapter(AbstractContextManager["Adapter"], abc.ABC):
    """One bay's orchestrator, for the length of a request (``with`` closes its connections)."""

    coe: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    scalable: ClassVar[tuple[str, ...]] = ()
    deletable: ClassVar[tuple[str, ...]] = ()
    with_logs: ClassVar[tuple[str, ...]] = ()
    namespaced: ClassVar[bool] = False

    def __init__(self, credentials: Credentials):
        self._credentials = credentials
        # The credentials' files, and whatever else lives as long as the adapter.
        self._resources = ExitStack()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._resources.close()

    @classmethod
    def summary(cls) -> Item:
        return {"coe": cls.coe, "kinds": list(cls.kinds)}

    def list_items(self, kind: str, query: ListQuery) -> list[Item]:
        self._check_kind(kind)
        namespace = self._namespace(query.namespace, default=None)
        return query.apply(self._list(kind, namespace))

    def get(self, kind: str, name: str, namespace: str | None = None) -> Item:
        self._check_kind(kind)
        return self._get(kind, check_name(name), self._namespace(namespace))

    def logs(self, kind: str, name: str, query: LogQuery) -> Item:
        self._check_kind(kind, self.with_logs, "have logs")
        if query.container is not None:
            check_name(query.container, "container")
        query = replace(query, namespace=self._namespace(query.namespace))
        lines, truncated = self._logs(kind, check_name(name), query)
        return {"lines": lines, "truncated": truncated}

    def create(self, manifest: str) -> list[Created]:
        return self._create(manifest)

    def scale(self, kind: str, name: str, replicas: int, namespace: str | None = None) -> Item:
        self._check_kind(kind, self.scalable, "can be scaled")
        return self._scale(kind, check_name(name), replicas, self._namespace(namespace))

    def delete(self, kind: str, name: str, namespace: str | None = None) -> None:
        self._check_kind(kind, self.deletable, "can be deleted")
        self._delete(kind, check_name(name), self._namespace(namespace))

    def health(self) -> tuple[str, dict[str, Any]]:
        """``(health_status, health_status_reason)`` worded as Magnum's own monitor words them:
        ``{"api": "ok", "<node>.Ready": True, ...}`` for each node the orchestrator knows.
        HEALTHY when every node is ready; UNKNOWN, with why, when the orchestrator cannot be
        asked (its address may just be out of the service's reach)."""
        try:
            nodes = self._list("nodes", None)
        except WorkloadError as exc:
            return "UNKNOWN", {"api": exc.detail}
        reason: dict[str, Any] = {"api": "ok"}
        reason.update((f"{node['name']}.Ready", self._ready(node)) for node in nodes)
        healthy = bool(nodes) and all(self._ready(node) for node in nodes)
        return ("HEALTHY" if healthy else "UNHEALTHY"), reason

    def _check_kind(self, kind: str, allowed: tuple[str, ...] | None = None, how: str = "") -> None:
        if kind not in self.kinds:
            raise NotFound(
                f"{kind!r} is not a kind of workload of a {self.coe} bay; "
                f"use one of: {', '.join(self.kinds)}."
            )
        if allowed is not None and kind not in allowed:
            raise Invalid(f"Only {', '.join(allowed)} {how} on a {self.coe} bay, not {kind}.")

    def _namespace(self, namespace: str | None, default: str | None = "default") -> str | None:
        if not self.namespaced:
            return None
        return check_namespace(namespace) if namespace else default

    @staticmethod
    @abc.abstractmethod
    def _ready(node: Item) -> bool:
        """Whether a node, as ``list_items("nodes")`` gives it, is ready for work."""

    @abc.abstractmethod
    def _list(self, kind: str, namespace: str | None) -> list[Item]: ...

    @abc.abstractmethod
    def _get(self, kind: str, name: str, namespace: str | None) -> Item: ...

    @abc.abstractmethod
    def _logs(self, kind: str, name: str, query: LogQuery) -> tuple[list[str], bool]: ...

    @abc.abstractmethod
    def _create(self, manifest: str) -> list[Created]: ...

    @abc.abstractmethod
    def _scale(self, kind: str, name: str, replicas: int, namespace: str | None) -> Item: ...

    @abc.abstractmethod
    def _delete(self, kind: str, name: str, namespace: str | None) -> None: ...
