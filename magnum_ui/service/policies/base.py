"""Building blocks the resource rules are made of."""

from oslo_policy import policy

ADMIN = "role:admin"
PROJECT_MEMBER = "role:member and project_id:%(project_id)s"
PROJECT_READER = "role:reader and project_id:%(project_id)s"
ADMIN_OR_MEMBER = "rule:context_is_admin or rule:project_member"
ADMIN_OR_READER = "rule:context_is_admin or rule:project_reader"

RULES = [
    policy.RuleDefault("context_is_admin", ADMIN, "Anyone with the admin role."),
    policy.RuleDefault("project_member", PROJECT_MEMBER, "A member of the object's project."),
    policy.RuleDefault(
        "project_reader",
        PROJECT_READER,
        "A reader (members are readers too) of the object's project.",
    ),
]


def rule(
    name: str, check: str, description: str, method: str, path: str
) -> policy.DocumentedRuleDefault:
    return policy.DocumentedRuleDefault(
        name=name,
        check_str=check,
        description=description,
        operations=[{"method": method, "path": path}],
    )
