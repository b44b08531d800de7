"""What every REST view shares: registration, the service's errors, body checks."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, MODULES
from tests.dashboard.api.rest.calls import call


class ServiceErrorsTest(SimpleTestCase):
    def test_service_error_reaches_the_browser_with_its_reason(self) -> None:
        """An error from the service API keeps its status, and its detail is the message."""
        error = magnum_exceptions.from_response(
            mock.Mock(status_code=406, headers={"Content-Type": "application/json"}),
            message="Not Acceptable",
            traceback="Version 9.9 is not supported by the API.",
        )
        with mock.patch.object(magnum, "bay_list", side_effect=error):
            status, body = call("get", "/api/container_infra/bays/")
        assert (status, body) == (406, "Version 9.9 is not supported by the API.")

    def test_an_unknown_field_is_a_400_with_magnumclients_reason(self) -> None:
        """magnumclient refusing a field it does not know is the user's 400, not a 500."""
        error = magnum_exceptions.InvalidAttribute("Key must be in name,node_count")
        with mock.patch.object(magnum, "bay_create", side_effect=error):
            status, body = call("post", "/api/container_infra/bays/", {"colour": "red"})
        assert (status, body) == (400, "Key must be in name,node_count")

    def test_an_unreachable_service_is_a_503(self) -> None:
        """When the service API does not answer, the browser gets a 503 that says so."""
        error = keystone_exceptions.ConnectFailure("Unable to establish connection")
        with mock.patch.object(magnum, "bay_list", side_effect=error):
            status, body = call("get", "/api/container_infra/bays/")
        assert status == 503
        assert body.startswith("The container-infra service cannot be reached")


class RegistrationTest(SimpleTestCase):
    def test_every_module_registered_its_views_under_api(self) -> None:
        """DashboardConfig.ready() registered the views of every REST module."""
        from openstack_dashboard.api.rest import urls

        patterns = {str(p.pattern) for p in urls.urlpatterns}
        for expected in (
            "container_infra/bays/$",
            "container_infra/bay_models/$",
            "container_infra/choices/$",
            "container_infra/quotas/$",
            "container_infra/services/$",
            "container_infra/stats/$",
            rf"container_infra/bays/(?P<bay_id>{ID})/nodegroups/$",
        ):
            assert expected in patterns
        expected_modules = {"bay_models", "bays", "bay_actions", "nodegroups", "choices", "quotas"}
        assert expected_modules <= set(MODULES)
