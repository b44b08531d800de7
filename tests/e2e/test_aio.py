"""The all-in-one end to end: real PostgreSQL, Keystone, service API, Horizon, Chromium."""

from __future__ import annotations

import json
import os
import socket
import stat
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.allinone import PORTS, REGISTRY_ADDRESS, AllInOne
from tests.e2e.browser import chromium, console_errors, log_in, screenshot

pytestmark = pytest.mark.e2e


def _token(aio: AllInOne, user: str, project: str) -> str:
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": user, "domain": {"id": "default"}, "password": aio.password}
                },
            },
            "scope": {"project": {"name": project, "domain": {"id": "default"}}},
        }
    }
    request = urllib.request.Request(
        aio.keystone_url + "/auth/tokens",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(response.headers["X-Subject-Token"])


def _get(url: str, token: str | None = None) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url, headers={"X-Auth-Token": token} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _listening() -> dict[int, set[str]]:
    """Listening TCP sockets of this machine: port -> local addresses (from /proc)."""
    found: dict[int, set[str]] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            next(lines)
            for line in lines:
                local, state = line.split()[1], line.split()[3]
                if state != "0A":  # LISTEN
                    continue
                address, port = local.split(":")
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    text = socket.inet_ntop(socket.AF_INET, raw[::-1])
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    text = socket.inet_ntop(socket.AF_INET6, words)
                found.setdefault(int(port, 16), set()).add(text)
    return found


def test_everything_listens_on_loopback_only(aio: AllInOne) -> None:
    """Every port is bound to 127.0.0.1 only; the registry's two to its own address only."""
    listening = _listening()
    for name, port in PORTS.items():
        wanted = {REGISTRY_ADDRESS} if "REGISTRY" in name else {"127.0.0.1"}
        assert listening.get(port) == wanted, f"{name} port {port}: {listening.get(port)}"


def test_catalog_lists_the_service_api(aio: AllInOne) -> None:
    """Keystone's catalog has identity and container-infra, both on 127.0.0.1."""
    token = _token(aio, "demo", "demo")
    status, body = _get(aio.keystone_url + "/auth/catalog", token)
    assert status == 200
    services = {s["type"]: s for s in body["catalog"]}  # type: ignore[attr-defined]
    assert set(services) >= {"identity", "container-infra"}
    urls = {e["url"] for e in services["container-infra"]["endpoints"]}
    assert urls == {aio.api_url}


def test_service_api_with_a_real_token(aio: AllInOne) -> None:
    """A demo token from real Keystone lists empty collections; no token is a 401."""
    token = _token(aio, "demo", "demo")
    assert _get(aio.api_url + "/clusters", token) == (200, {"clusters": []})
    status, templates = _get(aio.api_url + "/clustertemplates", token)
    names = [t["name"] for t in templates["clustertemplates"]]  # type: ignore[attr-defined]
    assert (status, names) == (200, ["local-swarm"])  # seeded, public
    status, body = _get(aio.api_url + "/clusters")
    assert status == 401
    assert body["errors"][0]["status"] == 401  # type: ignore[index]
    status, _ = _get(aio.api_url + "/clusters", "not-a-token")
    assert status == 401


def test_idle_connections_do_not_stop_the_service_api(aio: AllInOne) -> None:
    """100 connections that send nothing stay open while ordinary calls answer at once."""
    token = _token(aio, "demo", "demo")
    port = int(aio.api_url.split(":")[2].split("/")[0])
    idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(100)]
    try:
        times = []
        for _ in range(20):
            started = time.monotonic()
            status, _ = _get(aio.api_url + "/clusters", token)
            times.append(time.monotonic() - started)
            assert status == 200
        assert statistics.median(times) < 0.1, times
    finally:
        for connection in idle:
            connection.close()


def test_demo_sees_the_container_infra_panels(aio: AllInOne) -> None:
    """demo logs in with Chromium, lands on Bays (empty), and sees the seeded bay model."""
    with chromium() as driver:
        log_in(driver, aio.dashboard_url, "demo", aio.password)
        wait = WebDriverWait(driver, 30)
        assert driver.current_url == aio.dashboard_url + "project/bays/"
        pages = (
            ("project/bays/", "Bays", "No items to display."),
            ("project/bay_models/", "Bay Models", "local-swarm"),  # seeded by make run
        )
        for path, title, content in pages:
            driver.get(aio.dashboard_url + path)
            wait.until(
                expected_conditions.text_to_be_present_in_element(
                    (By.CSS_SELECTOR, "hz-resource-table tbody"), content
                )
            )
            assert driver.find_element(By.CSS_SELECTOR, ".page-header h1").text == title
            if content == "local-swarm":  # its Created column shows a date (rendered after the row)
                wait.until(
                    expected_conditions.text_to_be_present_in_element(
                        (By.CSS_SELECTOR, "hz-resource-table tbody"), str(time.gmtime().tm_year)
                    )
                )
            nav = driver.find_element(By.ID, "sidebar-accordion").text
            assert "Bay Models" in nav
            assert "Bays" in nav
            toasts = driver.find_elements(By.CSS_SELECTOR, ".alert-danger")
            assert [t.text for t in toasts if t.is_displayed()] == []
            screenshot(driver, f"aio-{path.strip('/').replace('/', '-')}")
            assert console_errors(driver) == [], f"the console of {path} logged errors"


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for entry in __import__("os").listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                args = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in args:
            found.append(f"{entry}: {args[:120]}")
    return found


def _create_project(aio: AllInOne, name: str) -> None:
    token = _token(aio, "admin", "admin")
    request = urllib.request.Request(
        aio.keystone_url + "/projects",
        data=json.dumps({"project": {"name": name, "domain_id": "default"}}).encode(),
        headers={"Content-Type": "application/json", "X-Auth-Token": token},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201


def test_stop_leaves_nothing_and_restart_keeps_data(aio: AllInOne) -> None:
    """Ctrl-C stops every process; the next run reuses the state and starts quickly."""
    _create_project(aio, "kept-across-restarts")
    out = aio.stop()
    assert "All-in-one stopped." in out
    assert _processes_mentioning(str(aio.state_dir)) == []
    for port in PORTS.values():
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still open"
    addresses = subprocess.run(["ip", "-4", "-o", "address"], capture_output=True, text=True)
    assert f" {REGISTRY_ADDRESS}/" not in addresses.stdout, "the registry's address is left"
    rules = subprocess.run(["iptables", "-S", "INPUT"], capture_output=True, text=True)
    assert REGISTRY_ADDRESS not in rules.stdout, "the registry's firewall rules are left"
    assert list((aio.state_dir / "run").glob("*.pid")) == []

    seconds = aio.start()
    print(f"second start took {seconds:.1f} s")  # reported, not asserted: see benchmarks/
    assert "static files ... ok" in aio.output
    token = _token(aio, "admin", "admin")
    status, body = _get(aio.keystone_url + "/projects?name=kept-across-restarts", token)
    assert status == 200
    assert len(body["projects"]) == 1  # type: ignore[arg-type]


def test_nothing_in_the_state_folder_is_readable_by_other_users(aio: AllInOne) -> None:
    """Every file or folder another user could reach under .state is closed to reading."""
    exposed = []
    for folder, dirs, names in os.walk(aio.state_dir):
        for name in [*dirs, *names]:
            path = Path(folder, name)
            mode = path.lstat().st_mode
            if (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) and mode & stat.S_IROTH:
                exposed.append(f"{oct(mode & 0o777)} {path.relative_to(aio.state_dir)}")
        # Others reach an entry only through folders they may pass (o+x): stop at closed ones.
        dirs[:] = [d for d in dirs if Path(folder, d).lstat().st_mode & stat.S_IXOTH]
    assert exposed == []
    for secret in ("secrets.json", "service/magnum-ui.conf", "heat/heat.conf",
                   "keystone/keystone.conf"):  # fmt: skip
        assert stat.S_IMODE((aio.state_dir / secret).stat().st_mode) == 0o600, secret
