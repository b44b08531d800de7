"""The version documents: ``/`` and ``/v1`` (public, as in Magnum)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from magnum_ui.service.api import collections, microversions
from magnum_ui.service.api.declarations import LINKS, STR, Documented, Operation, obj, ref

RESOURCES = ("clustertemplates", "clusters", "baymodels", "bays")


def _version_entry(request: HttpRequest) -> dict[str, object]:
    return {
        "id": "v1",
        "status": "CURRENT",
        "min_version": microversions.format_version(microversions.MIN_VERSION),
        "max_version": microversions.format_version(microversions.MAX_VERSION),
        "links": [{"href": f"{collections.base_url(request)}/v1/", "rel": "self"}],
    }


def root(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "name": "OpenStack Magnum API",
            "description": "Magnum is an OpenStack project which aims to provide "
            "container cluster management.",
            "versions": [_version_entry(request)],
            "default_version": _version_entry(request),
        }
    )


def v1(request: HttpRequest) -> JsonResponse:
    body: dict[str, object] = {
        **_version_entry(request),
        "media_types": [
            {"base": "application/json", "type": "application/vnd.openstack.magnum.v1+json"}
        ],
    }
    for name in RESOURCES:
        body[name] = collections.link(request, name)
    return JsonResponse(body)


# fmt: off
VERSION = obj(
    ["id", "status", "min_version", "max_version", "links"],
    id=STR, status=STR, min_version=STR, max_version=STR, links=LINKS,
)
ROOT = obj(["versions", "default_version"], name=STR, description=STR,
           versions={"type": "array", "items": VERSION}, default_version=VERSION)
# fmt: on


def openapi() -> Documented:
    return Documented(
        [
            Operation("GET", "/", "Versions", "The API's versions", 200, ref("Versions"),
                      public=True),
            Operation("GET", "/v1", "Versions", "Version 1 and its resources", 200,
                      ref("Version"), public=True),
        ],
        {"Versions": ROOT, "Version": VERSION},
    )  # fmt: skip
