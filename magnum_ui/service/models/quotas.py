"""Per-project quotas (Magnum knows one resource: ``Cluster``)."""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.base import Timestamped


class Quota(Timestamped):
    project_id = models.CharField(max_length=64)
    resource = models.CharField(max_length=255)
    hard_limit = models.IntegerField()

    class Meta(Timestamped.Meta):
        constraints = [
            models.UniqueConstraint(fields=["project_id", "resource"], name="quota_per_resource")
        ]
