"""The conductor keeps each settled bay's health, as its orchestrator gives it, on the bay.

The orchestrator's reading is given to the monitor here as a function, so that
these tests can say which bay reads how; the reading itself is tested against a
real engine in tests/service/workloads/test_swarm.py and end to end in
tests/e2e/test_workloads_api.py.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from cryptography.fernet import Fernet

from magnum_ui.service import conf, operations
from magnum_ui.service.conductor import health
from magnum_ui.service.conductor.health import HealthMonitor
from magnum_ui.service.context import RequestContext
from magnum_ui.service.models import Cluster
from tests.service.api.helpers import cluster, template

pytestmark = pytest.mark.django_db

READY = {"api": "ok", "bay-1-master-0.Ready": True, "bay-1-worker-10.Ready": True}
DOWN = {"api": "ok", "bay-1-master-0.Ready": True, "bay-1-worker-10.Ready": False}


@pytest.fixture(autouse=True)
def settings() -> Any:
    conf.CONF.set_override("encryption_key", Fernet.generate_key().decode(), group="crypto")
    yield
    conf.CONF.clear_override("encryption_key", group="crypto")


def bay(name: str, **fields: Any) -> Cluster:
    return cluster(name, template(f"t-{name}"), api_address="tcp://10.213.0.10:2376", **fields)


def readings(**by_name: health.Health) -> Any:
    asked: list[str] = []

    def check(found: Cluster) -> health.Health:
        asked.append(found.name)
        return by_name[found.name]

    check.asked = asked  # type: ignore[attr-defined]
    return check


def test_a_settled_bays_health_is_written_with_its_reason() -> None:
    """HEALTHY / UNHEALTHY and Magnum's reason land on the bay; its updated_at moves."""
    web, api = bay("web"), bay("api", status="UPDATE_COMPLETE")
    monitor = HealthMonitor(readings(web=("HEALTHY", READY), api=("UNHEALTHY", DOWN)))
    assert monitor.run_once() == 2
    web_after, api_after = Cluster.objects.get(pk=web.pk), Cluster.objects.get(pk=api.pk)
    assert (web_after.health_status, web_after.health_status_reason) == ("HEALTHY", READY)
    assert (api_after.health_status, api_after.health_status_reason) == ("UNHEALTHY", DOWN)
    assert api_after.updated_at is not None
    assert api.updated_at is None or api_after.updated_at > api.updated_at


def test_an_unchanged_health_writes_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """The second pass finds the same: no write, so the tables see no change."""
    web = bay("web")
    monitor = HealthMonitor(readings(web=("UNHEALTHY", DOWN)))
    caplog.set_level(logging.INFO, logger=health.__name__)
    assert monitor.run_once() == 1
    assert "UNHEALTHY (not ready: bay-1-worker-10)" in caplog.text
    stamped = Cluster.objects.get(pk=web.pk).updated_at
    assert monitor.run_once() == 0
    assert Cluster.objects.get(pk=web.pk).updated_at == stamped


def test_bays_in_progress_or_with_work_queued_or_without_an_address_are_not_asked() -> None:
    """Their nodes come and go: the last health stays until they settle."""
    bay("making", status="CREATE_IN_PROGRESS")
    bay("failed", status="CREATE_FAILED")
    cluster("addressless", template("t-none"))
    queued = bay("queued")
    operations.enqueue(queued, "update", {}, RequestContext("u", "p-demo", ("member",), "tok"))
    check = readings()
    assert HealthMonitor(check).run_once() == 0
    assert check.asked == []


def test_an_operation_that_began_meanwhile_keeps_the_bay(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bay changed status between the reading and the write: the write is dropped."""
    web = bay("web")

    def read_then_raced(found: Cluster) -> health.Health:
        Cluster.objects.filter(pk=found.pk).update(status="UPDATE_IN_PROGRESS")
        return "UNHEALTHY", DOWN

    assert HealthMonitor(read_then_raced).run_once() == 0
    assert Cluster.objects.get(pk=web.pk).health_status is None


def test_a_bay_whose_reading_fails_is_logged_and_the_others_still_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One bay's surprise stops neither the pass nor the next bay."""
    bay("broken")
    fine = bay("fine")

    def check(found: Cluster) -> health.Health:
        if found.name == "broken":
            raise RuntimeError("surprise")
        return "HEALTHY", READY

    assert HealthMonitor(check).run_once() == 1
    assert Cluster.objects.get(pk=fine.pk).health_status == "HEALTHY"
    assert "health of cluster" in caplog.text
    assert "surprise" in caplog.text


def test_a_bay_whose_coe_has_no_browser_is_unknown_saying_why() -> None:
    """The real reading: a COE the service cannot ask is UNKNOWN, with the reason."""
    found = cluster("mesos", template("t-mesos", coe="mesos"), api_address="tcp://10.0.0.1:5050")
    status, reason = health.ask(found)
    assert status == "UNKNOWN"
    assert "runs mesos" in reason["api"]


def test_one_unanswered_reading_does_not_make_a_known_health_unknown() -> None:
    """A slow answer once keeps HEALTHY; twice in a row is UNKNOWN; an answer resets it."""
    web = bay("web", health_status="HEALTHY", health_status_reason=READY)
    answers = [("UNKNOWN", {"api": "did not answer in time"})] * 2 + [("HEALTHY", READY)]
    answers += [("UNKNOWN", {"api": "did not answer in time"})]
    monitor = HealthMonitor(lambda found: answers.pop(0))
    assert monitor.run_once() == 0
    assert Cluster.objects.get(pk=web.pk).health_status == "HEALTHY"
    assert monitor.run_once() == 1
    assert Cluster.objects.get(pk=web.pk).health_status == "UNKNOWN"
    assert monitor.run_once() == 1
    assert monitor.run_once() == 0  # a first miss again, after an answer
    assert Cluster.objects.get(pk=web.pk).health_status == "HEALTHY"


def test_a_bay_never_read_is_unknown_at_its_first_miss() -> None:
    """With no health known yet there is nothing to keep: UNKNOWN at once, saying why."""
    web = bay("web")
    monitor = HealthMonitor(lambda found: ("UNKNOWN", {"api": "cannot be reached"}))
    assert monitor.run_once() == 1
    assert Cluster.objects.get(pk=web.pk).health_status_reason == {"api": "cannot be reached"}
