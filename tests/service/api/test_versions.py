"""The public version documents and the microversion headers."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize("path", ["/", "/v1", "/v1/"])
def test_version_documents_need_no_token(client: Client, path: str) -> None:
    """The version documents answer without authentication, as in Magnum."""
    response = client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert "v1" in str(body)


def test_root_lists_v1_with_its_range(client: Client) -> None:
    """The root document names v1 with min 1.1 and max 1.14."""
    version = client.get("/").json()["versions"][0]
    assert (version["id"], version["min_version"], version["max_version"]) == ("v1", "1.1", "1.14")


def test_v1_links_the_collections(client: Client) -> None:
    """/v1 links clustertemplates, clusters and the seed-era twins."""
    body = client.get("/v1").json()
    for name in ("clustertemplates", "clusters", "baymodels", "bays"):
        assert body[name][0]["href"].endswith(f"/v1/{name}")


def test_response_carries_version_headers(client: Client) -> None:
    """Every answer names the minimum, maximum and chosen microversion."""
    response = client.get("/", HTTP_OPENSTACK_API_VERSION="container-infra 1.5")
    assert response["OpenStack-API-Minimum-Version"] == "container-infra 1.1"
    assert response["OpenStack-API-Maximum-Version"] == "container-infra 1.14"
    assert response["OpenStack-API-Version"] == "container-infra 1.5"


def test_latest_means_the_maximum(client: Client) -> None:
    response = client.get("/", HTTP_OPENSTACK_API_VERSION="container-infra latest")
    assert response["OpenStack-API-Version"] == "container-infra 1.14"


def test_no_header_means_the_minimum(client: Client) -> None:
    assert client.get("/")["OpenStack-API-Version"] == "container-infra 1.1"


@pytest.mark.parametrize("version", ["1.0", "1.15", "2.0"])
def test_version_outside_the_range_is_406(client: Client, version: str) -> None:
    """A microversion outside 1.1..1.14 is refused with 406 and Magnum's error body."""
    response = client.get("/", HTTP_OPENSTACK_API_VERSION=f"container-infra {version}")
    assert response.status_code == 406
    error = response.json()["errors"][0]
    assert error["status"] == 406
    assert "Minimum is 1.1 and maximum is 1.14" in error["detail"]


def test_malformed_version_is_400(client: Client) -> None:
    response = client.get("/", HTTP_OPENSTACK_API_VERSION="container-infra one")
    assert response.status_code == 400
