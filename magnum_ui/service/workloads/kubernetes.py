"""Kubernetes bays: namespaces, pods, services, replication controllers, deployments, nodes.

The official ``kubernetes`` client, configured from the kubeconfig that
``GET /v1/clusters/{id}/config`` gives users (:mod:`.credentials`), with
proxies from the environment ignored, no retries and the timeouts of
:data:`~.base.TIMEOUT`.  Answers are read as the API server's JSON
(``_preload_content=False``): summaries come from it and ``raw`` is it.

No Kubernetes API server can run on this project's CI machine: this adapter
is tested against recorded API responses served over HTTPS by a local
server (``tests/service/workloads/``), never against a live cluster.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import kubernetes.client
import urllib3
from kubernetes.client.exceptions import ApiException

from magnum_ui.service.workloads import manifests
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
    Unreachable,
    capitalized,
    last_lines,
    unreachable,
)
from magnum_ui.service.workloads.credentials import Credentials, written

MAX_LOG_BYTES = 8 * 1024 * 1024
MASTER_LABELS = ("node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master")


@dataclass(frozen=True)
class _Kind:
    """How one kind is reached: ``{verb}_namespaced_{resource}`` or ``{verb}_{resource}``."""

    api: str  # "core" or "apps"
    resource: str
    namespaced: bool
    summary: Callable[[dict[str, Any]], Item]


class KubernetesAdapter(Adapter):
    coe = "kubernetes"
    kinds = ("namespaces", "pods", "services", "replicationcontrollers", "deployments", "nodes")
    scalable = ("replicationcontrollers", "deployments")
    deletable = ("pods", "services", "replicationcontrollers", "deployments")
    with_logs = ("pods",)
    namespaced = True

    def __init__(self, credentials: Credentials):
        super().__init__(credentials)
        self._client: kubernetes.client.ApiClient | None = None
        self._resources.callback(self._close)

    def _close(self) -> None:
        if self._client is not None:
            self._client.close()

    def _api(self, which: str) -> Any:
        """CoreV1Api or AppsV1Api over one ApiClient, made on first use."""
        if self._client is None:
            config = kubernetes.client.Configuration()
            config.host = self._credentials.server
            files = self._resources.enter_context(written(self._credentials))
            if files is not None:
                config.ssl_ca_cert, config.cert_file, config.key_file = (
                    files.ca,
                    files.cert,
                    files.key,
                )
            config.verify_ssl = True
            # The bay is reached directly: never through a proxy from the environment.
            config.proxy = None
            config.retries = False
            self._client = kubernetes.client.ApiClient(config)
        if which == "apps":
            return kubernetes.client.AppsV1Api(self._client)
        return kubernetes.client.CoreV1Api(self._client)

    # -- reading --

    @staticmethod
    def _ready(node: Item) -> bool:
        return node.get("ready") is True

    def _list(self, kind: str, namespace: str | None) -> list[Item]:
        how = KINDS[kind]
        found = self._items(how, namespace, f"listing {kind}")
        if kind == "services":
            endpoints = self._items(KINDS["endpoints"], namespace, "listing endpoints")
            addresses = {
                (e["metadata"].get("namespace"), e["metadata"]["name"]): e for e in endpoints
            }
            return [
                service_item(
                    s, addresses.get((s["metadata"].get("namespace"), s["metadata"]["name"]))
                )
                for s in found
            ]
        return [how.summary(item) for item in found]

    def _get(self, kind: str, name: str, namespace: str | None) -> Item:
        how = KINDS[kind]
        raw = self._read(how, name, namespace, f"reading {kind} {name}")
        if kind == "services":
            try:
                endpoints = self._read(KINDS["endpoints"], name, namespace, "reading endpoints")
            except NotFound:
                endpoints = None
            return {**service_item(raw, endpoints), "raw": raw}
        return {**how.summary(raw), "raw": raw}

    def _logs(self, kind: str, name: str, query: LogQuery) -> tuple[list[str], bool]:
        options: dict[str, Any] = {"tail_lines": query.tail + 1, "limit_bytes": MAX_LOG_BYTES}
        if query.container:
            options["container"] = query.container
        if query.since is not None:
            age = datetime.datetime.now(datetime.UTC) - query.since
            options["since_seconds"] = max(1, int(age.total_seconds()))
        response = self._call(
            f"reading the logs of pod {name}",
            self._api("core").read_namespaced_pod_log,
            name,
            query.namespace,
            **options,
        )
        data = bytes(response.data)
        lines, truncated = last_lines(data.decode("utf-8", errors="replace"), query.tail)
        return lines, truncated or len(data) >= MAX_LOG_BYTES

    # -- writing --

    def _create(self, manifest: str) -> list[Created]:
        created: list[Created] = []
        for document in manifests.kubernetes_documents(manifest):
            kind = manifests.KUBERNETES_KINDS[document["kind"]][1]
            how, name = KINDS[kind], document["metadata"]["name"]
            namespace = document["metadata"].get("namespace") or "default"
            api = self._api(how.api)
            what = f"creating {document['kind']} {name}"
            if created:
                done = ", ".join(f"{c.kind} {c.name}" for c in created)
                what = f"{what} (after creating {done}, which stay)"
            if how.namespaced:
                method = getattr(api, f"create_namespaced_{how.resource}")
                self._call(what, method, namespace, document)
            else:
                self._call(what, getattr(api, f"create_{how.resource}"), document)
            created.append(Created(kind, name, namespace if how.namespaced else None))
        return created

    def _scale(self, kind: str, name: str, replicas: int, namespace: str | None) -> Item:
        how = KINDS[kind]
        method = getattr(self._api(how.api), f"patch_namespaced_{how.resource}_scale")
        self._call(
            f"scaling {kind} {name}", method, name, namespace, {"spec": {"replicas": replicas}}
        )
        return self._get(kind, name, namespace)

    def _delete(self, kind: str, name: str, namespace: str | None) -> None:
        how = KINDS[kind]
        method = getattr(self._api(how.api), f"delete_namespaced_{how.resource}")
        # Background: a controller's pods go with it (the API's default for an
        # old-style replication controller would orphan them).
        self._call(
            f"deleting {kind} {name}", method, name, namespace, propagation_policy="Background"
        )

    # -- helpers --

    def _items(self, how: _Kind, namespace: str | None, what: str) -> list[dict[str, Any]]:
        api = self._api(how.api)
        if not how.namespaced:
            response = self._call(what, getattr(api, f"list_{how.resource}"))
        elif namespace:
            response = self._call(what, getattr(api, f"list_namespaced_{how.resource}"), namespace)
        else:
            response = self._call(what, getattr(api, f"list_{how.resource}_for_all_namespaces"))
        items: list[dict[str, Any]] = _json(response, what).get("items") or []
        return items

    def _read(self, how: _Kind, name: str, namespace: str | None, what: str) -> dict[str, Any]:
        api = self._api(how.api)
        if how.namespaced:
            response = self._call(
                what, getattr(api, f"read_namespaced_{how.resource}"), name, namespace
            )
        else:
            response = self._call(what, getattr(api, f"read_{how.resource}"), name)
        return _json(response, what)

    def _call(self, what: str, method: Any, *args: Any, **kwargs: Any) -> Any:
        """One API call, read raw, with the client's errors turned into ours."""
        server = self._credentials.server
        try:
            return method(*args, _preload_content=False, _request_timeout=TIMEOUT, **kwargs)
        except ApiException as exc:
            raise _translated(exc, what, server) from None
        except urllib3.exceptions.NewConnectionError:  # a subclass of the timeout below
            raise unreachable(what, "Kubernetes", server, NO_CONNECTION) from None
        except urllib3.exceptions.TimeoutError:
            raise unreachable(what, "Kubernetes", server, TIMED_OUT) from None
        except urllib3.exceptions.SSLError:
            raise unreachable(what, "Kubernetes", server, TLS_FAILED) from None
        except (urllib3.exceptions.HTTPError, OSError):
            raise unreachable(what, "Kubernetes", server, NO_CONNECTION) from None


def _translated(exc: ApiException, what: str, server: str) -> Exception:
    if exc.status == 0:  # the client's own wrapping of a TLS failure
        return unreachable(what, "Kubernetes", server, TLS_FAILED)
    message = _status_message(exc)
    said = f"{capitalized(what)}: {message}"
    if exc.status == 404:
        return NotFound(f"{said}.")
    if exc.status == 409:
        return Conflict(f"{said}.")
    if exc.status in (400, 422):
        return (BadManifest if what.startswith("creating") else Invalid)(f"{said}.")
    if exc.status in (401, 403):
        return unreachable(
            what, "Kubernetes", server, f"refused the service's credentials: {message}"
        )
    return unreachable(what, "Kubernetes", server, f"failed (HTTP {exc.status}): {message}")


def _status_message(exc: ApiException) -> str:
    """The ``message`` of the API server's Status object, else the HTTP reason."""
    try:
        body = json.loads(exc.body or "")
        return str(body.get("message") or exc.reason).rstrip(".")
    except (ValueError, TypeError, AttributeError):
        return str(exc.reason or "no reason given").rstrip(".")


def _json(response: Any, what: str) -> dict[str, Any]:
    try:
        body = json.loads(response.data)
    except (ValueError, TypeError):
        raise Unreachable(f"{capitalized(what)}: the bay's answer is not JSON.") from None
    if not isinstance(body, dict):
        raise Unreachable(f"{capitalized(what)}: the bay's answer is not a JSON object.")
    return body


def _meta(raw: dict[str, Any], namespaced: bool = True) -> Item:
    meta = raw.get("metadata") or {}
    item = {"id": meta.get("uid"), "name": meta.get("name")}
    if namespaced:
        item["namespace"] = meta.get("namespace")
    return item


def _images(pod_spec: dict[str, Any] | None) -> list[str]:
    return [c.get("image") for c in (pod_spec or {}).get("containers") or []]


def namespace_item(raw: dict[str, Any]) -> Item:
    return {
        **_meta(raw, namespaced=False),
        "status": (raw.get("status") or {}).get("phase"),
        "created_at": (raw.get("metadata") or {}).get("creationTimestamp"),
    }


def pod_item(raw: dict[str, Any]) -> Item:
    spec, status = raw.get("spec") or {}, raw.get("status") or {}
    containers = status.get("containerStatuses") or []
    return {
        **_meta(raw),
        "phase": status.get("phase"),
        "ready": f"{sum(1 for c in containers if c.get('ready'))}/"
        f"{len(spec.get('containers') or [])}",
        "restarts": sum(int(c.get("restartCount") or 0) for c in containers),
        "node": spec.get("nodeName"),
        "ip": status.get("podIP"),
        "images": _images(spec),
        "created_at": (raw.get("metadata") or {}).get("creationTimestamp"),
    }


def service_item(raw: dict[str, Any], endpoints: dict[str, Any] | None = None) -> Item:
    spec = raw.get("spec") or {}
    addresses = [
        f"{address.get('ip')}:{port.get('port')}"
        for subset in (endpoints or {}).get("subsets") or []
        for address in subset.get("addresses") or []
        for port in subset.get("ports") or []
    ]
    return {
        **_meta(raw),
        "type": spec.get("type"),
        "cluster_ip": spec.get("clusterIP"),
        "ports": [
            {
                "port": p.get("port"),
                "target_port": p.get("targetPort"),
                "protocol": p.get("protocol"),
                "node_port": p.get("nodePort"),
            }
            for p in spec.get("ports") or []
        ],
        "selector": spec.get("selector") or {},
        "endpoints": addresses,
    }


def controller_item(raw: dict[str, Any]) -> Item:
    """A replication controller or a deployment (whose selector is ``matchLabels``)."""
    spec, status = raw.get("spec") or {}, raw.get("status") or {}
    selector = spec.get("selector") or {}
    if "matchLabels" in selector or "matchExpressions" in selector:
        selector = selector.get("matchLabels") or {}
    return {
        **_meta(raw),
        "replicas": {"desired": spec.get("replicas", 1), "ready": status.get("readyReplicas", 0)},
        "selector": selector,
        "images": _images((spec.get("template") or {}).get("spec")),
        "created_at": (raw.get("metadata") or {}).get("creationTimestamp"),
    }


def node_item(raw: dict[str, Any]) -> Item:
    labels = (raw.get("metadata") or {}).get("labels") or {}
    status = raw.get("status") or {}
    ready = any(
        c.get("type") == "Ready" and c.get("status") == "True"
        for c in status.get("conditions") or []
    )
    addresses = {a.get("type"): a.get("address") for a in status.get("addresses") or []}
    return {
        **_meta(raw, namespaced=False),
        "role": "master" if any(label in labels for label in MASTER_LABELS) else "worker",
        "ready": ready,
        "kubelet_version": (status.get("nodeInfo") or {}).get("kubeletVersion"),
        "address": addresses.get("InternalIP") or next(iter(addresses.values()), None),
    }


KINDS = {
    "namespaces": _Kind("core", "namespace", False, namespace_item),
    "pods": _Kind("core", "pod", True, pod_item),
    "services": _Kind("core", "service", True, service_item),
    "endpoints": _Kind("core", "endpoints", True, lambda raw: raw),
    "replicationcontrollers": _Kind("core", "replication_controller", True, controller_item),
    "deployments": _Kind("apps", "deployment", True, controller_item),
    "nodes": _Kind("core", "node", False, node_item),
}
