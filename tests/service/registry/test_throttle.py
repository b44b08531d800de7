"""The token service's bound on wrong passwords per address."""

from __future__ import annotations

import ipaddress
import threading

import pytest

from magnum_ui.service.registry import throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_waits_once_it_has_failed_too_often_until_the_window_has_passed() -> None:
    clock = Clock()
    guesses = throttle.Throttle(3, 60.0, clock)
    for _ in range(2):
        guesses.failed("10.0.0.1")
        clock.now += 10
    assert guesses.wait("10.0.0.1") == 0
    guesses.failed("10.0.0.1")  # three within 20 s
    assert guesses.wait("10.0.0.1") == 40  # the first is 20 s old
    assert guesses.wait("10.0.0.2") == 0
    clock.now += 39.5
    assert guesses.wait("10.0.0.1") == 1
    clock.now += 0.5
    assert guesses.wait("10.0.0.1") == 0  # the first has gone by: two in the window


def test_failures_older_than_the_window_are_forgotten() -> None:
    clock = Clock()
    guesses = throttle.Throttle(2, 5.0, clock)
    guesses.failed("a")
    clock.now += 6
    guesses.failed("a")
    assert guesses.wait("a") == 0


def test_it_remembers_a_bounded_number_of_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A flood of addresses forgets the longest quiet ones, not the counts of the busy."""
    monkeypatch.setattr(throttle, "MOST_ADDRESSES", 3)
    guesses = throttle.Throttle(1, 60.0, Clock())
    for address in ("a", "b", "c", "d"):
        guesses.failed(address)
    assert guesses.wait("a") == 0
    assert [guesses.wait(x) > 0 for x in ("b", "c", "d")] == [True, True, True]


def test_threads_count_every_failure() -> None:
    """8 threads of 500 failures: exactly 4,000 counted."""
    exact, one_more = throttle.Throttle(4000, 60.0), throttle.Throttle(4001, 60.0)

    def fail() -> None:
        for _ in range(500):
            exact.failed("a")
            one_more.failed("a")

    threads = [threading.Thread(target=fail) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (exact.wait("a") > 0, one_more.wait("a")) == (True, 0)


@pytest.mark.parametrize(
    ("address", "expected"),
    [("10.213.4.9", "10.213.4.0/24"), ("10.213.4.250", "10.213.4.0/24"),
     ("10.214.4.9", "10.214.4.9"), ("fe80::1", "fe80::1"), ("", "")],
)  # fmt: skip
def test_a_local_bays_nodes_are_one_source(address: str, expected: str) -> None:
    """Inside the local nodes' pool an address stands for its bay's /24; outside, itself."""
    assert throttle.source(address, ipaddress.IPv4Network("10.213.0.0/16")) == expected
