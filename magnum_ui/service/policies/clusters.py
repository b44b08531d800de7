"""Rules of /v1/clusters (and /v1/bays)."""

from magnum_ui.service.policies.base import ADMIN, ADMIN_OR_MEMBER, ADMIN_OR_READER, rule

PATH = "/v1/clusters"

RULES = [
    rule("cluster:create", ADMIN_OR_MEMBER, "Create a cluster.", "POST", PATH),
    rule("cluster:get", ADMIN_OR_READER, "Show a cluster.", "GET", PATH + "/{id}"),
    rule("cluster:get_all", ADMIN_OR_READER, "List clusters.", "GET", PATH),
    rule("cluster:get_all_all_projects", ADMIN, "List clusters of every project.", "GET", PATH),
    rule("cluster:update", ADMIN_OR_MEMBER, "Update a cluster.", "PATCH", PATH + "/{id}"),
    rule(
        "cluster:resize",
        ADMIN_OR_MEMBER,
        "Resize a cluster.",
        "POST",
        PATH + "/{id}/actions/resize",
    ),
    rule(
        "cluster:upgrade",
        ADMIN_OR_MEMBER,
        "Upgrade a cluster.",
        "POST",
        PATH + "/{id}/actions/upgrade",
    ),
    rule("cluster:delete", ADMIN_OR_MEMBER, "Delete a cluster.", "DELETE", PATH + "/{id}"),
    rule(
        "cluster:get_config",
        ADMIN_OR_MEMBER,
        "Get a cluster's client configuration (with a fresh client key).",
        "GET",
        PATH + "/{id}/config",
    ),
]
