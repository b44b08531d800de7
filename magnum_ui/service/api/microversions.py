"""Microversions: ``OpenStack-API-Version: container-infra X.Y``.

A request without the header gets the minimum version, as in Magnum;
``latest`` means the maximum; anything outside the range is a 406.
"""

from __future__ import annotations

import re

from magnum_ui.service import errors

SERVICE_TYPE = "container-infra"
# keystoneauth (openstacksdk) names the service by its official type.
SERVICE_TYPES = (SERVICE_TYPE, "container-infrastructure-management")
HEADER = "OpenStack-API-Version"
MIN_VERSION = (1, 1)
MAX_VERSION = (1, 14)

_VERSION = re.compile(r"^(\d+)\.(\d+)$")


def format_version(version: tuple[int, int]) -> str:
    return f"{version[0]}.{version[1]}"


def parse(header: str | None) -> tuple[int, int]:
    """The version a request asks for, from its OpenStack-API-Version header."""
    if not header:
        return MIN_VERSION
    requested = None
    for part in header.split(","):
        words = part.strip().split()
        if len(words) == 2 and words[0].lower() in SERVICE_TYPES:
            requested = words[1]
    if requested is None:
        return MIN_VERSION
    if requested.lower() == "latest":
        return MAX_VERSION
    match = _VERSION.match(requested)
    if not match:
        raise errors.Invalid(f"Invalid API version {requested!r}: use MAJOR.MINOR or latest.")
    version = (int(match.group(1)), int(match.group(2)))
    if not MIN_VERSION <= version <= MAX_VERSION:
        raise errors.NotAcceptable(
            f"Version {requested} is not supported by the API. Minimum is "
            f"{format_version(MIN_VERSION)} and maximum is {format_version(MAX_VERSION)}.",
        )
    return version


def response_headers(version: tuple[int, int]) -> dict[str, str]:
    return {
        "OpenStack-API-Minimum-Version": f"{SERVICE_TYPE} {format_version(MIN_VERSION)}",
        "OpenStack-API-Maximum-Version": f"{SERVICE_TYPE} {format_version(MAX_VERSION)}",
        HEADER: f"{SERVICE_TYPE} {format_version(version)}",
        "Vary": HEADER,
    }
