"""REST glue between the dashboard's AngularJS code and :mod:`..magnum`.

One module per resource; :func:`register` is called from
``DashboardConfig.ready()`` so the views are registered exactly once.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from magnumclient import exceptions as magnum_exceptions
from openstack_dashboard.api.rest import utils

MODULES = ("bay_models", "bays")

View = TypeVar("View", bound=Callable[..., Any])


def register() -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")


def service_errors(view: View) -> View:
    """Answer the browser with the service API's own status and reason.

    Horizon's ``ajax`` decorator knows only its own clients' exceptions; any
    other becomes a bare 500.  The service's error body carries a title and a
    detail a person can act on: the detail is what the user sees.
    """

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except magnum_exceptions.HttpError as exc:
            reason = exc.details or exc.message or str(exc)
            raise utils.AjaxError(exc.http_status or 500, reason) from exc

    return wrapped  # type: ignore[return-value]
