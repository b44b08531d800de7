"""REST glue of the dashboard: each view returns what one api.magnum call gives.

``api.magnum`` is replaced here; the whole chain through the real service
API and Keystone runs in ``tests/e2e``.
"""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from django.test import RequestFactory, SimpleTestCase
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from magnum_ui.dashboard.api.rest import bay_models, bays


def _call(view: Any, path: str) -> tuple[int, Any]:
    request = RequestFactory().get(path, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    request.user = mock.Mock(is_authenticated=True)
    response = view.as_view()(request)
    return response.status_code, json.loads(response.content)


class RestViewsTest(SimpleTestCase):
    def test_bay_models_are_listed_as_items(self) -> None:
        """GET /api/container_infra/bay_models/ wraps the bay models in {items: ...}."""
        models = [{"uuid": "u1", "name": "local-swarm"}]
        with mock.patch.object(magnum, "bay_model_list", return_value=models) as listed:
            status, body = _call(bay_models.BayModels, "/api/container_infra/bay_models/")
        assert (status, body) == (200, {"items": models})
        listed.assert_called_once()

    def test_bays_are_listed_as_items(self) -> None:
        found = [{"uuid": "b1", "name": "one", "status": "CREATE_COMPLETE"}]
        with mock.patch.object(magnum, "bay_list", return_value=found):
            status, body = _call(bays.Bays, "/api/container_infra/bays/")
        assert (status, body) == (200, {"items": found})

    def test_service_error_reaches_the_browser_with_its_reason(self) -> None:
        """An error from the service API keeps its status, and its detail is the message."""
        error = magnum_exceptions.from_response(
            mock.Mock(status_code=406, headers={"Content-Type": "application/json"}),
            message="Not Acceptable",
            traceback="Version 9.9 is not supported by the API.",
        )
        with mock.patch.object(magnum, "bay_list", side_effect=error):
            status, body = _call(bays.Bays, "/api/container_infra/bays/")
        assert (status, body) == (406, "Version 9.9 is not supported by the API.")

    def test_views_are_registered_with_horizons_rest_urls(self) -> None:
        """DashboardConfig.ready() registered both views under /api/."""
        from openstack_dashboard.api.rest import urls

        patterns = {str(p.pattern) for p in urls.urlpatterns}
        assert "container_infra/bays/$" in patterns
        assert "container_infra/bay_models/$" in patterns
