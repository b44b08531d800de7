"""Request bodies: the JSON document a request carries (checking it is
:mod:`magnum_ui.service.schemas`'s job)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest

from magnum_ui.service import errors

# No request of the API needs more (a JSON patch of a label: 4 levels).
MAX_DEPTH = 32


def json_body(request: HttpRequest) -> Any:
    """The request's JSON document; 400 when it is not JSON."""
    if not request.body:
        raise errors.Invalid("The request needs a JSON body.")
    try:
        document = json.loads(request.body)
    except RecursionError:
        document = None
        depth = MAX_DEPTH + 1
    except (ValueError, UnicodeDecodeError) as exc:
        raise errors.Invalid(f"The request body is not valid JSON: {exc}") from None
    else:
        depth = _depth(document)
    if depth > MAX_DEPTH:
        raise errors.Invalid(
            f"The request body is nested too deeply (more than {MAX_DEPTH} levels)."
        )
    return document


def _depth(document: Any) -> int:
    """How many arrays and objects deep the document goes (without recursion)."""
    deepest, pending = 0, [(document, 1)]
    while pending:
        node, level = pending.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            deepest = max(deepest, level)
            pending.extend((child, level + 1) for child in node)
    return deepest
