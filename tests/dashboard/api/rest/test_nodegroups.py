"""``/api/container_infra/bays/<id>/nodegroups/``: a bay's node groups."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call, raw

GROUPS = "/api/container_infra/bays/b-1/nodegroups/"
GROUP = {"uuid": "g-1", "name": "extra", "role": "worker", "status": "CREATE_IN_PROGRESS"}


def _service_error(status: int, detail: str) -> magnum_exceptions.HttpError:
    return magnum_exceptions.from_response(
        mock.Mock(status_code=status, headers={"Content-Type": "application/json"}),
        message=detail.split(".")[0],
        traceback=detail,
    )


class NodeGroupsTest(SimpleTestCase):
    def test_list_is_the_bays_node_groups_as_items(self) -> None:
        """GET nodegroups/ answers the bay's node groups in {items: ...}."""
        groups = [{"name": "default-master", "role": "master", "node_count": 1}, GROUP]
        with mock.patch.object(magnum, "nodegroup_list", return_value=groups) as listed:
            status, body = call("get", GROUPS)
        assert (status, body) == (200, {"items": groups})
        assert listed.call_args.args[1] == "b-1"

    def test_create_passes_the_fields_given_and_answers_201(self) -> None:
        """POST nodegroups/ sends the fields given (nulls left out) and answers the group."""
        body = {
            "name": "extra", "node_count": 1, "flavor_id": "local.tiny", "min_node_count": 0,
            "max_node_count": None, "labels": {"team": "ops"}, "merge_labels": True,
            "role": "worker",
        }  # fmt: skip
        with mock.patch.object(magnum, "nodegroup_create", return_value=GROUP) as created:
            status, answer = call("post", GROUPS, body)
        assert (status, answer) == (201, GROUP)
        assert created.call_args.args[1:] == (
            "b-1",
            {
                "name": "extra", "node_count": 1, "flavor_id": "local.tiny",
                "min_node_count": 0, "labels": {"team": "ops"}, "merge_labels": True,
                "role": "worker",
            },
        )  # fmt: skip

    def test_create_answers_the_new_groups_address(self) -> None:
        """The 201 names where the new group is read."""
        with mock.patch.object(magnum, "nodegroup_create", return_value=GROUP):
            response = raw("post", GROUPS, {"name": "extra"})
        assert response["Location"] == "/api/container_infra/bays/b-1/nodegroups/g-1/"

    def test_create_needs_a_name(self) -> None:
        """A group without a name is a 400 that names the field; the service is not asked."""
        with mock.patch.object(magnum, "nodegroup_create") as created:
            status, answer = call("post", GROUPS, {"node_count": 1})
        assert (status, answer) == (400, "name is required.")
        created.assert_not_called()

    def test_create_refuses_fields_of_the_wrong_type(self) -> None:
        """A count that is a string or a boolean, labels that are not an object: 400s."""
        for wrong, reason in (
            ({"node_count": "2"}, "node_count must be an integer."),
            ({"node_count": True}, "node_count must be an integer."),
            ({"labels": "a=b"}, "labels must be an object."),
            ({"merge_labels": "yes"}, "merge_labels must be true or false."),
        ):
            with mock.patch.object(magnum, "nodegroup_create") as created:
                status, answer = call("post", GROUPS, {"name": "extra", **wrong})
            assert (status, answer) == (400, reason)
            created.assert_not_called()

    def test_a_refused_create_keeps_the_services_status_and_reason(self) -> None:
        """The service's 409 (the name is taken) reaches the browser as it is."""
        reason = "A node group named 'extra' already exists in cluster b-1."
        with mock.patch.object(magnum, "nodegroup_create", side_effect=_service_error(409, reason)):
            status, answer = call("post", GROUPS, {"name": "extra"})
        assert (status, answer) == (409, reason)


class NodeGroupTest(SimpleTestCase):
    def test_show_answers_the_group(self) -> None:
        with mock.patch.object(magnum, "nodegroup_get", return_value=GROUP) as got:
            status, answer = call("get", GROUPS + "extra/")
        assert (status, answer) == (200, GROUP)
        assert got.call_args.args[1:] == ("b-1", "extra")

    def test_patch_passes_the_bounds_null_included(self) -> None:
        """PATCH passes min and max; a null max stays in the changes (it removes the bound)."""
        changes = {"min_node_count": 1, "max_node_count": None}
        with mock.patch.object(magnum, "nodegroup_update", return_value=GROUP) as updated:
            status, answer = call("patch", GROUPS + "g-1/", changes)
        assert (status, answer) == (200, GROUP)
        assert updated.call_args.args[1:] == ("b-1", "g-1", changes)

    def test_patch_refuses_unknown_fields_and_wrong_types(self) -> None:
        """A field a patch cannot name, or a bound that is not an integer, is a 400."""
        for body, reason in (
            (
                {"name": "x", "flavor_id": "y"},
                "Unknown field(s): flavor_id, name; known: min_node_count, max_node_count, "
                "node_count.",
            ),
            ({"max_node_count": "3"}, "max_node_count must be an integer."),
        ):
            with mock.patch.object(magnum, "nodegroup_update") as updated:
                status, answer = call("patch", GROUPS + "g-1/", body)
            assert (status, answer) == (400, reason)
            updated.assert_not_called()

    def test_delete_answers_204(self) -> None:
        with mock.patch.object(magnum, "nodegroup_delete", return_value=None) as deleted:
            status, answer = call("delete", GROUPS + "g-1/")
        assert (status, answer) == (204, None)
        assert deleted.call_args.args[1:] == ("b-1", "g-1")

    def test_deleting_a_default_group_gives_the_services_reason(self) -> None:
        """The service's 400 for a default group reaches the browser with its reason."""
        reason = "default-worker is a default node group, which cannot be deleted."
        error = _service_error(400, reason)
        with mock.patch.object(magnum, "nodegroup_delete", side_effect=error):
            status, answer = call("delete", GROUPS + "default-worker/")
        assert (status, answer) == (400, reason)
