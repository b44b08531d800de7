"""``/api/container_infra/stats/``: bays, nodes and the bay quota, from one api call."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call


class StatsTest(SimpleTestCase):
    def test_stats_are_what_the_api_gives(self) -> None:
        """GET stats/ answers {bays, nodes, quota} from magnum.stats."""
        found = {"bays": 2, "nodes": 5, "quota": {"hard_limit": 3, "in_use": 2}}
        with mock.patch.object(magnum, "stats", return_value=found) as asked:
            status, body = call("get", "/api/container_infra/stats/")
        assert (status, body) == (200, found)
        asked.assert_called_once()
