"""Manifests: the YAML or JSON text a user sends to create workloads, read and checked.

Checked before any call to the bay, so a mistake is a 400 naming the field
rather than a half-created set of objects.  What only the orchestrator can
judge (a Kubernetes pod spec, an image name) is left to it; its refusal comes
back as :class:`~magnum_ui.service.workloads.base.BadManifest` too.

A Swarm manifest is one service::

    name: web
    image: magnum-ui/busybox
    replicas: 3
    command: [sh, -c, "while true; do echo hello; sleep 1; done"]
    env: {GREETING: hello}
    ports: [{published: 8080, target: 80, protocol: tcp, mode: host}]
    labels: {tier: front}

A Kubernetes manifest is one or more documents (``---``) of the kinds in
:data:`KUBERNETES_KINDS`.
"""

from __future__ import annotations

from typing import Any

import yaml
from jsonschema.exceptions import best_match

from magnum_ui.service.schemas import Validator, describe
from magnum_ui.service.workloads.base import BadManifest

MAX_DOCUMENTS = 50
MAX_REPLICAS = 1000

_PORT = {"type": "integer", "minimum": 1, "maximum": 65535}
_TEXT = {"type": "string", "maxLength": 4096}
SWARM_SERVICE: dict[str, Any] = {
    "type": "object",
    "required": ["name", "image"],
    "additionalProperties": False,
    "properties": {
        # Docker's own rule for service names (63 characters: a DNS label).
        "name": {"type": "string", "pattern": r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$"},
        "image": {"type": "string", "minLength": 1, "maxLength": 512},
        "mode": {"enum": ["replicated", "global"]},
        "replicas": {"type": "integer", "minimum": 0, "maximum": MAX_REPLICAS},
        "command": {"type": "array", "items": _TEXT, "minItems": 1, "maxItems": 256},
        "env": {
            "type": "object",
            "propertyNames": {"pattern": r"^[A-Za-z_][A-Za-z0-9_]{0,254}$"},
            "additionalProperties": {"type": ["string", "number", "boolean"], "maxLength": 4096},
            "maxProperties": 256,
        },
        "ports": {
            "type": "array",
            "maxItems": 100,
            "items": {
                "type": "object",
                "required": ["target"],
                "additionalProperties": False,
                "properties": {
                    "published": _PORT,
                    "target": _PORT,
                    "protocol": {"enum": ["tcp", "udp", "sctp"]},
                    # Bays whose engines have no routing mesh (the local ones) need "host".
                    "mode": {"enum": ["ingress", "host"]},
                },
            },
        },
        "labels": {
            "type": "object",
            "additionalProperties": {"type": "string", "maxLength": 1024},
            "maxProperties": 100,
        },
    },
}

# kind -> (apiVersion, the adapter's kind)
KUBERNETES_KINDS = {
    "Namespace": ("v1", "namespaces"),
    "Pod": ("v1", "pods"),
    "Service": ("v1", "services"),
    "ReplicationController": ("v1", "replicationcontrollers"),
    "Deployment": ("apps/v1", "deployments"),
}
_DNS_SUBDOMAIN = r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$"
_DNS_LABEL = r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
KUBERNETES_DOCUMENT: dict[str, Any] = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata"],
    "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"enum": list(KUBERNETES_KINDS)},
        "metadata": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "pattern": _DNS_SUBDOMAIN},
                "namespace": {"type": "string", "pattern": _DNS_LABEL},
            },
        },
    },
}


def swarm_service(text: str) -> dict[str, Any]:
    """The one service spec of a Swarm manifest."""
    documents = _documents(text)
    if len(documents) != 1:
        raise BadManifest(
            f"Bad manifest: a Swarm manifest is one service, not {len(documents)} documents."
        )
    service: dict[str, Any] = _checked(documents[0], SWARM_SERVICE, "")
    if service.get("mode") == "global" and "replicas" in service:
        raise BadManifest("Bad manifest: replicas: a global service runs one task per node.")
    return service


def kubernetes_documents(text: str) -> list[dict[str, Any]]:
    """The objects of a Kubernetes manifest, in order, each checked for kind and name."""
    documents = _documents(text)
    if len(documents) > MAX_DOCUMENTS:
        raise BadManifest(f"Bad manifest: at most {MAX_DOCUMENTS} documents at once.")
    checked = []
    for number, document in enumerate(documents, start=1):
        where = f"document {number}: " if len(documents) > 1 else ""
        body = _checked(document, KUBERNETES_DOCUMENT, where)
        wanted = KUBERNETES_KINDS[body["kind"]][0]
        if body["apiVersion"] != wanted:
            raise BadManifest(
                f"Bad manifest: {where}apiVersion: a {body['kind']} is {wanted}, "
                f"not {body['apiVersion']!r}."
            )
        checked.append(body)
    return checked


def _documents(text: str) -> list[Any]:
    try:
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except RecursionError:
        raise BadManifest("Bad manifest: it is nested too deeply.") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        problem = getattr(exc, "problem", None) or "it cannot be parsed"
        raise BadManifest(f"Bad manifest: it is not YAML or JSON{line}: {problem}.") from None
    if not documents:
        raise BadManifest("Bad manifest: it is empty.")
    return documents


def _checked(document: Any, schema: dict[str, Any], where: str) -> dict[str, Any]:
    error = best_match(Validator(schema).iter_errors(document))
    if error is not None:
        raise BadManifest(f"Bad manifest: {where}{describe(error)}")
    if not isinstance(document, dict):
        raise BadManifest(f"Bad manifest: {where}it must be a mapping of fields.")
    return document
