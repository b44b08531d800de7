"""How much of the registry a project fills, read from the registry's own files.

Every project's images share one store, so one project could fill it and
leave the others unable to push.  Each project gets a share
(``[registry] project_share_mib``): the token service refuses push tokens
to a namespace that holds its share or more (:class:`Share`).

The count is taken where the registry (Docker's distribution) keeps its
data, ``[registry] storage_dir``, because its HTTP API shows only tagged
images, and a project could hide what it stores by re-tagging.  On disk
each repository links every blob it was given (``_layers``) and every
manifest it holds (``_manifests/revisions``); blobs are shared
(content-addressed) and their data lives once under ``blobs/``.  A
project's use is the size of every distinct blob its repositories link
that is still on disk (a garbage collection removes unreferenced ones),
plus the uploads under way in them: a push that never finishes counts too.
A blob two projects push counts for each.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from magnum_ui.service import conf
from magnum_ui.service.registry import access

LOG = logging.getLogger(__name__)
MIB = 1 << 20
# The registry's layout below its root directory.
V2 = Path("docker", "registry", "v2")
_DIGEST = re.compile(r"sha256:([0-9a-f]{64})")


def root(directory: str) -> Path:
    """``[registry] storage_dir`` checked: a folder this process can read (else ConfigError)."""
    path = Path(directory)
    if not path.is_dir() or not os.access(path, os.R_OK | os.X_OK):
        raise conf.ConfigError(f"[registry] storage_dir {directory} is not a folder it can read")
    return path


def used_bytes(root: Path, project_id: str) -> int:
    """Bytes the project's namespace holds in the registry stored below ``root``."""
    if not access.PROJECT_ID.fullmatch(project_id):
        return 0  # no push is granted there (see access); nor is a path climbing out walked
    repositories = root / V2 / "repositories" / project_id
    blobs = root / V2 / "blobs" / "sha256"
    digests = set()
    uploads = 0
    # No repository name has a component starting with "_" (the registry's
    # grammar): these are the registry's own folders. A link is one line,
    # "sha256:<hex>"; os.walk follows no symbolic link.
    for directory, _names, files in os.walk(repositories, onerror=_unread):
        if "link" in files and ("/_layers/" in directory or "/_manifests/revisions/" in directory):
            found = _DIGEST.fullmatch(_read(Path(directory, "link")))
            if found:
                digests.add(found[1])
        elif "data" in files and "/_uploads/" in directory:
            uploads += _size(Path(directory, "data"))
    return uploads + sum(_size(blobs / d[:2] / d / "data") for d in digests)


def _unread(error: OSError) -> None:
    # A project that never pushed has no folder; one a garbage collection removes goes.
    if not isinstance(error, FileNotFoundError):
        LOG.warning("registry storage: %s is not counted: %s", error.filename, error)


def _read(path: Path) -> str:
    try:
        with path.open("rb") as link:
            return link.read(80).decode("ascii", "replace").strip()
    except OSError:
        return ""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # removed by a garbage collection meanwhile, or never written


@dataclass(frozen=True)
class Share:
    """At most ``limit_mib`` MiB per project in the registry stored below ``root``."""

    root: Path
    limit_mib: int

    def used_mib(self, project_id: str) -> float:
        return used_bytes(self.root, project_id) / MIB

    def refusal(self, project_id: str) -> str | None:
        """Why the project may push no more (it holds its share), or None while it may."""
        used = self.used_mib(project_id)
        if used < self.limit_mib:
            return None
        LOG.info("registry push refused: project %s stores %.1f MiB", project_id, used)
        return (
            f"project {project_id} stores {used:.1f} MiB of images and may store "
            f"{self.limit_mib} MiB: no push until the cloud's operator removes images "
            f"or raises its share"
        )


def share_of(options: Any) -> Share | None:
    """The share ``[registry]`` configures; None without ``storage_dir`` (ConfigError:
    a folder this process cannot read)."""
    if not options.storage_dir:
        return None
    return Share(root(options.storage_dir), options.project_share_mib)
