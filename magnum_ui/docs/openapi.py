"""The service API described in OpenAPI 3.1, from what each resource declares.

Each module of ``magnum_ui/service/api/`` declares the operations of its
routes and the schemas they use (request bodies are the JSON Schemas the
views validate with; responses the fields they serialize); this module, out of
the request path, gathers them through the service's URLconf and writes the
document: ``docs/api/openapi.json`` is its output (``python -m
magnum_ui.docs.openapi``, ``make docs``) and a test keeps the two equal.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from typing import Any

from django.urls import get_resolver

OPENAPI_VERSION = "3.1.0"
ERROR = {"$ref": "#/components/responses/Error"}
# fmt: off
COMPONENTS = {
    "securitySchemes": {"keystone": {"type": "apiKey", "in": "header", "name": "X-Auth-Token"}},
    "parameters": {"ApiVersion": {
        "name": "OpenStack-API-Version", "in": "header", "required": False,
        "description": "'container-infra 1.N' or 'container-infra latest'; "
        "without it the minimum applies.",
        "schema": {"type": "string"},
    }},
    "responses": {"Error": {
        "description": "Magnum's error body; detail says what went wrong.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }},
}
# fmt: on


def _parameters(op: Any) -> list[dict[str, Any]]:
    names = [part[1:-1] for part in op.path.split("/") if part.startswith("{")]
    path = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names
    ]
    version = [] if op.public else [{"$ref": "#/components/parameters/ApiVersion"}]
    return [*path, *op.query, *version]


def describe(op: Any) -> dict[str, Any]:
    ok: dict[str, Any] = {"description": "Done." if op.status != 202 else "Accepted."}
    if op.response is not None:
        ok["content"] = {"application/json": {"schema": op.response}}
    described: dict[str, Any] = {
        "operationId": op.operation_id,
        "tags": [op.tag],
        "summary": op.summary,
        "parameters": _parameters(op),
        "responses": {str(op.status): ok, **dict.fromkeys(op.errors, ERROR)},
    }
    if op.body is not None:
        described["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": op.body}},
        }
    if op.min_version is not None:
        described["x-openstack-min-microversion"] = "{}.{}".format(*op.min_version)
    if op.public:
        described["security"] = []
    return described


def build() -> dict[str, Any]:
    """The OpenAPI document (a new copy each call: tools may change what they are given)."""
    # The API's own declarations, reached the way Django reaches its URLconf.
    documented, low, high = get_resolver().urlconf_module.openapi()
    ops = documented.operations
    paths: dict[str, dict[str, Any]] = {}
    for op in ops:
        paths.setdefault(op.path, {})[op.method.lower()] = describe(op)
    version = _version(high)
    document = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Magnum UI container-infra API",
            "version": version,
            "description": "OpenStack Magnum's v1 API as the bundled service serves it. "
            f"Microversions {_version(low)} to "
            f"{version} are chosen with the OpenStack-API-Version header; "
            "x-openstack-min-microversion marks operations that need a later one.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "tags": [{"name": tag} for tag in dict.fromkeys(op.tag for op in ops)],
        "security": [{"keystone": []}],
        "paths": paths,
        "components": {"schemas": documented.schemas, **COMPONENTS},
    }
    return copy.deepcopy(document)


def _version(version: tuple[int, int]) -> str:
    return "{}.{}".format(*version)


def render() -> str:
    return json.dumps(build(), indent=2) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")
    import django

    django.setup()
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
