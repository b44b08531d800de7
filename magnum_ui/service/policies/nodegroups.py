"""Rules of /v1/clusters/{cluster_ident}/nodegroups; the target is the cluster's project."""

from magnum_ui.service.policies.base import ADMIN_OR_MEMBER, ADMIN_OR_READER, rule

PATH = "/v1/clusters/{cluster_ident}/nodegroups"

RULES = [
    rule("nodegroup:get", ADMIN_OR_READER, "Show a node group.", "GET", PATH + "/{nodegroup}"),
    rule("nodegroup:get_all", ADMIN_OR_READER, "List a cluster's node groups.", "GET", PATH),
    rule("nodegroup:create", ADMIN_OR_MEMBER, "Add a node group to a cluster.", "POST", PATH),
    rule(
        "nodegroup:update", ADMIN_OR_MEMBER, "Update a node group.", "PATCH", PATH + "/{nodegroup}"
    ),
    rule(
        "nodegroup:delete", ADMIN_OR_MEMBER, "Delete a node group.", "DELETE", PATH + "/{nodegroup}"
    ),
]
