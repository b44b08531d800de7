"""A throwaway all-in-one for a benchmark: its own state folder and ports."""

from __future__ import annotations

from contextlib import AbstractContextManager

from tests import allinone
from tests.allinone import AllInOne

# Apart from make run's and the tests' ports, so neither is disturbed.
PORTS = {
    "MAGNUM_UI_KEYSTONE_PORT": 25000,
    "MAGNUM_UI_API_PORT": 29511,
    "MAGNUM_UI_DASHBOARD_PORT": 28000,
    "MAGNUM_UI_POSTGRES_PORT": 25433,
    "MAGNUM_UI_HEAT_PORT": 28004,
}


def running() -> AbstractContextManager[AllInOne]:
    """A throwaway all-in-one on the benchmarks' ports (bays included in the clean-up)."""
    return allinone.running(PORTS, "mu-bench-")
