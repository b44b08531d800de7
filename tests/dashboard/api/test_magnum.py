"""The dashboard's client for the service API."""

from __future__ import annotations

from types import SimpleNamespace
from unittest import mock

from magnum_ui.dashboard.api import magnum


def test_client_uses_the_users_token_and_the_catalog_endpoint() -> None:
    """The client calls the catalog's container-infra endpoint with the user's own token."""
    request = SimpleNamespace(user=SimpleNamespace(token=SimpleNamespace(id="user-token")))
    with mock.patch.object(magnum.base, "url_for", return_value="http://api:9511/v1") as url_for:
        client = magnum.client(request)
    url_for.assert_called_once_with(request, "container-infra")
    http = client.http_client
    assert http.endpoint_override == "http://api:9511/v1"
    assert http.session.get_token() == "user-token"
    assert http.api_version == "latest"
