"""Request pipeline: errors in Magnum's body, identity, microversions."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

from magnum_ui.service import errors
from magnum_ui.service.api import context, microversions
from magnum_ui.service.api.errors import error_response

LOG = logging.getLogger(__name__)

# The version documents are public, as in Magnum; everything else needs a token.
PUBLIC_PATHS = frozenset({"/", "/v1", "/v1/"})

Handler = Callable[[HttpRequest], HttpResponse]


class ServiceErrorMiddleware:
    """Turn a :class:`~magnum_ui.service.errors.ServiceError` (and any crash) into Magnum's body.

    The one place where the domain's refusals become HTTP answers.
    """

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse:
        if isinstance(exc, errors.ServiceError):
            if exc.status >= 500:
                LOG.warning("%s %s: %s", request.method, request.path, exc.detail)
            return error_response(exc.status, exc.detail, exc.headers)
        if isinstance(exc, RequestDataTooBig):
            return error_response(413, "Request body is too large.")
        if isinstance(exc, (OperationalError, InterfaceError)):
            # The database is away (restarting, unreachable): nothing was changed.
            LOG.warning("%s %s: the database does not answer: %s", request.method, request.path,
                        exc)  # fmt: skip
            return error_response(
                503, "The service's database does not answer; try again shortly.",
                {"Retry-After": "5"},
            )  # fmt: skip
        LOG.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "The service hit an unexpected error; see its log.")


class KeystoneContextMiddleware:
    """Refuse requests Keystone did not authenticate; attach the caller's context."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ctx = context.from_request(request)
        if ctx is None and request.path not in PUBLIC_PATHS:
            return error_response(
                401,
                "Authentication required: send a valid project-scoped Keystone token "
                "in X-Auth-Token.",
            )
        request.magnum_context = ctx
        return self.get_response(request)


class MicroversionMiddleware:
    """Negotiate the microversion and answer with the version headers."""

    def __init__(self, get_response: Handler):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            version = microversions.parse(request.headers.get(microversions.HEADER))
        except errors.ServiceError as exc:
            headers = microversions.response_headers(microversions.MIN_VERSION)
            del headers[microversions.HEADER]
            return error_response(exc.status, exc.detail, headers)
        request.api_version = version
        response = self.get_response(request)
        for name, value in microversions.response_headers(version).items():
            response[name] = value
        return response
