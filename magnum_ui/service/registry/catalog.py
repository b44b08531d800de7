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
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from magnum_ui.service.registry import signing, tokens

LOG = logging.getLogger(__name__)
TIMEOUT = 3.0
# What a pull may get: Docker's and OCI's manifests and lists.
_MANIFESTS = ", ".join((
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
))  # fmt: skip
MAX_REPOSITORIES = 1000


def catalog_token(issuer: tokens.Issuer, now: float | None = None) -> str:
    """A short token granting the catalog and nothing else."""
    return _token(issuer, [{"type": "registry", "name": "catalog", "actions": ["*"]}], now)


def _token(issuer: tokens.Issuer, access: list[dict[str, Any]], now: float | None = None) -> str:
    # The service's own requests: a minute is plenty.
    return tokens.signed(issuer, "magnum-ui-service", access, now, lifetime=60)


def repository_of(image: str, address: str) -> tuple[str, str] | None:
    """The repository and reference (tag or digest) ``image`` is in the cloud's registry,
    which mirrors Docker Hub names; None for an image of another registry."""
    name, _, digest = image.partition("@")
    first, _, rest = name.partition("/")
    if rest and ("." in first or ":" in first or first == "localhost"):
        if first != address:
            return None
        name = rest
    elif not rest:
        name = f"library/{name}"
    repository, tag = name, "latest"
    if ":" in name.rsplit("/", 1)[-1]:
        repository, tag = name.rsplit(":", 1)
    return repository, digest or tag


def has_image(issuer: tokens.Issuer, address: str, image: str) -> bool | None:
    """Whether the cloud's registry holds ``image`` (None: another registry's, or no answer)."""
    found = repository_of(image, address)
    if found is None:
        return None
    repository, reference = found
    access = [{"type": "repository", "name": repository, "actions": ["pull"]}]
    request = urllib.request.Request(
        f"http://{address}/v2/{repository}/manifests/{reference}", method="HEAD",
        headers={"Authorization": f"Bearer {_token(issuer, access)}", "Accept": _MANIFESTS},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT):  # noqa: S310
            return True
    except urllib.error.HTTPError as exc:
        return False if exc.code == 404 else None
    except (OSError, signing.SigningKeyError):
        return None


def checker(options: Any) -> Callable[[str], bool | None]:
    """:func:`has_image` as ``[registry]`` configures it; a service without the key cannot tell."""
    if not options.address or not options.token_key_file:
        return lambda image: None
    issuer = issuer_of(options)
    return lambda image: has_image(issuer, options.address, image)


def issuer_of(options: Any) -> tokens.Issuer:
    """The token issuer ``[registry]`` describes (the service signs with the same key)."""
    return tokens.Issuer(
        Path(options.token_key_file), options.token_issuer, options.token_service,
        options.token_lifetime,
    )  # fmt: skip


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
