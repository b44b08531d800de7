"""The images a project may use, read from the registry's catalog.

The service asks the registry itself (``GET /v2/_catalog``) with a token it
signs for the catalog alone, and keeps what the project may pull: the
``library/`` images, named as users write them (``busybox``), and those of
the project's own namespace, named in full (``REGISTRY/<project id>/web``).
The list is a suggestion: a registry that does not answer within a few
seconds gives none, never an error.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
import urllib.error
import urllib.request
from typing import Any

from magnum_ui.service.registry import signing, tokens

LOG = logging.getLogger(__name__)
TIMEOUT = 3.0
MAX_REPOSITORIES = 1000


def catalog_token(issuer: tokens.Issuer, now: float | None = None) -> str:
    """A short token granting the catalog and nothing else."""
    issued = int(now if now is not None else time.time())
    claims: dict[str, Any] = {
        "iss": issuer.issuer, "sub": "magnum-ui-service", "aud": issuer.service,
        "iat": issued, "nbf": issued - tokens.LEEWAY, "exp": issued + 60,
        "jti": secrets.token_hex(16),
        "access": [{"type": "registry", "name": "catalog", "actions": ["*"]}],
    }  # fmt: skip
    return signing.sign(claims, issuer.key)


def usable(repositories: list[str], address: str, project_id: str) -> list[str]:
    """The repositories the project may pull, as a manifest would name them, sorted."""
    public = sorted(r.split("/", 1)[1] for r in repositories if r.startswith("library/"))
    own = sorted(f"{address}/{r}" for r in repositories if r.startswith(f"{project_id}/"))
    return public + own


def images_for(issuer: tokens.Issuer, address: str, project_id: str) -> list[str]:
    """What :func:`usable` keeps of the registry's catalog; [] when the registry is away."""
    request = urllib.request.Request(
        f"http://{address}/v2/_catalog?n={MAX_REPOSITORIES}",
        headers={"Authorization": f"Bearer {catalog_token(issuer)}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310
            listed = json.loads(answer.read()).get("repositories") or []
    except (OSError, ValueError, signing.SigningKeyError) as exc:
        LOG.warning("the registry's catalog at %s could not be read: %s", address, exc)
        return []
    return usable([str(r) for r in listed], address, project_id)
