"""Rules of /v1/certificates: a cluster's CA certificate, signing CSRs, rotating the CA."""

from magnum_ui.service.policies.base import ADMIN_OR_MEMBER, ADMIN_OR_READER, rule

PATH = "/v1/certificates"

RULES = [
    rule(
        "certificate:get",
        ADMIN_OR_READER,
        "Show the CA certificate of a cluster.",
        "GET",
        PATH + "/{cluster_ident}",
    ),
    rule(
        "certificate:create",
        ADMIN_OR_MEMBER,
        "Have a cluster's CA sign a certificate signing request.",
        "POST",
        PATH,
    ),
    rule(
        "certificate:rotate_ca",
        ADMIN_OR_MEMBER,
        "Replace a cluster's CA, so certificates it signed stop being trusted.",
        "PATCH",
        PATH + "/{cluster_ident}",
    ),
]
