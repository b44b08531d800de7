"""A bay's Node Groups tab in headless Chromium, as demo, against the real all-in-one.

Nothing is mocked: the tab's actions go through Horizon's REST views,
python-magnumclient, the service API, the conductor and Heat to real Docker
Engines.  One bay of 1 master and 1 worker (``local-swarm``) is made through
the API before the tests and deleted after them; the tests of
``TestNodeGroupsTab`` run in order on it: a group of 1 ``local.tiny`` node
is created, resized to 2 (Resize Bay still resizes default-worker only),
bounded, refused (a count past its maximum, a name taken) and deleted; then
the bay's CA is rotated from the Bays panel.  4 nodes in all: the test
all-in-one's bound per project.  Each step leaves a screenshot in
test-artifacts/.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.allinone import AllInOne
from tests.e2e import dashboard as ui
from tests.e2e.browser import expect_refusal, screenshot

pytestmark = pytest.mark.e2e

NAME = f"e2e-ng-{uuid.uuid4().hex[:6]}"
GROUP = "extra"


@pytest.fixture(scope="module")
def browser(aio: AllInOne) -> Iterator[WebDriver]:
    with ui.demo_browser(aio) as driver:
        yield driver


@pytest.fixture(scope="module")
def bay(aio: AllInOne) -> Iterator[dict[str, Any]]:
    """A 1 master + 1 worker bay, CREATE_COMPLETE; deleted (and gone) afterwards."""
    api = aio.demo_session()
    body = {"name": NAME, "cluster_template_id": "local-swarm", "master_count": 1, "node_count": 1}
    response = ui.api_call(api, aio, "POST", "/clusters", json=body)
    assert response.status_code == 202, response.text
    made = response.json()["uuid"]
    try:
        found = _settled(api, aio, made)
        assert found["status"] == "CREATE_COMPLETE", found.get("status_reason")
        yield found
    finally:
        ui.api_call(api, aio, "DELETE", f"/clusters/{made}")
        deadline = time.monotonic() + 180
        while ui.api_call(api, aio, "GET", f"/clusters/{made}").status_code != 404:
            assert time.monotonic() < deadline, f"bay {NAME} not deleted"
            time.sleep(0.5)


def _settled(api: Any, aio: AllInOne, bay_uuid: str, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        found: dict[str, Any] = ui.api_call(api, aio, "GET", f"/clusters/{bay_uuid}").json()
        if not found["status"].endswith("_IN_PROGRESS") or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def _groups(aio: AllInOne, bay_uuid: str) -> dict[str, dict[str, Any]]:
    path = f"/clusters/{bay_uuid}/nodegroups/detail"
    answer = ui.api_call(aio.demo_session(), aio, "GET", path).json()
    return {group["name"]: group for group in answer["nodegroups"]}


def open_tab(driver: WebDriver, aio: AllInOne, bay: dict[str, Any]) -> None:
    """The bay's details page, on its Node Groups tab, once the groups are listed."""
    driver.get(aio.dashboard_url + f"ngdetails/OS::Magnum::Bay/{bay['uuid']}")
    tab = (By.XPATH, "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Node Groups']")
    ui.until(driver, expected_conditions.element_to_be_clickable(tab)).click()
    ui.row(driver, "default-worker")
    driver.execute_script(ui.SAME_PAGE)


def actions_of(driver: WebDriver, name: str) -> list[str]:
    """The labels of a row's actions: its button and its menu's entries."""
    xpath = (
        f"//{ui.TABLE}//tbody/tr[@ng-repeat-start][td[normalize-space(.)='{name}']]"
        "/td[contains(@class,'actions_column')]"
    )
    cell = ui.until(
        driver, lambda d: d.find_elements(By.XPATH, f"{xpath}//button[contains(@class,'btn')]")
    )[0].find_element(By.XPATH, "./ancestor::td[1]")
    found = [b.text.strip() for b in cell.find_elements(By.CSS_SELECTOR, "button.split-button")]
    menu = cell.find_elements(By.CSS_SELECTOR, "ul.dropdown-menu a")
    return found + [str(a.get_attribute("textContent")).strip() for a in menu]


def submit(driver: WebDriver, name: str) -> None:
    button = (By.CSS_SELECTOR, f".{name}-submit")
    ui.until(driver, expected_conditions.element_to_be_clickable(button)).click()


def wait_quietly(driver: WebDriver, condition: Any, timeout: float = 30) -> Any:
    """Wait without failing on an error toast: for the one a refused request shows."""
    return WebDriverWait(
        driver, timeout, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]
    ).until(condition)


class TestNodeGroupsTab:
    def test_the_tab_lists_the_default_groups(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """default-master and default-worker are listed, and neither offers Delete."""
        open_tab(browser, aio, bay)
        screenshot(browser, "dashboard-nodegroups-1-tab")
        assert ui.cell(browser, "default-master", "Role") == "Master"
        assert ui.cell(browser, "default-worker", "Role") == "Worker"
        assert ui.cell(browser, "default-worker", "Nodes") == "1"
        assert ui.cell(browser, "default-worker", "Status") == "Create Complete"
        assert ui.cell(browser, "default-worker", "Flavor") == "local.small"
        assert ui.cell(browser, "default-worker", "Min / Max") == "0 to no limit"
        offered = actions_of(browser, "default-worker")
        assert "Resize Node Group" in offered
        assert "Delete Node Group" not in offered

    def test_create_a_group_of_one_node_and_watch_it_complete(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """A 1-node local.tiny group made in the form reaches Create Complete in place."""
        open_tab(browser, aio, bay)
        ui.until(
            browser,
            expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, ".node-group-create")),
        ).click()
        ui.modal(browser)
        # The flavors are read when the form opens.
        ui.until(
            browser, lambda d: len(Select(d.find_element(By.ID, "node-group-flavor")).options) > 1
        )
        select = Select(browser.find_element(By.ID, "node-group-flavor"))
        # Sensible defaults: one node, the bay's worker flavor.
        assert browser.find_element(By.ID, "node-group-node-count").get_attribute("value") == "1"
        assert select.first_selected_option.text.startswith("local.small")
        ui.fill(browser, "node-group-name", GROUP)
        select.select_by_value("string:local.tiny")
        screenshot(browser, "dashboard-nodegroups-2-create-form")
        submit(browser, "node-group-create")
        ui.no_modal(browser)
        ui.row(browser, GROUP)
        first = ui.cell(browser, GROUP, "Status")
        ui.wait_for_cell(browser, GROUP, "Status", "Create Complete")
        screenshot(browser, "dashboard-nodegroups-3-created")
        assert first in ("Create In Progress", "Create Complete")
        assert ui.cell(browser, GROUP, "Nodes") == "1"
        assert ui.cell(browser, GROUP, "Flavor") == "local.tiny"
        assert _groups(aio, bay["uuid"])[GROUP]["node_count"] == 1
        assert ui.still_same_page(browser)

    def test_resize_it_to_two_nodes(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """Resize Node Group to 2: the row reads Update Complete and 2 nodes, by itself."""
        open_tab(browser, aio, bay)
        ui.row_action(browser, GROUP, "Resize Node Group")
        ui.modal(browser)
        ui.fill(browser, "node-group-resize-node-count", "2")
        submit(browser, "node-group-resize")
        ui.no_modal(browser)
        ui.wait_for_cell(browser, GROUP, "Status", "Update Complete")
        ui.wait_for_cell(browser, GROUP, "Nodes", "2")
        screenshot(browser, "dashboard-nodegroups-4-resized")
        assert _groups(aio, bay["uuid"])[GROUP]["node_count"] == 2
        assert ui.still_same_page(browser)

    def test_resize_bay_still_resizes_default_worker_only(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """Resize Bay starts from default-worker's 1 node, not the bay's 3 workers."""
        ui.open_panel(browser, aio, "project/bays/")
        assert ui.cell(browser, NAME, "Worker Nodes") == "3"
        ui.row_action(browser, NAME, "Resize Bay")
        dialog = ui.modal(browser)
        field = ui.until(
            browser,
            expected_conditions.element_to_be_clickable((By.ID, "bay-resize-node-count")),
        )
        assert field.get_attribute("value") == "1"
        assert "1 in its default-worker group" in " ".join(dialog.text.split())
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-default").click()
        ui.no_modal(browser)

    def test_edit_its_bounds(self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]) -> None:
        """Edit Bounds to 1..2 is saved at once, and the row shows it."""
        open_tab(browser, aio, bay)
        ui.row_action(browser, GROUP, "Edit Bounds")
        ui.modal(browser)
        ui.fill(browser, "node-group-bounds-min", "1")
        ui.fill(browser, "node-group-bounds-max", "2")
        submit(browser, "node-group-bounds")
        ui.no_modal(browser)
        ui.wait_for_cell(browser, GROUP, "Min / Max", "1 to 2", timeout=30)
        screenshot(browser, "dashboard-nodegroups-5-bounded")
        group = _groups(aio, bay["uuid"])[GROUP]
        assert (group["min_node_count"], group["max_node_count"]) == (1, 2)

    def test_a_count_above_the_maximum_is_refused_next_to_the_field(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """Resizing past the maximum shows the group's range and cannot be sent."""
        open_tab(browser, aio, bay)
        ui.row_action(browser, GROUP, "Resize Node Group")
        dialog = ui.modal(browser)
        ui.fill(browser, "node-group-resize-node-count", "3")
        assert "A whole number from 1 to 2." in ui.field_error(
            browser, "node-group-resize-node-count"
        )
        assert not browser.find_element(By.CSS_SELECTOR, ".node-group-resize-submit").is_enabled()
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-default").click()
        ui.no_modal(browser)

    def test_a_name_taken_is_refused_with_the_services_reason(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """The service's 409 for a name taken shows next to the name and in a toast."""
        open_tab(browser, aio, bay)
        browser.find_element(By.CSS_SELECTOR, ".node-group-create").click()
        dialog = ui.modal(browser)
        ui.fill(browser, "node-group-name", GROUP)
        expect_refusal(browser, "/nodegroups/", 409)
        submit(browser, "node-group-create")
        reason = f"A node group named '{GROUP}' already exists in cluster {bay['uuid']}."
        wait_quietly(browser, lambda d: reason in ui.field_error(d, "node-group-name"))
        toast = wait_quietly(browser, lambda d: [t for t in ui.toasts(d, "danger") if reason in t])
        screenshot(browser, "dashboard-nodegroups-6-name-taken")
        assert "Unable to create the node group:" in toast[0]
        assert dialog.is_displayed()
        for close in browser.find_elements(By.CSS_SELECTOR, ".alert-danger a.close"):
            close.click()
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-default").click()
        ui.no_modal(browser)
        assert sorted(_groups(aio, bay["uuid"])) == ["default-master", "default-worker", GROUP]

    def test_delete_it_after_confirming_and_see_it_go(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """Delete Node Group, confirmed, removes the group; its row goes by itself."""
        open_tab(browser, aio, bay)
        ui.row_action(browser, GROUP, "Delete Node Group")
        dialog = ui.modal(browser)
        screenshot(browser, "dashboard-nodegroups-7-delete-confirm")
        assert GROUP in dialog.text
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-danger").click()
        ui.no_modal(browser)

        def gone(driver: ui.WebDriver) -> bool:
            assert ui.still_same_page(driver), "the page was reloaded or left"
            return GROUP not in _groups(aio, bay["uuid"]) and not ui.rows(driver, GROUP)

        ui.until(browser, gone, timeout=180)
        screenshot(browser, "dashboard-nodegroups-8-deleted")
        assert _settled(aio.demo_session(), aio, bay["uuid"])["status"] == "UPDATE_COMPLETE"


class TestRotateCa:
    def test_the_dialog_says_what_happens_and_the_row_follows(
        self, browser: WebDriver, aio: AllInOne, bay: dict[str, Any]
    ) -> None:
        """Rotate CA says what it does first; the bay's row then follows it to Update Complete."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row_action(browser, NAME, "Rotate CA Certificate")
        dialog = ui.modal(browser)
        text = " ".join(dialog.text.split())
        screenshot(browser, "dashboard-nodegroups-9-rotate-ca")
        assert "new certificate authority" in text
        assert "One node at a time" in text
        assert "Update In Progress" in text
        assert "Download a new client configuration" in text
        submit(browser, "bay-rotate-ca")
        ui.no_modal(browser)
        ui.wait_for_toast(
            browser, "success", f'The CA certificate of bay "{NAME}" is being rotated'
        )
        seen: list[str] = []

        def complete(driver: ui.WebDriver) -> bool:
            assert ui.still_same_page(driver), "the page was reloaded or left"
            seen.append(ui.cell(driver, NAME, "Status"))
            return seen[-1] == "Update Complete"

        ui.until(browser, complete, timeout=180)
        screenshot(browser, "dashboard-nodegroups-10-rotated")
        assert "Update In Progress" in seen
