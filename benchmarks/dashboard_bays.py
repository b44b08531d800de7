"""How fast the Bays and Bay Models panels show 1,000 items, in headless Chromium.

Usage::

    MAGNUM_UI_TEST_PORT_OFFSET=700 .venv/bin/python -m benchmarks.dashboard_bays [--bays 1000]
        [--bay-models 1000] [--runs 5] [--anchor DIR]

It starts the all-in-one in a fresh state folder on the benchmarks' ports,
inserts the bays and bay models straight into the service's database (nothing
runs behind them), and, as ``demo`` in headless Chromium, measures:

- from submitting the login form until the landing page (Bays) shows its rows;
- from navigating to the Bays panel, logged in, until its table shows its
  first rows and the item count in its footer;
- the same for the Bay Models panel;

each as the median of ``--runs`` runs, the time measured in the page itself
(``performance.now()``, whose zero is the start of the navigation, read on the
first animation frame in which the rows are there).  A script installed
before any page script counts the page's calls to ``/api/`` (XHR and
fetch): a panel lists its first page (from the page's head), then every item,
never once per row.  For the break-down it also times
the dashboard's REST call alone (``/api/container_infra/bays/`` with the
browser's session cookie) and the service API's list behind it.

With ``--anchor DIR`` it also measures the dashboard we replace, in the same
run and on the same backend and data: the real magnum-ui 19 on Horizon 27 as
``../shared/anchors/magnum-ui-19/setup.sh DIR KEYSTONE_URL`` installs it
(KEYSTONE_URL: this all-in-one's Keystone, ``http://127.0.0.1:25000/v3``
plus the port offset).  Its Clusters and Cluster Templates panels are opened
in rounds interleaved with ours, in a browser of their own, and the ratio
of the medians is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from benchmarks import allinone
from tests.allinone import AllInOne
from tests.e2e.browser import chromium, log_in, screenshot

# Installed in every new document before its own scripts run.  It records the
# page's /api/ calls and the first animation frame showing the table's rows
# and an item count above zero in its footer (drawn by the server or by the
# table), and the first showing the AngularJS table's own ("live").
HOOK = """
(function () {
  var bench = window.__bench = {calls: [], readyAt: null, liveAt: null, rows: 0, footer: '',
                                pending: 0};
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var fetch = window.fetch;
  function done() { bench.pending -= 1; }
  XMLHttpRequest.prototype.send = function () {
    bench.pending += 1;
    this.addEventListener('loadend', done);
    return send.apply(this, arguments);
  };
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(url).indexOf('/api/') !== -1) {
      bench.calls.push(method + ' ' + url);
    }
    return open.apply(this, arguments);
  };
  window.fetch = function (url, options) {
    if (String(url).indexOf('/api/') !== -1) {
      bench.calls.push(((options && options.method) || 'GET') + ' ' + url + ' (fetch)');
    }
    bench.pending += 1;
    return fetch.apply(this, arguments).finally(done);
  };
  // The rows the page shows: the ones it drew from the server (.magnum-first-page,
  // before the scripts ran), else the AngularJS table's; "live" once the table's.
  function shown(rowsSelector, footerSelector) {
    var rows = document.querySelectorAll(rowsSelector);
    var footer = document.querySelector(footerSelector);
    var text = footer ? footer.textContent.replace(/\\s+/g, ' ').trim() : '';
    return rows.length > 0 && rows[0].offsetParent !== null && /Displaying [1-9]/.test(text)
      ? {rows: rows.length, footer: text} : null;
  }
  function check() {
    var live = shown('hz-resource-table tbody tr[ng-repeat-start]', 'hz-resource-table tfoot');
    var seen = live || shown('.magnum-first-page tbody tr', '.magnum-first-page thead td');
    if (seen && bench.readyAt === null) {
      bench.readyAt = performance.now();
      bench.rows = seen.rows;
      bench.footer = seen.footer;
    }
    if (live) {
      bench.liveAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
"""

# What the page reads once its rows are there: the hook's record, when the
# HTML arrived, and the /api/ calls' own timings (start, end, in ms).
READ = """
var nav = performance.getEntriesByType('navigation')[0];
var api = performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/api/') !== -1; })
  .map(function (e) { return [e.name, e.startTime, e.responseEnd]; });
return {bench: window.__bench, html: nav.responseEnd, dom: nav.domContentLoadedEventEnd,
        api: api, url: location.pathname};
"""


@dataclass
class Load:
    total_ms: float  # rows on screen
    live_ms: float  # the AngularJS table's rows on screen
    html_ms: float
    list_call: tuple[float, float] | None  # start and end of the first list call, in ms
    list_calls: int
    calls: list[str]
    rows: int
    footer: str


def _wait_for_rows(driver: webdriver.Chrome, list_path: str) -> Load:
    try:
        WebDriverWait(driver, 60, poll_frequency=0.05).until(
            lambda d: d.execute_script("return window.__bench && window.__bench.liveAt !== null")
        )
    except TimeoutException:
        raise SystemExit(
            f"no rows after 60 s on {driver.current_url}; see {screenshot(driver, 'bench-timeout')}"
        ) from None
    page: dict[str, Any] = driver.execute_script(READ)
    bench = page["bench"]
    # A page that drew its first rows asks for the list only after the table's.
    listed = [(start, end) for name, start, end in page["api"] if list_path in name]
    return Load(
        total_ms=bench["readyAt"],
        live_ms=bench["liveAt"],
        html_ms=page["html"],
        list_call=min(listed, default=None),
        list_calls=len(listed),
        calls=list(bench["calls"]),
        rows=bench["rows"],
        footer=bench["footer"],
    )


def _open_panel(driver: webdriver.Chrome, url: str, list_path: str) -> Load:
    driver.get(url)
    return _wait_for_rows(driver, list_path)


def _log_in_to_bays(driver: webdriver.Chrome, aio: AllInOne) -> Load:
    # Let the page finish what it asked first: a request still under way (the rest
    # of a list after its first page) would set the session cookie again.
    WebDriverWait(driver, 30, poll_frequency=0.05).until(
        lambda d: d.execute_script("return !window.__bench || window.__bench.pending === 0")
    )
    driver.delete_all_cookies()
    driver.get(aio.dashboard_url + "auth/login/")
    # The form, not just the document: a login page can still be loading its scripts.
    try:
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "id_username"))
    except TimeoutException:
        raise SystemExit(
            f"no login form at {driver.current_url}; see {screenshot(driver, 'bench-login')}"
        ) from None
    driver.find_element(By.ID, "id_username").send_keys("demo")
    driver.find_element(By.ID, "id_password").send_keys(aio.password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.current_url.endswith("/project/bays/"))
    return _wait_for_rows(driver, "/api/container_infra/bays/")


def _time_url(url: str, headers: dict[str, str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        request = urllib.request.Request(url, headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _report(name: str, loads: list[Load], cold: Load | None = None) -> None:
    print(
        f"{name:30} median {_median([x.total_ms for x in loads]):7.0f} ms"
        f"  (range {min(x.total_ms for x in loads):.0f}-{max(x.total_ms for x in loads):.0f})"
        f"   HTML {_median([x.html_ms for x in loads]):5.0f}"
        f"   table's own rows {_median([x.live_ms for x in loads]):5.0f} ms"
    )
    calls = [x.list_call for x in loads if x.list_call is not None]
    if calls:
        print(f"{'':30} first list call {_median([c[0] for c in calls]):.0f}"
              f"-{_median([c[1] for c in calls]):.0f} ms")  # fmt: skip
    if cold is not None:
        print(f"{'':30} first (cold browser cache) {cold.total_ms:.0f} ms")
    last = loads[-1]
    print(f"{'':30} {last.rows} rows on the page, footer: {last.footer!r}")
    print(f"{'':30} {len(last.calls)} calls to /api/ ({last.list_calls} of them the list): ")
    print(f"{'':30} {', '.join(last.calls)}")
    if len(last.calls) >= last.rows:
        print(f"{'':30} WARNING: as many calls as rows on the page: a call per row?")


ANCHOR_PORT = 28100 + int(os.environ.get("MAGNUM_UI_TEST_PORT_OFFSET", "0"))


@contextmanager
def anchor(folder: Path, keystone_url: str) -> Iterator[str]:
    """magnum-ui 19 served from ``folder`` (made by the anchor's setup.sh); yields its URL."""
    settings = next(folder.glob("venv/lib/python*/site-packages/openstack_dashboard/local/"
                                "local_settings.py"))  # fmt: skip
    # The last assignment wins: setup.sh appends its own after the example's.
    found = re.findall(r'OPENSTACK_KEYSTONE_URL = "([^"]+)"', settings.read_text())
    if not found or found[-1] != keystone_url:
        raise SystemExit(f"{folder} talks to Keystone {found[-1:]}, not {keystone_url}: "
                         f"run setup.sh {folder} {keystone_url} again")  # fmt: skip
    log = (folder / "bench.log").open("wb")
    server = subprocess.Popen([str(folder / "run.sh"), str(ANCHOR_PORT)], stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{ANCHOR_PORT}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "auth/login/", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(
                        f"magnum-ui 19 did not start; see {folder / 'bench.log'}"
                    ) from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _compare(ours: list[Load], theirs: list[Load], what: str) -> None:
    mine, peer = _median([x.total_ms for x in ours]), _median([x.total_ms for x in theirs])
    live = _median([x.live_ms for x in ours])
    print(f"{what:30} ours {mine:5.0f} ms, magnum-ui 19 {peer:5.0f} ms: "
          f"ours {peer / mine:.2f}x as fast")  # fmt: skip
    print(f"{'':30} the table's own rows: ours {live:5.0f} ms, {peer / live:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bays", type=int, default=1000)
    parser.add_argument("--bay-models", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--anchor", type=Path, help="magnum-ui 19 installed by the anchor's setup.sh"
    )
    args = parser.parse_args()
    with allinone.running() as aio:
        token, project = allinone.demo_token(aio)
        allinone.seed(aio, project, args.bays, args.bay_models)
        bays_url = aio.dashboard_url + "project/bays/"
        models_url = aio.dashboard_url + "project/bay_models/"
        with chromium() as driver:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
            log_in(driver, aio.dashboard_url, "demo", aio.password)
            cold = _wait_for_rows(driver, "/api/container_infra/bays/")
            logins = [_log_in_to_bays(driver, aio) for _ in range(args.runs)]
            bays = [
                _open_panel(driver, bays_url, "/api/container_infra/bays/")
                for _ in range(args.runs)
            ]
            models = [
                _open_panel(driver, models_url, "/api/container_infra/bay_models/")
                for _ in range(args.runs)
            ]
            if args.anchor:
                side_by_side = _side_by_side(driver, aio, args.anchor, args.runs)
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        rest = {"Cookie": cookie, "X-Requested-With": "XMLHttpRequest"}
        service = {"X-Auth-Token": token, "OpenStack-API-Version": "container-infra latest"}
        rest_first = _time_url(
            aio.dashboard_url + "api/container_infra/bays/?limit=20", rest, args.runs
        )
        rest_bays = _time_url(aio.dashboard_url + "api/container_infra/bays/", rest, args.runs)
        rest_models = _time_url(
            aio.dashboard_url + "api/container_infra/bay_models/", rest, args.runs
        )
        service_bays = _time_url(aio.api_url + "/clusters/detail", service, args.runs)
        service_models = _time_url(aio.api_url + "/clustertemplates/detail", service, args.runs)
    print(f"{args.bays} bays, {args.bay_models} bay models, {args.runs} runs each, as demo")
    # The machine may be shared: a load above its core count slows every figure.
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    _report("log in -> Bays rows", logins, cold)
    _report("open Bays -> rows", bays)
    _report("open Bay Models -> rows", models)
    for name, samples in (
        ("GET /api/container_infra/bays/?limit=20", rest_first),
        ("GET /api/container_infra/bays/", rest_bays),
        ("GET /api/container_infra/bay_models/", rest_models),
        ("GET /v1/clusters/detail", service_bays),
        ("GET /v1/clustertemplates/detail", service_models),
    ):
        print(f"{name:46} median {_median(samples):6.0f} ms")
    if args.anchor:
        print("side by side, interleaved rounds:")
        ours_bays, their_clusters, ours_models, their_templates = side_by_side
        _report("magnum-ui 19: Clusters", their_clusters)
        _report("magnum-ui 19: Cluster Templates", their_templates)
        _compare(ours_bays, their_clusters, "Bays vs Clusters")
        _compare(ours_models, their_templates, "Bay Models vs Cluster Templates")
    return 0


def _side_by_side(
    driver: webdriver.Chrome, aio: AllInOne, folder: Path, runs: int
) -> tuple[list[Load], list[Load], list[Load], list[Load]]:
    """Our two panels and magnum-ui 19's, in rounds: ours, theirs, ours, theirs."""
    found: tuple[list[Load], list[Load], list[Load], list[Load]] = ([], [], [], [])
    with anchor(folder, aio.keystone_url) as url, chromium() as peer:
        peer.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
        log_in(peer, url, "demo", aio.password)
        for _ in range(runs):
            found[0].append(_open_panel(driver, aio.dashboard_url + "project/bays/",
                                        "/api/container_infra/bays/"))  # fmt: skip
            found[1].append(_open_panel(peer, url + "project/clusters/",
                                        "/api/container_infra/clusters/"))  # fmt: skip
            found[2].append(_open_panel(driver, aio.dashboard_url + "project/bay_models/",
                                        "/api/container_infra/bay_models/"))  # fmt: skip
            found[3].append(_open_panel(peer, url + "project/cluster_templates/",
                                        "/api/container_infra/cluster_templates/"))  # fmt: skip
    return found


if __name__ == "__main__":
    sys.exit(main())
