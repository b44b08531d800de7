"""Rules of /v1/mservices."""

from magnum_ui.service.policies.base import ADMIN, rule

RULES = [
    rule(
        "magnum-service:get_all",
        ADMIN,
        "List the conductors and whether they are up.",
        "GET",
        "/v1/mservices",
    ),
]
