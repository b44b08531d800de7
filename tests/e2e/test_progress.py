"""A bay's progress as it is created: real Heat read by the service, then by the dashboard.

Everything is real: Keystone, the service API reading Heat 27 with its own
credentials, the conductor, local nodes as Docker Engines, Horizon with the
plugin and Chromium.  One 2-node bay (1 master + 1 worker) is created and
deleted.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
from pathlib import Path
from typing import Any

import pytest
from keystoneauth1 import session

from tests.allinone import AllInOne
from tests.e2e.browser import chromium, console_errors, log_in, screenshot
from tests.e2e.test_bays import call, wait_for

pytestmark = pytest.mark.e2e

NODE_TYPES = {"Magnum::Local::Node", "OS::Nova::Server"}


@pytest.fixture(scope="module")
def member(aio: AllInOne) -> session.Session:
    return aio.demo_session()


def _nodes(progress: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in progress["resources"] if r["type"] in NODE_TYPES]


def _fetch_json(driver: Any, path: str) -> Any:
    """GET one of the dashboard's REST URLs from the logged-in page, as its JS client does."""
    script = """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {'X-Requested-With': 'XMLHttpRequest'}})
          .then(r => r.text().then(t => done([r.status, t])));
    """
    status, text = driver.execute_async_script(script, path)
    return status, json.loads(text)


def test_progress_follows_a_bay_to_100(
    aio: AllInOne, member: session.Session, tmp_path: Path
) -> None:
    """The progress route reports the bay's node resources while Heat creates them, then 100."""
    created = call(
        member, aio, "POST", "/clusters",
        json={"cluster_template_id": "local-swarm", "name": "e2e-progress",
              "node_count": 1, "master_count": 1},
    )  # fmt: skip
    assert created.status_code == 202, created.text
    uuid = created.json()["uuid"]
    try:
        observed: list[dict[str, Any]] = []
        unavailable = 0
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            status = call(member, aio, "GET", f"/clusters/{uuid}").json()["status"]
            answer = call(member, aio, "GET", f"/clusters/{uuid}/progress")
            if answer.status_code == 503:
                # A busy shared machine may keep Heat over the route's timeout now and then.
                unavailable += 1
            else:
                assert answer.status_code == 200, answer.text
                observed.append(answer.json())
            if not status.endswith("_IN_PROGRESS"):
                break
            time.sleep(0.5)
        assert status == "CREATE_COMPLETE"
        final = call(member, aio, "GET", f"/clusters/{uuid}/progress").json()

        percents = [p["percent"] for p in observed]
        assert percents[0] < 100, "the first look, right after the create, is not done yet"
        assert percents == sorted(percents), f"progress went backwards: {percents}"
        assert unavailable < len(observed), f"Heat answered {len(observed)}, refused {unavailable}"
        assert any(_nodes(p) for p in observed[:-1] if p["percent"] < 100), (
            "node resources are reported while the bay is being created"
        )

        assert (final["stack_status"], final["percent"]) == ("CREATE_COMPLETE", 100)
        assert final["nodes"] == {"complete": 2, "target": 2}
        nodes = _nodes(final)
        assert [n["status"] for n in nodes] == ["CREATE_COMPLETE"] * 2
        assert all(str(n["physical_id"]).startswith(f"bay-{uuid[:8]}") for n in nodes)
        assert any(e["resource"] == "node" for e in final["events"]), final["events"]

        # The dashboard reads the same through the service (and makes the config download).
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        with chromium(downloads) as driver:
            log_in(driver, aio.dashboard_url, "demo", aio.password)
            status_code, body = _fetch_json(driver, f"/api/container_infra/bays/{uuid}/progress/")
            assert (status_code, body["percent"]) == (200, 100)
            status_code, stats = _fetch_json(driver, "/api/container_infra/stats/")
            assert status_code == 200
            assert stats["bays"] >= 1
            assert stats["nodes"] >= 2
            driver.get(aio.dashboard_url + f"api/container_infra/bays/{uuid}/config/")
            archive = _wait_for_file(downloads, "*.tar.gz")
            screenshot(driver, "dashboard-rest-config-download")
            assert console_errors(driver) == []
        with tarfile.open(fileobj=io.BytesIO(archive.read_bytes()), mode="r:gz") as tar:
            names = sorted(Path(name).name for name in tar.getnames())
        assert names == ["ca.pem", "cert.pem", "env.sh", "key.pem"]
    finally:
        call(member, aio, "DELETE", f"/clusters/{uuid}")
        assert wait_for(member, aio, uuid, timeout=300) == {}


def _wait_for_file(folder: Path, pattern: str, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = list(folder.glob(pattern))
        if found:
            return found[0]
        time.sleep(0.2)
    pytest.fail(f"no {pattern} downloaded into {folder}: {list(folder.iterdir())}")
