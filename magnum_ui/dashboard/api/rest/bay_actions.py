"""``/api/container_infra/bays/<id>/...``: what can be done to one bay.

Resize, upgrade, the progress of its Heat stack, its image registry, its
certificates and the download of its client configuration.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, field, json_object, required, service_errors

BAY = rf"container_infra/bays/(?P<bay_id>{ID})"


# What the body of each change to a bay may hold: field → (type, required).
CHANGES: dict[str, dict[str, tuple[type, bool]]] = {
    "resize": {"node_count": (int, True), "nodes_to_remove": (list, False),
               "nodegroup": (str, False)},
    "upgrade": {"cluster_template": (str, True), "max_batch_size": (int, False),
                "nodegroup": (str, False)},
}  # fmt: skip


@urls.register
class BayChange(generic.View):
    """POST ``resize/`` or ``upgrade/``: the body's fields (``CHANGES``) → the bay.

    They are passed by name to ``magnum.bay_resize`` or ``magnum.bay_upgrade``.
    """

    url_regex = rf"{BAY}/(?P<change>{'|'.join(CHANGES)})/$"

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest, bay_id: str, change: str) -> dict[str, Any]:
        data = json_object(request.DATA)
        given = {
            name: (required if must else field)(data, name, kind)
            for name, (kind, must) in CHANGES[change].items()
        }
        changed: dict[str, Any] = getattr(magnum, f"bay_{change}")(request, bay_id, **given)
        return changed


# What can be read of a bay besides itself, each one ``magnum.bay_<part>``: the
# progress of its Heat stack, and the image registry its nodes use.
PARTS = ("progress", "registry")


@urls.register
class BayPart(generic.View):
    """GET ``progress/`` or ``registry/`` of a bay."""

    url_regex = rf"{BAY}/(?P<part>{'|'.join(PARTS)})/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str, part: str) -> dict[str, Any]:
        read: dict[str, Any] = getattr(magnum, f"bay_{part}")(request, bay_id)
        return read


@urls.register
class BayCertificate(generic.View):
    url_regex = rf"{BAY}/certificate/$"

    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        """``{"pem": ...}``: the bay's CA certificate."""
        return magnum.bay_certificate(request, bay_id)

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        """``{"csr": pem}`` → ``{"pem": signed certificate}``."""
        csr = required(json_object(request.DATA), "csr", str)
        return magnum.bay_certificate_sign(request, bay_id, csr)


@urls.register
class BayCertificateRotate(generic.View):
    url_regex = rf"{BAY}/certificate/rotate/$"

    @utils.ajax()
    @service_errors
    def post(self, request: HttpRequest, bay_id: str) -> utils.JSONResponse:
        magnum.bay_certificate_rotate(request, bay_id)
        return utils.JSONResponse("", status=202)


@urls.register
class BayConfig(generic.View):
    """The bay's client configuration as a tar.gz download.

    The browser follows a plain link here (no AJAX header), so errors come
    back as a short text page with the service's reason, not as JSON.
    """

    url_regex = rf"{BAY}/config/$"

    def get(self, request: HttpRequest, bay_id: str) -> HttpResponse:
        if not request.user.is_authenticated:
            return _text(401, "Log in to download a bay's configuration.")
        try:
            name, archive = service_errors(magnum.bay_config_archive)(request, bay_id)
        except utils.AjaxError as exc:
            return _text(exc.http_status, f"Unable to download the bay's configuration: {exc}")
        response = HttpResponse(archive, content_type="application/gzip")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        # It holds a fresh private key: no cache may keep a copy.
        response["Cache-Control"] = "no-store"
        return response


def _text(status: int, message: str) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
