"""How each resource declares its routes for the API's OpenAPI description.

Every module of this package with routes has, beside its ``ROUTES``, an
``openapi()`` function returning its :class:`Documented` operations and named
schemas, built from what its views really use: the request schemas they
validate with (``clusters.CREATE_SCHEMA``, ...) and the fields they serialize,
typed by the model's columns::

    def openapi() -> Documented:
        return Documented(
            [Operation("GET", "/v1/stats", "Stats", "How many clusters and nodes", 200,
                       ref("Stats"), min_version=(1, 4))],
            {"Stats": STATS},
        )

``urls.openapi()`` gathers them; the document itself is written by
:mod:`magnum_ui.docs.openapi`, outside the request path.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from magnum_ui.service.patches import PATCH_SCHEMA
from magnum_ui.service.schemas import obj

UUID_BODY = obj(["uuid"], closed=True, uuid={"type": "string"})
# fmt: off
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
    "reconciled": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {k: {"type": ["string", "null"]}
                           for k in ("kind", "name", "project", "reason", "at")},
        },
    },
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
# fmt: on


@dataclass
class Documented:
    """A module's operations and the named schemas they refer to (``ref(name)``)."""

    operations: list[Operation]
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __add__(self, other: Documented) -> Documented:
        return Documented([*self.operations, *other.operations], {**self.schemas, **other.schemas})


# What every resource's operations share: the patch body, the 202 body, the error body.
COMMON_SCHEMAS = {"JsonPatch": PATCH_SCHEMA, "Accepted": UUID_BODY, "Error": ERROR_BODY}
