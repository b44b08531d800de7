"""``/api/container_infra/choices/``: the forms' lists, from one api call."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import choices
from tests.dashboard.api.rest.calls import call


class ChoicesTest(SimpleTestCase):
    def test_choices_are_what_bay_choices_gives(self) -> None:
        """GET choices/ answers bay_choices() unchanged."""
        found = {"images": {"items": [], "unavailable": "no Glance"}, "coes": []}
        with mock.patch.object(choices, "bay_choices", return_value=found) as asked:
            status, body = call("get", "/api/container_infra/choices/")
        assert (status, body) == (200, found)
        asked.assert_called_once()
