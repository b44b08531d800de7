"""Request bodies: the JSON document a request carries (checking it is
:mod:`magnum_ui.service.schemas`'s job)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest

from magnum_ui.service import errors


def json_body(request: HttpRequest) -> Any:
    """The request's JSON document; 400 when it is not JSON."""
    if not request.body:
        raise errors.Invalid("The request needs a JSON body.")
    try:
        return json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise errors.Invalid(f"The request body is not valid JSON: {exc}") from None
