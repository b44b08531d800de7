"""Checking a registry caller's OpenStack user name and password with Keystone.

Users of the ``Default`` domain log in to the registry as they log in to the
dashboard.  The password is checked by asking Keystone for a token, and a
project's roles by asking for a token scoped to it (Keystone refuses one to
a user with no role there); the tokens are used for their answer only.
"""

from __future__ import annotations

from dataclasses import dataclass

from keystoneauth1 import exceptions, session
from keystoneauth1.identity import v3

TIMEOUT = 10.0


class IdentityUnavailable(RuntimeError):
    """Keystone did not answer: nobody can be checked now."""


@dataclass(frozen=True)
class KeystoneIdentity:
    auth_url: str
    domain_id: str = "default"

    def authenticates(self, username: str, password: str) -> bool:
        """Whether Keystone accepts ``password`` for ``username``."""
        return self._access(username, password, None) is not None

    def project_roles(self, username: str, password: str, project_id: str) -> frozenset[str]:
        """The user's role names on the project (implied roles included); empty if none."""
        found = self._access(username, password, project_id)
        return frozenset(found) if found is not None else frozenset()

    def _access(self, username: str, password: str, project_id: str | None) -> list[str] | None:
        auth = v3.Password(
            auth_url=self.auth_url, username=username, password=password,
            user_domain_id=self.domain_id, project_id=project_id,
        )  # fmt: skip
        try:
            access = auth.get_access(session.Session(timeout=TIMEOUT))
        except exceptions.Unauthorized:
            return None
        except (exceptions.ConnectFailure, exceptions.ConnectTimeout,
                exceptions.DiscoveryFailure, exceptions.HttpError) as exc:  # fmt: skip
            if isinstance(exc, exceptions.HttpError) and exc.http_status < 500:
                return None
            raise IdentityUnavailable(f"Keystone at {self.auth_url} did not answer: {exc}") from exc
        return list(access.role_names or [])
