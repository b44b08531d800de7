"""Rules of /v1/clusters/{id}/workloads: what runs on a bay (our extension).

Reading follows ``cluster:get`` (readers of the bay's project); changing
workloads follows ``cluster:update`` (members).  The bay's own credentials
never leave the service, so these rules are the only gate.
"""

from magnum_ui.service.policies.base import ADMIN_OR_MEMBER, ADMIN_OR_READER, rule

PATH = "/v1/clusters/{id}/workloads"
ONE = PATH + "/{kind}/{name}"

RULES = [
    rule(
        "cluster:workloads:get",
        ADMIN_OR_READER,
        "List and show a bay's workloads and read their logs.",
        "GET",
        PATH + "/{kind}",
    ),
    rule(
        "cluster:workloads:create",
        ADMIN_OR_MEMBER,
        "Create workloads on a bay from a manifest.",
        "POST",
        PATH,
    ),
    rule(
        "cluster:workloads:update",
        ADMIN_OR_MEMBER,
        "Scale a workload of a bay.",
        "POST",
        ONE + "/scale",
    ),
    rule(
        "cluster:workloads:delete",
        ADMIN_OR_MEMBER,
        "Delete a workload of a bay.",
        "DELETE",
        ONE,
    ),
]
