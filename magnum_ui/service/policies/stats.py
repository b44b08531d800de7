"""Rules of /v1/stats."""

from magnum_ui.service.policies.base import ADMIN_OR_READER, rule

RULES = [
    rule(
        "stats:get_all",
        ADMIN_OR_READER,
        "Count a project's clusters and nodes (admins: any project's, or all).",
        "GET",
        "/v1/stats",
    ),
]
