"""The dashboard's e2e tests keep the browser console clean."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.browser import console_errors


@pytest.fixture(autouse=True)
def clean_console(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test with a browser fails on any console error the product caused on its pages."""
    yield
    if "browser" not in request.fixturenames:
        return
    errors = console_errors(request.getfixturevalue("browser"))
    assert not errors, "the browser console logged errors:\n" + "\n".join(errors)
