"""Heartbeats of the conductors, served by ``/v1/mservices``."""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.base import Timestamped


class ConductorService(Timestamped):
    host = models.CharField(max_length=255)
    binary = models.CharField(max_length=255, default="magnum-conductor")
    disabled = models.BooleanField(default=False)
    disabled_reason = models.CharField(max_length=255, null=True)
    report_count = models.IntegerField(default=0)
    last_seen_up = models.DateTimeField(null=True)
    forced_down = models.BooleanField(default=False)
    # The reconciliation's last pass, and what its passes removed (newest first, a few).
    last_reconciled_at = models.DateTimeField(null=True)
    reconciled = models.JSONField(default=list, db_default=[])

    class Meta(Timestamped.Meta):
        constraints = [
            models.UniqueConstraint(fields=["host", "binary"], name="one_service_per_host")
        ]
