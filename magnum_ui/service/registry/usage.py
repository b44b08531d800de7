"""What a bay's users need to know to bring their images: where, and the commands.

The cloud's registry (``[registry] address``) holds one namespace per
project, named by the project's id; a bay's engines pull from it, and its
owners push with their OpenStack user name and password::

    for_project("10.213.255.254:5050", "7c2f96...")
    # {"address": "10.213.255.254:5050", "namespace": "10.213.255.254:5050/7c2f96...",
    #  "library": "10.213.255.254:5050/library", "commands": ["docker login ...", ...]}
"""

from __future__ import annotations

from typing import Any


def for_project(address: str | None, project_id: str) -> dict[str, Any]:
    """The registry's address, the project's namespace and the commands to push an image."""
    if not address:
        return {"address": None, "namespace": None, "library": None, "commands": []}
    namespace = f"{address}/{project_id}"
    return {
        "address": address,
        "namespace": namespace,
        "library": f"{address}/library",
        "commands": [
            f"docker login {address}",
            f"docker tag IMAGE {namespace}/IMAGE",
            f"docker push {namespace}/IMAGE",
        ],
    }
