"""Swarm bays: services, tasks and nodes through the Docker Engine API of the bay's manager.

The ``docker`` SDK (7.2) speaks API 1.41 over TLS with the service's client
certificate (:mod:`.credentials`); ``trust_env`` is off so that proxies and
``REQUESTS_CA_BUNDLE`` never replace the bay's CA.  Every call has the
timeouts of :data:`~.base.TIMEOUT`.  Items are plain dicts shaped as the
API contract says (``docs/api/README.md``); ``raw`` is the Engine's object.
"""

from __future__ import annotations

import re
from typing import Any

import docker
import requests

from magnum_ui.service import conf
from magnum_ui.service.workloads import images, manifests
from magnum_ui.service.workloads.base import (
    NO_CONNECTION,
    TIMED_OUT,
    TIMEOUT,
    TLS_FAILED,
    Adapter,
    BadManifest,
    Conflict,
    Created,
    Invalid,
    Item,
    LogQuery,
    NotFound,
    capitalized,
    iso,
    last_lines,
    unreachable,
)
from magnum_ui.service.workloads.credentials import Credentials, written

API_VERSION = "1.41"
_DIGEST = re.compile(r"@sha256:[0-9a-f]+$")
_STREAM_HEADER = 8  # Docker's multiplexed log frames: 1 byte stream, 3 zero, 4 length


class SwarmAdapter(Adapter):
    coe = "swarm"
    kinds = ("services", "tasks", "nodes")
    scalable = ("services",)
    deletable = ("services",)
    with_logs = ("tasks",)

    def __init__(self, credentials: Credentials):
        super().__init__(credentials)
        self._client: docker.DockerClient | None = None
        self._resources.callback(self._close)

    def _close(self) -> None:
        if self._client is not None:
            self._client.close()

    @property
    def api(self) -> docker.APIClient:
        """The low-level client, made on first use (no call to the bay until then)."""
        if self._client is None:
            files = self._resources.enter_context(written(self._credentials))
            tls: Any = False
            if files is not None:
                tls = docker.tls.TLSConfig(
                    client_cert=(files.cert, files.key), ca_cert=files.ca, verify=True
                )
            client = docker.DockerClient(
                base_url=self._credentials.server, tls=tls, version=API_VERSION, timeout=TIMEOUT
            )
            client.api.trust_env = False
            self._client = client
        return self._client.api

    # -- reading --

    @staticmethod
    def _ready(node: Item) -> bool:
        return node.get("state") == "ready"

    def _list(self, kind: str, namespace: str | None) -> list[Item]:
        if kind == "services":
            services = self._call("listing services", self.api.services, status=True)
            problems = images.service_problems(
                services, self._call("listing tasks", self.api.tasks), registry_address()
            )
            return [{**service_item(s), "problem": problems.get(s.get("ID"))} for s in services]
        if kind == "nodes":
            return [node_item(n) for n in self._call("listing nodes", self.api.nodes)]
        return self._task_items(self._call("listing tasks", self.api.tasks))

    def _get(self, kind: str, name: str, namespace: str | None) -> Item:
        if kind == "services":
            raw = self._service(name)
            found = self._call(
                "reading the service", self.api.services, filters={"id": raw["ID"]}, status=True
            )
            status = next((s for s in found if s["ID"] == raw["ID"]), raw)
            tasks = self._call("listing its tasks", self.api.tasks, filters={"service": raw["ID"]})
            problem = images.service_problems([raw], tasks, registry_address()).get(raw["ID"])
            return {**service_item(status), "problem": problem, "raw": raw}
        if kind == "nodes":
            raw = self._call(f"reading node {name}", self.api.inspect_node, name)
            return {**node_item(raw), "raw": raw}
        task = self._task(name)
        return {**self._task_items([task])[0], "raw": task}

    def _logs(self, kind: str, name: str, query: LogQuery) -> tuple[list[str], bool]:
        task = self._task(name)
        params: dict[str, Any] = {"stdout": 1, "stderr": 1, "timestamps": 0, "tail": query.tail + 1}
        if query.since is not None:
            params["since"] = f"{query.since.timestamp():.6f}"

        def fetch() -> bytes:
            # The SDK has service logs but not task logs: the same endpoint shape.
            response = self.api._get(self.api._url("/tasks/{0}/logs", task["ID"]), params=params)
            self.api._raise_for_status(response)
            return bytes(response.content)

        body = self._call(f"reading the logs of task {name}", fetch)
        tty = task.get("Spec", {}).get("ContainerSpec", {}).get("TTY", False)
        text = (body if tty else demultiplex(body)).decode("utf-8", errors="replace")
        return last_lines(text, query.tail)

    # -- writing --

    def _create(self, manifest: str) -> list[Created]:
        spec = manifests.swarm_service(manifest)
        mode = spec.get("mode", "replicated")
        container = docker.types.ContainerSpec(
            spec["image"],
            command=spec.get("command"),
            env=[f"{key}={_env(value)}" for key, value in (spec.get("env") or {}).items()] or None,
        )
        ports = [
            {
                "TargetPort": p["target"],
                "Protocol": p.get("protocol", "tcp"),
                "PublishMode": p.get("mode", "ingress"),
                **({"PublishedPort": p["published"]} if "published" in p else {}),
            }
            for p in spec.get("ports") or []
        ]
        self._call(
            f"creating service {spec['name']}",
            self.api.create_service,
            docker.types.TaskTemplate(container_spec=container),
            name=spec["name"],
            labels=spec.get("labels"),
            mode=docker.types.ServiceMode(
                mode, replicas=spec.get("replicas", 1) if mode == "replicated" else None
            ),
            endpoint_spec=docker.types.EndpointSpec(ports=ports) if ports else None,
        )
        return [Created(kind="services", name=spec["name"], image=spec["image"])]

    def _scale(self, kind: str, name: str, replicas: int, namespace: str | None) -> Item:
        raw = self._service(name)
        if "Replicated" not in raw["Spec"].get("Mode", {}):
            raise Invalid(f"Service {name} is global (one task per node): it cannot be scaled.")
        spec = raw["Spec"]
        # The stored spec is sent back as it is, with only the replicas changed.
        # docker-py's fetch_current_spec reads it with the defaults filled in:
        # Swarm then sees a new task template and replaces every task (a
        # rolling update, ~10 s a task) instead of only adding or removing some.
        self._call(
            f"scaling service {name}",
            self.api.update_service,
            raw["ID"],
            raw["Version"]["Index"],
            task_template=spec.get("TaskTemplate"),
            name=spec.get("Name"),
            labels=spec.get("Labels"),
            mode=docker.types.ServiceMode("replicated", replicas=replicas),
            update_config=spec.get("UpdateConfig"),
            rollback_config=spec.get("RollbackConfig"),
            endpoint_spec=spec.get("EndpointSpec"),
        )
        return self._get(kind, raw["ID"], namespace)

    def _delete(self, kind: str, name: str, namespace: str | None) -> None:
        self._call(f"deleting service {name}", self.api.remove_service, self._service(name)["ID"])

    # -- helpers --

    def _service(self, name: str) -> dict[str, Any]:
        raw: dict[str, Any] = self._call(f"reading service {name}", self.api.inspect_service, name)
        return raw

    def _task(self, name: str) -> dict[str, Any]:
        """A task by id, or by ``service.slot`` (``service.node-id`` for global services):
        the slot's current task, else its latest."""
        service, _, suffix = name.rpartition(".")
        if service and suffix:
            try:
                service_id = self._call(
                    f"reading service {service}", self.api.inspect_service, service
                )["ID"]
            except NotFound:
                service_id = None
            if service_id:
                tasks = self._call(
                    f"listing the tasks of {service}",
                    self.api.tasks,
                    filters={"service": service_id},
                )
                key = "Slot" if suffix.isdigit() else "NodeID"
                wanted = int(suffix) if suffix.isdigit() else suffix
                mine = [
                    t for t in tasks if t.get("ServiceID") == service_id and t.get(key) == wanted
                ]
                if not mine:
                    raise NotFound(f"Service {service} has no task {name}.")
                mine.sort(
                    key=lambda t: (
                        t.get("DesiredState") == "running",
                        t.get("Version", {}).get("Index", 0),
                    )
                )
                return dict(mine[-1])
        task: dict[str, Any] = self._call(f"reading task {name}", self.api.inspect_task, name)
        return task

    def _task_items(self, tasks: list[dict[str, Any]]) -> list[Item]:
        raw_services = self._call("listing services", self.api.services)
        services = {s["ID"]: s["Spec"]["Name"] for s in raw_services}
        nodes = {
            n["ID"]: n.get("Description", {}).get("Hostname")
            for n in self._call("listing nodes", self.api.nodes)
        }
        # Each task carries its service's image problem, for the bay's picture.
        problems = images.service_problems(raw_services, tasks, registry_address())
        return [
            {
                **task_item(t, services, nodes),
                "service_problem": problems.get(str(t.get("ServiceID", ""))),
            }
            for t in tasks
        ]

    def _call(self, what: str, function: Any, *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` with the SDK's errors turned into ours."""
        server = self._credentials.server
        try:
            return function(*args, **kwargs)
        except docker.errors.NotFound as exc:
            raise NotFound(f"{capitalized(what)}: {_explanation(exc)}.") from None
        except docker.errors.APIError as exc:
            detail, code = _explanation(exc), exc.status_code or 0
            if code == 409 or "out of sequence" in detail:
                raise Conflict(f"{capitalized(what)}: {detail}.") from None
            if 400 <= code < 500:
                error = BadManifest if what.startswith("creating") else Invalid
                raise error(f"{capitalized(what)}: the bay refused it: {detail}.") from None
            raise unreachable(what, "Docker", server, f"failed: {detail}") from None
        except requests.exceptions.Timeout:
            raise unreachable(what, "Docker", server, TIMED_OUT) from None
        except requests.exceptions.SSLError:
            raise unreachable(what, "Docker", server, TLS_FAILED) from None
        except (requests.exceptions.RequestException, docker.errors.DockerException, ValueError):
            raise unreachable(what, "Docker", server, NO_CONNECTION) from None


def registry_address() -> str | None:
    """The cloud's registry (``[registry] address``), which the problems name."""
    address: str | None = conf.CONF.registry.address
    return address


def service_item(raw: dict[str, Any]) -> Item:
    spec = raw.get("Spec", {})
    replicated = "Global" not in spec.get("Mode", {})
    status = raw.get("ServiceStatus") or {}
    desired = (
        spec.get("Mode", {}).get("Replicated", {}).get("Replicas", 1)
        if replicated
        else status.get("DesiredTasks")
    )
    ports = (raw.get("Endpoint") or {}).get("Ports") or spec.get("EndpointSpec", {}).get("Ports")
    return {
        "id": raw.get("ID"),
        "name": spec.get("Name"),
        "image": _image(spec.get("TaskTemplate", {}).get("ContainerSpec", {}).get("Image")),
        "mode": "replicated" if replicated else "global",
        "replicas": {"running": status.get("RunningTasks"), "desired": desired},
        "ports": [
            {
                "published": p.get("PublishedPort"),
                "target": p.get("TargetPort"),
                "protocol": p.get("Protocol", "tcp"),
                "mode": p.get("PublishMode", "ingress"),
            }
            for p in ports or []
        ],
        "update_status": (raw.get("UpdateStatus") or {}).get("State"),
        "created_at": iso(raw.get("CreatedAt")),
        "labels": spec.get("Labels") or {},
    }


def task_item(raw: dict[str, Any], services: dict[str, str], nodes: dict[str, str | None]) -> Item:
    status = raw.get("Status", {})
    service = services.get(raw.get("ServiceID", ""), raw.get("ServiceID"))
    slot = raw.get("Slot")
    return {
        "id": raw.get("ID"),
        "name": f"{service}.{slot if slot else raw.get('NodeID')}",
        "service": service,
        "service_id": raw.get("ServiceID"),
        "slot": slot,
        "node": nodes.get(raw.get("NodeID", "")),
        "node_id": raw.get("NodeID"),
        "state": status.get("State"),
        "desired_state": raw.get("DesiredState"),
        "error": status.get("Err"),
        "message": status.get("Message"),
        "image": _image(raw.get("Spec", {}).get("ContainerSpec", {}).get("Image")),
        "container_id": (status.get("ContainerStatus") or {}).get("ContainerID"),
        "started_at": iso(status.get("Timestamp")),
    }


def node_item(raw: dict[str, Any]) -> Item:
    description, status = raw.get("Description", {}), raw.get("Status", {})
    manager = raw.get("ManagerStatus") or {}
    address = status.get("Addr")
    if address in (None, "", "0.0.0.0") and manager.get("Addr"):  # noqa: S104 (a value read)
        address = manager["Addr"].rsplit(":", 1)[0]
    return {
        "id": raw.get("ID"),
        "name": description.get("Hostname"),
        "role": raw.get("Spec", {}).get("Role"),
        "availability": raw.get("Spec", {}).get("Availability"),
        "state": status.get("State"),
        "engine_version": description.get("Engine", {}).get("EngineVersion"),
        "address": address,
        "leader": bool(manager.get("Leader", False)),
    }


def demultiplex(body: bytes) -> bytes:
    """stdout and stderr frames of a non-TTY log stream, joined in order."""
    out, position = bytearray(), 0
    while position + _STREAM_HEADER <= len(body):
        length = int.from_bytes(body[position + 4 : position + _STREAM_HEADER], "big")
        start = position + _STREAM_HEADER
        out += body[start : start + length]
        position = start + length
    return bytes(out)


def _env(value: object) -> str:
    """YAML's ``true`` as the shell would write it, not Python's ``True``."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _image(image: str | None) -> str | None:
    return _DIGEST.sub("", image) if image else image


def _explanation(exc: docker.errors.APIError) -> str:
    return str(exc.explanation or exc).strip().rstrip(".")
