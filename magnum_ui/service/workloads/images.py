"""A Swarm service whose tasks cannot get their image, said in plain words.

When no node can pull a service's image, Swarm keeps making tasks that are
rejected ("No such image: web:latest"), each on some node, forever.  Listed
as they are, they look like a service slowly starting.  :func:`problem`
turns them into one sentence that says what is wrong and what to do::

    problem("web:latest", ["No such image: web:latest"], "10.213.255.254:5050")
    # "image web:latest is not in 10.213.255.254:5050 — push it there with
    #  `docker login 10.213.255.254:5050` and
    #  `docker push 10.213.255.254:5050/<project id>/web:latest`, and use that name"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

# What dockerd and Swarm say when an image cannot be had.
_MISSING = (
    "no such image",
    "pull access denied",
    "manifest unknown",
    "not found: manifest",
    "repository does not exist",
    "requested access to the resource is denied",
)


def is_missing_image(error: str | None) -> bool:
    return bool(error) and any(marker in str(error).lower() for marker in _MISSING)


def problem(image: str | None, errors: Iterable[str | None], registry: str | None) -> str | None:
    """The sentence for ``image`` given its tasks' latest errors (None: no image problem)."""
    missing = [e for e in errors if is_missing_image(e)]
    if not image or not missing:
        return None
    if not registry:
        return f"image {image} could not be pulled on any node: {missing[-1]}"
    return not_in_registry(image, registry)


def not_in_registry(image: str, registry: str) -> str:
    """The sentence for an image the registry does not hold (or does not show the caller)."""
    if image.startswith(f"{registry}/"):
        return (
            f"image {image} is not in {registry}, or not yours to pull — push it with "
            f"`docker login {registry}` and `docker push {image}`"
        )
    name = image.rsplit("/", 1)[-1]
    return (
        f"image {image} is not in {registry} — push it there with `docker login {registry}` "
        f"and `docker push {registry}/<project id>/{name}`, and use that name"
    )


def missing(
    images: Iterable[str], holds: Callable[[str], bool | None], registry: str | None,
    preloaded: Iterable[str] = (),
) -> list[str]:  # fmt: skip
    """A sentence per image the registry is known not to hold (``holds`` says False), for a
    create's answer; an image of another registry, one the nodes are given at creation
    (``preloaded``), or a registry that cannot tell, is none."""
    if not registry:
        return []
    given = set(preloaded)
    return [
        f"{not_in_registry(image, registry)} (unless every node already has it)"
        for image in images
        if image not in given and holds(image) is False
    ]


def service_problems(
    services: Iterable[Mapping[str, Any]], tasks: Iterable[Mapping[str, Any]], registry: str | None
) -> dict[str, str]:
    """Per service id, its image problem: its newest task failed for want of its image
    and none of its tasks runs."""
    newest: dict[str, Mapping[str, Any]] = {}
    running: set[str] = set()
    for task in tasks:
        owner = str(task.get("ServiceID", ""))
        if (task.get("Status") or {}).get("State") == "running":
            running.add(owner)
        if owner not in newest or _index(task) > _index(newest[owner]):
            newest[owner] = task
    found: dict[str, str] = {}
    for service in services:
        ident = str(service.get("ID", ""))
        latest = newest.get(ident)
        if latest is None or ident in running:
            continue
        spec = (service.get("Spec") or {}).get("TaskTemplate", {}).get("ContainerSpec", {})
        said = problem(
            _short(spec.get("Image")), [(latest.get("Status") or {}).get("Err")], registry
        )
        if said:
            found[ident] = said
    return found


def _index(task: Mapping[str, Any]) -> int:
    """The task's version: the newer task has the higher one."""
    return int((task.get("Version") or {}).get("Index", 0))


def _short(image: str | None) -> str | None:
    """The image as the user wrote it: without the digest Swarm pins."""
    return image.split("@", 1)[0] if image else image
