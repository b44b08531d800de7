"""The service API described in OpenAPI 3.1, built from what the views use.

Request bodies are the JSON Schemas the views validate with; response bodies
come from each resource's declared fields, typed by the model's columns. So
the description follows the code: ``docs/api/openapi.json`` is this module's
output (``python -m magnum_ui.service.api.openapi > docs/api/openapi.json``)
and a test keeps the two equal.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models

OPENAPI_VERSION = "3.1.0"
ERROR = {"$ref": "#/components/responses/Error"}
# fmt: off
UUID_BODY = {
    "type": "object", "required": ["uuid"], "additionalProperties": False,
    "properties": {"uuid": {"type": "string"}},
}
LINKS = {"type": "array", "items": {
    "type": "object", "required": ["href", "rel"],
    "properties": {"href": {"type": "string"}, "rel": {"type": "string"}},
}}
# JSON columns hold these shapes; every other column's type says what it holds.
JSON_COLUMNS: dict[str, dict[str, Any]] = {
    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
    "master_addresses": {"type": "array", "items": {"type": "string"}},
    "node_addresses": {"type": "array", "items": {"type": "string"}},
    "health_status_reason": {"type": "object"},
    "faults": {"type": "object"},
}
COLUMN_TYPES: tuple[tuple[type[Any], dict[str, Any]], ...] = (
    (models.ForeignKey, {"type": "string"}),  # the related object's uuid
    (models.BooleanField, {"type": "boolean"}),
    (models.IntegerField, {"type": "integer"}),
    (models.DateTimeField, {"type": "string", "format": "date-time"}),
    (models.CharField, {"type": "string"}),
    (models.TextField, {"type": "string"}),
)
# fmt: on
_LABEL_DIFF = JSON_COLUMNS["labels"]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    tag: str
    summary: str
    status: int
    response: dict[str, Any] | None = None
    body: dict[str, Any] | None = None
    query: Sequence[dict[str, Any]] = ()
    min_version: tuple[int, int] | None = None
    public: bool = False
    errors: tuple[str, ...] = ("4XX",)  # workload routes add 503: the bay did not answer

    @property
    def operation_id(self) -> str:
        words = self.path.strip("/").replace("{", "").replace("}", "").split("/")
        return "_".join([self.method.lower(), *[w for w in words if w]]) or self.method.lower()


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required: Sequence[str], closed: bool = False, **properties: Any) -> dict[str, Any]:
    """An object schema; ``closed`` ones may have no other properties."""
    schema: dict[str, Any] = {"type": "object", "required": list(required)}
    if closed:
        schema["additionalProperties"] = False
    return {**schema, "properties": properties}


def column(model: type[models.Model], name: str) -> dict[str, Any]:
    """The JSON Schema of one stored field as the API writes it."""
    field = model._meta.get_field(name)
    if isinstance(field, models.JSONField):
        schema = copy.deepcopy(JSON_COLUMNS[name])
    else:
        found = [kind for cls, kind in COLUMN_TYPES if isinstance(field, cls)]
        if not found:
            raise TypeError(f"{model.__name__}.{name}: no JSON type for {type(field).__name__}")
        schema = dict(found[0])
    if field.null and "type" in schema:
        schema["type"] = [schema["type"], "null"]
    return schema


def record(
    model: type[models.Model], fields: Sequence[str], renames: dict[str, str] | None = None,
    extra: dict[str, dict[str, Any]] | None = None, links: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """An object with exactly ``fields`` (renamed for the seed-era routes), typed by ``model``."""
    renames = renames or {}
    properties = {renames.get(name, name): column(model, name) for name in fields}
    properties.update(extra or {})
    if links:
        properties["links"] = LINKS
    return obj(list(properties), closed=True, **properties)


def renamed(schema: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """A request schema with the seed-era names of its fields."""
    result = copy.deepcopy(schema)
    result["properties"] = {renames.get(k, k): v for k, v in schema["properties"].items()}
    result["required"] = [renames.get(k, k) for k in schema.get("required", [])]
    return result


def collection(key: str, item: dict[str, Any]) -> dict[str, Any]:
    return obj([key], closed=True, **{key: {"type": "array", "items": item}, "next": STR})


def query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}  # fmt: skip


def paging(sortable: Sequence[str]) -> list[dict[str, Any]]:
    return [
        query("limit", {"type": "integer", "minimum": 1}, "Page size (capped by [api] max_limit)."),
        query("marker", {"type": "string"}, "The last object of the previous page."),
        query("sort_key", {"enum": ["id", *sortable]}, "The field to sort by."),
        query("sort_dir", {"enum": ["asc", "desc"]}, "The sort direction."),
    ]


def crud(
    base: str,
    tag: str,
    names: tuple[str, str],
    sortable: Sequence[str],
    created: tuple[int, dict[str, Any]],
    updated: tuple[int, dict[str, Any]],
    min_version: tuple[int, int] | None = None,
    list_query: Sequence[dict[str, Any]] = (),
) -> list[Operation]:
    """The six routes every resource family has: list, detail list, create, show, patch, delete."""
    summary_name, detail_name = names
    key = base.rsplit("/", 1)[-1]
    one = base + "/{ident}"
    listing = [*paging(sortable), *list_query]
    common: dict[str, Any] = {"tag": tag, "min_version": min_version}
    return [
        Operation("GET", base, summary=f"List {key}", status=200,
                  response=collection(key, ref(summary_name)), query=listing, **common),
        Operation("POST", base, summary=f"Create one of {key}", status=created[0],
                  response=created[1], body=ref(f"{detail_name}Create"), **common),
        Operation("GET", f"{base}/detail", summary=f"List {key} with every field", status=200,
                  response=collection(key, ref(detail_name)), query=listing, **common),
        Operation("GET", one, summary="Show one", status=200, response=ref(detail_name), **common),
        Operation("PATCH", one, summary="Change one (RFC 6902 JSON patch)", status=updated[0],
                  response=updated[1], body=ref("JsonPatch"), **common),
        Operation("DELETE", one, summary="Delete one", status=204, **common),
    ]  # fmt: skip


STR, INT = {"type": "string"}, {"type": "integer"}
CERTIFICATE = obj(
    ["cluster_uuid", "pem", "links"], cluster_uuid=STR, bay_uuid=STR, csr=STR, pem=STR, links=LINKS
)
STATS = obj(["clusters", "nodes"], closed=True, clusters=INT, nodes=INT)
VERSION = obj(
    ["id", "status", "min_version", "max_version", "links"],
    id=STR, status=STR, min_version=STR, max_version=STR, links=LINKS,
)  # fmt: skip
ROOT = obj(["versions", "default_version"], name=STR, description=STR,
           versions={"type": "array", "items": VERSION}, default_version=VERSION)  # fmt: skip
# fmt: off
ERROR_BODY = {
    "type": "object",
    "required": ["errors"],
    "properties": {"errors": {"type": "array", "minItems": 1, "items": {
        "type": "object",
        "required": ["code", "status", "title", "detail"],
        "properties": {
            "request_id": {"type": "string"}, "code": {"enum": ["client", "server"]},
            "status": {"type": "integer"}, "title": {"type": "string"},
            "detail": {"type": "string"}, "links": {"type": "array"},
        },
    }}},
}
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


def schemas() -> dict[str, dict[str, Any]]:
    """Every named schema: the views' own request schemas and the response records."""
    from magnum_ui.service import models as m
    from magnum_ui.service.api import (
        certificates,
        cluster_config,
        cluster_progress,
        clusters,
        drivers,
        mservices,
        nodegroups,
        patches,
        quotas,
        workloads,
    )
    from magnum_ui.service.api import cluster_templates as templates

    bay = clusters.SEED_ERA.renames
    nodegroup_extra: dict[str, dict[str, Any]] = {
        "cluster_id": {"type": "string"},
        **{f"labels_{how}": _LABEL_DIFF for how in ("overridden", "added", "skipped")},
    }
    quota = record(m.Quota, quotas.FIELDS, links=False)
    state = {"state": {"enum": ["up", "down"]}}
    return {
        "JsonPatch": patches.PATCH_SCHEMA,
        "ClusterTemplateCreate": templates.CREATE_SCHEMA,
        "ClusterTemplateSummary": record(m.ClusterTemplate, templates.VIEW.summary_fields),
        "ClusterTemplate": record(m.ClusterTemplate, templates.VIEW.detail_fields),
        "BayModelCreate": templates.CREATE_SCHEMA,
        "BayModelSummary": record(m.ClusterTemplate, templates.VIEW.summary_fields),
        "BayModel": record(m.ClusterTemplate, templates.VIEW.detail_fields),
        "ClusterCreate": clusters.CREATE_SCHEMA,
        "ClusterSummary": record(m.Cluster, clusters.VIEW.summary_fields),
        "Cluster": record(m.Cluster, clusters.VIEW.detail_fields),
        "ClusterResize": clusters.RESIZE_SCHEMA,
        "ClusterUpgrade": clusters.UPGRADE_SCHEMA,
        "BayCreate": renamed(clusters.CREATE_SCHEMA, bay),
        "BaySummary": record(m.Cluster, clusters.VIEW.summary_fields, bay),
        "Bay": record(m.Cluster, clusters.VIEW.detail_fields, bay),
        "Accepted": UUID_BODY,
        "ClusterConfig": cluster_config.RESPONSE_SCHEMA,
        "ClusterProgress": cluster_progress.RESPONSE_SCHEMA,
        "NodeGroupCreate": nodegroups.CREATE_SCHEMA,
        "NodeGroupSummary": record(m.NodeGroup, nodegroups.VIEW.summary_fields),
        "NodeGroup": record(m.NodeGroup, nodegroups.VIEW.detail_fields, extra=nodegroup_extra),
        "CertificateCreate": certificates.CREATE_SCHEMA,
        "Certificate": CERTIFICATE,
        "QuotaCreate": quotas.CREATE_SCHEMA,
        "QuotaUpdate": {"oneOf": [quotas.UPDATE_SCHEMA, patches.PATCH_SCHEMA]},
        "Quota": quota,
        # Without a quota of its own a project gets the default, which has no row.
        "QuotaOrDefault": {**quota, "required": ["project_id", "resource", "hard_limit"]},
        "Stats": STATS,
        "MService": record(m.ConductorService, mservices.FIELDS, extra=state, links=False),
        "Drivers": drivers.RESPONSE_SCHEMA,
        **workloads.OPENAPI_SCHEMAS,
        "Versions": ROOT,
        "Version": VERSION,
        "Error": ERROR_BODY,
    }


def operations() -> list[Operation]:
    """Every route of ``urls.urlpatterns`` with each method it answers."""
    from magnum_ui.service.api import cluster_templates as templates
    from magnum_ui.service.api import clusters, nodegroups, quotas, stats, workloads

    accepted = (202, ref("Accepted"))
    nodegroup = ref("NodeGroup")
    cluster_one = "/v1/clusters/{ident}"
    return [
        Operation("GET", "/", "Versions", "The API's versions", 200, ref("Versions"), public=True),
        Operation("GET", "/v1", "Versions", "Version 1 and its resources", 200, ref("Version"),
                  public=True),
        *crud("/v1/clustertemplates", "ClusterTemplates", ("ClusterTemplateSummary",
              "ClusterTemplate"), templates.VIEW.sortable, (201, ref("ClusterTemplate")),
              (200, ref("ClusterTemplate"))),
        *crud("/v1/baymodels", "BayModels", ("BayModelSummary", "BayModel"),
              templates.VIEW.sortable, (201, ref("BayModel")), (200, ref("BayModel"))),
        *crud("/v1/clusters", "Clusters", ("ClusterSummary", "Cluster"), clusters.VIEW.sortable,
              accepted, accepted),
        *crud("/v1/bays", "Bays", ("BaySummary", "Bay"), clusters.VIEW.sortable, accepted,
              accepted),
        Operation("POST", f"{cluster_one}/actions/resize", "Clusters",
                  "Change a worker node group's size", 202, ref("Accepted"),
                  body=ref("ClusterResize"), min_version=(1, 7)),
        Operation("GET", f"{cluster_one}/config", "Clusters",
                  "The cluster's client configuration, with a fresh client certificate",
                  200, ref("ClusterConfig")),
        Operation("GET", f"{cluster_one}/progress", "Clusters",
                  "How far the cluster's Heat stack has come: nodes, resources, latest events",
                  200, ref("ClusterProgress"), errors=("4XX", "503")),
        Operation("POST", f"{cluster_one}/actions/upgrade", "Clusters",
                  "Move a cluster to another template", 202, ref("Accepted"),
                  body=ref("ClusterUpgrade"), min_version=(1, 8)),
        *crud("/v1/clusters/{cluster_ident}/nodegroups", "NodeGroups",
              ("NodeGroupSummary", "NodeGroup"), nodegroups.VIEW.sortable, (202, nodegroup),
              (202, nodegroup), min_version=nodegroups.VERSION,
              list_query=[query("role", {"type": "string"}, "Only this role.")]),
        Operation("POST", "/v1/certificates", "Certificates", "Sign a CSR with a cluster's CA",
                  201, ref("Certificate"), body=ref("CertificateCreate")),
        Operation("GET", "/v1/certificates/{ident}", "Certificates", "A cluster's CA certificate",
                  200, ref("Certificate"),
                  query=[query("ca_cert_type", {"type": "string"}, "Which CA.")]),
        Operation("PATCH", "/v1/certificates/{ident}", "Certificates", "Replace a cluster's CA",
                  202, ref("Accepted")),
        Operation("GET", "/v1/quotas", "Quotas", "List quotas", 200,
                  collection("quotas", ref("Quota")),
                  query=[*paging(quotas.SORTABLE),
                         query("all_tenants", {"type": "boolean"}, "Every project's (admins).")]),
        Operation("POST", "/v1/quotas", "Quotas", "Set a project's quota", 201, ref("Quota"),
                  body=ref("QuotaCreate")),
        Operation("GET", "/v1/quotas/{project_id}/{resource}", "Quotas",
                  "A project's quota (or the default)", 200, ref("QuotaOrDefault")),
        Operation("PATCH", "/v1/quotas/{project_id}/{resource}", "Quotas",
                  "Change a project's quota", 202, ref("Quota"), body=ref("QuotaUpdate")),
        Operation("DELETE", "/v1/quotas/{project_id}/{resource}", "Quotas",
                  "Remove a project's quota (the default applies again)", 204),
        Operation("GET", "/v1/stats", "Stats", "How many clusters and nodes", 200, ref("Stats"),
                  min_version=(1, 4),
                  query=[query("project_id", {"type": "string"}, "This project (admins)."),
                         query("type", {"enum": list(stats.STAT_TYPES)}, "What to count.")]),
        Operation("GET", "/v1/mservices", "MServices", "The conductors and their state", 200,
                  collection("mservices", ref("MService"))),
        Operation("GET", "/v1/drivers", "Drivers",
                  "The installed drivers: what they build, their flavors, their bounds",
                  200, ref("Drivers")),
        *workloads.openapi_operations(),
    ]  # fmt: skip


def _parameters(op: Operation) -> list[dict[str, Any]]:
    names = [part[1:-1] for part in op.path.split("/") if part.startswith("{")]
    path = [
        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names
    ]
    version = [] if op.public else [{"$ref": "#/components/parameters/ApiVersion"}]
    return [*path, *op.query, *version]


def describe(op: Operation) -> dict[str, Any]:
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
    from magnum_ui.service.api import microversions

    ops = operations()
    paths: dict[str, dict[str, Any]] = {}
    for op in ops:
        paths.setdefault(op.path, {})[op.method.lower()] = describe(op)
    version = microversions.format_version(microversions.MAX_VERSION)
    document = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Magnum UI container-infra API",
            "version": version,
            "description": "OpenStack Magnum's v1 API as the bundled service serves it. "
            f"Microversions {microversions.format_version(microversions.MIN_VERSION)} to "
            f"{version} are chosen with the OpenStack-API-Version header; "
            "x-openstack-min-microversion marks operations that need a later one.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "tags": [{"name": tag} for tag in dict.fromkeys(op.tag for op in ops)],
        "security": [{"keystone": []}],
        "paths": paths,
        "components": {"schemas": schemas(), **COMPONENTS},
    }
    return copy.deepcopy(document)


def render() -> str:
    return json.dumps(build(), indent=2) + "\n"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magnum_ui.service.settings")
    import django

    django.setup()
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
