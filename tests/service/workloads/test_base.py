"""What every adapter shares: list queries, names, times and log tails."""

from __future__ import annotations

import pytest

from magnum_ui.service.workloads import base


def test_a_list_query_filters_by_name_sorts_and_cuts() -> None:
    """name keeps names containing it; items sort by namespace then name; limit cuts."""
    items = [
        {"name": "web-2", "namespace": "b"},
        {"name": "db", "namespace": "a"},
        {"name": "web-1", "namespace": "b"},
        {"name": "web-0", "namespace": "a"},
    ]
    assert [i["name"] for i in base.ListQuery(name="web").apply(items)] == [
        "web-0",
        "web-1",
        "web-2",
    ]
    assert [i["name"] for i in base.ListQuery(limit=2).apply(items)] == ["db", "web-0"]


@pytest.mark.parametrize("name", ["web", "web.1", "kube-dns", "x9", "a:b", "n" * 253])
def test_names_orchestrators_use_are_accepted(name: str) -> None:
    """Service, task, pod and id names pass unchanged."""
    assert base.check_name(name) == name


@pytest.mark.parametrize("name", ["", "..", "a..b", ".hidden", "a/b", "a b", "%2e", "n" * 254])
def test_names_that_could_change_a_path_are_refused(name: str) -> None:
    """Anything a URL could read as another path is an Invalid (400)."""
    with pytest.raises(base.Invalid, match="not a valid name"):
        base.check_name(name)


def test_docker_nanoseconds_are_cut_to_microseconds() -> None:
    """Browsers read at most microseconds: Docker's nine digits become six."""
    assert base.iso("2026-11-29T14:00:01.123456789Z") == "2026-11-29T14:00:01.123456Z"
    assert base.iso("2026-11-29T14:00:01Z") == "2026-11-29T14:00:01Z"
    assert base.iso(None) is None


def test_the_last_lines_say_whether_any_were_cut() -> None:
    """last_lines keeps the tail and reports truncated only when lines were dropped."""
    assert base.last_lines("a\nb\nc\n", 2) == (["b", "c"], True)
    assert base.last_lines("a\nb\n", 2) == (["a", "b"], False)


def test_each_error_carries_its_http_status() -> None:
    """Invalid 400 (BadManifest too), NotFound 404, Conflict 409, Unreachable 503."""
    statuses = [
        e.status
        for e in (base.Invalid, base.BadManifest, base.NotFound, base.Conflict, base.Unreachable)
    ]
    assert statuses == [400, 400, 404, 409, 503]
