"""RFC 6902 JSON-patch updates with Magnum's rules.

A patch is applied to the object's *wire* representation; only the paths a
resource allows may be touched, and the result is validated again with the
resource's schema before anything is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

import jsonpatch

from magnum_ui.service import errors

PATCH_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["op", "path"],
        "properties": {
            "op": {"enum": ["add", "replace", "remove"]},
            "path": {"type": "string", "pattern": "^/[a-z_]+(/.*)?$"},
            "value": {},
        },
        "additionalProperties": False,
    },
}


def apply(
    document: dict[str, Any], patch: list[dict[str, Any]], allowed: Iterable[str], why: str
) -> dict[str, Any]:
    """``document`` with ``patch`` applied; 400 if a path is not in ``allowed``.

    ``why`` starts the error sentence, e.g. "Only" or "The cluster is in use, so only".
    """
    allowed = set(allowed)
    for operation in patch:
        field = operation["path"].lstrip("/").split("/", 1)[0]
        if field not in allowed:
            raise errors.Invalid(
                f"{field!r} cannot be changed. {why} these fields can: "
                f"{', '.join(sorted(allowed))}.",
            )
        if operation["op"] in ("add", "replace") and "value" not in operation:
            raise errors.Invalid(f"{operation['op']} on {operation['path']} needs a value.")
    try:
        patched: dict[str, Any] = jsonpatch.apply_patch(copy.deepcopy(document), patch)
        return patched
    except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException) as exc:
        raise errors.Invalid(f"The patch cannot be applied: {exc}") from None
