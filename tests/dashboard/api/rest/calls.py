"""Calling the dashboard's REST views as the browser does, without a server.

The path is resolved through Horizon's real URL configuration, so each test
also checks the view's ``url_regex``.  ``api.magnum`` is replaced in the
tests; the whole chain through the real service API and Keystone runs in
``tests/e2e``.
"""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

from django.test import RequestFactory
from django.urls import resolve

PROJECT_ID = "project-1"


def user(authenticated: bool = True) -> mock.Mock:
    return mock.Mock(is_authenticated=authenticated, project_id=PROJECT_ID)


def raw(
    method: str, path: str, body: Any = None, ajax: bool = True,
    more_headers: dict[str, str] | None = None, **user_kw: Any,
) -> Any:  # fmt: skip
    """The HttpResponse the view at ``path`` answers to ``method`` with a JSON ``body``.

    ``more_headers`` as WSGI names (``HTTP_IF_NONE_MATCH``).
    """
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    headers.update(more_headers or {})
    factory = RequestFactory()
    data = "" if body is None else json.dumps(body)
    request = factory.generic(
        method.upper(), path, data=data, content_type="application/json", **headers
    )
    request.user = user(**user_kw)
    match = resolve(path.split("?", 1)[0])
    return match.func(request, *match.args, **match.kwargs)


def call(method: str, path: str, body: Any = None, **user_kw: Any) -> tuple[int, Any]:
    """``(status, decoded JSON body)``; an empty body decodes to None."""
    response = raw(method, path, body, **user_kw)
    content = response.content
    return response.status_code, json.loads(content) if content else None
