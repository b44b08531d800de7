"""The dashboard's only way to the service: python-magnumclient 5.x.

Each call builds a keystoneauth session from the logged-in user's token, so
the service applies policy and project scoping for that user.  Every function
returns plain JSON-ready data (dicts, lists), never client objects.

Writes that the service answers with ``202 {"uuid": ...}`` (bays) are
followed by a read, so the browser always gets the whole object back.
"""

from __future__ import annotations

import io
import tarfile
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from magnumclient import exceptions as magnum_exceptions
from magnumclient.v1 import client as magnum_client
from openstack_dashboard.api import base

SERVICE_TYPE = "container-infra"
CLUSTER_QUOTA = "Cluster"
# Files of a bay's client configuration that only their owner may read.
_PRIVATE_FILES = frozenset({"key.pem", "config"})

JsonObject = dict[str, Any]


def client(request: HttpRequest, timeout: float | None = None) -> magnum_client.Client:
    """The user's client; ``timeout``: seconds each of its calls may wait for the service."""
    endpoint = base.url_for(request, SERVICE_TYPE)
    auth = token_endpoint.Token(endpoint, request.user.token.id)
    insecure = getattr(settings, "OPENSTACK_SSL_NO_VERIFY", False)
    cacert = getattr(settings, "OPENSTACK_SSL_CACERT", None)
    verify = False if insecure else (cacert or True)
    session = ks_session.Session(auth=auth, verify=verify, timeout=timeout)
    # "latest": the service answers with the newest microversion both sides know.
    return magnum_client.Client(session=session, endpoint_override=endpoint, api_version="latest")


def _as_dicts(resources: list[Any]) -> list[JsonObject]:
    return [resource.to_dict() for resource in resources]


def _get_json(request: HttpRequest, path: str) -> Any:
    """GET a service route magnumclient has no manager for, with the same session."""
    _response, body = client(request).http_client.json_request("GET", path)
    return body


def patch_operations(changes: dict[str, Any]) -> list[JsonObject]:
    """RFC 6902 operations for a ``{field: value | None}`` change set.

    ``None`` removes the field (the service puts its default back); any other
    value replaces it.  Fields are sorted so the same changes give the same
    patch::

        >>> patch_operations({"name": "new", "labels": None})
        [{'op': 'remove', 'path': '/labels'}, {'op': 'replace', 'path': '/name', 'value': 'new'}]
    """
    operations: list[JsonObject] = []
    for field in sorted(changes):
        value = changes[field]
        if value is None:
            operations.append({"op": "remove", "path": f"/{field}"})
        else:
            operations.append({"op": "replace", "path": f"/{field}", "value": value})
    return operations


# Without a limit magnumclient reads one page (the service's max_limit, 1,000)
# and the rest is silently missing.  With one, it follows the ``next`` links
# until it has this many: the service still caps each page.
EVERY_PAGE = 2**31 - 1


@dataclass
class Listing:
    """A list call's answer: its items, and whether the service has more after them."""

    items: list[JsonObject]
    more: bool = False


def _asked(first: int | None) -> int:
    # One more than the page, to know whether there is more.
    return EVERY_PAGE if first is None else first + 1


def _listing(listed: list[JsonObject], first: int | None) -> Listing:
    if first is None or len(listed) <= first:
        return Listing(listed)
    return Listing(listed[:first], more=True)


# --- Bay models (cluster templates) -----------------------------------------


def bay_model_list(
    request: HttpRequest,
    first: int | None = None,
    sort_key: str | None = None,
    timeout: float | None = None,
) -> Listing:
    """The bay models (cluster templates) the user may see: every page, or the ``first`` few.

    ``sort_key``: in that order (the service's; by id without it); ``timeout``:
    see :func:`client`.
    """
    listed = client(request, timeout).cluster_templates.list(
        limit=_asked(first), sort_key=sort_key, detail=True
    )
    return _listing(_as_dicts(listed), first)


def bay_model_get(request: HttpRequest, bay_model_id: str) -> JsonObject:
    return dict(client(request).cluster_templates.get(bay_model_id).to_dict())


def bay_model_create(request: HttpRequest, fields: JsonObject) -> JsonObject:
    return dict(client(request).cluster_templates.create(**fields).to_dict())


def bay_model_update(request: HttpRequest, bay_model_id: str, changes: JsonObject) -> JsonObject:
    updated = client(request).cluster_templates.update(bay_model_id, patch_operations(changes))
    return dict(updated.to_dict())


def bay_model_delete(request: HttpRequest, bay_model_id: str) -> None:
    client(request).cluster_templates.delete(bay_model_id)


# --- Bays (clusters) ---------------------------------------------------------


def bay_list(
    request: HttpRequest,
    all_projects: bool = False,
    first: int | None = None,
    sort_key: str | None = None,
    timeout: float | None = None,
) -> Listing:
    """The bays of the user's project; with ``all_projects``, every bay the service shows.

    Every page, or with ``first`` the service's first few (a table's first
    page, in ``sort_key`` order; fewer when the project list drops others'
    bays from them).  The
    service shows an admin every project's bays, so the project's own list is
    filtered here.  Each bay is given its bay model's ``bay_model_name`` and
    ``coe`` (the id and None where the user cannot read that bay model).
    ``timeout``: see :func:`client`.
    """
    api = client(request, timeout)
    listed = api.clusters.list(limit=_asked(first), sort_key=sort_key, detail=True)
    listing = _listing(_as_dicts(listed), first)
    if not all_projects:
        project_id = request.user.project_id
        listing.items[:] = [bay for bay in listing.items if bay.get("project_id") == project_id]
    models = _bay_models_by_id(api, {bay.get("cluster_template_id") for bay in listing.items})
    for bay in listing.items:
        model = models.get(str(bay.get("cluster_template_id")), {})
        bay["bay_model_name"] = model.get("name") or bay.get("cluster_template_id")
        bay["coe"] = model.get("coe")
    return listing


# Up to this many bay models are read one by one to name a list of bays;
# more, and the bay models are listed once.
_NAMED_ONE_BY_ONE = 5


def _bay_models_by_id(api: magnum_client.Client, ids: set[Any]) -> dict[str, JsonObject]:
    wanted = {str(ident) for ident in ids if ident}
    if len(wanted) > _NAMED_ONE_BY_ONE:
        listed = _as_dicts(api.cluster_templates.list(limit=EVERY_PAGE, detail=True))
        return {model["uuid"]: model for model in listed if model.get("uuid") in wanted}
    found = {}
    for ident in sorted(wanted):
        try:
            found[ident] = api.cluster_templates.get(ident).to_dict()
        except (magnum_exceptions.NotFound, magnum_exceptions.Forbidden):
            continue  # deleted since, or another project's: named by its id
    return found


def bay_get(request: HttpRequest, bay_id: str) -> JsonObject:
    return dict(client(request).clusters.get(bay_id).to_dict())


def bay_create(request: HttpRequest, fields: JsonObject) -> JsonObject:
    api = client(request)
    created = api.clusters.create(**fields)
    return dict(api.clusters.get(created.uuid).to_dict())


def bay_update(request: HttpRequest, bay_id: str, changes: JsonObject) -> JsonObject:
    api = client(request)
    api.clusters.update(bay_id, patch_operations(changes))
    return dict(api.clusters.get(bay_id).to_dict())


def bay_resize(
    request: HttpRequest,
    bay_id: str,
    node_count: int,
    nodes_to_remove: list[str] | None = None,
    nodegroup: str | None = None,
) -> JsonObject:
    api = client(request)
    api.clusters.resize(bay_id, node_count, nodes_to_remove or [], nodegroup)
    return dict(api.clusters.get(bay_id).to_dict())


def bay_upgrade(
    request: HttpRequest,
    bay_id: str,
    cluster_template: str,
    max_batch_size: int | None = None,
    nodegroup: str | None = None,
) -> JsonObject:
    api = client(request)
    api.clusters.upgrade(bay_id, cluster_template, max_batch_size or 1, nodegroup)
    return dict(api.clusters.get(bay_id).to_dict())


def bay_delete(request: HttpRequest, bay_id: str) -> None:
    client(request).clusters.delete(bay_id)


def bay_progress(request: HttpRequest, bay_id: str) -> JsonObject:
    """The bay's Heat stack as the service reads it: status, percent, resources, events."""
    body: JsonObject = _get_json(request, f"/v1/clusters/{bay_id}/progress")
    return body


def bay_registry(request: HttpRequest, bay_id: str) -> JsonObject:
    """The cloud's image registry for the bay: address, namespace, push commands."""
    body: JsonObject = _get_json(request, f"/v1/clusters/{bay_id}/registry")
    return body


def bay_certificate(request: HttpRequest, bay_id: str) -> JsonObject:
    """``{"pem": ...}``: the bay's CA certificate."""
    certificate = client(request).certificates.get(bay_id)
    return {"pem": certificate.pem}


def bay_certificate_sign(request: HttpRequest, bay_id: str, csr: str) -> JsonObject:
    """``{"pem": ...}``: ``csr`` signed by the bay's CA."""
    certificate = client(request).certificates.create(cluster_uuid=bay_id, csr=csr)
    return {"pem": certificate.pem}


def bay_certificate_rotate(request: HttpRequest, bay_id: str) -> None:
    client(request).certificates.rotate_ca(cluster_uuid=bay_id)


def bay_config_archive(request: HttpRequest, bay_id: str) -> tuple[str, bytes]:
    """``(file name, tar.gz bytes)`` of the bay's client configuration.

    The service makes the files (with a fresh client key, see
    ``magnum_ui/service/api/cluster_config.py``); they are packed in one
    folder named after the bay (its UUID when it has no name), private keys
    readable by their owner only.
    """
    config: JsonObject = _get_json(request, f"/v1/clusters/{bay_id}/config")
    bay: JsonObject = _get_json(request, f"/v1/clusters/{bay_id}")
    folder = f"{_safe_name(bay.get('name') or bay_id)}-config"
    buffer = io.BytesIO()
    now = time.time()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in sorted(config["files"].items()):
            data = content.encode()
            info = tarfile.TarInfo(f"{folder}/{_safe_name(name)}")
            info.size = len(data)
            info.mtime = int(now)
            info.mode = 0o600 if name in _PRIVATE_FILES else 0o644
            archive.addfile(info, io.BytesIO(data))
    return f"{folder}.tar.gz", buffer.getvalue()


def _safe_name(name: str) -> str:
    """A file name with nothing that could climb out of the archive's folder."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).lstrip(".")
    return cleaned or "file"


# --- Node groups of a bay -------------------------------------------------------


def nodegroup_list(request: HttpRequest, bay_id: str) -> list[JsonObject]:
    """The bay's node groups (``default-master``, ``default-worker`` and added ones), every page."""
    groups = client(request).nodegroups.list(bay_id, limit=EVERY_PAGE, detail=True)
    return _as_dicts(groups)


def nodegroup_get(request: HttpRequest, bay_id: str, nodegroup_id: str) -> JsonObject:
    return dict(client(request).nodegroups.get(bay_id, nodegroup_id).to_dict())


def nodegroup_create(request: HttpRequest, bay_id: str, fields: JsonObject) -> JsonObject:
    """A new group (202: a conductor builds its nodes); the service answers it whole."""
    return dict(client(request).nodegroups.create(bay_id, **fields).to_dict())


def nodegroup_update(
    request: HttpRequest, bay_id: str, nodegroup_id: str, changes: JsonObject
) -> JsonObject:
    """New bounds (``min_node_count``, ``max_node_count``; None removes one), done at once."""
    updated = client(request).nodegroups.update(bay_id, nodegroup_id, patch_operations(changes))
    return dict(updated.to_dict())


def nodegroup_delete(request: HttpRequest, bay_id: str, nodegroup_id: str) -> None:
    client(request).nodegroups.delete(bay_id, nodegroup_id)


# --- Quotas, services, stats ---------------------------------------------------


def quota_list(request: HttpRequest, first: int | None = None) -> Listing:
    """Every project's quotas (admins), over every page; or the ``first`` few."""
    listed = client(request).quotas.list(limit=_asked(first), all_tenants=True)
    return _listing(_as_dicts(listed), first)


def quota_get(request: HttpRequest, project_id: str, resource: str) -> JsonObject:
    return dict(client(request).quotas.get(project_id, resource).to_dict())


def quota_create(request: HttpRequest, fields: JsonObject) -> JsonObject:
    return dict(client(request).quotas.create(**fields).to_dict())


def quota_update(
    request: HttpRequest, project_id: str, resource: str, changes: JsonObject
) -> JsonObject:
    updated = client(request).quotas.update(project_id, resource, patch_operations(changes))
    return dict(updated.to_dict())


def quota_delete(request: HttpRequest, project_id: str, resource: str) -> None:
    client(request).quotas.delete(project_id, resource)


def service_list(request: HttpRequest, first: int | None = None) -> Listing:
    """The service's conductors (``/v1/mservices``) and whether each is up; or the first few."""
    return _listing(_as_dicts(client(request).mservices.list(limit=_asked(first))), first)


def driver_list(request: HttpRequest) -> list[JsonObject]:
    """The service's drivers (``/v1/drivers``): what each builds, its own flavors, its bounds."""
    return list(_get_json(request, "/v1/drivers")["drivers"])


def stats(request: HttpRequest) -> JsonObject:
    """The project's bays and nodes, and its bay quota (``None`` if it may not read it)."""
    api = client(request)
    project_id = request.user.project_id
    counts = api.stats.list(project_id=project_id)
    bays = int(counts.clusters) if counts else 0
    nodes = int(counts.nodes) if counts else 0
    try:
        quota = api.quotas.get(project_id, CLUSTER_QUOTA)
    except magnum_exceptions.Forbidden:
        quota = None
    limit = {"hard_limit": quota.hard_limit, "in_use": bays} if quota else None
    return {"bays": bays, "nodes": nodes, "quota": limit}
