"""The hand-off of work from the API to the conductors.

See :mod:`magnum_ui.service.models.operations` for the guarantees.  The API
calls :func:`enqueue`; a conductor calls :func:`claim`, keeps its lease with
:func:`renew`, reads the user's token once with :func:`take_token` and
erases it with :func:`erase_token` after the stack call that needed it, and
ends with :func:`finish`.  Every conductor-side write is a compare-and-set on
``claimed_by``, so a conductor that lost its lease can change nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from magnum_ui.service import crypto, errors
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import Cluster, Operation
from magnum_ui.service.models.operations import DONE, FAILED, PENDING, RUNNING, UNFINISHED


def enqueue(cluster: Cluster, kind: str, params: dict[str, Any], ctx: RequestContext) -> Operation:
    """Record work for a conductor; 409 if the cluster already has unfinished work."""
    token = crypto.encrypt(ctx.auth_token) if ctx.auth_token else None
    try:
        with transaction.atomic():
            return Operation.objects.create(
                cluster=cluster,
                kind=kind,
                params=params,
                auth_token=token,
                project_id=ctx.project_id,
                user_id=ctx.user_id,
            )
    except IntegrityError:
        raise errors.Conflict(
            f"Cluster {cluster.uuid} is busy with another operation; "
            "try again when its status is no longer *_IN_PROGRESS.",
        ) from None


def supersede(cluster: Cluster, reason: str) -> int:
    """End every unfinished operation of ``cluster`` (a delete replaces them)."""
    return Operation.objects.filter(cluster=cluster, state__in=UNFINISHED).update(
        state=FAILED, result=reason, auth_token=None, updated_at=timezone.now()
    )


def claim(conductor: str, lease_seconds: float) -> Operation | None:
    """Take the oldest operation that is unclaimed or whose lease ran out."""
    now = timezone.now()
    claimable = Q(claimed_by__isnull=True) | Q(lease_expires_at__lt=now)
    candidates = (
        Operation.objects.filter(state__in=UNFINISHED)
        .filter(claimable)
        .order_by("id")
        .values_list("id", "claimed_by", "lease_expires_at")[:20]
    )
    for op_id, holder, lease in list(candidates):
        # Compare-and-set on exactly what we read: one claimant wins.
        won = Operation.objects.filter(
            id=op_id, claimed_by=holder, lease_expires_at=lease, state__in=UNFINISHED
        ).update(
            claimed_by=conductor,
            lease_expires_at=now + timedelta(seconds=lease_seconds),
            state=RUNNING,
            attempts=F("attempts") + 1,
            updated_at=now,
        )
        if won:
            return Operation.objects.select_related("cluster").get(id=op_id)
    return None


def renew(operation: Operation, conductor: str, lease_seconds: float) -> bool:
    """Extend the lease; False means another conductor took the operation over."""
    now = timezone.now()
    return bool(
        Operation.objects.filter(id=operation.pk, claimed_by=conductor, state=RUNNING).update(
            lease_expires_at=now + timedelta(seconds=lease_seconds), updated_at=now
        )
    )


def retry_later(operation: Operation, conductor: str, delay: float) -> bool:
    """Give the operation back to the queue in ``delay`` seconds (a transient failure)."""
    return bool(
        Operation.objects.filter(id=operation.pk, claimed_by=conductor, state=RUNNING).update(
            lease_expires_at=timezone.now() + timedelta(seconds=delay), updated_at=timezone.now()
        )
    )


# What an erased token leaves: the call it was kept for was made.  (NULL: never kept.)
USED = ""


def take_token(operation: Operation) -> str | None:
    """The requester's token, decrypted (None once erased, or if it was never kept)."""
    stored = Operation.objects.filter(id=operation.pk).values_list("auth_token", flat=True).first()
    return crypto.decrypt(stored) if stored else None


def token_used(operation: Operation) -> bool:
    """Whether the token was erased after the call it was kept for (not: never kept)."""
    stored = Operation.objects.filter(id=operation.pk).values_list("auth_token", flat=True).first()
    return stored == USED


def erase_token(operation: Operation, conductor: str) -> None:
    """Forget the token once the stack call that needed it is made (recorded as made)."""
    Operation.objects.filter(id=operation.pk, claimed_by=conductor).update(auth_token=USED)


def note_update_sent(operation: Operation, conductor: str, sent: dict[str, Any]) -> None:
    """Record what the stack was just before the update call (see conductor.sent_updates)."""
    Operation.objects.filter(id=operation.pk, claimed_by=conductor).update(update_sent=sent)
    operation.update_sent = sent


def finish(operation: Operation, conductor: str, succeeded: bool, result: str = "") -> bool:
    """Close the operation; False if this conductor no longer holds it."""
    return bool(
        Operation.objects.filter(id=operation.pk, claimed_by=conductor, state=RUNNING).update(
            state=DONE if succeeded else FAILED,
            result=result,
            auth_token=None,
            lease_expires_at=None,
            updated_at=timezone.now(),
        )
    )


__all__ = [
    "PENDING",
    "claim",
    "enqueue",
    "erase_token",
    "finish",
    "note_update_sent",
    "renew",
    "retry_later",
    "supersede",
    "take_token",
    "token_used",
]
