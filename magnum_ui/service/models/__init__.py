"""Storage of the service: one module per resource."""

from magnum_ui.service.models.cluster_templates import ClusterTemplate
from magnum_ui.service.models.clusters import Cluster

__all__ = ["Cluster", "ClusterTemplate"]
