"""The Workloads view in a real browser, on a real local Swarm bay.

Everything is real: Horizon with the plugin, the service API, the conductor,
Heat and two Docker Engines joined into a Swarm.  A person deploys a service
of 3 replicas from a manifest, sees where they run, reads a task's log,
scales it to 1 and deletes it; a screenshot of each step lands in
``test-artifacts/``.  The tests run in order and share one bay and one browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from keystoneauth1 import session
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from tests.allinone import AllInOne
from tests.e2e.browser import chromium, expect_refusal, log_in, screenshot
from tests.e2e.test_bays import created_bay

pytestmark = pytest.mark.e2e

SERVICE = "ticker"
LINE = "hello from the ticker"
MANIFEST = "\n".join([
    f"name: {SERVICE}",
    "image: magnum-ui/busybox:latest",
    "replicas: 3",
    f'command: ["sh", "-c", "while true; do echo {LINE}; sleep 1; done"]',
])  # fmt: skip


@pytest.fixture(scope="module")
def demo(aio: AllInOne) -> session.Session:
    return aio.demo_session()


@pytest.fixture(scope="module")
def bay(demo: session.Session, aio: AllInOne) -> Iterator[dict[str, Any]]:
    """A 1 manager + 1 worker local Swarm bay, deleted at the end."""
    body = {"name": "e2e-workloads", "cluster_template_id": "local-swarm", "node_count": 1}
    with created_bay(demo, aio, body) as created:
        yield created


@pytest.fixture(scope="module")
def browser(aio: AllInOne) -> Iterator[webdriver.Chrome]:
    with chromium() as driver:
        log_in(driver, aio.dashboard_url, "demo", aio.password)
        yield driver


def wait(driver: webdriver.Chrome, what: str, check: Callable[[], Any], timeout: float = 90) -> Any:
    """Poll ``check`` until it gives something true; fail saying ``what`` was awaited."""
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.5).until(lambda _: check())
    except Exception:
        screenshot(driver, "workloads-failed")
        raise AssertionError(f"waited {timeout} s for {what}") from None


def find(driver: webdriver.Chrome, css: str) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, css)


def texts(driver: webdriver.Chrome, css: str) -> list[str]:
    return [" ".join(e.text.split()) for e in find(driver, css)]


def column(driver: webdriver.Chrome, header: str) -> list[str]:
    """The cells of one column of the workloads table, by its header text."""
    headers = texts(driver, ".workloads-table thead th")
    index = headers.index(header) + 1
    return texts(driver, f".workloads-table tr.workload-row td:nth-child({index})")


def placed(driver: webdriver.Chrome) -> dict[str, list[str]]:
    """The picture: each node card's name and the replicas drawn on it."""
    cards = {}
    for card in find(driver, ".workload-node"):
        name = card.find_element(By.CSS_SELECTOR, ".workload-node-name").text
        cards[name] = [
            " ".join(r.text.split())
            for r in card.find_elements(By.CSS_SELECTOR, ".workload-replica")
        ]
    return cards


def mine(cards: dict[str, list[str]]) -> list[str]:
    """The replicas of the test's service drawn in the picture."""
    return [replica for replicas in cards.values() for replica in replicas if SERVICE in replica]


def click_when_enabled(driver: webdriver.Chrome, css: str) -> None:
    button = wait(driver, f"{css} to be enabled", lambda: [
        b for b in find(driver, css) if b.is_enabled() and b.is_displayed()])[0]  # fmt: skip
    button.click()


def open_tab(driver: webdriver.Chrome, kind: str) -> None:
    find(driver, f".workloads-kind-{kind}")[0].click()
    wait(driver, f"the {kind} table", lambda: find(driver, ".workloads-table"))


class TestWorkloadsView:
    def test_the_panel_shows_the_bays_nodes(
        self, browser: webdriver.Chrome, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """The Workloads panel, given ?bay=, draws the bay's manager and worker as cards."""
        browser.get(aio.dashboard_url + f"project/workloads/?bay={bay['uuid']}")
        cards = wait(
            browser, "two node cards", lambda: len(placed(browser)) == 2 and placed(browser)
        )
        assert sorted(texts(browser, ".workload-node .label-primary")) == [
            "manager · leader",
            "worker",
        ]
        assert not any(cards.values()), cards
        assert "e2e-workloads" in browser.find_element(By.ID, "workloads-bay").text
        screenshot(browser, "workloads-1-empty-bay")

    def test_a_bad_manifest_shows_the_reason_next_to_the_field(
        self, browser: webdriver.Chrome
    ) -> None:
        """The service's 400 reason appears under the manifest text, and the form stays open."""
        click_when_enabled(browser, ".workloads-create")
        area = wait(browser, "the manifest form", lambda: find(browser, "#workload-manifest"))[0]
        area.send_keys("name: broken\nreplicas: 3\n")
        expect_refusal(browser, "/workloads/", 400)
        click_when_enabled(browser, ".workload-create-submit")
        error = wait(browser, "the reason", lambda: texts(browser, ".workload-manifest-error"))
        assert "image" in error[0], error
        screenshot(browser, "workloads-2-bad-manifest")
        area.clear()

    def test_deploy_three_replicas_spread_over_the_nodes(self, browser: webdriver.Chrome) -> None:
        """A manifest of 3 replicas runs 3 tasks, drawn on both nodes and listed in Tasks."""
        area = find(browser, "#workload-manifest")[0]
        area.send_keys(MANIFEST)
        click_when_enabled(browser, ".workload-create-submit")
        wait(browser, "the form to close", lambda: not find(browser, "#workload-manifest"))
        open_tab(browser, "tasks")
        wait(
            browser,
            "3 running tasks",
            lambda: column(browser, "State").count("running") == 3,
        )
        nodes = set(column(browser, "Node"))
        cards = wait(
            browser,
            "3 running replicas in the picture",
            lambda: (
                sum(r.endswith("running") for rs in placed(browser).values() for r in rs) == 3
                and placed(browser)
            ),
        )
        on_nodes = {name for name, replicas in cards.items() if any(SERVICE in r for r in replicas)}
        assert (len(nodes), on_nodes) == (2, nodes), cards
        screenshot(browser, "workloads-3-three-replicas")

    def test_a_tasks_log_shows_its_line(self, browser: webdriver.Chrome) -> None:
        """Logs of a task show the line its command prints, followed as it grows."""
        rows = find(browser, ".workloads-table tr.workload-row")
        rows[0].find_element(By.CSS_SELECTOR, ".workload-logs-button").click()
        text = wait(
            browser,
            "the ticker's line",
            lambda: (
                LINE in " ".join(texts(browser, ".workload-logs-text"))
                and texts(browser, ".workload-logs-text")[0]
            ),
        )
        first = text.count(LINE)
        wait(browser, "more lines while following", lambda: texts(
            browser, ".workload-logs-text")[0].count(LINE) > first)  # fmt: skip
        href = find(browser, ".workload-logs-download")[0].get_attribute("href") or ""
        assert "/logs/?download=1" in href
        screenshot(browser, "workloads-4-task-log")
        click_when_enabled(browser, ".workload-logs-close")

    def test_scale_to_one(self, browser: webdriver.Chrome) -> None:
        """Scale 3 → 1: the form refuses -1 inline, then one replica is left running, and
        the service's open details follow (Replicas: 1)."""
        open_tab(browser, "services")
        wait(browser, "the service row", lambda: column(browser, "Name") == [SERVICE])
        click_when_enabled(browser, ".workload-details-button")
        wait(
            browser,
            "details of 3",
            lambda: "Replicas: 3" in " ".join(texts(browser, ".workload-yaml")),
        )
        click_when_enabled(browser, ".workload-scale-button")
        field = wait(browser, "the scale form", lambda: find(browser, "#workload-replicas"))[0]
        field.clear()
        field.send_keys("-1")
        assert find(browser, ".workload-scale-submit")[0].get_attribute("disabled")
        assert "whole number" in browser.find_element(By.CSS_SELECTOR, ".modal-body").text
        field.clear()
        field.send_keys("1")
        click_when_enabled(browser, ".workload-scale-submit")
        wait(browser, "the form to close", lambda: not find(browser, "#workload-replicas"))
        wait(browser, "1 / 1 replicas", lambda: column(browser, "Replicas") == ["1 / 1"])
        wait(
            browser,
            "one running replica in the picture",
            lambda: [r.endswith("running") for r in mine(placed(browser))] == [True],
        )
        wait(
            browser,
            "details of 1",
            lambda: "Replicas: 1" in " ".join(texts(browser, ".workload-yaml")),
        )
        screenshot(browser, "workloads-5-scaled-to-one")

    def test_delete_after_confirmation(self, browser: webdriver.Chrome) -> None:
        """Delete asks first; confirmed, the service and its replicas go away."""
        click_when_enabled(browser, ".workload-delete-button")
        # The scale form may still be fading out: look for the modal naming the service.
        wait(
            browser,
            "the confirmation naming the service",
            lambda: any(SERVICE in t for t in texts(browser, ".modal-body")),
        )
        confirm = find(browser, ".modal-footer .btn-danger")
        screenshot(browser, "workloads-6-confirm-delete")
        confirm[-1].click()
        wait(browser, "an empty services table", lambda: texts(browser, ".workloads-empty"))
        # The service was the bay's only one: once its tasks have stopped
        # (drawn as "stopping" until then), no card shows a replica.
        wait(
            browser,
            "no replicas drawn",
            lambda: not any(placed(browser).values()),
        )
        screenshot(browser, "workloads-7-deleted")

    def test_the_bay_details_have_a_workloads_tab(
        self, browser: webdriver.Chrome, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """The bay's details page has a Workloads tab showing the same view."""
        browser.get(aio.dashboard_url + f"ngdetails/OS::Magnum::Bay/{bay['uuid']}")
        tab = wait(
            browser,
            "the Workloads tab",
            lambda: [t for t in find(browser, ".nav-tabs a") if t.text.strip() == "Workloads"],
        )
        tab[0].click()
        wait(browser, "two node cards", lambda: len(placed(browser)) == 2)
        screenshot(browser, "workloads-8-bay-details-tab")
