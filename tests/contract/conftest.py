"""Each contract test starts from, and leaves, an empty cloud: no templates, clusters or quotas.

The e2e tests that run after these expect a new cloud's empty tables.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.allinone import AllInOne
from tests.contract.clients import wipe


@pytest.fixture(autouse=True)
def clean_cloud(aio: AllInOne) -> Iterator[None]:
    wipe(aio)
    yield
    wipe(aio)
