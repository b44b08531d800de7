"""The service's own way into a bay's orchestrator: a client certificate from the bay's CA.

The material is what ``GET /v1/clusters/{id}/config`` hands a user
(:func:`magnum_ui.service.client_config.files`: Swarm's ``ca.pem`` /
``cert.pem`` / ``key.pem``, Kubernetes' kubeconfig), issued afresh for each
request to the CN ``magnum-ui-workloads``.  The key lives in memory and, while
a client library needs files, in a private temporary folder removed when the
request is done; it is never logged (``repr`` shows the server only).
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CLIENT_NAME = "magnum-ui-workloads"


@dataclass(frozen=True, repr=False)
class Credentials:
    """Where the orchestrator answers and, unless the bay has TLS disabled, the PEM texts."""

    server: str  # https://host:port, or http://host:port for a bay without TLS
    ca_pem: str | None = None
    cert_pem: str | None = None
    key_pem: str | None = None

    def __repr__(self) -> str:
        return f"Credentials(server={self.server!r}, tls={self.ca_pem is not None})"


@dataclass(frozen=True)
class Files:
    ca: str
    cert: str
    key: str


def for_cluster(cluster: Any) -> Credentials:
    """Fresh credentials for ``cluster`` (a :class:`~magnum_ui.service.models.Cluster`)."""
    from magnum_ui.service import client_config

    address = cluster.api_address or ""
    if cluster.cluster_template.tls_disabled:
        return Credentials(server=_with_scheme(address, "http"))
    files = client_config.files(cluster, CLIENT_NAME)
    if "config" in files:
        return from_kubeconfig(files["config"])
    return Credentials(
        server=_with_scheme(address, "https"),
        ca_pem=files["ca.pem"],
        cert_pem=files["cert.pem"],
        key_pem=files["key.pem"],
    )


def from_kubeconfig(text: str) -> Credentials:
    """The server, CA, certificate and key of a kubeconfig's current context (embedded data)."""
    config = yaml.safe_load(text)
    context = _named(config, "contexts", config["current-context"])["context"]
    cluster = _named(config, "clusters", context["cluster"])["cluster"]
    user = _named(config, "users", context["user"])["user"]

    def decoded(section: dict[str, Any], key: str) -> str | None:
        value = section.get(key)
        return base64.b64decode(value).decode() if value else None

    return Credentials(
        server=cluster["server"],
        ca_pem=decoded(cluster, "certificate-authority-data"),
        cert_pem=decoded(user, "client-certificate-data"),
        key_pem=decoded(user, "client-key-data"),
    )


@contextmanager
def written(credentials: Credentials) -> Iterator[Files | None]:
    """The PEM texts as files readable by this process only, removed afterwards."""
    if credentials.ca_pem is None:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="magnum-ui-workloads-")  # mode 0700
    try:
        paths = {}
        for name, text in (
            ("ca.pem", credentials.ca_pem),
            ("cert.pem", credentials.cert_pem),
            ("key.pem", credentials.key_pem),
        ):
            path = Path(folder) / name
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(text or "")
            paths[name] = str(path)
        yield Files(ca=paths["ca.pem"], cert=paths["cert.pem"], key=paths["key.pem"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _with_scheme(address: str, scheme: str) -> str:
    """``tcp://10.0.0.5:2376`` (Docker's way of writing it) as ``https://10.0.0.5:2376``."""
    for prefix in ("tcp://", "http://", "https://"):
        if address.startswith(prefix):
            return f"{scheme}://{address.removeprefix(prefix)}"
    return f"{scheme}://{address}"


def _named(config: dict[str, Any], section: str, name: str) -> dict[str, Any]:
    for entry in config.get(section) or []:
        if entry.get("name") == name:
            return dict(entry)
    raise KeyError(f"the kubeconfig has no {section} entry named {name!r}")
