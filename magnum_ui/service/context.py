"""Who is asking, as the rules see it: a user of a project, with roles and a token.

The API builds it from what keystonemiddleware confirmed (``api/context.py``);
policy, quotas and the hand-off to the conductor take it as is, with no
request in sight.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    user_id: str
    project_id: str
    roles: tuple[str, ...]
    auth_token: str

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    def __repr__(self) -> str:
        # The token is a secret: never let it reach a log line.
        return (
            f"RequestContext(user_id={self.user_id!r}, project_id={self.project_id!r}, "
            f"roles={self.roles!r})"
        )
