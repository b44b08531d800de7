"""Strict checks of everything a caller hands to :mod:`.nodes`.

The Heat resource runs as root, and any user of the cloud can name it in a
template with values of their choosing; these values end up in file names,
interface names, process arguments and the hostname of a node.  So each one
must match exactly the shape the driver generates, or be refused with a
message saying what was expected.  Regular expressions use ``fullmatch`` so a
trailing newline cannot slip through as it would with ``$``.
"""

from __future__ import annotations

import re
from pathlib import Path

from magnum_ui.service.drivers.local import flavors

ROLES = ("master", "worker")
# A node's address is .10 + its index in its bay's /24: indexes 0 to 239.
MAX_NODES_PER_BAY = 240
# The longest unix socket dockerd's containerd creates under a node's folder is
# "<root>/nodes/<12 hex>/x/containerd/containerd.sock.ttrpc" (root + 54
# characters), and sun_path holds 107 characters.
MAX_ROOT_LENGTH = 53

# A node group's name as it appears in node names (hostnames): lower-case letters,
# digits and inner dashes.
GROUP_PATTERN = r"[a-z0-9]([a-z0-9-]{0,22}[a-z0-9])?"
_GROUP = re.compile(GROUP_PATTERN)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Keystone's ids are hex (a uuid4 without dashes by default).
_PROJECT_ID = re.compile(r"[0-9a-f]{1,64}")


class InvalidNodeInput(ValueError):
    """An argument does not have the shape the local driver generates; the message says which."""


def cluster_uuid(value: object) -> str:
    """A cluster uuid in canonical form (lower-case, dashed), or :class:`InvalidNodeInput`."""
    if not isinstance(value, str) or not _UUID.fullmatch(value.lower()):
        raise InvalidNodeInput(
            f"cluster_uuid must be a uuid such as 3f2a1b4c-0d1e-4f5a-8b9c-0a1b2c3d4e5f, "
            f"not {_shown(value)}"
        )
    return value.lower()


def owner(value: object) -> str | None:
    """The optional owner of a node (a Heat resource's uuid)."""
    if value is None:
        return None
    if not isinstance(value, str) or not _UUID.fullmatch(value.lower()):
        raise InvalidNodeInput(f"owner must be a uuid or None, not {_shown(value)}")
    return value.lower()


def group(value: object) -> str | None:
    """A node group's name for node names (None or empty: one of the default groups)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _GROUP.fullmatch(value):
        raise InvalidNodeInput(
            "group must be 1 to 24 lower-case letters, digits and inner dashes, "
            f"not {_shown(value)}"
        )
    return value


def index(value: object) -> int:
    """A node index, 0 <= index < 240 (bool and numeric strings are refused)."""
    if type(value) is not int or not 0 <= value < MAX_NODES_PER_BAY:
        raise InvalidNodeInput(
            f"index must be an integer from 0 to {MAX_NODES_PER_BAY - 1}, not {_shown(value)}"
        )
    return value


def role(value: object) -> str:
    if value not in ROLES:
        raise InvalidNodeInput(f"role must be one of {', '.join(ROLES)}, not {_shown(value)}")
    return str(value)


def flavor(value: object) -> flavors.LocalFlavor:
    """A local flavor by name (None or empty: the default one)."""
    if value is not None and not isinstance(value, str):
        raise InvalidNodeInput(f"flavor must be a local flavor's name, not {_shown(value)}")
    try:
        return flavors.get(value)
    except flavors.UnknownFlavor as exc:
        raise InvalidNodeInput(str(exc)) from None


def volume_gib(size: flavors.LocalFlavor, value: object) -> int:
    """The node's disk in GiB: ``value`` (None or 0: the flavor's), within the local range."""
    if value is not None and type(value) is not int:
        raise InvalidNodeInput(f"volume size must be an integer of GiB, not {_shown(value)}")
    try:
        return flavors.volume_gib(size, value)
    except ValueError as exc:
        raise InvalidNodeInput(str(exc)) from None


def project_id(value: object) -> str:
    """A Keystone project id: 1 to 64 hexadecimal digits, returned lower-case."""
    if not isinstance(value, str) or not _PROJECT_ID.fullmatch(value.lower()):
        raise InvalidNodeInput(
            f"project_id must be a Keystone project id (1 to 64 hex digits), not {_shown(value)}"
        )
    return value.lower()


def root(value: str | Path) -> Path:
    """The state folder: absolute, and short enough for the unix sockets under it."""
    path = Path(value)
    if not path.is_absolute():
        raise InvalidNodeInput(f"the local nodes' folder must be an absolute path, not {value}")
    if len(str(path)) > MAX_ROOT_LENGTH:
        raise InvalidNodeInput(
            f"the local nodes' folder {path} is longer than {MAX_ROOT_LENGTH} characters: "
            "the unix sockets of the Docker Engines under it would not fit in 108 bytes"
        )
    return path


def _shown(value: object) -> str:
    """The rejected value for a message, cut short: it comes from an untrusted template."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
