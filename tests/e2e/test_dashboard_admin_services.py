"""Admin → Container Infra → Services: the conductors, as the live table follows them.

Real dashboard, service, Keystone and conductor; headless Chromium logged in as
admin.  A conductor that stopped long ago is written into the service's
database (the test plays a crashed second conductor); nothing is mocked.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from selenium.webdriver import Chrome as WebDriver
from selenium.webdriver.common.by import By

from tests.allinone import AllInOne
from tests.e2e import dashboard as ui
from tests.e2e.browser import chromium, log_in

pytestmark = pytest.mark.e2e

PANEL = "admin/container_infra/services/"
GONE = f"e2e-gone-{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module")
def browser(aio: AllInOne) -> Iterator[WebDriver]:
    with chromium() as driver:
        ui.trap_alerts(driver)
        log_in(driver, aio.dashboard_url, "admin", aio.password)
        yield driver


@pytest.fixture
def gone_conductor(aio: AllInOne) -> Iterator[str]:
    """A conductor that registered an hour ago, disabled, and has not reported since."""
    aio.sql(
        'INSERT INTO magnum_service_conductorservice (host, "binary", disabled, disabled_reason,'
        " report_count, last_seen_up, forced_down, created_at, updated_at, reconciled)"
        " VALUES (%s, 'magnum-conductor', true, 'retired by e2e', 3, now() - interval '1 hour',"
        " false, now() - interval '1 hour', now() - interval '1 hour', '[]')",
        (GONE,),
    )
    yield GONE
    aio.sql("DELETE FROM magnum_service_conductorservice WHERE host = %s", (GONE,))


def state_label(driver: WebDriver, host: str) -> str:
    label = ui.row(driver, host).find_element(By.CSS_SELECTOR, ".label")
    return f"{label.text.strip()} {label.get_attribute('class')}"


def test_the_running_conductor_is_up_and_a_silent_one_down_until_it_is_gone(
    aio: AllInOne, browser: WebDriver, gone_conductor: str
) -> None:
    """The panel lists the all-in-one's conductor Up (green), a silent one Down (red) with
    why it is disabled, and drops a conductor's row by itself once it is removed."""
    # The all-in-one's own conductor reports every few seconds: the newest heartbeat (a
    # test may have run a second one, now silent).
    ((running,),) = aio.sql(
        "SELECT host FROM magnum_service_conductorservice"
        " ORDER BY last_seen_up DESC NULLS LAST LIMIT 1"
    )
    host = str(running)
    ui.open_panel(browser, aio, PANEL)

    assert ui.cell(browser, host, "Binary") == "magnum-conductor"
    assert state_label(browser, host).startswith("Up ")
    assert "label-success" in state_label(browser, host)
    assert ui.cell(browser, host, "Disabled") == "No"
    assert ui.cell(browser, host, "Last Seen") != "-"

    assert state_label(browser, gone_conductor).startswith("Down ")
    assert "label-danger" in state_label(browser, gone_conductor)
    assert ui.cell(browser, gone_conductor, "Disabled") == "Yes: retired by e2e"

    aio.sql("DELETE FROM magnum_service_conductorservice WHERE host = %s", (gone_conductor,))
    ui.until(browser, lambda d: not ui.rows(d, gone_conductor), timeout=30)
    assert ui.rows(browser, host)
    assert ui.still_same_page(browser), "the row went with a reload, not with the live table"
    assert ui.alerts(browser) == []
