"""Fixtures of the service half's tests.

Imports stay inside the fixtures: a child pytest that loads Heat (which
registers its own ``[database]`` options) also reads this file.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def encryption_key() -> Iterator[str]:
    """A fresh ``[crypto] encryption_key`` for the test (the service needs one to store secrets)."""
    from cryptography.fernet import Fernet

    from magnum_ui.service import conf

    key = Fernet.generate_key().decode()
    conf.CONF.set_override("encryption_key", key, group="crypto")
    yield key
    conf.CONF.clear_override("encryption_key", group="crypto")
