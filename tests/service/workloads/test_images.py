"""A service whose tasks cannot get their image: one sentence, with what to do."""

from __future__ import annotations

from typing import Any

from magnum_ui.service.workloads import images

REGISTRY = "10.213.255.254:5050"


def task(
    service: str, index: int, state: str, error: str | None = None, image: str | None = None
) -> dict[str, Any]:
    found = {"ServiceID": service, "Version": {"Index": index},
             "Status": {"State": state, "Err": error}}  # fmt: skip
    return {**found, "Spec": {"ContainerSpec": {"Image": image}}} if image else found


def service(ident: str, image: str) -> dict[str, Any]:
    return {"ID": ident, "Spec": {"TaskTemplate": {"ContainerSpec": {"Image": image}}}}


def test_an_image_from_elsewhere_is_to_be_pushed_into_the_projects_namespace() -> None:
    """The sentence names the image, the registry, and the login and push to run."""
    said = images.problem("web:latest", ["No such image: web:latest"], REGISTRY)
    assert said == (
        f"image web:latest is not in {REGISTRY} — push it there with `docker login {REGISTRY}` "
        f"and `docker push {REGISTRY}/<project id>/web:latest`, and use that name"
    )


def test_an_image_of_the_registry_is_to_be_pushed_under_its_own_name() -> None:
    """An image already named in the registry: push that very name (or it is not yours)."""
    image = f"{REGISTRY}/0123456789abcdef0123456789abcdef/api:v2"
    said = images.problem(image, ["pull access denied for x"], REGISTRY) or ""
    assert said.startswith(f"image {image} is not in {REGISTRY}, or not yours to pull")
    assert said.endswith(f"`docker push {image}`")


def test_without_a_registry_the_engines_reason_is_given() -> None:
    """A cloud without a registry says the image could not be pulled, and why."""
    assert images.problem("web", ["No such image: web:latest"], None) == (
        "image web could not be pulled on any node: No such image: web:latest"
    )


def test_other_errors_are_no_image_problem() -> None:
    """A task that failed for another reason (or not at all) says nothing here."""
    assert images.problem("web", ["task: non-zero exit (1)", None], REGISTRY) is None
    assert images.problem(None, ["No such image: x"], REGISTRY) is None


def test_a_service_whose_last_ended_task_lacks_its_image_and_none_runs_has_the_problem() -> None:
    """Only the task that ended last counts, and a running task means the image is there."""
    services = [service("a", "web:latest@sha256:abc"), service("b", "busybox"),
                service("c", "api")]  # fmt: skip
    tasks = [
        task("a", 5, "rejected", "No such image: web:latest"),
        task("a", 3, "rejected", "something else"),
        task("b", 7, "rejected", "No such image: busybox:latest"),
        task("b", 6, "running"),
        task("c", 9, "failed", "task: non-zero exit (1)"),
        task("c", 2, "rejected", "No such image: api:latest"),
    ]
    found = images.service_problems(services, tasks, REGISTRY)
    assert list(found) == ["a"]
    assert found["a"].startswith(f"image web:latest is not in {REGISTRY}")


def test_swarms_next_attempt_does_not_hide_the_problem_until_it_runs() -> None:
    """A retry still being prepared has said nothing yet: the rejected one before it speaks
    (the service's problem used to blink off each time Swarm made a new task)."""
    services = [service("a", "web:1")]
    for state in ("new", "pending", "assigned", "preparing", "starting"):
        tasks = [task("a", 5, "rejected", "No such image: web:1"), task("a", 8, state)]
        assert "a" in images.service_problems(services, tasks, REGISTRY), state
    ran = [task("a", 5, "rejected", "No such image: web:1"), task("a", 8, "running")]
    assert images.service_problems(services, ran, REGISTRY) == {}


def test_tasks_of_an_image_the_service_no_longer_runs_say_nothing() -> None:
    """Updated to another image, a service is not blamed for its old image's failures."""
    services = [service("a", "web:2")]
    old = [task("a", 5, "rejected", "No such image: web:1", image="web:1@sha256:abc")]
    assert images.service_problems(services, old, REGISTRY) == {}
    new = [*old, task("a", 9, "rejected", "No such image: web:2", image="web:2@sha256:def")]
    assert images.service_problems(services, new, REGISTRY)["a"].startswith("image web:2 ")


def test_a_create_warns_of_images_the_registry_is_known_not_to_hold() -> None:
    """Only a definite no warns: another registry's image, or no answer, says nothing."""
    answers = {"web:1": False, "busybox": True, "quay.io/x/y": None, "magnum-ui/busybox": False}
    said = images.missing(answers, answers.__getitem__, REGISTRY,
                          preloaded=["magnum-ui/busybox"])  # fmt: skip
    assert said == [
        f"image web:1 is not in {REGISTRY} — push it there with `docker login {REGISTRY}` and "
        f"`docker push {REGISTRY}/<project id>/web:1`, and use that name (unless every node "
        "already has it)"
    ]
    assert images.missing(["web:1"], lambda image: False, None) == []
