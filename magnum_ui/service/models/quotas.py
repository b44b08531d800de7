"""Per-project quotas (Magnum knows one resource: ``Cluster``)."""

from __future__ import annotations

from django.db import models


class Quota(models.Model):
    project_id = models.CharField(max_length=64)
    resource = models.CharField(max_length=255)
    hard_limit = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(null=True, auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["project_id", "resource"], name="quota_per_resource")
        ]
