"""Headless Chromium for the end-to-end tests (flags from docs/testing.md)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
)
# Console messages that are not the product's, left out of console_errors():
# - Chromium asks every page for /favicon.ico, which Horizon does not serve there;
# - Chromium aborts the requests under way when this machine's network changes
#   (a local bay's nodes add interfaces to the host), and Horizon's own code
#   (not this dashboard's) leaves such an aborted request (status -1) unhandled.
NOT_THE_PRODUCTS = (
    re.compile(r"/favicon\.ico - Failed to load resource"),
    re.compile(r"net::ERR_NETWORK_CHANGED"),
    re.compile(r'unhandled rejection: .*status\\?":-1,.*url\\?":\\?"/api/(?!container_infra/)'),
)


@contextmanager
def chromium(downloads: Path | None = None) -> Iterator[webdriver.Chrome]:
    """Headless Chromium; with ``downloads``, files the pages download are saved there."""
    with tempfile.TemporaryDirectory(prefix="magnum-ui-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        # Every page's console, kept by chromedriver until console_errors() reads it.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        if downloads is not None:
            driver.execute_cdp_cmd(
                "Browser.setDownloadBehavior",
                {"behavior": "allow", "downloadPath": str(downloads)},
            )
        try:
            yield driver
        finally:
            driver.quit()


def expect_refusal(driver: webdriver.Chrome, url_part: str, status: int) -> None:
    """Tell console_errors() that the test makes the server refuse a request of its own.

    Chromium logs every 4xx answer as an error ("Failed to load resource"),
    also the one a test of bad input asks for: that one is not a fault.
    """
    expected = getattr(driver, "expected_refusals", [])
    expected.append(re.compile(re.escape(url_part) + rf".* status of {status} "))
    driver.expected_refusals = expected  # type: ignore[attr-defined]


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """The console's errors since the last call, on every page visited, less NOT_THE_PRODUCTS
    and the refusals the test expected (expect_refusal, forgotten once read).

    SEVERE is what a page logged as an error (AngularJS's "$apply already in
    progress", "Possibly unhandled rejection"), an uncaught exception or
    rejection, and a request that failed.
    """
    allowed = [*NOT_THE_PRODUCTS, *getattr(driver, "expected_refusals", [])]
    driver.expected_refusals = []  # type: ignore[attr-defined]
    entries = driver.get_log("browser")
    return [
        str(entry["message"])
        for entry in entries
        if entry["level"] == "SEVERE"
        and not any(pattern.search(entry["message"]) for pattern in allowed)
    ]


def log_in(driver: webdriver.Chrome, base_url: str, username: str, password: str) -> None:
    """Log in through Horizon's form, as a person would."""
    driver.get(base_url + "auth/login/")
    wait = WebDriverWait(driver, 30)
    wait.until(expected_conditions.presence_of_element_located((By.ID, "id_username")))
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait.until(lambda d: "/auth/login" not in d.current_url)


def screenshot(driver: webdriver.Chrome, name: str) -> Path:
    """Save a screenshot under test-artifacts/ (kept by CI) and return its path."""
    folder = Path(__file__).resolve().parents[2] / "test-artifacts"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
