"""``/api/container_infra/bay_models/``: each view returns what one api.magnum call gives."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call

MODEL = {"uuid": "m-1", "name": "local-swarm", "coe": "swarm-mode"}


class BayModelsTest(SimpleTestCase):
    def test_list_wraps_the_bay_models_in_items(self) -> None:
        """GET bay_models/ answers {items, more} from bay_model_list: every bay model."""
        listing = magnum.Listing([MODEL])
        with mock.patch.object(magnum, "bay_model_list", return_value=listing) as listed:
            status, body = call("get", "/api/container_infra/bay_models/")
        assert (status, body) == (200, {"items": [MODEL], "more": False})
        assert listed.call_args.kwargs == {"first": None}

    def test_a_first_page(self) -> None:
        """GET bay_models/?limit=20&sort_key=name: the first 20 by name, and if there are more."""
        listing = magnum.Listing([MODEL], more=True)
        with mock.patch.object(magnum, "bay_model_list", return_value=listing) as listed:
            status, body = call("get", "/api/container_infra/bay_models/?limit=20&sort_key=name")
        assert (status, body) == (200, {"items": [MODEL], "more": True})
        assert listed.call_args.kwargs == {"first": 20, "sort_key": "name"}

    def test_create_passes_the_fields_and_answers_201_with_the_object(self) -> None:
        """POST bay_models/ creates from the body and answers the created bay model."""
        fields = {"name": "m", "coe": "swarm-mode", "server_type": "local"}
        with mock.patch.object(magnum, "bay_model_create", return_value=MODEL) as created:
            response_status, body = call("post", "/api/container_infra/bay_models/", fields)
        assert (response_status, body) == (201, MODEL)
        assert created.call_args.args[1] == fields

    def test_create_needs_a_json_object(self) -> None:
        """A body that is not a JSON object is a 400 before the service is asked."""
        with mock.patch.object(magnum, "bay_model_create") as created:
            status, body = call("post", "/api/container_infra/bay_models/", ["not", "an object"])
        assert (status, body) == (400, "The request body must be a JSON object.")
        created.assert_not_called()

    def test_show_answers_the_bay_model(self) -> None:
        """GET bay_models/<id>/ answers the bay model of that id."""
        with mock.patch.object(magnum, "bay_model_get", return_value=MODEL) as got:
            status, body = call("get", "/api/container_infra/bay_models/m-1/")
        assert (status, body) == (200, MODEL)
        assert got.call_args.args[1] == "m-1"

    def test_patch_passes_the_changes(self) -> None:
        """PATCH bay_models/<id>/ passes {field: value|null} to bay_model_update."""
        changes = {"name": "renamed", "labels": None}
        with mock.patch.object(magnum, "bay_model_update", return_value=MODEL) as updated:
            status, body = call("patch", "/api/container_infra/bay_models/m-1/", changes)
        assert (status, body) == (200, MODEL)
        assert updated.call_args.args[1:] == ("m-1", changes)

    def test_delete_answers_204(self) -> None:
        """DELETE bay_models/<id>/ deletes it and answers 204 with no content."""
        with mock.patch.object(magnum, "bay_model_delete", return_value=None) as deleted:
            status, body = call("delete", "/api/container_infra/bay_models/m-1/")
        assert (status, body) == (204, None)
        assert deleted.call_args.args[1] == "m-1"
