"""Storage of the service: one module per resource."""

from magnum_ui.service.models.certificates import ClusterCA
from magnum_ui.service.models.cluster_templates import ClusterTemplate
from magnum_ui.service.models.clusters import Cluster
from magnum_ui.service.models.nodegroups import NodeGroup
from magnum_ui.service.models.operations import Operation
from magnum_ui.service.models.quotas import Quota
from magnum_ui.service.models.services import ConductorService

__all__ = [
    "Cluster",
    "ClusterCA",
    "ClusterTemplate",
    "ConductorService",
    "NodeGroup",
    "Operation",
    "Quota",
]
