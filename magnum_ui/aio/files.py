"""The state folder's permissions: secrets are root's from their first byte.

The all-in-one runs with umask 077 (:func:`prepare_state_dir`), so every file
it or its services create is the owner's alone unless made otherwise on
purpose; configuration files that carry passwords or keys are written by
:func:`write_private`, which creates them 0600 before a byte goes in and
swaps them into place, so no reader ever sees a half-written or
world-readable secret.  Only the folders other users must pass through are
opened for them, and only for passing (mode 0711): the state folder itself
(PostgreSQL runs as ``postgres`` and walks to its data) and ``nodes/`` (the
local nodes' engines run their containers as unprivileged ids).
"""

from __future__ import annotations

import os
from pathlib import Path

# What the all-in-one's own processes create: readable by root alone.
UMASK = 0o077
# Folders only root uses; files found in them are made root's alone too.
PRIVATE_FOLDERS = ("keystone", "heat", "service", "logs", "run", "dashboard")


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``, mode 0600 from creation, atomically."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.replace(partial, path)


def prepare_state_dir(state_dir: Path) -> None:
    """Set the umask, and close what an earlier (less careful) version left open.

    The state folder is 0711; the folders only root uses are 0700 and every
    file in them loses any access for others, so a state folder made before
    this rule is as tight as a new one.
    """
    os.umask(UMASK)
    state_dir.mkdir(parents=True, exist_ok=True)
    state_dir.chmod(0o711)
    for name in PRIVATE_FOLDERS:
        folder = state_dir / name
        if not folder.is_dir():
            continue
        folder.chmod(0o700)
        for parent, dirs, files in os.walk(folder):
            for entry in (*dirs, *files):
                path = Path(parent, entry)
                mode = path.lstat().st_mode
                if not path.is_symlink() and mode & 0o077:
                    path.chmod(mode & 0o700)
    secrets = state_dir / "secrets.json"
    if secrets.exists():
        secrets.chmod(0o600)
