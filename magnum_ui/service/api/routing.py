"""Small routing helpers shared by every resource module.

Each resource module exposes ``ROUTES`` (a list of ``re_path`` patterns);
``urls.py`` concatenates them.  Paths accept an optional trailing slash.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from magnum_ui.service.api import microversions
from magnum_ui.service.api.errors import ApiError, error_response

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
        raise ApiError(
            404,
            f"{what} needs microversion {microversions.format_version(minimum)} or later; "
            f"the request asked for {microversions.format_version(version)}.",
        )
