"""A Heat call's failure, told as what the operation does next."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keystoneauth1 import exceptions as ks_exceptions
from openstack import exceptions

from magnum_ui.service.conductor import heat_calls
from magnum_ui.service.heat import stacks
from tests.service.conductor.fake_heat import http_error


def failing(exc: Exception) -> Callable[[], None]:
    def request() -> None:
        raise exc

    return request


def test_an_answer_is_returned() -> None:
    assert heat_calls.call(lambda: "stack-1") == "stack-1"


def test_a_conflict_is_a_busy_stack() -> None:
    with pytest.raises(heat_calls.StackBusy):
        heat_calls.call(failing(exceptions.ConflictException("an action is in progress")))


@pytest.mark.parametrize(
    "exc",
    [http_error(401, "Unauthorized"), ks_exceptions.Unauthorized(), ks_exceptions.NotFound(
        "Could not find token")],
    ids=["heat-401", "keystone-401", "keystone-token-gone"],
)  # fmt: skip
def test_an_unusable_token_fails_the_operation_saying_to_repeat_it(exc: Exception) -> None:
    with pytest.raises(heat_calls.OperationFailed, match=r"token expired .* repeat the request"):
        heat_calls.call(failing(exc))


def test_heat_failing_is_for_later_and_a_refusal_is_final() -> None:
    """5xx: Heat is away, try again; 4xx: the request cannot succeed, with Heat's reason."""
    with pytest.raises(stacks.HeatUnavailable, match="Heat failed the request"):
        heat_calls.call(failing(http_error(503, "database away")))
    with pytest.raises(heat_calls.OperationFailed, match=r"Heat refused the request: .*quota"):
        heat_calls.call(failing(http_error(400, "over quota")))
