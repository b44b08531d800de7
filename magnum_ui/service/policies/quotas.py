"""Rules of /v1/quotas: admins manage quotas; a project's readers see its own."""

from magnum_ui.service.policies.base import ADMIN, ADMIN_OR_READER, rule

PATH = "/v1/quotas"
ONE = PATH + "/{project_id}/{resource}"

RULES = [
    rule("quota:create", ADMIN, "Set a project's quota.", "POST", PATH),
    rule("quota:delete", ADMIN, "Delete a project's quota (its default applies).", "DELETE", ONE),
    rule("quota:get", ADMIN_OR_READER, "Show a project's quota.", "GET", ONE),
    rule("quota:get_all", ADMIN, "List quotas.", "GET", PATH),
    rule("quota:update", ADMIN, "Change a project's quota.", "PATCH", ONE),
]
