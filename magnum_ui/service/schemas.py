"""Request documents checked against JSON Schemas, with errors that name the field.

Schemas are declared next to the rules that use them (``clusters.CREATE_SCHEMA``,
...) and reused by the OpenAPI description, so what is validated and what is
documented cannot differ.  A document that does not match is an
:class:`~magnum_ui.service.errors.Invalid` whose detail names the field and the
rule it broke.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

from magnum_ui.service import errors

# A name as Magnum accepts it: a letter first, then letters, digits, '.', '_', '-'.
NAME_PATTERN = r"^[a-zA-Z][a-zA-Z0-9_.-]*$"
NAME = {"type": "string", "minLength": 1, "maxLength": 242, "pattern": NAME_PATTERN}
# A label's key: letters, digits and '.', '_', '-', '/' inside (kube_tag, example.com/tier).
LABEL_KEY_PATTERN = r"^[A-Za-z0-9]([A-Za-z0-9_./-]*[A-Za-z0-9])?$"
LABELS = {
    "type": "object",
    "propertyNames": {"maxLength": 253, "pattern": LABEL_KEY_PATTERN},
    "additionalProperties": {"type": "string", "maxLength": 1024},
    "maxProperties": 100,
}
LABELS_OR_NULL = {**LABELS, "type": ["object", "null"]}
# Every integer a request may send has a range: out of it is a 400 naming the field,
# never a number the database's 32-bit columns cannot hold.
MAX_COUNT = 1000  # nodes of a cluster or a group; a batch
MAX_VOLUME_GIB = 16384  # a node's disk (a driver may allow less: GET /v1/drivers)
VOLUME_GIB = {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_VOLUME_GIB}
# A string a request may also send as null (Magnum's columns hold 255 characters).
STRING_OR_NULL = {"type": ["string", "null"], "maxLength": 255}
# The uuid or name of something, or null.
IDENT_OR_NULL = {"type": ["string", "null"], "minLength": 1, "maxLength": 255}


def obj(required: Sequence[str], closed: bool = False, **properties: Any) -> dict[str, Any]:
    """An object schema; ``closed`` ones (request bodies) may have no other properties."""
    schema: dict[str, Any] = {"type": "object", "required": list(required)}
    if closed:
        schema["additionalProperties"] = False
    return {**schema, "properties": properties}


def body(required: Sequence[str], **properties: Any) -> dict[str, Any]:
    """A request body's schema: these properties and no other, ``required`` among them."""
    return obj(required, closed=True, **properties)


def _whole_pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """``pattern`` as JSON Schema means it, where ``$`` is the end of the string.

    (Python's ``$`` also matches before a final newline: "web\\n" would pass as a name.)
    """
    if not validator.is_type(instance, "string"):
        return
    found = re.search(pattern, instance)
    if found is None or (pattern.endswith("$") and found.end() != len(instance)):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = validators.extend(Draft202012Validator, {"pattern": _whole_pattern})


def validate(document: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """``document`` if it matches ``schema``; else a 400 naming the field and the rule."""
    validator = Validator(schema)
    error = best_match(validator.iter_errors(document))
    if error is not None:
        raise errors.Invalid(describe(error))
    if not isinstance(document, dict):
        raise errors.Invalid("The request body must be a JSON object.")
    return document


def describe(error: ValidationError) -> str:
    field = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"Unknown field(s): {', '.join(unknown)}."
    if error.validator == "pattern" and error.schema.get("pattern") == LABEL_KEY_PATTERN:
        return (
            f"{field or 'labels'}: {error.instance!r} is not a valid label key: letters, digits "
            "and '.', '_', '-', '/' between them."
        )
    if error.validator == "pattern" and error.schema.get("pattern") == NAME_PATTERN:
        return (
            f"{field or 'name'}: {error.instance!r} is not a valid name: it must start with a "
            "letter and contain only letters, digits, '.', '_' and '-'."
        )
    if error.validator == "required":
        return f"{error.message}."
    message = error.message
    return f"{field}: {message}." if field else f"{message}."


def validate_patch(document: Any) -> list[dict[str, Any]]:
    """An RFC 6902 patch document (a list of add / replace / remove operations)."""
    from magnum_ui.service.patches import PATCH_SCHEMA

    error = best_match(Validator(PATCH_SCHEMA).iter_errors(document))
    if error is not None:
        raise errors.Invalid(f"Not a JSON patch: {describe(error)}")
    return list(document)
