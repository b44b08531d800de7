"""Rules of /v1/clustertemplates (and /v1/baymodels)."""

from magnum_ui.service.policies.base import ADMIN, ADMIN_OR_MEMBER, ADMIN_OR_READER, rule

PATH = "/v1/clustertemplates"

RULES = [
    rule("clustertemplate:create", ADMIN_OR_MEMBER, "Create a cluster template.", "POST", PATH),
    rule("clustertemplate:get", ADMIN_OR_READER, "Show a cluster template.", "GET", PATH + "/{id}"),
    rule("clustertemplate:get_all", ADMIN_OR_READER, "List cluster templates.", "GET", PATH),
    rule(
        "clustertemplate:update",
        ADMIN_OR_MEMBER,
        "Update a cluster template.",
        "PATCH",
        PATH + "/{id}",
    ),
    rule(
        "clustertemplate:delete",
        ADMIN_OR_MEMBER,
        "Delete a cluster template.",
        "DELETE",
        PATH + "/{id}",
    ),
    rule(
        "clustertemplate:publish", ADMIN, "Make a cluster template public or hidden.", "POST", PATH
    ),
]
