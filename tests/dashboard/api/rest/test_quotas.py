"""``/api/container_infra/quotas/``: each view returns what one api.magnum call gives."""

from __future__ import annotations

import json
from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call, raw

QUOTA = {"id": 1, "project_id": "p-2", "resource": "Cluster", "hard_limit": 3}


class QuotasTest(SimpleTestCase):
    def test_list_wraps_the_quotas_in_items(self) -> None:
        with mock.patch.object(magnum, "quota_list", return_value=magnum.Listing([QUOTA])):
            status, body = call("get", "/api/container_infra/quotas/")
        assert (status, body) == (200, {"items": [QUOTA], "more": False})

    def test_create_answers_201_with_the_quota(self) -> None:
        """POST quotas/ creates the quota from the body and answers it."""
        fields = {"project_id": "p-2", "resource": "Cluster", "hard_limit": 3}
        with mock.patch.object(magnum, "quota_create", return_value=QUOTA) as created:
            response = raw("post", "/api/container_infra/quotas/", fields)
        assert (response.status_code, json.loads(response.content)) == (201, QUOTA)
        assert response["Location"] == "/api/container_infra/quotas/p-2/Cluster/"
        assert created.call_args.args[1] == fields

    def test_show_answers_the_projects_quota(self) -> None:
        with mock.patch.object(magnum, "quota_get", return_value=QUOTA) as got:
            status, body = call("get", "/api/container_infra/quotas/p-2/Cluster/")
        assert (status, body) == (200, QUOTA)
        assert got.call_args.args[1:] == ("p-2", "Cluster")

    def test_patch_passes_the_changes(self) -> None:
        """PATCH quotas/<project>/<resource>/ passes {hard_limit} to quota_update."""
        with mock.patch.object(magnum, "quota_update", return_value=QUOTA) as updated:
            status, body = call(
                "patch", "/api/container_infra/quotas/p-2/Cluster/", {"hard_limit": 5}
            )
        assert (status, body) == (200, QUOTA)
        assert updated.call_args.args[1:] == ("p-2", "Cluster", {"hard_limit": 5})

    def test_delete_answers_204(self) -> None:
        with mock.patch.object(magnum, "quota_delete", return_value=None) as deleted:
            status, body = call("delete", "/api/container_infra/quotas/p-2/Cluster/")
        assert (status, body) == (204, None)
        assert deleted.call_args.args[1:] == ("p-2", "Cluster")
