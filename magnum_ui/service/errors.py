"""What the service refuses, and why: the domain's errors, without HTTP.

Rules anywhere in the service (cluster checks, quotas, policy, the conductor's
hand-off, the workload adapters) raise these; the API turns each into
Magnum's error body with the status its class names, in one place
(``api/errors.py``)::

    raise errors.Conflict(f"Cluster {uuid} is busy ({status}); try again later.")

The class says what kind of refusal it is; ``detail`` says it to a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class ServiceError(Exception):
    """A request the service cannot do; ``detail`` is the reason, for people.

    A kind of refusal names its status once: ``class Gone(ServiceError, status=410)``.
    """

    status: ClassVar[int] = 500

    def __init_subclass__(cls, status: int | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if status is not None:
            cls.status = status

    def __init__(self, detail: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        # Extra response headers a refusal carries (the microversion range of a 406).
        self.headers = dict(headers or {})


class Invalid(ServiceError, status=400):
    """The request is malformed or asks for something that cannot be."""


class Forbidden(ServiceError, status=403):
    """Policy or a bound (quota, capacity) refuses the caller."""


class NotFound(ServiceError, status=404):
    """No such object, or not one the caller may see."""


class NotAcceptable(ServiceError, status=406):
    """The caller asks for an API version this service does not speak."""


class Conflict(ServiceError, status=409):
    """The object's state does not allow the request now."""


class TooLarge(ServiceError, status=413):
    """The request body is larger than the service accepts."""


class Unavailable(ServiceError, status=503):
    """Something the service depends on (Heat, a bay) did not answer."""


_BY_STATUS: dict[int, type[ServiceError]] = {
    cls.status: cls
    for cls in (Invalid, Forbidden, NotFound, NotAcceptable, Conflict, TooLarge, Unavailable)
}


def for_status(status: int, detail: str) -> ServiceError:
    """The error of the kind an upstream status stands for (unknown ones: a ServiceError)."""
    found = _BY_STATUS.get(status)
    if found is not None:
        return found(detail)
    error = ServiceError(detail)
    error.status = status  # type: ignore[misc]
    return error
