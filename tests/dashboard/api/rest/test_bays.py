"""``/api/container_infra/bays/``: each view returns what one api.magnum call gives."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call

BAY = {"uuid": "b-1", "name": "one", "status": "CREATE_IN_PROGRESS"}


class BaysTest(SimpleTestCase):
    def test_list_is_the_projects_bays_by_default(self) -> None:
        """GET bays/ lists every bay of the project (all_projects False, no first page)."""
        with mock.patch.object(magnum, "bay_list", return_value=magnum.Listing([BAY])) as listed:
            status, body = call("get", "/api/container_infra/bays/")
        assert (status, body) == (200, {"items": [BAY], "more": False})
        assert listed.call_args.kwargs == {"all_projects": False, "first": None}

    def test_list_of_every_project_on_request(self) -> None:
        """GET bays/?all_projects=true (the admin panel) asks for every project's bays."""
        with mock.patch.object(magnum, "bay_list", return_value=magnum.Listing([BAY])) as listed:
            call("get", "/api/container_infra/bays/?all_projects=true")
        assert listed.call_args.kwargs["all_projects"] is True

    def test_all_projects_false_is_the_projects_list(self) -> None:
        """all_projects=false is not mistaken for a true flag."""
        with mock.patch.object(magnum, "bay_list", return_value=magnum.Listing([])) as listed:
            call("get", "/api/container_infra/bays/?all_projects=false")
        assert listed.call_args.kwargs["all_projects"] is False

    def test_a_first_page_says_whether_there_is_more(self) -> None:
        """GET bays/?limit=20 asks for the first 20 and passes on whether there are more."""
        first = magnum.Listing([BAY], more=True)
        with mock.patch.object(magnum, "bay_list", return_value=first) as listed:
            status, body = call("get", "/api/container_infra/bays/?limit=20")
        assert (status, body) == (200, {"items": [BAY], "more": True})
        assert listed.call_args.kwargs["first"] == 20

    def test_a_first_page_in_an_order(self) -> None:
        """&sort_key= orders a first page; one that is no field name is a 400."""
        first = magnum.Listing([BAY], more=True)
        with mock.patch.object(magnum, "bay_list", return_value=first) as listed:
            call("get", "/api/container_infra/bays/?limit=20&sort_key=name")
            assert listed.call_args.kwargs["sort_key"] == "name"
            status, body = call("get", "/api/container_infra/bays/?limit=20&sort_key=name;drop")
        assert status == 400
        assert "sort_key" in body
        assert listed.call_count == 1

    def test_a_limit_that_is_not_a_page_size_is_refused(self) -> None:
        """limit must be 1 to 1,000: anything else is a 400 and lists nothing."""
        for limit in ("0", "-1", "1001", "20.5", "twenty", ""):
            with mock.patch.object(magnum, "bay_list") as listed:
                status, body = call("get", f"/api/container_infra/bays/?limit={limit}")
            assert status == 400, limit
            assert "limit must be" in body
            listed.assert_not_called()

    def test_create_answers_201_with_the_bay(self) -> None:
        """POST bays/ creates the bay from the body and answers it (CREATE_IN_PROGRESS)."""
        fields = {"name": "one", "cluster_template_id": "m-1", "node_count": 2}
        with mock.patch.object(magnum, "bay_create", return_value=BAY) as created:
            status, body = call("post", "/api/container_infra/bays/", fields)
        assert (status, body) == (201, BAY)
        assert created.call_args.args[1] == fields

    def test_create_without_a_body_is_a_400(self) -> None:
        """POST bays/ with no body is refused before the service is asked."""
        with mock.patch.object(magnum, "bay_create") as created:
            status, _body = call("post", "/api/container_infra/bays/")
        assert status == 400
        created.assert_not_called()

    def test_show_answers_the_bay(self) -> None:
        """GET bays/<id>/ answers that bay."""
        with mock.patch.object(magnum, "bay_get", return_value=BAY) as got:
            status, body = call("get", "/api/container_infra/bays/b-1/")
        assert (status, body) == (200, BAY)
        assert got.call_args.args[1] == "b-1"

    def test_patch_passes_the_changes(self) -> None:
        """PATCH bays/<id>/ passes the change set to bay_update and answers the bay."""
        with mock.patch.object(magnum, "bay_update", return_value=BAY) as updated:
            status, body = call("patch", "/api/container_infra/bays/b-1/", {"node_count": 3})
        assert (status, body) == (200, BAY)
        assert updated.call_args.args[1:] == ("b-1", {"node_count": 3})

    def test_delete_answers_204(self) -> None:
        """DELETE bays/<id>/ deletes the bay and answers 204."""
        with mock.patch.object(magnum, "bay_delete", return_value=None) as deleted:
            status, body = call("delete", "/api/container_infra/bays/b-1/")
        assert (status, body) == (204, None)
        assert deleted.call_args.args[1] == "b-1"

    def test_an_anonymous_user_gets_401(self) -> None:
        """Without a logged-in user the views answer 401 and ask nothing."""
        with mock.patch.object(magnum, "bay_list") as listed:
            status, _body = call("get", "/api/container_infra/bays/", authenticated=False)
        assert status == 401
        listed.assert_not_called()
