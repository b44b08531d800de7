"""What a Heat call's failure means for the operation that made it.

The conductor calls Heat as the requester (their kept Keystone token) and as
the service; :func:`call` turns the clients' errors into the three outcomes a
worker acts on:

* :class:`StackBusy` -- a legacy Heat's 409: an action already runs on the stack;
* :class:`OperationFailed` -- the request cannot succeed (refused, or the
  requester's token expired): the message becomes the cluster's status_reason;
* :class:`magnum_ui.service.heat.stacks.HeatUnavailable` -- Heat failed (5xx):
  the operation is tried again later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keystoneauth1 import exceptions as ks_exceptions
from openstack import exceptions

from magnum_ui.service.heat import stacks


class OperationFailed(Exception):
    """The operation cannot succeed; the message becomes the cluster's status_reason."""


class StackBusy(Exception):
    """Heat refused a stack action because one is running on the stack (409)."""


def call(request: Callable[[], Any]) -> Any:
    """``request()``'s answer, its failure told as one of the outcomes above."""
    try:
        return request()
    except exceptions.ConflictException as exc:
        raise StackBusy(str(exc)) from None
    except (exceptions.HttpException, ks_exceptions.HttpError) as exc:
        status = getattr(exc, "status_code", None) or getattr(exc, "http_status", None)
        if (
            status == 401
            or isinstance(exc, ks_exceptions.Unauthorized)
            or (isinstance(exc, ks_exceptions.NotFound) and "token" in str(exc).lower())
        ):
            raise OperationFailed(
                "the requester's Keystone token expired (or was revoked) before the "
                "conductor could use it; repeat the request"
            ) from None
        details = getattr(exc, "details", None) or exc
        if (status or 0) >= 500:
            raise stacks.HeatUnavailable(f"Heat failed the request: {details}") from None
        raise OperationFailed(f"Heat refused the request: {details}") from None
