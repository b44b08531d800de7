"""``/v1/quotas``: how many clusters each project may have.

Admins create, change and delete quotas; a project's readers may look at
their own.  Quotas have no uuid: they are addressed by (project_id, resource)
and paged by their integer ``id``, as in Magnum.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import re_path
from oslo_utils import strutils

from magnum_ui.service import errors, patches, policies, quotas, schemas
from magnum_ui.service.api import bodies, collections, context
from magnum_ui.service.api.declarations import (
    Documented,
    Operation,
    collection,
    paging,
    query,
    record,
    ref,
)
from magnum_ui.service.api.routing import methods
from magnum_ui.service.models import Quota

RESOURCES = (quotas.CLUSTER,)

_PROJECT_ID = {"type": "string", "minLength": 1, "maxLength": 64}
_RESOURCE = {"enum": list(RESOURCES)}
# Magnum accepts limits from 1 up; a project is kept at zero by deleting its clusters.
_HARD_LIMIT = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}

# What POST /v1/quotas accepts (magnumclient sends all three).
CREATE_SCHEMA = schemas.body(
    ["project_id"], project_id=_PROJECT_ID, resource=_RESOURCE, hard_limit=_HARD_LIMIT
)
# PATCH takes the quota itself, as magnumclient sends it, or an RFC 6902 patch.
UPDATE_SCHEMA: dict[str, Any] = {**CREATE_SCHEMA, "required": ["hard_limit"]}

FIELDS = ("id", "project_id", "resource", "hard_limit", "created_at", "updated_at")
SORTABLE = ("project_id", "resource", "hard_limit", "created_at", "updated_at")
DEFAULT_HARD_LIMIT = 1  # Magnum's, when a POST names none


def serialize(quota: Quota) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(quota, name)
        body[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return body


def list_view(request: HttpRequest) -> JsonResponse:
    ctx = context.get(request)
    policies.authorize(ctx, "quota:get_all")
    every_project = ctx.is_admin and _flag(request, "all_tenants")
    queryset = Quota.objects.all()
    if not every_project:
        queryset = queryset.filter(project_id=ctx.project_id)
    # paginate() finds markers by "uuid"; a quota's marker is its id.
    queryset = queryset.annotate(uuid=Cast("id", output_field=CharField()))
    page = collections.paginate(request, queryset, SORTABLE, "quotas")
    body: dict[str, Any] = {"quotas": [serialize(quota) for quota in page.items]}
    if page.next_url:
        # Magnum forgets all_tenants on the next page; keeping it keeps the list whole.
        all_tenants = "&" + urllib.parse.urlencode({"all_tenants": True})
        body["next"] = page.next_url + (all_tenants if every_project else "")
    return JsonResponse(body)


def show(request: HttpRequest, project_id: str, resource: str) -> JsonResponse:
    policies.authorize(context.get(request), "quota:get", {"project_id": project_id})
    _check_resource(resource)
    quota = Quota.objects.filter(project_id=project_id, resource=resource).first()
    if quota is None:
        # No quota set: the default applies, reported without id or timestamps, as Magnum.
        return JsonResponse(
            {
                "project_id": project_id,
                "resource": resource,
                "hard_limit": quotas.default_cluster_limit(),
            }
        )
    return JsonResponse(serialize(quota))


def create(request: HttpRequest) -> JsonResponse:
    fields = schemas.validate(bodies.json_body(request), CREATE_SCHEMA)
    project_id = fields["project_id"]
    resource = fields.get("resource", quotas.CLUSTER)
    policies.authorize(context.get(request), "quota:create", {"project_id": project_id})
    try:
        with transaction.atomic():
            quota = Quota.objects.create(
                project_id=project_id,
                resource=resource,
                hard_limit=fields.get("hard_limit", DEFAULT_HARD_LIMIT),
            )
    except IntegrityError:
        raise errors.Conflict(
            f"Project {project_id} already has a {resource} quota; "
            f"change it with PATCH /v1/quotas/{project_id}/{resource}.",
        ) from None
    return JsonResponse(serialize(quota), status=201)


def update(request: HttpRequest, project_id: str, resource: str) -> JsonResponse:
    policies.authorize(context.get(request), "quota:update", {"project_id": project_id})
    _check_resource(resource)
    document = bodies.json_body(request)
    with transaction.atomic():
        quota = _find(project_id, resource)
        if isinstance(document, list):
            patch = schemas.validate_patch(document)
            current = {"hard_limit": quota.hard_limit}
            fields = schemas.validate(
                patches.apply(current, patch, ["hard_limit"], "Only"), UPDATE_SCHEMA
            )
        else:
            fields = schemas.validate(document, UPDATE_SCHEMA)
            _check_same(fields, "project_id", project_id)
            _check_same(fields, "resource", resource)
        quota.hard_limit = fields["hard_limit"]
        quota.save(update_fields=["hard_limit", "updated_at"])
    return JsonResponse(serialize(quota), status=202)


def delete(request: HttpRequest, project_id: str, resource: str) -> HttpResponse:
    policies.authorize(context.get(request), "quota:delete", {"project_id": project_id})
    _check_resource(resource)
    deleted, _ = Quota.objects.filter(project_id=project_id, resource=resource).delete()
    if not deleted:
        raise _not_found(project_id, resource)
    return HttpResponse(status=204)


def _find(project_id: str, resource: str) -> Quota:
    quota = (
        Quota.objects.select_for_update().filter(project_id=project_id, resource=resource).first()
    )
    if quota is None:
        raise _not_found(project_id, resource)
    return quota


def _not_found(project_id: str, resource: str) -> errors.NotFound:
    return errors.NotFound(
        f"Project {project_id} has no {resource} quota (the default of "
        f"{quotas.default_cluster_limit()} applies); create one with POST /v1/quotas.",
    )


def _check_resource(resource: str) -> None:
    if resource not in RESOURCES:
        raise errors.Invalid(f"Quotas exist only for {', '.join(RESOURCES)}, not for {resource!r}.")


def _check_same(fields: dict[str, Any], name: str, expected: str) -> None:
    """The body may repeat the URL's project_id and resource, never contradict them."""
    if name in fields and fields[name] != expected:
        raise errors.Invalid(
            f"The body names {name} {fields[name]!r} but the URL names {expected!r}."
        )


def _flag(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name)
    if raw is None:
        return False
    try:
        return bool(strutils.bool_from_string(raw, strict=True))
    except ValueError:
        raise errors.Invalid(f"{name} must be true or false, not {raw!r}.") from None


ROUTES = [
    re_path(r"^v1/quotas/?$", methods(GET=list_view, POST=create)),
    re_path(
        r"^v1/quotas/(?P<project_id>[^/]+)/(?P<resource>[^/]+)/?$",
        methods(GET=show, PATCH=update, DELETE=delete),
    ),
]


def openapi() -> Documented:
    from magnum_ui.service.models import Quota as Model
    from magnum_ui.service.patches import PATCH_SCHEMA

    one = "/v1/quotas/{project_id}/{resource}"
    quota = record(Model, FIELDS, links=False)
    return Documented(
        [
            Operation("GET", "/v1/quotas", "Quotas", "List quotas", 200,
                      collection("quotas", ref("Quota")),
                      query=[*paging(SORTABLE), query("all_tenants", {"type": "boolean"},
                                                      "Every project's (admins).")]),
            Operation("POST", "/v1/quotas", "Quotas", "Set a project's quota", 201,
                      ref("Quota"), body=ref("QuotaCreate")),
            Operation("GET", one, "Quotas", "A project's quota (or the default)", 200,
                      ref("QuotaOrDefault")),
            Operation("PATCH", one, "Quotas", "Change a project's quota", 202, ref("Quota"),
                      body=ref("QuotaUpdate")),
            Operation("DELETE", one, "Quotas",
                      "Remove a project's quota (the default applies again)", 204),
        ],
        {
            "QuotaCreate": CREATE_SCHEMA,
            "QuotaUpdate": {"oneOf": [UPDATE_SCHEMA, PATCH_SCHEMA]},
            "Quota": quota,
            # Without a quota of its own a project gets the default, which has no row.
            "QuotaOrDefault": {**quota, "required": ["project_id", "resource", "hard_limit"]},
        },
    )  # fmt: skip
