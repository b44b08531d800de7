"""Work the API hands to the conductor: one row per create, update, resize, upgrade or delete.

The hand-off, with the guarantees the database gives:

* The API records an :class:`Operation` in the same transaction that changes
  the cluster's status, and answers 202.  A partial unique index allows at
  most one *unfinished* operation per cluster, so two requests can never both
  start work on one bay (the second gets 409).
* A conductor claims an operation with a compare-and-set ``UPDATE ... WHERE
  claimed_by IS NULL OR lease expired`` (see :mod:`magnum_ui.service.operations`);
  the database applies it to one claimant only, so two conductors never work
  on the same operation, on SQLite and PostgreSQL alike.
* The requesting user's token rides with the operation (encrypted at rest) and
  is erased once the stack call that needed it has succeeded.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from magnum_ui.service.models.clusters import Cluster

KINDS = ("create", "update", "resize", "upgrade", "delete")
PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
UNFINISHED = (PENDING, RUNNING)


class Operation(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="operations")
    kind = models.CharField(max_length=16, choices=[(k, k) for k in KINDS])
    params = models.JSONField(default=dict)
    state = models.CharField(max_length=16, default=PENDING, db_index=True)
    # The requester's Keystone token, Fernet-encrypted; erased after use.
    auth_token = models.TextField(null=True)
    project_id = models.CharField(max_length=64)
    user_id = models.CharField(max_length=64)
    claimed_by = models.CharField(max_length=255, null=True)
    lease_expires_at = models.DateTimeField(null=True)
    attempts = models.IntegerField(default=0)
    # The stack as it was just before this operation's update call ({"updated_time": ...});
    # null while none was made.  A retry reads from it whether Heat took the update
    # (magnum_ui.service.conductor.sent_updates).
    update_sent = models.JSONField(null=True)
    result = models.TextField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster"],
                condition=Q(state__in=UNFINISHED),
                name="one_unfinished_operation_per_cluster",
            )
        ]

    def __repr__(self) -> str:
        # Never show the token.
        return f"Operation(id={self.pk}, kind={self.kind!r}, state={self.state!r})"
