"""Where a node's engine gets its images: the cloud's registry and the bay model's.

Two registries may concern a node:

- **the cloud's registry** (``MAGNUM_UI_LOCAL_REGISTRY``, set by the operator
  in Heat's environment, e.g. ``10.213.255.254:5050``): every engine uses it
  as its registry mirror (so ``image: busybox`` is looked up there) and may
  reach it over plain HTTP; the node's namespace gets a route to its address
  through the bay's bridge, the only way out of the bay it has;
- **the bay model's** ``insecure_registry``: the engine may reach it without
  TLS (``--insecure-registry``).  It opens no route: a user naming a host
  address there gains no way to it.

Both are validated here (a host name or IPv4 address, an optional port),
since a template of anyone's may name them::

    engine_args("10.213.255.254:5050", "registry.example.com:5000")
    # ("--registry-mirror", "http://10.213.255.254:5050",
    #  "--insecure-registry", "10.213.255.254:5050",
    #  "--insecure-registry", "registry.example.com:5000")
"""

from __future__ import annotations

import ipaddress
import re

_HOST = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
PATTERN = rf"{_HOST}(:[0-9]{{1,5}})?"
_REGISTRY = re.compile(rf"(?P<host>{_HOST})(:(?P<port>[0-9]{{1,5}}))?")
MAX_LENGTH = 255


class InvalidRegistry(ValueError):
    """Not ``HOST[:PORT]``; the message says what was given."""


def registry(value: object) -> str | None:
    """``value`` as ``host[:port]`` (lower-case), or None for nothing."""
    if value is None or value == "":
        return None
    text = str(value).strip().lower() if isinstance(value, str) else None
    found = _REGISTRY.fullmatch(text) if text and len(text) <= MAX_LENGTH else None
    port = found and found.group("port")
    if found is None or (port is not None and not 1 <= int(port) <= 65535):
        raise InvalidRegistry(f"{str(value)[:80]!r} is not a registry (HOST[:PORT])")
    return text


def mirror_address(mirror: str) -> ipaddress.IPv4Address:
    """The cloud registry's IPv4 address (it must be one: nodes have no name resolution)."""
    host = mirror.rsplit(":", 1)[0] if ":" in mirror else mirror
    try:
        return ipaddress.IPv4Address(host)
    except ValueError:
        raise InvalidRegistry(f"the cloud's registry {mirror!r} is not IPV4-ADDRESS:PORT") from None


def engine_args(mirror: str | None, insecure: str | None) -> tuple[str, ...]:
    """dockerd's arguments for the cloud's registry (``mirror``) and the bay model's."""
    args: list[str] = []
    if mirror:
        args += ["--registry-mirror", f"http://{mirror}", "--insecure-registry", mirror]
    if insecure and insecure != mirror:
        args += ["--insecure-registry", insecure]
    return tuple(args)
