"""The Bay Models panel in headless Chromium, as demo, against the real all-in-one.

Nothing is mocked: the form's choices come from the dashboard's REST views
(Nova, Glance and Neutron are absent from the all-in-one, so those lists are
empty and say why), and the bay model is made by the service API.  The tests
of ``TestOneBayModel`` run in order and share one bay model; each step
leaves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.allinone import AllInOne
from tests.e2e import dashboard as ui
from tests.e2e.browser import screenshot

pytestmark = pytest.mark.e2e

NAME = f"e2e-ui-model-{uuid.uuid4().hex[:6]}"
# A label whose value is markup: it must be shown as text wherever it appears.
MARKUP = "<b>bold</b><img src=x onerror=alert(2)><script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser(aio: AllInOne) -> Iterator[WebDriver]:
    with ui.demo_browser(aio) as driver:
        yield driver


@pytest.fixture(scope="module", autouse=True)
def no_bay_model_left(aio: AllInOne) -> Iterator[None]:
    """Whatever happens in the tests, the bay model they made is deleted at the end."""
    yield
    api = aio.demo_session()
    for model in ui.api_call(api, aio, "GET", "/clustertemplates").json()["clustertemplates"]:
        if model["name"] == NAME:
            ui.api_call(api, aio, "DELETE", f"/clustertemplates/{model['uuid']}")


def open_create_form(driver: WebDriver, aio: AllInOne) -> None:
    ui.open_panel(driver, aio, "project/bay_models/")
    ui.global_action(driver, "Create Bay Model")
    ui.modal(driver)
    ui.until(driver, lambda d: d.find_elements(By.ID, "name"))


def tab(driver: WebDriver, title: str) -> None:
    """Go to a step of the form by its title (Info, Nodes, Network, Labels)."""
    driver.find_element(
        By.XPATH, f"//div[contains(@class,'wizard-nav')]//a[normalize-space(.)='{title}']"
    ).click()


def submit_button(driver: WebDriver) -> bool:
    """True when the form's submit button (the primary one) can be pressed."""
    button = driver.find_element(By.CSS_SELECTOR, ".modal-footer .btn-primary")
    return bool(button.is_enabled())


def injected(driver: WebDriver) -> list[str]:
    """Elements the markup would have made, had it been rendered as HTML (a JSON data
    block is inert, unless a "<" in it could end it)."""
    found: list[str] = driver.execute_script(
        """
        var made = [];
        document.querySelectorAll('b, img, script').forEach(function (e) {
          var src = e.getAttribute('src') || '';
          if ((e.tagName === 'B' && e.textContent === 'bold') ||
              (e.tagName === 'IMG' && (src === 'x' || e.closest('.modal, .detail-row'))) ||
              (e.tagName === 'SCRIPT' && e.type !== 'application/json' &&
               e.text.indexOf('alert(') >= 0) ||
              (e.tagName === 'SCRIPT' && e.type === 'application/json' &&
               e.text.indexOf('<') >= 0)) {
            made.push(e.outerHTML);
          }
        });
        return made;
        """
    )
    return found


class TestOneBayModel:
    def test_create_a_bay_model_from_the_form(self, browser: WebDriver, aio: AllInOne) -> None:
        """A bay model made in the form (local Swarm, local.tiny, one label) is listed."""
        open_create_form(browser, aio)
        ui.fill(browser, "name", NAME)
        screenshot(browser, "dashboard-bay-models-1-create-info")
        tab(browser, "Nodes")
        flavor = Select(ui.until(browser, lambda d: d.find_element(By.NAME, "flavor_id")))
        offered = [option.text for option in flavor.options]
        # The local driver's flavors come from the service (/v1/drivers), without Nova.
        assert any(text.startswith("local.tiny (0.5 VCPU, 512 MB RAM") for text in offered)
        assert any(text.startswith("local.medium") for text in offered)
        flavor.select_by_visible_text(next(t for t in offered if t.startswith("local.tiny")))
        screenshot(browser, "dashboard-bay-models-1b-create-nodes")
        tab(browser, "Labels")
        ui.fill(browser, "labels", f"purpose=e2e\nnote={MARKUP}")
        screenshot(browser, "dashboard-bay-models-2-create-labels")
        assert ui.field_error(browser, "labels") == ""
        browser.find_element(By.CSS_SELECTOR, ".modal-footer .btn-primary").click()
        ui.no_modal(browser)
        ui.row(browser, NAME)
        screenshot(browser, "dashboard-bay-models-3-created")
        assert ui.cell(browser, NAME, "COE") == "swarm-mode"
        assert ui.still_same_page(browser)
        made = ui.api_call(aio.demo_session(), aio, "GET", f"/clustertemplates/{NAME}").json()
        assert made["flavor_id"] == "local.tiny"

    def test_its_markup_label_is_shown_as_text(self, browser: WebDriver, aio: AllInOne) -> None:
        """The row's drawer shows a label holding markup as plain text: nothing runs or appears."""
        ui.open_panel(browser, aio, "project/bay_models/")
        ui.row(browser, NAME).find_element(By.CSS_SELECTOR, "td.expander span").click()
        shown = ui.until(
            browser,
            lambda d: [
                e.get_attribute("textContent")
                for e in d.find_elements(By.CSS_SELECTOR, ".bay-model-label")
                if e.is_displayed()
            ],
        )
        screenshot(browser, "dashboard-bay-models-4-drawer")
        assert f"note={MARKUP}" in shown
        assert (ui.alerts(browser), injected(browser)) == ([], [])

    def test_delete_it_and_see_the_row_go(self, browser: WebDriver, aio: AllInOne) -> None:
        """Delete Bay Model, confirmed, removes its row without a reload."""
        ui.open_panel(browser, aio, "project/bay_models/")
        ui.row_action(browser, NAME, "Delete Bay Model")
        dialog = ui.modal(browser)
        assert NAME in dialog.text
        dialog.find_element(By.CSS_SELECTOR, ".modal-footer .btn-danger").click()
        ui.no_modal(browser)
        ui.until(browser, lambda d: not ui.rows(d, NAME))
        screenshot(browser, "dashboard-bay-models-5-deleted")
        assert ui.still_same_page(browser)


class TestBadInput:
    def test_a_name_with_spaces_is_refused_next_to_the_field(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A name with spaces shows why next to the field and the form cannot be sent."""
        open_create_form(browser, aio)
        ui.fill(browser, "name", "my model")
        screenshot(browser, "dashboard-bay-models-bad-name")
        assert "starts with a letter" in ui.field_error(browser, "name")
        assert not submit_button(browser)

    def test_a_script_as_name_is_refused_and_stays_text(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """A <script> name is refused next to the field and never runs or enters the page."""
        text = "<script>alert(1)</script>"
        open_create_form(browser, aio)
        ui.fill(browser, "name", text)
        assert "starts with a letter" in ui.field_error(browser, "name")
        assert not submit_button(browser)
        assert browser.find_element(By.ID, "name").get_attribute("value") == text
        assert (ui.alerts(browser), injected(browser)) == ([], [])

    def test_a_bad_label_line_is_explained_as_text(self, browser: WebDriver, aio: AllInOne) -> None:
        """A label line without '=' is quoted in the error next to the field, as inert text."""
        open_create_form(browser, aio)
        ui.fill(browser, "name", "fine-name")
        tab(browser, "Labels")
        ui.fill(browser, "labels", MARKUP.replace("=", " "))
        screenshot(browser, "dashboard-bay-models-bad-label")
        assert "is not key=value" in ui.field_error(browser, "labels")
        assert not submit_button(browser)
        assert (ui.alerts(browser), injected(browser)) == ([], [])


# The name column's cells (after the check box and the chevron), top to bottom.
SHOWN_NAMES = """
return Array.prototype.map.call(
  document.querySelectorAll('hz-resource-table tbody tr[ng-repeat-start]'),
  function (row) { return row.querySelectorAll('td')[2].textContent.trim(); });
"""

# How many items the table holds (all pages), from its controller.
HELD = """
return angular.element(document.querySelector('hz-resource-table'))
  .controller('hzResourceTable').itemsSrc.length;
"""


class TestFirstPage:
    def test_the_rows_of_the_first_page_stay_when_every_item_has_come(
        self, browser: WebDriver, aio: AllInOne
    ) -> None:
        """With more bay models than a page, the table shows its first page (read by the
        page's server, by name, handed over in the HTML) before the whole list, and those are
        the rows the whole list puts first: names of any case, nothing moves."""
        api, tag = aio.demo_session(), uuid.uuid4().hex[:4]
        names = [
            f"{word}-{tag}-{n}" for n in range(6) for word in ("Zeta", "alpha", "Beta", "gamma")
        ]
        body = {"coe": "swarm-mode", "server_type": "local", "flavor_id": "local.tiny"}
        try:
            for name in names:
                made = ui.api_call(
                    api, aio, "POST", "/clustertemplates", json={**body, "name": name}
                )
                assert made.status_code == 201, made.text
            browser.get(aio.dashboard_url + "project/bay_models/")
            first = ui.until(browser, lambda d: d.execute_script(SHOWN_NAMES))
            calls = browser.execute_script(
                "return performance.getEntriesByType('resource').map(function (e) {"
                " return e.name; }).filter(function (n) { return n.indexOf('bay_models/') > 0; });"
            )
            assert not any("limit=" in call for call in calls), calls
            assert browser.execute_script(
                "return document.getElementById('magnum-first-page-data') !== null"
            )
            listed = ui.api_call(api, aio, "GET", "/clustertemplates").json()["clustertemplates"]
            # Every bay model has come: the table holds them all.
            ui.until(browser, lambda d: d.execute_script(HELD) == len(listed))
            assert browser.execute_script(SHOWN_NAMES) == first
            assert len(first) == 20
            assert first == sorted((m["name"] for m in listed), key=str.lower)[:20]
        finally:
            for name in names:
                ui.api_call(api, aio, "DELETE", f"/clustertemplates/{name}")
