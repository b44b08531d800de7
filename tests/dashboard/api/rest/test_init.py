"""What every REST view shares: registration, the service's errors, body checks, ETags."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from django.test import SimpleTestCase
from keystoneauth1 import exceptions as keystone_exceptions
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import ID, MODULES
from tests.dashboard.api.rest.calls import call, raw


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


class RevalidatedTest(SimpleTestCase):
    LIST = "/api/container_infra/bays/"

    def list_bays(self, bays: list[dict[str, str]], tag: str | None = None) -> Any:
        headers = {"HTTP_IF_NONE_MATCH": tag} if tag else {}
        with mock.patch.object(magnum, "bay_list", return_value=magnum.Listing(bays)):
            return raw("get", self.LIST, more_headers=headers)

    def test_a_list_is_tagged_for_the_browser_to_keep_and_ask_again(self) -> None:
        """A list carries an ETag and Cache-Control private, no-cache (kept, always revalidated)."""
        first = self.list_bays([{"uuid": "b-1"}])
        assert first.status_code == 200
        assert first["ETag"].startswith('"')
        assert set(first["Cache-Control"].split(", ")) == {"private", "no-cache"}

    def test_an_unchanged_list_is_a_304_without_a_body(self) -> None:
        """Asked again with its tag, the same list answers 304 and sends nothing."""
        tag = self.list_bays([{"uuid": "b-1"}])["ETag"]
        again = self.list_bays([{"uuid": "b-1"}], tag)
        assert (again.status_code, again.content, again["ETag"]) == (304, b"", tag)

    def test_a_changed_list_is_sent_with_a_new_tag(self) -> None:
        """A bay created elsewhere changes the list: 200 with the new list and another tag."""
        tag = self.list_bays([{"uuid": "b-1"}])["ETag"]
        changed = self.list_bays([{"uuid": "b-1"}, {"uuid": "b-2"}], tag)
        assert changed.status_code == 200
        assert changed["ETag"] != tag
        assert json.loads(changed.content)["items"] == [{"uuid": "b-1"}, {"uuid": "b-2"}]

    def test_an_error_is_neither_tagged_nor_kept(self) -> None:
        """A failed listing is not cached: the next poll asks afresh."""
        error = keystone_exceptions.ConnectionError("refused")
        with mock.patch.object(magnum, "bay_list", side_effect=error):
            failed = raw("get", self.LIST)
        assert failed.status_code == 503
        assert not failed.has_header("ETag")
