"""A stand-in for a bay's kube-apiserver: recorded responses served over HTTPS on 127.0.0.1.

No live Kubernetes API server runs in this repository's tests (none can be
installed on this machine).  This server answers the v1 and apps/v1 paths the
Kubernetes adapter uses with the JSON documents in ``recorded/`` — written in
the exact shape kube-apiserver v1.30 answers (PodList, ServiceList,
EndpointsList, ReplicationControllerList, DeploymentList, NodeList,
NamespaceList, ``Status`` errors, pod log text) — and keeps creates, scales
and deletes in memory, as the API server would.  It speaks TLS with a
certificate from the bay's CA and demands a client certificate from it, so the
adapter's real credentials are exercised.

Namespaces with a meaning: ``locked`` answers the recorded 403, ``broken`` the
recorded 500, and ``slow`` does not answer until the server stops (timeouts).
"""

from __future__ import annotations

import copy
import datetime
import json
import re
import ssl
import tempfile
import threading
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).parent / "recorded"
# resource -> (API prefix, fixture, namespaced)
RESOURCES = {
    "namespaces": ("api/v1", "namespaces.json", False),
    "nodes": ("api/v1", "nodes.json", False),
    "pods": ("api/v1", "pods.json", True),
    "services": ("api/v1", "services.json", True),
    "endpoints": ("api/v1", "endpoints.json", True),
    "replicationcontrollers": ("api/v1", "replicationcontrollers.json", True),
    "deployments": ("apis/apps/v1", "deployments.json", True),
}
PATH = re.compile(
    r"^/(?P<prefix>api/v1|apis/apps/v1)(?:/namespaces/(?P<namespace>[^/]+))?"
    r"/(?P<resource>[a-z]+)(?:/(?P<name>[^/]+))?(?:/(?P<sub>log|scale))?$"
)
SPECIAL = {"locked": "status-403.json", "broken": "status-500.json"}


def recorded(name: str) -> Any:
    return json.loads((RECORDED / name).read_text())


class RecordedKubernetes:
    """``with RecordedKubernetes(ca, cert, key) as api:`` serves at ``api.url`` until the end."""

    def __init__(self, ca_pem: str, cert_pem: str, key_pem: str):
        self.lists = {name: recorded(fixture) for name, (_, fixture, _) in RESOURCES.items()}
        self.requests: list[dict[str, Any]] = []
        self.released = threading.Event()
        self._lock = threading.Lock()
        self._pem = (ca_pem, cert_pem, key_pem)
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> RecordedKubernetes:
        ca_pem, cert_pem, key_pem = self._pem
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "cert.pem").write_text(cert_pem)
            (Path(folder) / "key.pem").write_text(key_pem)
            context.load_cert_chain(f"{folder}/cert.pem", f"{folder}/key.pem")
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cadata=ca_pem)
        api = self

        class Handler(_Handler):
            server_api = api

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(
            self._server.socket, server_side=True, do_handshake_on_connect=False
        )
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def seen(self, method: str, path_part: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == method and path_part in r["path"]]

    # -- what the API server does --

    def answer(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        match = PATH.match(path)
        if match is None or match["resource"] not in RESOURCES:
            return 404, _status(404, "NotFound", "the server could not find the requested resource")
        resource, namespace, name = match["resource"], match["namespace"], match["name"]
        if namespace in SPECIAL:
            status = recorded(SPECIAL[namespace])
            return status["code"], status
        if namespace == "slow":
            self.released.wait(30)
            return 504, _status(504, "Timeout", "the server was released")
        with self._lock:
            if method == "GET" and name is None:
                return 200, self._list(resource, namespace)
            if method == "POST" and name is None:
                return self._create(resource, namespace, body)
            found = self._find(resource, namespace, name)
            if found is None:
                return 404, _not_found(resource, name or "")
            if match["sub"] == "log":
                return self._log(found, query)
            if match["sub"] == "scale" and method == "PATCH":
                return self._scale(resource, found, body)
            if method == "DELETE":
                self.lists[resource]["items"].remove(found)
                return 200, _status(200, None, None, name=name, kind=resource, uid=_uid(found))
            return 200, {**_singular(self.lists[resource]), **found}

    def _list(self, resource: str, namespace: str | None) -> dict[str, Any]:
        listed = copy.deepcopy(self.lists[resource])
        if namespace:
            listed["items"] = [
                i for i in listed["items"] if i["metadata"].get("namespace") == namespace
            ]
        return dict(listed)

    def _find(self, resource: str, namespace: str | None, name: str | None) -> Any:
        for item in self.lists[resource]["items"]:
            meta = item["metadata"]
            if meta["name"] == name and meta.get("namespace") == namespace:
                return item
        return None

    def _create(self, resource: str, namespace: str | None, body: Any) -> tuple[int, Any]:
        name = body["metadata"]["name"]
        if self._find(resource, namespace, name) is not None:
            status = recorded("status-409.json")
            group = ".apps" if resource == "deployments" else ""
            status["message"] = f'{resource}{group} "{name}" already exists'
            status["details"].update(name=name, kind=resource)
            return 409, status
        if resource == "pods" and not (body.get("spec") or {}).get("containers"):
            status = recorded("status-422.json")
            status["message"] = f'Pod "{name}" is invalid: spec.containers: Required value'
            status["details"]["name"] = name
            return 422, status
        created = copy.deepcopy(body)
        created.pop("kind", None), created.pop("apiVersion", None)
        created["metadata"].update(
            uid=str(uuid.uuid4()),
            resourceVersion="48300",
            creationTimestamp=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            **({"namespace": namespace} if namespace else {}),
        )
        self.lists[resource]["items"].append(created)
        return 201, {**_singular(self.lists[resource]), **created}

    def _scale(self, resource: str, found: Any, body: Any) -> tuple[int, Any]:
        replicas = int(body["spec"]["replicas"])
        found["spec"]["replicas"] = replicas
        meta = found["metadata"]
        return 200, {
            "kind": "Scale",
            "apiVersion": "autoscaling/v1",
            "metadata": {
                k: meta[k]
                for k in ("name", "namespace", "uid", "resourceVersion", "creationTimestamp")
            },
            "spec": {"replicas": replicas},
            "status": {
                "replicas": found.get("status", {}).get("replicas", 0),
                "selector": ",".join(f"{k}={v}" for k, v in _selector(found).items()),
            },
        }

    def _log(self, pod: Any, query: dict[str, str]) -> tuple[int, Any]:
        containers = [c["name"] for c in pod["spec"]["containers"]]
        if len(containers) > 1 and "container" not in query:
            return 400, recorded("status-400-container.json")
        lines = (RECORDED / "pod-log.txt").read_text().splitlines(keepends=True)
        if "tailLines" in query:
            lines = lines[-int(query["tailLines"]) :]
        text = "".join(lines).encode()
        if "limitBytes" in query:
            text = text[: int(query["limitBytes"])]
        return 200, text


class _Handler(BaseHTTPRequestHandler):
    server_api: RecordedKubernetes

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test asserts on ``requests`` instead."""

    def _serve(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        peer = self.connection.getpeercert() or {}
        subject = {k: v for rdn in peer.get("subject", ()) for k, v in rdn}
        self.server_api.requests.append(
            {
                "method": self.command,
                "path": url.path,
                "query": query,
                "body": body,
                "content_type": self.headers.get("Content-Type"),
                "client": subject,
            }
        )
        status, answer = self.server_api.answer(self.command, url.path, query, body)
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        self.send_response(status)
        kind = "text/plain" if isinstance(answer, bytes) else "application/json"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = _serve


def _singular(listed: dict[str, Any]) -> dict[str, str]:
    return {"kind": listed["kind"].removesuffix("List"), "apiVersion": listed["apiVersion"]}


def _selector(found: Any) -> dict[str, str]:
    selector = found["spec"].get("selector") or {}
    return dict(selector.get("matchLabels", selector))


def _uid(found: Any) -> str:
    return str(found["metadata"].get("uid"))


def _status(code: int, reason: str | None, message: str | None, **details: str) -> dict[str, Any]:
    status: dict[str, Any] = {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Success" if code < 400 else "Failure",
    }
    if message:
        status["message"] = message
    if reason:
        status["reason"] = reason
    if details:
        status["details"] = details
    status["code"] = code
    return status


def _not_found(resource: str, name: str) -> dict[str, Any]:
    status: dict[str, Any] = recorded("status-404.json")
    group = ".apps" if resource == "deployments" else ""
    status["message"] = f'{resource}{group} "{name}" not found'
    status["details"] = {"name": name, "kind": resource}
    return status


@contextmanager
def kubernetes_bay(name: str = "kbay", project_id: str = "p-demo") -> Iterator[tuple[Any, Any]]:
    """A Kubernetes bay in the database whose API address is a :class:`RecordedKubernetes`.

    Needs the database and an ``[crypto] encryption_key`` (the bay's CA is made here).
    """
    from magnum_ui.service import certificates
    from magnum_ui.service.drivers.local import tls
    from tests.service.api.helpers import cluster, template

    tmpl = template(f"{name}-template", project_id=project_id, coe="kubernetes")
    bay = cluster(name, tmpl, project_id=project_id, api_address="https://127.0.0.1:1")
    key, csr = tls.new_key_and_csr("kube-apiserver", "127.0.0.1")
    cert = certificates.sign_csr(bay, csr)
    with RecordedKubernetes(certificates.ensure_ca(bay).cert_pem, cert, key) as server:
        bay.api_address = server.url
        bay.save(update_fields=["api_address"])
        yield bay, server
