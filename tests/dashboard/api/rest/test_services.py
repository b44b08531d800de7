"""``/api/container_infra/services/``: the conductors, from one api call."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call, raw


class ServicesTest(SimpleTestCase):
    def test_services_are_listed_as_items(self) -> None:
        """GET services/ wraps the service's conductors in {items: ...}."""
        found = [{"id": 1, "binary": "magnum-conductor", "state": "up"}]
        with mock.patch.object(magnum, "service_list", return_value=magnum.Listing(found)):
            status, body = call("get", "/api/container_infra/services/")
        assert (status, body) == (200, {"items": found, "more": False})

    def test_conductors_are_not_made_here(self) -> None:
        """POST services/ is refused (405) and reaches nothing."""
        with mock.patch.object(magnum, "service_list") as listed:
            response = raw("post", "/api/container_infra/services/", {"binary": "x"})
        assert response.status_code == 405
        listed.assert_not_called()

    def test_a_forbidden_list_keeps_the_services_403(self) -> None:
        """A reader asking for the conductors gets the service's 403 and its reason."""
        from magnumclient import exceptions as magnum_exceptions

        error = magnum_exceptions.Forbidden(
            details="Policy doesn't allow magnum-service:get_all to be performed."
        )
        with mock.patch.object(magnum, "service_list", side_effect=error):
            status, body = call("get", "/api/container_infra/services/")
        assert (status, body) == (
            403,
            "Policy doesn't allow magnum-service:get_all to be performed.",
        )
