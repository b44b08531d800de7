"""How fast the Bays and Bay Models panels show 1,000 items, in headless Chromium.

Usage::

    MAGNUM_UI_TEST_PORT_OFFSET=700 .venv/bin/python -m benchmarks.dashboard_bays [--bays 1000]
        [--bay-models 1000] [--runs 5]

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
before any page script counts the page's calls to ``/api/``: one list call
per panel is expected, never one per row.  For the break-down it also times
the dashboard's REST call alone (``/api/container_infra/bays/`` with the
browser's session cookie) and the service API's list behind it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass
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
# and an item count above zero in its footer.
HOOK = """
(function () {
  var bench = window.__bench = {calls: [], readyAt: null, rows: 0, footer: ''};
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(url).indexOf('/api/') !== -1) {
      bench.calls.push(method + ' ' + url);
    }
    return open.apply(this, arguments);
  };
  function check() {
    var rows = document.querySelectorAll('hz-resource-table tbody tr[ng-repeat-start]');
    var footer = document.querySelector('hz-resource-table tfoot');
    var text = footer ? footer.textContent.replace(/\\s+/g, ' ').trim() : '';
    if (rows.length > 0 && /Displaying [1-9]/.test(text)) {
      bench.readyAt = performance.now();
      bench.rows = rows.length;
      bench.footer = text;
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
    total_ms: float
    html_ms: float
    list_call: tuple[float, float]  # first start and last end of the panel's list calls, in ms
    list_calls: int
    calls: list[str]
    rows: int
    footer: str

    @property
    def render_ms(self) -> float:
        """From the (last) list call's answer to the rows on screen."""
        return self.total_ms - self.list_call[1]


def _wait_for_rows(driver: webdriver.Chrome, list_path: str) -> Load:
    try:
        WebDriverWait(driver, 60, poll_frequency=0.05).until(
            lambda d: d.execute_script("return window.__bench && window.__bench.readyAt !== null")
        )
    except TimeoutException:
        raise SystemExit(
            f"no rows after 60 s on {driver.current_url}; see {screenshot(driver, 'bench-timeout')}"
        ) from None
    page: dict[str, Any] = driver.execute_script(READ)
    bench = page["bench"]
    listed = [(start, end) for name, start, end in page["api"] if list_path in name]
    assert listed, f"no call to {list_path} among {page['api']}"
    return Load(
        total_ms=bench["readyAt"],
        html_ms=page["html"],
        list_call=(min(start for start, _ in listed), max(end for _, end in listed)),
        list_calls=len(listed),
        calls=list(bench["calls"]),
        rows=bench["rows"],
        footer=bench["footer"],
    )


def _open_panel(driver: webdriver.Chrome, url: str, list_path: str) -> Load:
    driver.get(url)
    return _wait_for_rows(driver, list_path)


def _log_in_to_bays(driver: webdriver.Chrome, aio: AllInOne) -> Load:
    driver.delete_all_cookies()
    driver.get(aio.dashboard_url + "auth/login/")
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
        f"   list call {_median([x.list_call[0] for x in loads]):5.0f}"
        f"-{_median([x.list_call[1] for x in loads]):5.0f}"
        f"   render {_median([x.render_ms for x in loads]):4.0f} ms"
    )
    if cold is not None:
        print(f"{'':30} first (cold browser cache) {cold.total_ms:.0f} ms")
    last = loads[-1]
    print(f"{'':30} {last.rows} rows on the page, footer: {last.footer!r}")
    print(f"{'':30} {len(last.calls)} calls to /api/ ({last.list_calls} of them the list): ")
    print(f"{'':30} {', '.join(last.calls)}")
    if len(last.calls) >= last.rows:
        print(f"{'':30} WARNING: as many calls as rows on the page: a call per row?")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bays", type=int, default=1000)
    parser.add_argument("--bay-models", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
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
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        rest = {"Cookie": cookie, "X-Requested-With": "XMLHttpRequest"}
        service = {"X-Auth-Token": token, "OpenStack-API-Version": "container-infra latest"}
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
        ("GET /api/container_infra/bays/", rest_bays),
        ("GET /api/container_infra/bay_models/", rest_models),
        ("GET /v1/clusters/detail", service_bays),
        ("GET /v1/clustertemplates/detail", service_models),
    ):
        print(f"{name:38} median {_median(samples):6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
