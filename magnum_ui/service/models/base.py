"""What stored resources share: timestamps, and for those a project owns, a uuid and an owner."""

from __future__ import annotations

import uuid

from django.db import models


def new_uuid() -> str:
    return str(uuid.uuid4())


class Timestamped(models.Model):
    """When the row was made and last changed; lists come in the order rows were made."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(null=True, auto_now=True)

    class Meta:
        abstract = True
        ordering = ["id"]


class ProjectOwned(Timestamped):
    """A resource that belongs to one Keystone project and one user."""

    uuid = models.CharField(max_length=36, unique=True, default=new_uuid)
    name = models.CharField(max_length=255, null=True, db_index=True)
    project_id = models.CharField(max_length=64, db_index=True)
    user_id = models.CharField(max_length=64)

    class Meta(Timestamped.Meta):
        abstract = True
