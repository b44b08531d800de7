"""A cluster's certificate authority: the certificate, and its key encrypted at rest."""

from __future__ import annotations

from django.db import models

from magnum_ui.service.models.clusters import Cluster


class ClusterCA(models.Model):
    cluster = models.OneToOneField(Cluster, on_delete=models.CASCADE, related_name="ca")
    cert_pem = models.TextField()
    # The private key in PEM, Fernet-encrypted with [crypto] key; never returned.
    encrypted_key = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(null=True)
