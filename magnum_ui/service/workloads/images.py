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


# Swarm task states that end a task: only these say whether the image could be had.
_ENDED = frozenset({"complete", "shutdown", "failed", "rejected", "orphaned", "remove"})


def service_problems(
    services: Iterable[Mapping[str, Any]], tasks: Iterable[Mapping[str, Any]], registry: str | None
) -> dict[str, str]:
    """Per service id, its image problem: none of its tasks runs and the task that ended last
    with the service's current image failed for want of it.  Swarm's next attempt, still
    being prepared, has not said anything yet, so it does not hide the problem."""
    running: set[str] = set()
    ended: dict[str, list[Mapping[str, Any]]] = {}
    for task in tasks:
        owner, state = str(task.get("ServiceID", "")), (task.get("Status") or {}).get("State")
        if state == "running":
            running.add(owner)
        elif state in _ENDED:
            ended.setdefault(owner, []).append(task)
    found: dict[str, str] = {}
    for service in services:
        ident = str(service.get("ID", ""))
        image = _short(_image(service.get("Spec")))
        tried = [t for t in ended.get(ident, []) if _short(_image(t.get("Spec"))) in (None, image)]
        if ident in running or not tried:
            continue
        latest = max(tried, key=_index)
        said = problem(image, [(latest.get("Status") or {}).get("Err")], registry)
        if said:
            found[ident] = said
    return found


def _image(spec: Mapping[str, Any] | None) -> str | None:
    """The image a service's spec (under its task template) or a task's spec names."""
    spec = spec or {}
    container = (spec.get("TaskTemplate") or spec).get("ContainerSpec") or {}
    image: str | None = container.get("Image")
    return image


def _index(task: Mapping[str, Any]) -> int:
    """The task's version: the task updated last has the highest."""
    return int((task.get("Version") or {}).get("Index", 0))


def _short(image: str | None) -> str | None:
    """The image as the user wrote it: without the digest Swarm pins."""
    return image.split("@", 1)[0] if image else image
