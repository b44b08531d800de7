"""``/v1/mservices``: the conductors and whether their heartbeat is recent.

A conductor is "up" while its last heartbeat is no older than
``[conductor] service_down_time`` seconds and no operator forced it down.
Beyond Magnum's fields each conductor shows its reconciliation: when it last
ran and what it removed lately (stacks and local nodes of no bay, with why).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import re_path
from django.utils import timezone

from magnum_ui.service import conf, policies
from magnum_ui.service.api import context
from magnum_ui.service.api.declarations import Documented, Operation, collection, record, ref
from magnum_ui.service.api.routing import methods
from magnum_ui.service.models import ConductorService

FIELDS = (
    "id", "host", "binary", "disabled", "disabled_reason", "report_count",
    "created_at", "updated_at", "last_reconciled_at", "reconciled",
)  # fmt: skip


def is_up(service: ConductorService, now: datetime) -> bool:
    if service.forced_down:
        return False
    # A conductor that never reported counts from when it registered, as in Magnum.
    seen = service.last_seen_up or service.updated_at or service.created_at
    window = timedelta(seconds=conf.CONF.conductor.service_down_time)
    return abs(now - seen) <= window


def serialize(service: ConductorService, now: datetime) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(service, name)
        body[name] = value.isoformat() if isinstance(value, datetime) else value
    body["state"] = "up" if is_up(service, now) else "down"
    return body


def list_view(request: HttpRequest) -> JsonResponse:
    """Every conductor at once: Magnum does not page this list."""
    policies.authorize(context.get(request), "magnum-service:get_all")
    now = timezone.now()
    services = ConductorService.objects.order_by("id")
    return JsonResponse({"mservices": [serialize(service, now) for service in services]})


ROUTES = [re_path(r"^v1/mservices/?$", methods(GET=list_view))]


def openapi() -> Documented:
    from magnum_ui.service.models import ConductorService as Model

    state = {"state": {"enum": ["up", "down"]}}
    return Documented(
        [Operation("GET", "/v1/mservices", "MServices", "The conductors and their state", 200,
                   collection("mservices", ref("MService")))],
        {"MService": record(Model, FIELDS, extra=state, links=False)},
    )  # fmt: skip
