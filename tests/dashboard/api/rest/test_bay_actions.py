"""``/api/container_infra/bays/<id>/...``: resize, upgrade, progress, certificates, config."""

from __future__ import annotations

from unittest import mock

from django.test import SimpleTestCase
from magnumclient import exceptions as magnum_exceptions

from magnum_ui.dashboard.api import magnum
from tests.dashboard.api.rest.calls import call, raw

BAY = {"uuid": "b-1", "status": "UPDATE_IN_PROGRESS"}


def _service_error(status: int, detail: str) -> magnum_exceptions.HttpError:
    return magnum_exceptions.from_response(
        mock.Mock(status_code=status, headers={"Content-Type": "application/json"}),
        message=detail.split(".")[0],
        traceback=detail,
    )


class ResizeTest(SimpleTestCase):
    def test_resize_passes_the_count_the_nodes_and_the_group(self) -> None:
        """POST resize/ calls bay_resize with node_count, nodes_to_remove and nodegroup."""
        body = {"node_count": 1, "nodes_to_remove": ["n-2"], "nodegroup": "default-worker"}
        with mock.patch.object(magnum, "bay_resize", return_value=BAY) as resized:
            status, answer = call("post", "/api/container_infra/bays/b-1/resize/", body)
        assert (status, answer) == (200, BAY)
        assert resized.call_args.args[1] == "b-1"
        assert resized.call_args.kwargs == body

    def test_resize_needs_a_node_count(self) -> None:
        """A resize without node_count is a 400 that names the field."""
        with mock.patch.object(magnum, "bay_resize") as resized:
            status, answer = call("post", "/api/container_infra/bays/b-1/resize/", {"x": 1})
        assert (status, answer) == (400, "node_count is required.")
        resized.assert_not_called()

    def test_resize_refuses_a_count_that_is_not_an_integer(self) -> None:
        """node_count "3" (a string) or true (a boolean) is a 400."""
        for wrong in ("3", True, 2.5):
            with mock.patch.object(magnum, "bay_resize") as resized:
                status, answer = call(
                    "post", "/api/container_infra/bays/b-1/resize/", {"node_count": wrong}
                )
            assert (status, answer) == (400, "node_count must be an integer.")
            resized.assert_not_called()

    def test_resize_refuses_nodes_to_remove_that_is_not_a_list(self) -> None:
        with mock.patch.object(magnum, "bay_resize") as resized:
            status, answer = call(
                "post",
                "/api/container_infra/bays/b-1/resize/",
                {"node_count": 1, "nodes_to_remove": "n-2"},
            )
        assert (status, answer) == (400, "nodes_to_remove must be a list.")
        resized.assert_not_called()


class UpgradeTest(SimpleTestCase):
    def test_upgrade_passes_the_template_and_the_batch_size(self) -> None:
        """POST upgrade/ calls bay_upgrade with the new bay model and the batch size."""
        body = {"cluster_template": "m-2", "max_batch_size": 2}
        with mock.patch.object(magnum, "bay_upgrade", return_value=BAY) as upgraded:
            status, answer = call("post", "/api/container_infra/bays/b-1/upgrade/", body)
        assert (status, answer) == (200, BAY)
        assert upgraded.call_args.kwargs == {
            "cluster_template": "m-2",
            "max_batch_size": 2,
            "nodegroup": None,
        }

    def test_upgrade_needs_a_bay_model(self) -> None:
        with mock.patch.object(magnum, "bay_upgrade") as upgraded:
            status, answer = call(
                "post", "/api/container_infra/bays/b-1/upgrade/", {"max_batch_size": 1}
            )
        assert (status, answer) == (400, "cluster_template is required.")
        upgraded.assert_not_called()


class ProgressTest(SimpleTestCase):
    def test_progress_is_what_the_service_reads_from_heat(self) -> None:
        """GET progress/ answers the service's progress document unchanged."""
        progress = {
            "stack_status": "CREATE_IN_PROGRESS",
            "stack_status_reason": "Stack CREATE started",
            "percent": 50,
            "resources": [{"name": "node-0", "type": "Magnum::Local::Node"}],
            "events": [],
        }
        with mock.patch.object(magnum, "bay_progress", return_value=progress) as read:
            status, answer = call("get", "/api/container_infra/bays/b-1/progress/")
        assert (status, answer) == (200, progress)
        assert read.call_args.args[1] == "b-1"

    def test_heat_down_reaches_the_browser_as_the_services_503(self) -> None:
        """The service's 503 (Heat unreachable) keeps its status and reason."""
        error = _service_error(503, "Heat cannot be reached: connection refused.")
        with mock.patch.object(magnum, "bay_progress", side_effect=error):
            status, answer = call("get", "/api/container_infra/bays/b-1/progress/")
        assert (status, answer) == (503, "Heat cannot be reached: connection refused.")


class RegistryTest(SimpleTestCase):
    def test_registry_is_what_the_service_says(self) -> None:
        """GET registry/ answers the service's registry document for the bay unchanged."""
        registry = {
            "address": "10.213.255.254:5050",
            "namespace": "10.213.255.254:5050/p",
            "commands": ["docker login 10.213.255.254:5050"],
        }
        with mock.patch.object(magnum, "bay_registry", return_value=registry) as read:
            status, answer = call("get", "/api/container_infra/bays/b-1/registry/")
        assert (status, answer) == (200, registry)
        assert read.call_args.args[1] == "b-1"


class CertificateTest(SimpleTestCase):
    def test_get_answers_the_ca_certificate(self) -> None:
        with mock.patch.object(magnum, "bay_certificate", return_value={"pem": "CA"}) as got:
            status, answer = call("get", "/api/container_infra/bays/b-1/certificate/")
        assert (status, answer) == (200, {"pem": "CA"})
        assert got.call_args.args[1] == "b-1"

    def test_post_signs_the_csr(self) -> None:
        """POST certificate/ {csr} answers {pem} of the signed certificate."""
        with mock.patch.object(
            magnum, "bay_certificate_sign", return_value={"pem": "SIGNED"}
        ) as signed:
            status, answer = call(
                "post", "/api/container_infra/bays/b-1/certificate/", {"csr": "CSR"}
            )
        assert (status, answer) == (200, {"pem": "SIGNED"})
        assert signed.call_args.args[1:] == ("b-1", "CSR")

    def test_post_needs_a_csr(self) -> None:
        with mock.patch.object(magnum, "bay_certificate_sign") as signed:
            status, answer = call(
                "post", "/api/container_infra/bays/b-1/certificate/", {"pem": "x"}
            )
        assert (status, answer) == (400, "csr is required.")
        signed.assert_not_called()

    def test_rotate_answers_202(self) -> None:
        """POST certificate/rotate/ asks the service to rotate the CA and answers 202."""
        with mock.patch.object(magnum, "bay_certificate_rotate", return_value=None) as rotated:
            status, _answer = call("post", "/api/container_infra/bays/b-1/certificate/rotate/")
        assert status == 202
        assert rotated.call_args.args[1] == "b-1"


class ConfigTest(SimpleTestCase):
    PATH = "/api/container_infra/bays/b-1/config/"

    def test_config_is_an_attachment_from_a_plain_link(self) -> None:
        """GET config/ without the AJAX header answers the tar.gz as a download."""
        archive = ("b-1-config.tar.gz", b"\x1f\x8bdata")
        with mock.patch.object(magnum, "bay_config_archive", return_value=archive) as made:
            response = raw("get", self.PATH, ajax=False)
        assert response.status_code == 200
        assert response.content == b"\x1f\x8bdata"
        assert response["Content-Type"] == "application/gzip"
        assert response["Content-Disposition"] == 'attachment; filename="b-1-config.tar.gz"'
        assert response["Cache-Control"] == "no-store"
        assert made.call_args.args[1] == "b-1"

    def test_a_service_error_is_a_text_page_with_the_reason(self) -> None:
        """A refused download shows the service's status and reason as text."""
        error = _service_error(409, "Cluster b-1 has no API address yet (CREATE_IN_PROGRESS).")
        with mock.patch.object(magnum, "bay_config_archive", side_effect=error):
            response = raw("get", self.PATH, ajax=False)
        assert response.status_code == 409
        assert response["Content-Type"].startswith("text/plain")
        assert response.content.decode() == (
            "Unable to download the bay's configuration: "
            "Cluster b-1 has no API address yet (CREATE_IN_PROGRESS)."
        )

    def test_an_anonymous_user_gets_401(self) -> None:
        with mock.patch.object(magnum, "bay_config_archive") as made:
            response = raw("get", self.PATH, ajax=False, authenticated=False)
        assert response.status_code == 401
        made.assert_not_called()
