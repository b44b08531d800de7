"""``/v1/mservices``: conductors, up or down by the age of their heartbeat."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from magnum_ui.service import conf
from magnum_ui.service.api import mservices
from magnum_ui.service.models import ConductorService
from tests.service.api.helpers import ADMIN, get, identity

pytestmark = pytest.mark.django_db

AS_ADMIN = identity(project_id="p-admin", roles=ADMIN)


@pytest.fixture
def down_time() -> Iterator[int]:
    """``[conductor] service_down_time`` at 30 seconds for one test."""
    conf.CONF.set_override("service_down_time", 30, group="conductor")
    yield 30
    conf.CONF.clear_override("service_down_time", group="conductor")


def conductor(host: str, seen_ago: float | None, **fields: Any) -> ConductorService:
    seen = None if seen_ago is None else timezone.now() - timedelta(seconds=seen_ago)
    return ConductorService.objects.create(host=host, last_seen_up=seen, **fields)


def states(client: Client) -> dict[str, str]:
    body = get(client, "/v1/mservices", **AS_ADMIN).json()
    return {s["host"]: s["state"] for s in body["mservices"]}


def test_service_has_magnums_fields(client: Client) -> None:
    """Each service has the fields magnumclient prints, its reconciliation, no internal ones."""
    row = conductor("h1", 1, report_count=7, disabled=True, disabled_reason="maintenance")
    response = get(client, "/v1/mservices", **AS_ADMIN)
    assert response.status_code == 200
    (service,) = response.json()["mservices"]
    assert set(service) == {
        "id", "host", "binary", "state", "disabled", "disabled_reason",
        "report_count", "created_at", "updated_at", "last_reconciled_at", "reconciled",
    }  # fmt: skip
    assert (service["id"], service["binary"], service["report_count"]) == (
        row.id,
        "magnum-conductor",
        7,
    )
    assert (service["disabled"], service["disabled_reason"]) == (True, "maintenance")
    assert (service["last_reconciled_at"], service["reconciled"]) == (None, [])


@pytest.mark.usefixtures("down_time")
def test_state_follows_the_heartbeat_age(client: Client) -> None:
    """Up within service_down_time of the last heartbeat; down after it, or when forced down."""
    conductor("fresh", 5)
    conductor("stale", 31)
    conductor("forced", 1, forced_down=True)
    assert states(client) == {"fresh": "up", "stale": "down", "forced": "down"}


def test_never_seen_counts_from_the_last_update(down_time: int) -> None:
    """A conductor that never beat is up only while its row is recent, as in Magnum."""
    row = conductor("new", None)
    now = timezone.now()
    assert mservices.is_up(row, now)
    assert not mservices.is_up(row, now + timedelta(seconds=down_time + 1))


def test_default_down_time_is_sixty_seconds(client: Client) -> None:
    conductor("recent", 50)
    conductor("old", 70)
    assert states(client) == {"recent": "up", "old": "down"}


def test_only_admins_list_services(client: Client) -> None:
    """A project member gets 403; the list is for operators."""
    conductor("h1", 1)
    assert get(client, "/v1/mservices").status_code == 403


def test_option_is_offered_to_the_config_generator() -> None:
    """conf.list_opts() names [conductor] service_down_time so the sample config can show it."""
    groups = {group: [o.name for o in opts] for group, opts in conf.list_opts()}
    assert "service_down_time" in groups["conductor"]
