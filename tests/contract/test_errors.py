"""Error paths as real clients meet them: Magnum's error body must reach the person."""

from __future__ import annotations

import pytest
import requests
from magnumclient import exceptions
from magnumclient.v1 import client as magnum_client
from openstack import exceptions as sdk_exceptions

from tests.allinone import AllInOne
from tests.contract.clients import cli_run, magnum, sdk, session

pytestmark = pytest.mark.e2e

K8S = {"coe": "kubernetes", "image_id": "fedora-coreos-38", "external_network_id": "public"}


def test_a_bad_field_is_a_400_whose_detail_names_it(aio: AllInOne) -> None:
    """magnumclient raises BadRequest carrying Magnum's detail, which names the field."""
    with pytest.raises(exceptions.BadRequest) as bad:
        magnum(aio).cluster_templates.create(name="t", docker_volume_size=0, **K8S)
    assert bad.value.http_status == 400
    assert "docker_volume_size" in str(bad.value.details)


def test_the_sdk_exception_carries_magnums_error_body(aio: AllInOne) -> None:
    """openstacksdk raises BadRequestException; its response holds Magnum's error body."""
    cim = sdk(aio).container_infrastructure_management
    with pytest.raises(sdk_exceptions.BadRequestException) as bad:
        cim.create_cluster_template(name="1-starts-with-a-digit", **K8S)
    assert bad.value.status_code == 400
    assert bad.value.response is not None
    error = bad.value.response.json()["errors"][0]
    assert error["status"] == 400
    assert "not a valid name" in error["detail"]


def test_an_unknown_template_is_named_in_the_400(aio: AllInOne) -> None:
    """Creating a cluster from a template that does not exist fails with a detail naming it."""
    with pytest.raises(exceptions.HttpError) as bad:
        magnum(aio).clusters.create(name="c", cluster_template_id="no-such-template")
    assert bad.value.http_status in (400, 404)
    assert "no-such-template" in str(bad.value.details)


def test_the_cli_tells_the_person_what_was_wrong(aio: AllInOne) -> None:
    """`openstack coe cluster template create` with a bad size prints which field is wrong."""
    done = cli_run(
        aio,
        "demo",
        *("coe", "cluster", "template", "create", "bad-size", "--coe", "kubernetes"),
        *("--image", "fedora-coreos-38", "--external-network", "public"),
        *("--docker-volume-size", "0"),
    )
    assert done.returncode != 0
    assert "(HTTP 400)" in done.stderr
    assert "docker_volume_size" in done.stderr


def test_another_projects_objects_are_not_found(aio: AllInOne) -> None:
    """What admin makes in project admin does not exist for demo: 404, never 403."""
    admin = magnum(aio, "admin")
    template = admin.cluster_templates.create(name="admins-only", **K8S)
    cluster_uuid = admin.clusters.create(name="admins", cluster_template_id=template.uuid).uuid
    demo = magnum(aio)
    with pytest.raises(exceptions.NotFound):
        demo.cluster_templates.get(template.uuid)
    with pytest.raises(exceptions.NotFound):
        demo.clusters.get(cluster_uuid)
    with pytest.raises(exceptions.NotFound):
        demo.clusters.delete("admins")
    assert demo.clusters.list() == []
    assert admin.clusters.get(cluster_uuid).name == "admins"


@pytest.mark.parametrize("version", ["1.99", "2.1", "1.0"])
def test_an_unsupported_microversion_is_a_406(aio: AllInOne, version: str) -> None:
    """A microversion outside the API's range is refused with 406 and the supported range."""
    with pytest.raises(exceptions.NotAcceptable) as refused:
        magnum(aio, api_version=version).clusters.list()
    assert "1.1" in str(refused.value.details)


def test_the_version_headers_announce_the_range(aio: AllInOne) -> None:
    """Every answer states the minimum, maximum and chosen microversion."""
    response = session(aio).get(
        aio.api_url + "/clusters", headers={"OpenStack-API-Version": "container-infra 1.9"}
    )
    assert response.headers["OpenStack-API-Version"] == "container-infra 1.9"
    assert response.headers["OpenStack-API-Minimum-Version"] == "container-infra 1.1"
    assert response.headers["OpenStack-API-Maximum-Version"].startswith("container-infra 1.")


def test_no_token_is_a_401(aio: AllInOne) -> None:
    """Without X-Auth-Token the API answers 401 in Magnum's error body."""
    response = requests.get(aio.api_url + "/clusters", timeout=30)
    assert response.status_code == 401
    assert response.json()["errors"][0]["status"] == 401


def test_an_invalid_token_is_a_401_for_the_client(aio: AllInOne) -> None:
    """magnumclient with a token Keystone never issued gets Unauthorized."""
    root = aio.api_url.removesuffix("/v1")  # magnumclient adds /v1 itself
    client = magnum_client.Client(endpoint_override=root, auth_token="not-a-token")
    with pytest.raises(exceptions.Unauthorized):
        client.clusters.list()
