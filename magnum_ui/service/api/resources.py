"""How a stored resource becomes JSON, under its current and seed-era names.

A :class:`ResourceView` declares the fields of a resource once; the seed-era
routes (``/v1/baymodels``, ``/v1/bays``) reuse it with :class:`Naming`
renames, as Magnum served them before microversion 1.11.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, JsonResponse

from magnum_ui.service.api import collections


@dataclass(frozen=True)
class Naming:
    """The names one resource goes by on one family of routes."""

    collection: str  # JSON key of the list and the URL segment
    kind: str  # what a person calls one of them, in error messages
    renames: dict[str, str] = field(default_factory=dict)  # stored name -> wire name


@dataclass(frozen=True)
class ResourceView:
    summary_fields: Sequence[str]
    detail_fields: Sequence[str]
    sortable: Sequence[str]

    def serialize(
        self, request: HttpRequest, obj: Model, naming: Naming, detail: bool
    ) -> dict[str, Any]:
        names = self.detail_fields if detail else self.summary_fields
        body: dict[str, Any] = {}
        for name in names:
            value = _value(obj, name)
            body[naming.renames.get(name, name)] = value
        body["links"] = collections.link(request, f"{naming.collection}/{obj.uuid}")
        return body

    def list_response(
        self, request: HttpRequest, queryset: QuerySet[Any], naming: Naming, detail: bool
    ) -> JsonResponse:
        """One page of ``queryset`` in Magnum's collection format."""
        page = collections.paginate(request, queryset, self.sortable, naming.collection)
        items = [self.serialize(request, obj, naming, detail) for obj in page.items]
        body: dict[str, Any] = {naming.collection: items}
        if page.next_url:
            body["next"] = page.next_url
        return JsonResponse(body)


def _value(obj: Model, name: str) -> Any:
    if name == "cluster_template_id":
        return obj.cluster_template.uuid
    value = getattr(obj, name)
    if isinstance(value, datetime):
        return value.isoformat()
    return value
