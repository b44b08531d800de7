"""How fast the Workloads view shows a bay of 500 tasks, in headless Chromium.

Usage::

    MAGNUM_UI_TEST_PORT_OFFSET=800 .venv/bin/python -m benchmarks.workloads_render \
        [--tasks 500] [--nodes 5] [--runs 5] [--dashboard URL --password PW]

It starts a throwaway all-in-one (or uses the dashboard given), logs in as
``demo`` and opens the Workloads panel.  The bay behind the view is a TEST
DOUBLE, and only here: a script installed before the page's own answers the
view's ``/api/container_infra/bays/<id>/workloads/...`` calls in the browser
with a recorded Swarm response (the summary, ``--nodes`` nodes and
``--tasks`` running tasks, shaped exactly as the service answers them), so
the number measures the browser's work, not a bay's Docker API.  Everything
else (Horizon, the plugin, Angular, the templates) is the real page.

Measured, as the median of ``--runs`` page loads: from the click on the Tasks
tab until the first animation frame showing all the tasks' rows (the node
cards with the same tasks are drawn in the same frame), and the same from
the start of the navigation.  Goal: under 1 s for 500 tasks.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from contextlib import nullcontext
from typing import Any

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from benchmarks import allinone
from tests.allinone import AllInOne
from tests.e2e.browser import chromium, log_in

BAY = "00000000-0000-4000-8000-0000000b4e00"

# Answers the workload calls from window.__recorded; records when the rows show.
HOOK = """
(function () {
  var recorded = %(recorded)s;
  var bench = window.__bench = {clickedAt: null, readyAt: null, rows: 0};
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var match = /\\/workloads\\/(?:([a-z]+)\\/)?(?:\\?.*)?$/.exec(String(url));
    this.__answer = method === 'GET' && match ? recorded[match[1] || 'summary'] : undefined;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, body;
    if (xhr.__answer === undefined) {
      return send.apply(this, arguments);
    }
    body = JSON.stringify(xhr.__answer);
    [['readyState', 4], ['status', 200], ['statusText', 'OK'], ['response', body],
     ['responseText', body]].forEach(function (pair) {
      Object.defineProperty(xhr, pair[0], {value: pair[1]});
    });
    xhr.getAllResponseHeaders = function () { return 'content-type: application/json\\r\\n'; };
    setTimeout(function () { xhr.onload(); }, 0);
  };
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('.workloads-kind-tasks')) {
      bench.clickedAt = performance.now();
      bench.readyAt = null;
    }
  }, true);
  function check() {
    var rows = document.querySelectorAll('.workloads-table tr.workload-row').length;
    var drawn = document.querySelectorAll('.workload-replica').length;
    if (bench.clickedAt !== null && bench.readyAt === null && rows === %(tasks)d &&
        drawn === %(tasks)d) {
      bench.readyAt = performance.now();
      bench.rows = rows;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
}());
"""


def recorded(tasks: int, nodes: int) -> dict[str, Any]:
    """The service's answers for a Swarm bay of ``nodes`` nodes running ``tasks`` tasks."""
    node_items = [
        {
            "id": f"node{n:021d}",
            "name": f"bay-bench-{'master' if n == 0 else 'worker'}-{n}",
            "role": "manager" if n == 0 else "worker",
            "availability": "active",
            "state": "ready",
            "engine_version": "20.10.24",
            "address": f"127.0.0.{n + 10}",
            "leader": n == 0,
        }
        for n in range(nodes)
    ]
    task_items = []
    for t in range(tasks):
        service, slot = f"svc-{t // 50}", t % 50 + 1
        node = node_items[t % nodes]
        task_items.append({
            "id": f"task{t:021d}",
            "name": f"{service}.{slot}",
            "service": service,
            "service_id": f"service{t // 50:018d}",
            "slot": slot,
            "node": node["name"],
            "node_id": node["id"],
            "state": "running",
            "desired_state": "running",
            "error": None,
            "message": "started",
            "image": "magnum-ui/busybox:latest",
            "container_id": f"{t:064x}",
            "started_at": "2026-11-29T14:00:00.123456789Z",
        })  # fmt: skip
    return {
        "summary": {"coe": "swarm", "kinds": ["services", "tasks", "nodes"]},
        "services": {"items": []},
        "tasks": {"items": task_items},
        "nodes": {"items": node_items},
    }


def one_run(driver: webdriver.Chrome, url: str, tasks: int) -> tuple[float, float]:
    """Open the panel, click Tasks; (ms from the click, ms from navigation) to all rows."""
    driver.get(url)
    wait = WebDriverWait(driver, 60, poll_frequency=0.05)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".workloads-kind-tasks"))
    driver.find_element(By.CSS_SELECTOR, ".workloads-kind-tasks").click()
    bench = wait.until(
        lambda d: d.execute_script("return window.__bench.readyAt && window.__bench")
    )
    assert bench["rows"] == tasks, bench
    return bench["readyAt"] - bench["clickedAt"], bench["readyAt"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--nodes", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dashboard", help="use this running dashboard instead of a new one")
    parser.add_argument("--password", default=AllInOne.password)
    args = parser.parse_args()

    hook = HOOK % {"recorded": json.dumps(recorded(args.tasks, args.nodes)), "tasks": args.tasks}
    context: Any = nullcontext() if args.dashboard else allinone.running()
    with context as aio:
        base = args.dashboard or aio.dashboard_url
        with chromium() as driver:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": hook})
            log_in(driver, base, "demo", args.password)
            url = base + f"project/workloads/?bay={BAY}"
            one_run(driver, url, args.tasks)  # warm the browser's caches
            runs = [one_run(driver, url, args.tasks) for _ in range(args.runs)]
    clicks = [click for click, _ in runs]
    loads = [load for _, load in runs]
    print(f"Workloads view, {args.tasks} tasks on {args.nodes} nodes (test double, see docstring)")
    print(
        f"  Tasks tab click -> all rows and node cards: median {statistics.median(clicks):.0f} ms"
        f" (runs: {', '.join(f'{c:.0f}' for c in clicks)})"
    )
    print(
        f"  navigation start -> all rows (incl. page load): median "
        f"{statistics.median(loads):.0f} ms"
    )
    return 0 if statistics.median(clicks) < 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
