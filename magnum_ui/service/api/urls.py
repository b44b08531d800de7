"""Routes of the API.  Every route answers Magnum's error body on failure."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, re_path

from magnum_ui.service.api import cluster_templates, clusters, versions
from magnum_ui.service.api.errors import error_response
from magnum_ui.service.api.resources import Naming

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


def collection_routes(naming: Naming, list_view: Callable[..., JsonResponse]) -> list[URLPattern]:
    name = naming.collection
    return [
        re_path(
            rf"^v1/{name}/?$",
            methods(GET=partial(list_view, naming=naming, detail=False)),
            name=f"{name}-list",
        ),
        re_path(
            rf"^v1/{name}/detail/?$",
            methods(GET=partial(list_view, naming=naming, detail=True)),
            name=f"{name}-detail",
        ),
    ]


urlpatterns = [
    re_path(r"^$", methods(GET=versions.root), name="root"),
    re_path(r"^v1/?$", methods(GET=versions.v1), name="v1"),
    *collection_routes(cluster_templates.CURRENT, cluster_templates.list_view),
    *collection_routes(cluster_templates.SEED_ERA, cluster_templates.list_view),
    *collection_routes(clusters.CURRENT, clusters.list_view),
    *collection_routes(clusters.SEED_ERA, clusters.list_view),
]


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(404, f"The resource {request.path} could not be found.")


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(500, "The service hit an unexpected error; see its log.")


handler404 = not_found
handler500 = server_error
