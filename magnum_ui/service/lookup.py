"""Finding one object by uuid or by name, as Magnum does everywhere."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet

from magnum_ui.service import errors


def is_uuid(ident: str) -> bool:
    try:
        uuid.UUID(ident)
    except ValueError:
        return False
    return True


def find(queryset: QuerySet[Any], ident: str, kind: str) -> Any:
    """The object named ``ident`` in ``queryset``: 404 if none, 409 if the name is shared."""
    field = "uuid" if is_uuid(ident) else "name"
    found: list[Any] = list(queryset.filter(**{field: ident})[:2])
    if not found:
        raise errors.NotFound(f"{kind} {ident} could not be found.")
    if len(found) > 1:
        raise errors.Conflict(
            f"Multiple {kind}s exist with the name {ident!r}. Use the {kind}'s uuid instead.",
        )
    return found[0]
