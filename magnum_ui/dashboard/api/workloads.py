"""A bay's workloads (services, tasks, pods, ...) through the service API.

python-magnumclient knows nothing of our ``/v1/clusters/{id}/workloads``
extension, so these calls go through the HTTP client of
:func:`magnum_ui.dashboard.api.magnum.client`: the same keystoneauth session,
the same user's token, the same endpoint and microversion header, and the
same error translation (a service error becomes a ``magnumclient`` ``HttpError``
carrying the service's status and reason).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from django.http import HttpRequest

from magnum_ui.dashboard.api import magnum

Params = Mapping[str, str]


def _path(bay_id: str, *parts: str, params: Params | None = None) -> str:
    # Each part is quoted whole: a name can never climb out of its route.
    path = "/v1/clusters/" + "/".join(
        quote(part, safe="") for part in (bay_id, "workloads", *parts)
    )
    query = {key: value for key, value in (params or {}).items() if value not in (None, "")}
    return f"{path}?{urlencode(query)}" if query else path


def _call(request: HttpRequest, method: str, path: str, body: Any = None) -> Any:
    http = magnum.client(request).http_client
    kwargs = {} if body is None else {"body": body}
    _response, data = http.json_request(method, path, **kwargs)
    return data


def summary(request: HttpRequest, bay_id: str) -> dict[str, Any]:
    """The bay's orchestrator (``coe``) and the kinds of workload it has."""
    result: dict[str, Any] = _call(request, "GET", _path(bay_id))
    return result


def workload_list(
    request: HttpRequest, bay_id: str, kind: str, params: Params | None = None
) -> list[dict[str, Any]]:
    """The workloads of one kind; ``params`` (namespace, name, limit) filter them."""
    items: list[dict[str, Any]] = _call(request, "GET", _path(bay_id, kind, params=params))["items"]
    return items


def workload_get(
    request: HttpRequest, bay_id: str, kind: str, name: str, params: Params | None = None
) -> dict[str, Any]:
    """One workload with ``raw``, the orchestrator's full object."""
    result: dict[str, Any] = _call(request, "GET", _path(bay_id, kind, name, params=params))
    return result


def workload_logs(
    request: HttpRequest, bay_id: str, kind: str, name: str, params: Params | None = None
) -> dict[str, Any]:
    """``{"lines": [...], "truncated": bool}`` of a task or pod (tail, since, container)."""
    result: dict[str, Any] = _call(request, "GET", _path(bay_id, kind, name, "logs", params=params))
    return result


def workload_create(request: HttpRequest, bay_id: str, manifest: str) -> dict[str, Any]:
    """Create what a manifest (YAML or JSON text) describes: ``{"created": [...]}``."""
    result: dict[str, Any] = _call(request, "POST", _path(bay_id), {"manifest": manifest})
    return result


def workload_scale(
    request: HttpRequest,
    bay_id: str,
    kind: str,
    name: str,
    replicas: int,
    params: Params | None = None,
) -> dict[str, Any]:
    """Ask for ``replicas`` copies of a service, RC or deployment; answers the item."""
    path = _path(bay_id, kind, name, "scale", params=params)
    result: dict[str, Any] = _call(request, "POST", path, {"replicas": replicas})
    return result


def workload_delete(
    request: HttpRequest, bay_id: str, kind: str, name: str, params: Params | None = None
) -> None:
    """Delete one workload (a service, pod, RC, deployment)."""
    _call(request, "DELETE", _path(bay_id, kind, name, params=params))
