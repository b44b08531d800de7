"""Magnum's error body: how the API answers every refusal (the domain raises
:mod:`magnum_ui.service.errors`; the middleware answers them with this).

Every error the API answers looks like Magnum's::

    {"errors": [{"request_id": "", "code": "client", "status": 400,
                 "title": "Bad Request", "detail": "...", "links": []}]}
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import JsonResponse


def error_response(status: int, detail: str, headers: dict[str, str] | None = None) -> JsonResponse:
    """Build the JSON response for one error."""
    body: dict[str, object] = {
        "errors": [
            {
                "request_id": "",
                "code": "client" if status < 500 else "server",
                "status": status,
                # As Magnum: the title is the detail's first sentence, which is what
                # python-magnumclient (and so the CLI and Horizon) shows people.
                "title": detail.split(". ", 1)[0].rstrip(".") or HTTPStatus(status).phrase,
                "detail": detail,
                "links": [],
            }
        ]
    }
    response = JsonResponse(body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
