"""The one place where failures become HTTP answers."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client

from magnum_ui.service import clusters
from tests.service.api.helpers import detail, get

pytestmark = pytest.mark.django_db


def test_a_database_that_does_not_answer_is_a_503_not_a_500(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def away(*args: object, **kwargs: object) -> None:
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(clusters, "visible", away)
    response = get(client, "/v1/clusters")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "database does not answer" in detail(response)
