"""The Bays panel in headless Chromium, as demo, against the real all-in-one.

Nothing is mocked: the panel's actions go through Horizon's REST views,
python-magnumclient, the service API, the conductor and Heat to real Docker
Engines.  The tests of ``TestOneBay`` run in order and share one bay, made
from the seeded ``local-swarm`` bay model; each step leaves a screenshot in
test-artifacts/.
"""

from __future__ import annotations

import re
import tarfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from tests.allinone import AllInOne
from tests.e2e import dashboard as ui
from tests.e2e.browser import screenshot
from tests.e2e.test_bays import bay_docker

pytestmark = pytest.mark.e2e

NAME = f"e2e-ui-{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(aio: AllInOne, downloads: Path) -> Iterator[WebDriver]:
    with ui.demo_browser(aio, downloads) as driver:
        yield driver


@pytest.fixture(scope="module", autouse=True)
def no_bay_left(aio: AllInOne) -> Iterator[None]:
    """Whatever happens in the tests, the bay they made is deleted at the end."""
    yield
    api = aio.demo_session()
    for bay in ui.api_call(api, aio, "GET", "/clusters").json()["clusters"]:
        if bay["name"] == NAME:
            ui.api_call(api, aio, "DELETE", f"/clusters/{bay['uuid']}")
            deadline = time.monotonic() + 120
            while ui.api_call(api, aio, "GET", f"/clusters/{bay['uuid']}").status_code != 404:
                assert time.monotonic() < deadline, f"bay {NAME} not deleted"
                time.sleep(0.5)


def open_create_form(driver: WebDriver, aio: AllInOne) -> None:
    ui.open_panel(driver, aio, "project/bays/")
    ui.global_action(driver, "Create Bay")
    ui.modal(driver)
    # The bay models are read when the form opens; until then only the prompt is offered.
    ui.until(
        driver, lambda d: len(Select(d.find_element(By.ID, "bay-cluster-template")).options) > 1
    )


def submit_button(driver: WebDriver) -> bool:
    """True when the create form's submit button can be pressed."""
    return bool(driver.find_element(By.CSS_SELECTOR, ".bay-create-submit").is_enabled())


class TestOneBay:
    def test_create_a_bay_and_watch_it_complete_in_place(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A 2-node bay made in the form reaches Create Complete in place, without a reload."""
        open_create_form(browser, aio)
        Select(browser.find_element(By.ID, "bay-cluster-template")).select_by_visible_text(
            "local-swarm (swarm-mode)"
        )
        ui.fill(browser, "bay-name", NAME)
        ui.fill(browser, "bay-node-count", "2")
        screenshot(browser, "dashboard-bays-1-create-form")
        browser.find_element(By.CSS_SELECTOR, ".bay-create-submit").click()
        ui.no_modal(browser)
        ui.row(browser, NAME)
        first = ui.cell(browser, NAME, "Status")
        screenshot(browser, "dashboard-bays-2-creating")
        ui.wait_for_cell(browser, NAME, "Status", "Create Complete")
        screenshot(browser, "dashboard-bays-3-created")
        assert first == "Create In Progress"
        assert ui.cell(browser, NAME, "Worker Nodes") == "2"
        assert ui.cell(browser, NAME, "Masters") == "1"
        assert browser.current_url == aio.dashboard_url + "project/bays/"
        assert ui.still_same_page(browser)

    def test_resize_it_to_three_nodes_from_its_row(self, browser: WebDriver, aio: AllInOne) -> None:
        """Resize Bay to 3 nodes from the row's menu: the row reads Update Complete and 3 nodes."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row_action(browser, NAME, "Resize Bay")
        ui.modal(browser)
        ui.fill(browser, "bay-resize-node-count", "3")
        screenshot(browser, "dashboard-bays-4-resize-form")
        browser.find_element(By.CSS_SELECTOR, ".bay-resize-submit").click()
        ui.no_modal(browser)
        ui.wait_for_cell(browser, NAME, "Status", "Update Complete")
        ui.wait_for_cell(browser, NAME, "Worker Nodes", "3")
        screenshot(browser, "dashboard-bays-5-resized")
        assert ui.still_same_page(browser)

    def test_download_its_client_configuration(
        self, browser: WebDriver, aio: AllInOne, downloads: Path, tmp_path: Path
    ) -> None:
        """The downloaded tar.gz, named after the bay, holds env.sh and certificates that reach
        the bay's 4 engines; the page stays where it was, with no "Loading" over it."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row_action(browser, NAME, "Download Client Configuration")
        archive: Path = ui.until(browser, lambda d: _downloaded(downloads))
        assert archive.name == f"{NAME}-config.tar.gz"
        _stays(browser, aio.dashboard_url + "project/bays/")
        with tarfile.open(archive) as tar:
            tar.extractall(tmp_path, filter="data")
            names = sorted(Path(m.name).name for m in tar.getmembers() if m.isfile())
        assert names == ["ca.pem", "cert.pem", "env.sh", "key.pem"]
        folder = next(p.parent for p in tmp_path.rglob("env.sh"))
        env = (folder / "env.sh").read_text()
        host = next(line.split("=", 1)[1] for line in env.splitlines() if "DOCKER_HOST=" in line)
        ca = x509.load_pem_x509_certificate((folder / "ca.pem").read_bytes())
        cert = x509.load_pem_x509_certificate((folder / "cert.pem").read_bytes())
        cert.verify_directly_issued_by(ca)
        engine = bay_docker(host, folder)
        assert engine.info()["Swarm"]["Nodes"] == 4  # 1 master + 3 nodes
        assert ui.still_same_page(browser)

    def test_download_it_from_its_details_page_link_and_menu(
        self, browser: WebDriver, aio: AllInOne, downloads: Path
    ) -> None:
        """The Overview's link and the page's action menu save the file and keep the page."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row(browser, NAME).find_element(By.LINK_TEXT, NAME).click()
        link = ui.until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "a.bay-config-link"))
        page = browser.current_url
        for saved in downloads.glob("*"):
            saved.unlink()
        link[0].click()
        ui.until(browser, lambda d: _downloaded(downloads))
        _stays(browser, page)
        for saved in downloads.glob("*"):
            saved.unlink()
        ui.details_action(browser, "Download Client Configuration")
        ui.until(browser, lambda d: _downloaded(downloads))
        _stays(browser, page)
        screenshot(browser, "dashboard-bays-6-details-download")

    def test_its_overview_says_where_to_push_images(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """The Images section names the registry, the project's namespace, the commands and
        what the project stores of its share."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row(browser, NAME).find_element(By.LINK_TEXT, NAME).click()
        address = ui.until(
            browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".bay-registry-address")
        )
        assert address[0].text == aio.registry
        commands = browser.find_element(By.CSS_SELECTOR, ".bay-registry-commands").text
        assert commands.splitlines()[0] == f"docker login {aio.registry}"
        assert commands.splitlines()[-1].startswith(f"docker push {aio.registry}/")
        # What demo's project stores (whatever other tests pushed) of its share (tests/allinone.py).
        stored = browser.find_element(By.CSS_SELECTOR, ".bay-registry-stored").text
        assert re.fullmatch(r"[0-9]+(\.[0-9])? MiB of your project's 64 MiB", stored), stored
        screenshot(browser, "dashboard-bays-6b-details-images")

    def test_its_overview_shows_its_health_node_by_node(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """The conductor's reading of the bay: Healthy, the orchestrator's API ok and each of
        its four nodes Ready, by name. The page is opened while the bay's health is not known
        and the conductor does not read it (a status it skips); once it may, the page shows
        the reading by itself, in place (no reload)."""
        ((status,),) = aio.sql("SELECT status FROM magnum_service_cluster WHERE name = %s", (NAME,))
        aio.sql(
            "UPDATE magnum_service_cluster SET status = 'SNAPSHOT_COMPLETE', health_status = NULL,"
            " health_status_reason = '{}' WHERE name = %s",
            (NAME,),
        )
        try:
            ui.open_panel(browser, aio, "project/bays/")
            ui.row(browser, NAME).find_element(By.LINK_TEXT, NAME).click()
            ui.until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "magnum-property-section"))
            bay = _pairs(browser.find_element(By.CSS_SELECTOR, "magnum-property-section"))
            assert (bay["Status"], bay["Health Status"]) == ("Snapshot Complete", "-")
            assert not browser.find_elements(By.CSS_SELECTOR, ".bay-health")
            browser.execute_script("window.stillThisPage = true")
        finally:
            aio.sql("UPDATE magnum_service_cluster SET status = %s WHERE name = %s", (status, NAME))

        def health(driver: ui.WebDriver) -> dict[str, str] | None:
            found = driver.find_elements(By.CSS_SELECTOR, ".bay-health")
            return _pairs(found[0], "th", "td") if found else None

        rows = ui.until(browser, health, timeout=60)
        assert rows.pop("Orchestrator API") == "ok"
        assert len(rows) == 4, rows
        for node, state in rows.items():
            assert re.fullmatch(r"bay-[0-9a-f]{8}-(master|worker)-[0-9]+", node)
            assert state == "Ready"
        bay = _pairs(browser.find_element(By.CSS_SELECTOR, "magnum-property-section"))
        assert bay["Health Status"] == "Healthy"
        assert bay["Status"] != "Snapshot Complete"
        assert browser.execute_script("return window.stillThisPage === true")
        screenshot(browser, "dashboard-bays-6c-details-health")

    def test_its_details_page_stays_on_progress_when_an_operation_completes(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """Resized while its Progress tab is read, the page redraws itself once the bay
        settles (its actions are checked again) and still shows Progress, not Overview."""
        api = aio.demo_session()
        bays = ui.api_call(api, aio, "GET", "/clusters").json()["clusters"]
        uuid = next(b["uuid"] for b in bays if b["name"] == NAME)
        resize = {"node_count": 2}
        path = f"/clusters/{uuid}/actions/resize"
        assert ui.api_call(api, aio, "POST", path, json=resize).status_code == 202
        browser.get(aio.dashboard_url + f"ngdetails/OS::Magnum::Bay/{uuid}")
        tab = (By.XPATH, "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Progress']")
        ui.until(browser, expected_conditions.element_to_be_clickable(tab)).click()
        browser.execute_script(OLD_TABS)
        # The redraw replaces the tabs: wait for new ones, then read which is shown.
        ui.until(browser, lambda d: d.execute_script(NEW_TABS), timeout=120)
        active = ui.until(
            browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".nav-tabs li.active")
        )
        assert active[0].text.strip() == "Progress"
        screenshot(browser, "dashboard-bays-6-progress-kept")

    def test_delete_it_and_see_the_row_go(self, browser: WebDriver, aio: AllInOne) -> None:
        """Delete Bay, confirmed, removes the row by itself once the bay is gone."""
        ui.open_panel(browser, aio, "project/bays/")
        ui.row_action(browser, NAME, "Delete Bay")
        dialog = ui.modal(browser)
        screenshot(browser, "dashboard-bays-6-delete-confirm")
        assert NAME in dialog.text
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-danger").click()
        ui.no_modal(browser)
        api = aio.demo_session()

        def gone(driver: ui.WebDriver) -> bool:
            bays = ui.api_call(api, aio, "GET", "/clusters").json()["clusters"]
            return NAME not in [b["name"] for b in bays] and not ui.rows(driver, NAME)

        # Gone from the service, and then from the table without a reload.
        ui.until(browser, gone, timeout=180)
        screenshot(browser, "dashboard-bays-7-deleted")
        assert ui.still_same_page(browser)


# Polls of the whole bay list the browser got back as "not modified": fewer bytes came
# than the list it handed the page (Resource Timing: transferSize < encodedBodySize),
# which a list holding a bay is larger than a 304's headers (an empty one is not).
REVALIDATED_POLLS = """
return performance.getEntriesByType('resource').filter(function (e) {
  return new RegExp('/api/container_infra/bays/$').test(e.name) &&
    e.encodedBodySize > 0 && e.transferSize < e.encodedBodySize;
}).length;
"""


class TestTheListFollowsReality:
    def test_a_bay_made_and_deleted_elsewhere_comes_and_goes_by_itself(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A bay created through the API (as the CLI or a colleague would) while the Bays
        page is open shows up without a reload within 15 s, then its status and health
        follow, and it goes by itself once deleted."""
        ui.open_panel(browser, aio, "project/bays/")
        browser.execute_script("performance.setResourceTimingBufferSize(5000)")
        api, name = aio.demo_session(), f"{NAME}-cli"
        body = {"name": name, "cluster_template_id": "local-swarm", "node_count": 0}
        made = ui.api_call(api, aio, "POST", "/clusters", json=body)
        assert made.status_code == 202, made.text
        uuid = made.json()["uuid"]
        try:
            started = time.monotonic()
            ui.row(browser, name, timeout=15)
            print(f"\nmade elsewhere: row shown after {time.monotonic() - started:.1f} s")
            screenshot(browser, "dashboard-bays-8-made-elsewhere")
            ui.until(browser, lambda d: "Complete" in ui.cell(d, name, "Status"), timeout=120)
            # The conductor's first reading of its health follows (every 15 s), by itself too.
            ui.until(browser, lambda d: ui.cell(d, name, "Health Status") == "Healthy", timeout=60)
            # Nothing changes now: the next poll's list is answered 304, not sent again.
            ui.until(browser, lambda d: d.execute_script(REVALIDATED_POLLS) > 0, timeout=25)
            assert ui.api_call(api, aio, "DELETE", f"/clusters/{uuid}").status_code == 204
            started = time.monotonic()
            ui.until(browser, lambda d: not ui.rows(d, name), timeout=60)
            print(f"deleted elsewhere: row gone after {time.monotonic() - started:.1f} s")
            assert ui.still_same_page(browser)
        finally:
            ui.api_call(api, aio, "DELETE", f"/clusters/{uuid}")


class TestBadInput:
    def test_a_name_with_spaces_is_refused_next_to_the_field(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A name with spaces shows why next to the field and the form cannot be sent."""
        open_create_form(browser, aio)
        ui.fill(browser, "bay-name", "my bay")
        screenshot(browser, "dashboard-bays-bad-name")
        assert "no spaces" in ui.field_error(browser, "bay-name")
        assert not submit_button(browser)
        ui.fill(browser, "bay-name", "my-bay")
        assert ui.field_error(browser, "bay-name") == ""

    def test_a_negative_node_count_is_refused_next_to_the_field(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """Node count -1 shows the allowed range next to the field and the form cannot be sent."""
        open_create_form(browser, aio)
        ui.fill(browser, "bay-node-count", "-1")
        screenshot(browser, "dashboard-bays-bad-node-count")
        assert "A whole number from 0 to 90 " in ui.field_error(browser, "bay-node-count")
        assert not submit_button(browser)

    def test_more_workers_than_the_driver_places_are_refused_next_to_the_field(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """95 workers of a local-swarm bay: the field says the local driver's 90, no sending."""
        open_create_form(browser, aio)
        Select(browser.find_element(By.ID, "bay-cluster-template")).select_by_visible_text(
            "local-swarm (swarm-mode)"
        )
        ui.fill(browser, "bay-node-count", "95")
        assert "A whole number from 0 to 90 " in ui.field_error(browser, "bay-node-count")
        assert not submit_button(browser)

    def test_a_script_as_name_is_refused_and_stays_text(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A <script> name is refused next to the field and never runs or enters the page."""
        text = "<script>alert(1)</script>"
        open_create_form(browser, aio)
        ui.fill(browser, "bay-name", text)
        screenshot(browser, "dashboard-bays-script-name")
        assert "no spaces" in ui.field_error(browser, "bay-name")
        assert not submit_button(browser)
        assert browser.find_element(By.ID, "bay-name").get_attribute("value") == text
        injected = browser.execute_script(
            "return Array.from(document.scripts).filter(s => s.text.includes('alert(1)')).length"
        )
        assert (ui.alerts(browser), injected) == ([], 0)


# Marks the details page's tabs, then tells when tabs without the mark (redrawn) show.
OLD_TABS = "document.querySelector('.tabset-details').dataset.e2eOld = 'yes'"
NEW_TABS = (
    "var tabs = document.querySelector('.tabset-details');"
    "return Boolean(tabs && !tabs.dataset.e2eOld && tabs.querySelector('li.active'))"
)


def _stays(driver: WebDriver, url: str) -> None:
    """The browser is still on ``url`` a moment after a download, no "Loading" spinner shown."""
    time.sleep(1)  # a wrong navigation or spinner would come within this second
    assert driver.current_url == url
    spinners = driver.find_elements(By.CSS_SELECTOR, ".modal-wait-spinner")
    assert not [s for s in spinners if s.is_displayed()], "a Loading spinner covers the page"


def _downloaded(folder: Path) -> Path | None:
    done = list(folder.glob("*.tar.gz"))
    return done[0] if done and not list(folder.glob("*.crdownload")) else None


def _pairs(element: WebElement, term: str = "dt", description: str = "dd") -> dict[str, str]:
    """A definition list's terms and their descriptions (or a table's row headers and
    cells), as shown."""
    terms = element.find_elements(By.TAG_NAME, term)
    described = element.find_elements(By.TAG_NAME, description)
    return {t.text: d.text for t, d in zip(terms, described, strict=True)}
