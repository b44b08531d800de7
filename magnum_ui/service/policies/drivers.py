"""Rules of /v1/drivers (our extension)."""

from magnum_ui.service.policies.base import ADMIN_OR_READER, rule

RULES = [
    rule(
        "driver:get_all",
        ADMIN_OR_READER,
        "List the installed drivers, their flavors and per-project bounds.",
        "GET",
        "/v1/drivers",
    ),
]
