"""REST glue between the dashboard's AngularJS code and :mod:`..magnum`.

One module per resource; :func:`register` is called from
``DashboardConfig.ready()`` so the views are registered exactly once.  Each
view parses the request, calls one function of the API layer and returns.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions
from openstack_dashboard.api.rest import utils

MODULES = (
    "bay_models",
    "bays",
    "bay_actions",
    "nodegroups",
    "choices",
    "quotas",
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
