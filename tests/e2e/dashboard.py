"""Horizon's Angular panels as an operator uses them, for the dashboard's e2e tests.

Rows are found by the name an operator reads, cells by their column's title,
row actions by their label: the same things a person looks for.  Every wait
is on a condition of the page, never a fixed time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from keystoneauth1 import session
from selenium import webdriver
from selenium.common.exceptions import (
    NoAlertPresentException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.allinone import AllInOne
from tests.e2e.browser import chromium, log_in, screenshot

# Installed in every page before its own scripts: any alert() (an injected
# script running) is recorded rather than blocking the page.
ALERT_TRAP = """
window.__alerts = [];
window.alert = function (message) { window.__alerts.push(String(message)); };
"""
SAME_PAGE = "window.__e2eSamePage = 'still the page the test opened'"
IS_SAME_PAGE = "return window.__e2eSamePage === 'still the page the test opened'"
TABLE = "hz-resource-table"


class Wait(WebDriverWait[WebDriver]):
    """Fails at once when an action's error toast shows, with a screenshot on time-out.

    A failed background read ("Unable to retrieve ...", e.g. a poll answered
    500 while the machine is overloaded) is not fatal: the next poll repeats
    it, and a state that never comes still times out.
    """

    def until(self, method: Callable[[WebDriver], Any], message: str = "") -> Any:
        def checked(driver: WebDriver) -> Any:
            errors = [e for e in toasts(driver, "danger") if "Unable to retrieve" not in e]
            assert not errors, f"the page shows an error: {errors}"
            return method(driver)

        try:
            return super().until(checked, message)
        except TimeoutException:
            screenshot(self._driver, "dashboard-timed-out")  # type: ignore[arg-type]
            raise


def wait(driver: WebDriver, timeout: float = 30) -> Wait:
    return Wait(
        driver, timeout, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]
    )


def trap_alerts(driver: WebDriver) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})


@contextlib.contextmanager
def demo_browser(aio: AllInOne, downloads: Path | None = None) -> Iterator[webdriver.Chrome]:
    """Headless Chromium logged in as ``demo``, its alert() calls trapped (see :func:`alerts`)."""
    with chromium(downloads) as driver:
        trap_alerts(driver)
        log_in(driver, aio.dashboard_url, "demo", aio.password)
        yield driver


def alerts(driver: WebDriver) -> list[str]:
    """The alert() calls the page made (trapped), plus a real dialog if one is open."""
    found: list[str] = list(driver.execute_script("return window.__alerts || []"))
    with contextlib.suppress(NoAlertPresentException):
        found.append(driver.switch_to.alert.text)
    return found


def open_panel(driver: WebDriver, aio: AllInOne, path: str) -> None:
    """Open a panel and wait until its table has loaded (rows, or its no-items row)."""
    driver.get(aio.dashboard_url + path)
    wait(driver).until(
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, f"{TABLE} tbody tr[ng-repeat-start]")
            or d.find_elements(By.CSS_SELECTOR, f"{TABLE} tbody tr[hz-no-items] td")
        )
    )
    driver.execute_script(SAME_PAGE)


def still_same_page(driver: WebDriver) -> bool:
    """True while no navigation (reload, new document) happened since open_panel()."""
    return bool(driver.execute_script(IS_SAME_PAGE))


def _row_xpath(name: str) -> str:
    return f"//{TABLE}//tbody/tr[@ng-repeat-start][td[normalize-space(.)={_xpath_literal(name)}]]"


def rows(driver: WebDriver, name: str) -> list[WebElement]:
    return driver.find_elements(By.XPATH, _row_xpath(name))


def row(driver: WebDriver, name: str, timeout: float = 30) -> WebElement:
    """The table row whose name cell reads ``name`` (waits for it)."""
    found: list[WebElement] = wait(driver, timeout).until(lambda d: rows(d, name))
    return found[0]


def cell(driver: WebDriver, name: str, column: str) -> str:
    """The text of the row's cell under the column titled ``column``."""
    headers = driver.find_elements(By.CSS_SELECTOR, f"{TABLE} thead tr:nth-child(2) th")
    titles = [h.text.strip() for h in headers]
    index = titles.index(column)
    cells = row(driver, name).find_elements(By.XPATH, "./td")
    return str(cells[index].text.strip())


def wait_for_cell(
    driver: WebDriver, name: str, column: str, wanted: str, timeout: float = 180
) -> None:
    """Wait until the cell reads ``wanted``, without reloading: the page must update itself."""

    def shows(d: WebDriver) -> bool:
        assert still_same_page(d), "the page was reloaded or left"
        return cell(d, name, column) == wanted

    wait(driver, timeout).until(shows, f"{name}: {column} never read {wanted!r}")


def global_action(driver: WebDriver, label: str) -> None:
    """Click a button above the table (e.g. "Create Bay")."""
    xpath = f"//{TABLE}//actions//button[normalize-space(.)={_xpath_literal(label)}]"
    wait(driver).until(expected_conditions.element_to_be_clickable((By.XPATH, xpath))).click()


def row_action(driver: WebDriver, name: str, label: str) -> None:
    """Run one of a row's actions: its first button, or an entry of its menu."""
    _action(driver, f"{_row_xpath(name)}/td[contains(@class,'actions_column')]", label)


def details_action(driver: WebDriver, label: str) -> None:
    """Run one of a details page's actions (beside the item's name), as row_action()."""
    _action(driver, "//div[contains(@class,'details-item-actions')]", label)


def _action(driver: WebDriver, actions: str, label: str) -> None:
    literal = _xpath_literal(label)
    # The actions appear once their policy checks have answered.
    first = wait(driver).until(
        lambda d: d.find_elements(By.XPATH, f"{actions}//button[contains(@class,'split-button')]")
    )[0]
    if first.text.strip() == label:
        first.click()
        return
    driver.find_element(By.XPATH, f"{actions}//button[contains(@class,'dropdown-toggle')]").click()
    menu = f"{actions}//ul[contains(@class,'dropdown-menu')]"
    entry = (By.XPATH, f"{menu}//a[normalize-space(.)={literal}]")
    wait(driver).until(expected_conditions.element_to_be_clickable(entry)).click()


def modal(driver: WebDriver) -> WebElement:
    """The open modal dialog (waits until it is shown)."""
    found: WebElement = wait(driver).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog"))
    )
    return found


def no_modal(driver: WebDriver) -> None:
    wait(driver).until(
        lambda d: not [m for m in d.find_elements(By.CSS_SELECTOR, ".modal-dialog") if _shown(m)]
    )


def toasts(driver: WebDriver, kind: str) -> list[str]:
    """The texts of the visible toasts of a kind (success, danger, info, ...)."""
    found = driver.find_elements(By.CSS_SELECTOR, f".alert-{kind}")
    return [t.text for t in found if _shown(t)]


def wait_for_toast(driver: WebDriver, kind: str, containing: str) -> str:
    found = wait(driver).until(
        lambda d: next((t for t in toasts(d, kind) if containing in t), None),
        f"no {kind} toast with {containing!r}",
    )
    return str(found)


def api_call(api: session.Session, aio: AllInOne, method: str, path: str, **kw: Any) -> Any:
    headers = {"OpenStack-API-Version": "container-infra latest"}
    return api.request(aio.api_url + path, method, headers=headers, raise_exc=False, **kw)


def fill(driver: WebDriver, field_id: str, text: str) -> None:
    """Type into a form field once it can take it (dialogs fade in)."""
    clickable = expected_conditions.element_to_be_clickable((By.ID, field_id))
    field = until(driver, clickable)
    field.clear()
    field.send_keys(text)


def field_error(driver: WebDriver, field_id: str) -> str:
    """The error shown next to a field ('' when its form group is not in error)."""
    group = driver.find_element(
        By.XPATH, f"//*[@id='{field_id}']/ancestor::div[contains(@class,'form-group')][1]"
    )
    if "has-error" not in (group.get_attribute("class") or ""):
        return ""
    blocks = group.find_elements(By.CSS_SELECTOR, ".help-block")
    return " ".join(b.text for b in blocks if b.is_displayed())


def until(driver: WebDriver, condition: Callable[[WebDriver], Any], timeout: float = 30) -> Any:
    return wait(driver, timeout).until(condition)


def _shown(element: WebElement) -> bool:
    try:
        return element.is_displayed()
    except StaleElementReferenceException:
        return False


def _xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    parts = text.split("'")
    return "concat(" + ', "\'", '.join(f"'{p}'" for p in parts) + ")"
