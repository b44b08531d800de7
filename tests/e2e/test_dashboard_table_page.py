"""The Bays and Bay Models pages draw their first rows before the scripts run.

Real dashboard, service and Keystone; headless Chromium as demo.  The rows the
server draws must be the rows the AngularJS table then shows (same columns,
same text, same order, same links), escaped, and gone once the table has its
own; nothing is mocked.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.common.by import By

from tests.allinone import AllInOne
from tests.e2e import dashboard as ui
from tests.e2e.browser import screenshot

pytestmark = pytest.mark.e2e

SUFFIX = uuid.uuid4().hex[:6]
# Names that sort first: on the first page.
FIRST = f"A0-e2e-drawn-{SUFFIX}"
SECOND = f"a1-e2e-drawn-{SUFFIX}"
# An image field whose value is markup: it must read as text.
MARKUP = "<b>bold</b><img src=x onerror=alert(2)>"

# The header and the cells of a table's rows, without the selection, expander
# and action columns (the actions' header is blank); each row's link.
READ = """
var table = arguments[0], rowSelector = arguments[1];
function texts(cells) {
  return Array.prototype.filter.call(cells, function (cell) {
    return !/multi_select_column|expander|actions_column/.test(cell.className);
  }).map(function (cell) { return cell.textContent.replace(/\\s+/g, ' ').trim(); });
}
var heads = table.querySelectorAll('thead tr:nth-child(2) th');
return {
  header: texts(heads),
  rows: Array.prototype.map.call(table.querySelectorAll(rowSelector), function (row) {
    var link = row.querySelector('a');
    return {cells: texts(row.querySelectorAll('td')), link: link ? link.href : null,
            bold: row.querySelectorAll('b').length};
  })
};
"""


@pytest.fixture(scope="module")
def browser(aio: AllInOne) -> Iterator[WebDriver]:
    with ui.demo_browser(aio) as driver:
        yield driver


@pytest.fixture(scope="module", autouse=True)
def bay_models(aio: AllInOne) -> Iterator[None]:
    """Two bay models whose names sort first (the second's image is markup); deleted at the end."""
    api = aio.demo_session()
    made = []
    for name, image in ((FIRST, None), (SECOND, MARKUP)):
        body = {"name": name, "coe": "swarm-mode", "server_type": "local", "image_id": image}
        answer = ui.api_call(api, aio, "POST", "/clustertemplates", json=body)
        assert answer.status_code == 201, answer.text
        made.append(answer.json()["uuid"])
    yield
    for model in made:
        ui.api_call(api, aio, "DELETE", f"/clustertemplates/{model}")


def _drawn(driver: WebDriver, aio: AllInOne, path: str) -> dict[str, Any]:
    """The page as the server sent it, scripts off: its drawn table."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(aio.dashboard_url + path)
        table = driver.find_element(By.CSS_SELECTOR, ".magnum-first-page table")
        found: dict[str, Any] = driver.execute_script(READ, table, "tbody tr")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    return found


def _live(driver: WebDriver, aio: AllInOne, path: str) -> dict[str, Any]:
    """The page once the AngularJS table has drawn its first rows."""
    ui.open_panel(driver, aio, path)
    table = driver.find_element(By.CSS_SELECTOR, ui.TABLE)
    found: dict[str, Any] = driver.execute_script(READ, table, "tbody tr[ng-repeat-start]")
    return found


@pytest.mark.parametrize("path", ["project/bay_models/", "project/bays/"])
def test_the_drawn_rows_are_the_tables_rows(browser: WebDriver, aio: AllInOne, path: str) -> None:
    """Same header, cells, order and links before and after the table takes over; the
    drawing is gone then, and nothing of it ran as markup."""
    drawn = _drawn(browser, aio, path)
    live = _live(browser, aio, path)
    where = screenshot(browser, f"table-page-{path.split('/')[1]}")
    assert drawn["header"] == live["header"], where
    if live["rows"]:
        assert drawn["rows"] == live["rows"], where
    else:  # no bays: both say so
        assert [row["cells"] for row in drawn["rows"]] == [["No items to display."]], where
    assert not browser.find_elements(By.CSS_SELECTOR, ".magnum-first-page")
    assert not ui.alerts(browser)


def test_the_bay_models_first_page_is_drawn_escaped(browser: WebDriver, aio: AllInOne) -> None:
    """In the table's order (names regardless of case); markup reads as text; names link
    to the items' pages."""
    drawn = _drawn(browser, aio, "project/bay_models/")
    first, second = drawn["rows"][:2]
    assert [first["cells"][0], second["cells"][0]] == [FIRST, SECOND]
    assert second["cells"][2] == MARKUP
    assert second["bold"] == 0
    assert "/ngdetails/OS::Magnum::BayModel/" in first["link"]
    assert drawn["header"] == [
        "Name", "COE", "Image", "Public", "Hidden", "Server Type", "Created", "",
    ]  # fmt: skip
