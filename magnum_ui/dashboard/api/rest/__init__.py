"""REST glue between the dashboard's AngularJS code and :mod:`..magnum`.

One module per resource; :func:`register` is called from
``DashboardConfig.ready()`` so the views are registered exactly once.  Each
view parses the request, calls one function of the API layer and returns.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views import generic
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions
from openstack_dashboard.api.rest import utils

from magnum_ui.dashboard.api import magnum

MODULES = (
    "bay_models",
    "bays",
    "bay_actions",
    "nodegroups",
    "choices",
    "quotas",
    "policy",
    "services",
    "stats",
    "workloads",
)

View = TypeVar("View", bound=Callable[..., Any])
T = TypeVar("T")

# The id part of a URL: a uuid or a name, never a slash.
ID = r"[^/]+"


def register() -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")


def service_errors(view: View) -> View:
    """Answer the browser with the service API's own status and reason.

    Horizon's ``ajax`` decorator knows only its own clients' exceptions; any
    other becomes a bare 500.  The service's error body carries a title and a
    detail a person can act on: the detail is what the user sees.
    """

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except magnum_exceptions.HttpError as exc:
            reason = exc.details or exc.message or str(exc)
            raise utils.AjaxError(exc.http_status or 500, reason) from exc
        except magnum_exceptions.InvalidAttribute as exc:
            # magnumclient refuses fields it does not know before sending anything.
            raise utils.AjaxError(400, str(exc)) from exc
        except keystone_exceptions.ConnectionError as exc:
            raise utils.AjaxError(
                503, f"The container-infra service cannot be reached: {exc}"
            ) from exc

    return wrapped  # type: ignore[return-value]


def revalidated(view: View) -> View:
    """A list the browser keeps, and asks for again with ``If-None-Match``.

    The answer carries a strong ETag (a digest of its body) and
    ``Cache-Control: private, no-cache``: the browser stores it and, when a
    live table lists again, sends the tag back; an unchanged list is then a
    304 with no body (the browser hands the stored one to the page), so a
    poll moves a few hundred bytes whatever the list's size.  Goes outside
    Horizon's ``ajax`` decorator, whose response it tags.
    """

    @functools.wraps(view)
    def wrapped(self: Any, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = view(self, request, *args, **kwargs)
        if response.status_code != 200:
            return response
        tag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        patch_cache_control(response, private=True, no_cache=True)
        response["ETag"] = tag
        return get_conditional_response(request, etag=tag, response=response) or response

    return wrapped  # type: ignore[return-value]


class _ResourceView(generic.View):
    # The resource's functions in api.magnum: <resource>_list, _create, _get, ...
    resource: ClassVar[str]

    def _api(self, action: str) -> Callable[..., Any]:
        # Looked up on each call, so that a test may replace the function.
        function: Callable[..., Any] = getattr(magnum, f"{self.resource}_{action}")
        return function


class CollectionView(_ResourceView):
    """Every object of a resource (GET; ``?limit=N``: the first N) and a new one (POST).

    GET answers ``{"items": [...], "more": bool}`` (``more``: there are others
    after a first page, which ``&sort_key=`` orders when the resource is
    ``sortable``), tagged for revalidation; POST answers 201 with the
    object.  Each is one function of :mod:`..magnum` named after ``resource``::

        @urls.register
        class Bays(CollectionView):
            url_regex = r"container_infra/bays/$"
            resource = "bay"  # magnum.bay_list, bay_create

    ``list_options`` adds the list function's other arguments from the query;
    ``created_at`` says where a new object is when it has no uuid.
    """

    # Whether a first page can be asked in an order (?limit=N&sort_key=...).
    sortable: ClassVar[bool] = False

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest) -> dict[str, Any]:
        first = first_page(request.GET.get("limit"))
        options = self.list_options(request)
        if first is not None and self.sortable:
            options["sort_key"] = sort_key(request.GET.get("sort_key"))
        listing = self._api("list")(request, first=first, **options)
        return {"items": listing.items, "more": listing.more}

    def list_options(self, request: HttpRequest) -> dict[str, Any]:
        return {}

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest) -> utils.CreatedResponse:
        created = self._api("create")(request, json_object(request.DATA))
        return utils.CreatedResponse(self.created_at(created), created)

    def created_at(self, created: dict[str, Any]) -> str:
        """The new object's URL: under the collection's, by uuid."""
        return f"/api/{self.url_regex.rstrip('$')}{created['uuid']}/"


class ItemView(_ResourceView):
    """One object of a resource: GET it, PATCH it with ``{field: value}``, DELETE it.

    Each is one function of :mod:`..magnum` named after ``resource``, called
    with the object's id from the URL (its one named group)::

        @urls.register
        class Bay(ItemView):
            url_regex = rf"container_infra/bays/(?P<bay_id>{ID})/$"
            resource = "bay"  # magnum.bay_get, bay_update, bay_delete
    """

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, **ident: str) -> dict[str, Any]:
        return dict(self._api("get")(request, *ident.values()))

    @utils.ajax(data_required=True)
    @service_errors
    def patch(self, request: HttpRequest, **ident: str) -> dict[str, Any]:
        changes = self.changes(json_object(request.DATA))
        return dict(self._api("update")(request, *ident.values(), changes))

    def changes(self, data: dict[str, Any]) -> dict[str, Any]:
        """What a PATCH body changes: all of it, unless the resource says otherwise."""
        return data

    @utils.ajax()
    @service_errors
    def delete(self, request: HttpRequest, **ident: str) -> None:
        self._api("delete")(request, *ident.values())


def json_object(data: Any) -> dict[str, Any]:
    """The request's JSON body, which must be an object (400 otherwise)."""
    if not isinstance(data, dict):
        raise utils.AjaxError(400, "The request body must be a JSON object.")
    return data


def field(data: dict[str, Any], name: str, kind: type[T]) -> T | None:
    """``data[name]`` if it is a ``kind``, None when absent or null; 400 otherwise."""
    value = data.get(name)
    if value is None:
        return None
    # bool is an int in Python, never a count in JSON.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise utils.AjaxError(400, f"{name} must be {_KIND_NAMES.get(kind, kind.__name__)}.")
    return value


def required(data: dict[str, Any], name: str, kind: type[T]) -> T:
    """As :func:`field`, and a 400 when the field is absent."""
    value = field(data, name, kind)
    if value is None:
        raise utils.AjaxError(400, f"{name} is required.")
    return value


_KIND_NAMES = {
    int: "an integer",
    str: "a string",
    list: "a list",
    dict: "an object",
    bool: "true or false",
}


def flag(value: str | None) -> bool:
    """A query-string boolean: "true"/"1"/"yes" are true, anything else false."""
    return (value or "").strip().lower() in ("true", "1", "yes")


# A table asks for at most this many items first (the service's own cap); the
# table page asks the same (content/table_page.py).
MOST_AT_ONCE = 1000


def first_page(value: str | None) -> int | None:
    """``?limit=N``: the first N items only (1 to 1,000); absent, every item.  400 otherwise."""
    if value is None:
        return None
    if not value.isdigit() or not 1 <= int(value) <= MOST_AT_ONCE:
        raise utils.AjaxError(400, f"limit must be a whole number from 1 to {MOST_AT_ONCE}.")
    return int(value)


def sort_key(value: str | None) -> str | None:
    """``&sort_key=``: a field name (the service says which it sorts by), or None."""
    if value is None:
        return None
    if not re.fullmatch(r"[a-z_]{1,64}", value):
        raise utils.AjaxError(400, "sort_key must be a field name.")
    return value
