"""Small routing helpers shared by every resource module.

Each resource module exposes ``ROUTES`` (a list of ``re_path`` patterns);
``urls.py`` concatenates them.  Paths accept an optional trailing slash.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, re_path

from magnum_ui.service import errors
from magnum_ui.service.api import microversions
from magnum_ui.service.api.errors import error_response

View = Callable[..., HttpResponse]


def methods(**handlers: View) -> View:
    """Dispatch on the HTTP method; anything else is a 405 in Magnum's body."""

    def dispatch(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        handler = handlers.get(request.method or "")
        if handler is None:
            allowed = ", ".join(sorted(handlers))
            return error_response(
                405, f"Method {request.method} is not allowed here.", {"Allow": allowed}
            )
        return handler(request, *args, **kwargs)

    return dispatch


def require_version(request: HttpRequest, minimum: tuple[int, int], what: str) -> None:
    """404 for features newer than the microversion the client asked for (as Magnum)."""
    version: tuple[int, int] = request.api_version
    if version < minimum:
        raise errors.NotFound(
            f"{what} needs microversion {microversions.format_version(minimum)} or later; "
            f"the request asked for {microversions.format_version(version)}.",
        )


def collection_routes(naming: Any, views: Any) -> list[URLPattern]:
    """The list, detail, create, show, update and delete routes of one collection.

    ``views`` is the resource module: it has ``list_view``, ``create``,
    ``show``, ``update`` and ``delete``, each taking ``naming`` so one module
    serves both a collection and its seed-era twin.
    """
    name = naming.collection
    return [
        re_path(
            rf"^v1/{name}/?$",
            methods(
                GET=partial(views.list_view, naming=naming, detail=False),
                POST=partial(views.create, naming=naming),
            ),
        ),
        re_path(
            rf"^v1/{name}/detail/?$",
            methods(GET=partial(views.list_view, naming=naming, detail=True)),
        ),
        re_path(
            rf"^v1/{name}/(?P<ident>[^/]+)/?$",
            methods(
                GET=partial(views.show, naming=naming),
                PATCH=partial(views.update, naming=naming),
                DELETE=partial(views.delete, naming=naming),
            ),
        ),
    ]
