"""``/api/container_infra/bays/<id>/nodegroups/``: a bay's node groups.

List, add (the service answers at once and a conductor builds the nodes),
read, patch (the bounds ``min_node_count`` and ``max_node_count``, which the
service changes at once) and remove one.  The dashboard resizes a group
through the bay's resize (:mod:`.bay_actions`, with ``nodegroup``), which
can also name the nodes to remove.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views import generic
from openstack_dashboard.api.rest import urls, utils

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import (
    ID,
    ItemView,
    field,
    json_object,
    required,
    revalidated,
    service_errors,
)

NODEGROUPS = rf"container_infra/bays/(?P<bay_id>{ID})/nodegroups"
# What a new group may say, and of which type (the service checks the values).
CREATE_FIELDS: dict[str, type] = {
    "node_count": int,
    "min_node_count": int,
    "max_node_count": int,
    "flavor_id": str,
    "image_id": str,
    "docker_volume_size": int,
    "labels": dict,
    "merge_labels": bool,
    "role": str,
}
# What a PATCH may name, each an integer or null (null removes it: no maximum,
# minimum 0); the service says which of them it changes in place.
PATCHABLE = ("min_node_count", "max_node_count", "node_count")


@urls.register
class NodeGroups(generic.View):
    url_regex = rf"{NODEGROUPS}/$"

    @revalidated
    @utils.ajax()
    @service_errors
    def get(self, request: HttpRequest, bay_id: str) -> dict[str, Any]:
        return {"items": magnum.nodegroup_list(request, bay_id)}

    @utils.ajax(data_required=True)
    @service_errors
    def post(self, request: HttpRequest, bay_id: str) -> utils.CreatedResponse:
        """``{"name": ..., "node_count": n, "flavor_id": ..., ...}`` → the group (201)."""
        data = json_object(request.DATA)
        fields: dict[str, Any] = {"name": required(data, "name", str)}
        for name, kind in CREATE_FIELDS.items():
            value = field(data, name, kind)
            if value is not None:
                fields[name] = value
        created = magnum.nodegroup_create(request, bay_id, fields)
        url = f"/api/container_infra/bays/{bay_id}/nodegroups/{created['uuid']}/"
        return utils.CreatedResponse(url, created)


@urls.register
class NodeGroup(ItemView):
    url_regex = rf"{NODEGROUPS}/(?P<nodegroup_id>{ID})/$"
    resource = "nodegroup"

    def changes(self, data: dict[str, Any]) -> dict[str, Any]:
        """``{"min_node_count": n, "max_node_count": n | null}``: integers or null, nothing else."""
        unknown = sorted(set(data) - set(PATCHABLE))
        if unknown:
            known = ", ".join(PATCHABLE)
            raise utils.AjaxError(400, f"Unknown field(s): {', '.join(unknown)}; known: {known}.")
        return {name: field(data, name, int) for name in PATCHABLE if name in data}
