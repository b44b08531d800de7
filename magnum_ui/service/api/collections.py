"""Collections: ``limit`` / ``marker`` / ``sort_key`` / ``sort_dir`` and the ``next`` link."""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest

from magnum_ui.service import errors
from magnum_ui.service.conf import CONF


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_url: str | None


def base_url(request: HttpRequest) -> str:
    """The API root clients see (``[api] public_url`` or the request's host)."""
    configured = CONF.api.public_url
    if configured:
        return str(configured).rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def link(request: HttpRequest, path: str) -> list[dict[str, str]]:
    """Magnum's self/bookmark pair for one object."""
    root = base_url(request)
    return [
        {"href": f"{root}/v1/{path}", "rel": "self"},
        {"href": f"{root}/{path}", "rel": "bookmark"},
    ]


def _limit(request: HttpRequest) -> int:
    raw = request.GET.get("limit")
    if raw is None:
        return int(CONF.api.max_limit)
    try:
        limit = int(raw)
    except ValueError:
        raise errors.Invalid(f"limit must be an integer, not {raw!r}.") from None
    if limit <= 0:
        raise errors.Invalid("limit must be a positive integer.")
    return min(limit, int(CONF.api.max_limit))


def paginate(
    request: HttpRequest,
    queryset: QuerySet[Any],
    sortable: Sequence[str],
    path: str,
) -> Page:
    """One page of ``queryset`` as the query string asks, with the next link."""
    limit = _limit(request)
    sort_key = request.GET.get("sort_key", "id")
    if sort_key not in sortable and sort_key != "id":
        allowed = ", ".join(["id", *sortable])
        raise errors.Invalid(f"sort_key {sort_key!r} is not one of: {allowed}.")
    sort_dir = request.GET.get("sort_dir", "asc")
    if sort_dir not in ("asc", "desc"):
        raise errors.Invalid(f"sort_dir must be asc or desc, not {sort_dir!r}.")
    prefix = "-" if sort_dir == "desc" else ""
    if sort_key in _BY_LOWER_CASE:
        queryset = queryset.annotate(**{_sorted_as(sort_key): Lower(sort_key)})
    ordered = queryset.order_by(f"{prefix}{_sorted_as(sort_key)}", f"{prefix}id")

    marker = request.GET.get("marker")
    if marker:
        marker_obj = ordered.filter(uuid=marker).first()
        if marker_obj is None:
            raise errors.Invalid(f"marker {marker} does not name an object in this list.")
        ordered = _after(ordered, marker_obj, sort_key, sort_dir)

    items = list(ordered[:limit])
    next_url = None
    if len(items) == limit:
        query = {"limit": limit, "marker": items[-1].uuid}
        if "sort_key" in request.GET:
            query["sort_key"] = sort_key
        if "sort_dir" in request.GET:
            query["sort_dir"] = sort_dir
        next_url = f"{base_url(request)}/v1/{path}?{urllib.parse.urlencode(query)}"
    return Page(items=items, next_url=next_url)


# Names sort as people (and the dashboard's tables, which compare them in
# lower case) expect: "alpha" before "Beta" before "gamma".
_BY_LOWER_CASE = frozenset({"name"})


def _sorted_as(sort_key: str) -> str:
    return f"{sort_key}_lower" if sort_key in _BY_LOWER_CASE else sort_key


def _after(queryset: QuerySet[Any], marker: Model, sort_key: str, sort_dir: str) -> QuerySet[Any]:
    """Rows strictly after ``marker`` in (sort_key, id) order."""
    key = _sorted_as(sort_key)
    value = getattr(marker, key)
    op = "lt" if sort_dir == "desc" else "gt"
    pk = marker.pk
    if sort_key == "id":
        return queryset.filter(**{f"id__{op}": pk})
    return queryset.filter(Q(**{f"{key}__{op}": value}) | Q(**{key: value, f"id__{op}": pk}))
