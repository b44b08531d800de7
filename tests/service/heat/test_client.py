"""The conductor's Heat connections: every call bounded well under the lease."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magnum_ui.service import conf
from magnum_ui.service.heat import client


@pytest.fixture
def overrides() -> Iterator[None]:
    client._register()
    yield
    conf.CONF.clear_override("timeout", group=client.GROUP)
    conf.CONF.clear_override("lease_seconds", group="conductor")


def test_a_call_times_out_at_a_third_of_the_lease_unless_configured(overrides: None) -> None:
    conf.CONF.set_override("lease_seconds", 90.0, group="conductor")
    assert client.call_timeout() == 30.0
    conf.CONF.set_override("timeout", 7, group=client.GROUP)
    assert client.call_timeout() == 7
